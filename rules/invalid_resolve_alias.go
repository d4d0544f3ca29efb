package rules

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
)

type invalidResolveAlias struct{}

func init() { register(invalidResolveAlias{}) }

var invalidResolveAliasMeta = &Meta{
	ID:       "invalid-resolve-alias",
	Severity: Error,
	Title:    Text{En: `an app.json "resolveAlias" entry is one the compiler rejects`},
	Explanation: Text{En: `Each "resolveAlias" entry maps a prefix to a path from the mini-program root, such as ` +
		`{"@/*": "/*"} or {"~/utils/*": "utils/*"}. The official compiler rejects an entry whose key and value do ` +
		`not both end with "/*", whose value starts with "./", or that contains "//" - and a malformed alias ` +
		`does not resolve what it seems to. A value that climbs out of the project ("/../../lib/*") names nothing ` +
		`the upload can hold. fpcheck reports each at the entry.`},
	Bad:  "app.json\n{\"resolveAlias\": {\"@\": \"./src\"}}",
	Good: "app.json\n{\"resolveAlias\": {\"@/*\": \"/src/*\"}}",
	Tags: []string{"config", "upload", "dependencies"},
	Messages: Catalog{
		"star":   {En: `resolveAlias %q: %q: the key and the value must both end with "/*", such as "@/*": "/*"`},
		"dot":    {En: `resolveAlias %q: the value %q must not start with "./"; write it from the mini-program root, such as "/utils/*"`},
		"double": {En: `resolveAlias %q: %q must not contain "//"`},
		"type":   {En: `resolveAlias %q must be a string path such as "/utils/*", found %s`},
		"outside": {En: `resolveAlias %q: the value %q leads outside the project; an alias names a path from the mini-program root, ` +
			`and fpcheck never reads outside DIR`},
	},
}

func (invalidResolveAlias) Meta() *Meta { return invalidResolveAliasMeta }

func (invalidResolveAlias) Check(c *Context) {
	app := c.Project.App()
	if app.File == nil || app.File.JSON == nil {
		return
	}
	for _, m := range app.File.JSON.Root().Get("resolveAlias").Members() {
		v := m.Value
		if v.Kind() != jsonpos.String {
			c.Report(app.File, v.Start(), v.End(), "type", m.Key, describeJSON(v))
			continue
		}
		switch k, s := m.Key, v.Str(); {
		case strings.Contains(k, "//") || strings.Contains(s, "//"):
			c.Report(app.File, m.KeyStart, v.End(), "double", k, s)
		case strings.HasPrefix(s, "./"):
			c.Report(app.File, v.Start(), v.End(), "dot", k, s)
		case !strings.HasSuffix(k, "/*") || !strings.HasSuffix(s, "/*"):
			c.Report(app.File, m.KeyStart, v.End(), "star", k, s)
		case leavesProject(c.Project.MiniRoot, s):
			c.Report(app.File, v.Start(), v.End(), "outside", k, s)
		}
	}
}

// leavesProject reports whether the alias value s, read from the
// mini-program root as the resolver reads it, climbs out of the project.
func leavesProject(miniRoot, s string) bool {
	rel := path.Join(miniRoot, strings.TrimLeft(strings.TrimSuffix(s, "*"), "/"))
	return rel == ".." || strings.HasPrefix(rel, "../")
}
