package rules

import (
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type invalidConfigPath struct{}

func init() { register(invalidConfigPath{}) }

var invalidConfigPathMeta = &Meta{
	ID:       "invalid-config-path",
	Severity: Error,
	Title:    Text{En: "a page or plugin path in app.json or plugin.json is written in a form the compiler rejects"},
	Explanation: Text{En: `The paths of app.json's pages (in the main package and in subpackages), of its subpackage ` +
		`roots, and of plugin.json's ` +
		`publicComponents, pages and main are written relative to their root, with "/" between directories: ` +
		`the official compiler rejects a path that is empty or not a string, that starts with "/", "." or a space, ` +
		`or that contains "\\", "//" or "../". It says so at upload, one path at a time; fpcheck reports every ` +
		`one at its value.`},
	Bad:  "app.json\n{\"pages\": [\"/pages/index/index\"]}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\"]}",
	Tags: []string{"config", "upload"},
	Messages: Catalog{
		"type":      {En: `%s must be a path string, found %s`},
		"empty":     {En: `%s must not be empty`},
		"start":     {En: `%s %q must not start with %q; write it relative to the root, such as "pages/index/index"`},
		"contain":   {En: `%s %q must not contain %q`},
		"app-page":  {En: `page`},
		"root":      {En: `subpackage root`},
		"plugin-kv": {En: `%s[%q]`},
		"main":      {En: `"main"`},
	},
}

func (invalidConfigPath) Meta() *Meta { return invalidConfigPathMeta }

func (invalidConfigPath) Check(c *Context) {
	app := c.Project.App()
	if app.File != nil && app.File.JSON != nil {
		for _, v := range app.File.JSON.Root().Get("pages").Elements() {
			checkConfigPath(c, app.File, v, c.Format("app-page"))
		}
		for _, d := range app.SubpackageDecls {
			if d.RawRoot.Exists() {
				checkConfigPath(c, app.File, d.RawRoot, c.Format("root"))
			}
			for _, v := range d.Pages {
				checkConfigPath(c, app.File, v, c.Format("app-page"))
			}
		}
	}
	pl := c.Project.Plugin()
	if pl.File == nil || pl.File.JSON == nil {
		return
	}
	for _, group := range []struct {
		key     string
		members []jsonpos.Member
	}{{"publicComponents", pl.PublicComponents}, {"pages", pl.Pages}} {
		for _, m := range group.members {
			if !m.Duplicate {
				checkConfigPath(c, pl.File, m.Value, c.Format("plugin-kv", group.key, m.Key))
			}
		}
	}
	if pl.Main.Exists() {
		checkConfigPath(c, pl.File, pl.Main, c.Format("main"))
	}
}

// checkConfigPath applies the compiler's path rules to v.
func checkConfigPath(c *Context, f *project.File, v jsonpos.Value, what Message) {
	if v.Kind() != jsonpos.String {
		c.Report(f, v.Start(), v.End(), "type", what, describeJSON(v))
		return
	}
	switch key, arg := pathProblem(v.Str()); key {
	case "empty":
		c.Report(f, v.Start(), v.End(), key, what)
	case "start", "contain":
		c.Report(f, v.Start(), v.End(), key, what, shorten(v.Str()), arg)
	}
}

// pathProblem says what is wrong with a declared path, as the compiler's
// checkPath does ("" when nothing is): "empty", or "start" or "contain"
// with the offending text.
func pathProblem(s string) (key, arg string) {
	switch {
	case s == "":
		return "empty", ""
	case strings.Contains(s, `\`):
		return "contain", `\`
	case strings.Contains(s, "//"):
		return "contain", "//"
	case strings.HasPrefix(s, "."), strings.HasPrefix(s, "/"), strings.HasPrefix(s, " "):
		return "start", s[:1]
	case strings.Contains(s, "../") || strings.HasSuffix(s, "/.."):
		return "contain", "../"
	}
	return "", ""
}
