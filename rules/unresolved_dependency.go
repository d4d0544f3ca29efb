package rules

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
)

type unresolvedDependency struct{}

func init() { register(unresolvedDependency{}) }

// maxCandidates bounds the paths a message lists.
const maxCandidates = 6

var unresolvedDependencyMeta = &Meta{
	ID:       "unresolved-dependency",
	Severity: Error,
	Title:    "a dependency does not resolve to a file",
	Explanation: `A require/import, template (<import>/<include>), <wxs src>, wxss @import or component path names ` +
		`no file that will be uploaded, so it fails to load on the phone. fpcheck resolves as the platform does ` +
		`(relative paths; "/" from the root in WXML, WXSS and JSON; resolveAlias; .ts with the TypeScript plugin; ` +
		`.js appended; no index.js for local directories; miniprogram_npm walking up) and lists the paths it ` +
		`tried. Files left out by packOptions.ignore, and files outside the mini-program root, are not uploaded ` +
		`and count as missing. Package names are not reported when package.json lists them (miniprogram_npm is ` +
		`often built in CI), nor Node built-ins, nor useExtendedLib libraries.`,
	Bad:  "pages/index/index.js\nconst util = require('../../utils/utll')",
	Good: "pages/index/index.js\nconst util = require('../../utils/util')",
	Tags: []string{"dependencies", "correctness"},
	Messages: withKinds(map[string]string{
		"missing": `%s %q does not resolve to a file that will be uploaded; tried %s`,
		"outside": `%s %q leaves the project`,
	}),
}

func (unresolvedDependency) Meta() *Meta { return unresolvedDependencyMeta }

func (unresolvedDependency) Check(c *Context) {
	known := npmNames(c.Project)
	for i := range c.Graph.Edges {
		e := &c.Graph.Edges[i]
		if e.Plugin || e.Target.Found || e.FromPkg == nil {
			continue
		}
		spec := strings.TrimSpace(e.Specifier)
		if resolve.IsPackageName(spec) && (known[packageName(spec)] || nodeBuiltins[packageName(spec)]) {
			continue
		}
		if len(e.Target.Candidates) == 0 {
			if !resolve.IsPackageName(spec) {
				c.Report(e.From, e.Start, e.End, "outside", kindPhrase(c, e), e.Specifier)
			}
			continue
		}
		tried := e.Target.Candidates
		more := ""
		if len(tried) > maxCandidates {
			more = ", …"
			tried = tried[:maxCandidates]
		}
		c.Report(e.From, e.Start, e.End, "missing", kindPhrase(c, e), e.Specifier, strings.Join(tried, ", ")+more)
	}
}

// npmNames are the package names the project declares (package.json at
// DIR and at the mini-program root) or gets from useExtendedLib: they may
// be built into miniprogram_npm later, by the IDE or CI.
func npmNames(p *project.Project) map[string]bool {
	names := map[string]bool{}
	for _, rel := range []string{"package.json", path.Join(p.MiniRoot, "package.json")} {
		f := p.File(rel)
		if f == nil || f.JSON == nil {
			continue
		}
		for _, key := range []string{"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"} {
			for _, m := range f.JSON.Root().Get(key).Members() {
				names[m.Key] = true
			}
		}
	}
	if app := p.App(); app.File != nil && app.File.JSON != nil {
		for _, m := range app.File.JSON.Root().Get("useExtendedLib").Members() {
			if b, ok := m.Value.Bool(); ok && b || m.Value.Kind() == jsonpos.String {
				names[m.Key] = true
				names[m.Key+"-miniprogram"] = true
			}
		}
	}
	return names
}

// packageName is the package part of a bare specifier: "@vant/weapp" for
// "@vant/weapp/button/index", "dayjs" for "dayjs/plugin/utc".
func packageName(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// nodeBuiltins are Node.js modules, required by build scripts that live
// inside a mini-program root at the top of a repository.
var nodeBuiltins = map[string]bool{
	"assert": true, "buffer": true, "child_process": true, "crypto": true, "events": true, "fs": true,
	"http": true, "https": true, "net": true, "os": true, "path": true, "process": true, "querystring": true,
	"readline": true, "stream": true, "string_decoder": true, "timers": true, "tls": true, "url": true,
	"util": true, "vm": true, "worker_threads": true, "zlib": true,
}
