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
	Title: Text{
		En: "a page or plugin path in app.json or plugin.json is written in a form the compiler rejects",
		Zh: "app.json 或 plugin.json 中页面或插件路径的写法会被编译器拒绝",
	},
	Explanation: Text{
		En: `The paths of app.json's pages (in the main package and in subpackages), of its subpackage ` +
			`roots, and of plugin.json's ` +
			`publicComponents, pages and main are written relative to their root, with "/" between directories: ` +
			`the official compiler rejects a path that is empty or not a string, that starts with "/", "." or a space, ` +
			`or that contains "\\", "//" or "../". It says so at upload, one path at a time; fpcheck reports every ` +
			`one at its value.`,
		Zh: `app.json 中的页面路径（主包和分包中的）、分包的根目录，以及 plugin.json 中 "publicComponents"、"pages" 和 ` +
			`"main" 的路径，都相对各自的根目录书写，目录之间用 "/" 分隔：为空或不是字符串、以 "/"、"." 或空格开头、` +
			`含有 "\\"、"//" 或 "../" 的路径，官方编译器都会拒绝。编译器在上传时才报错，而且一次只报一个路径；` +
			`fpcheck 会在每个值处逐一报告。`,
	},
	Bad:  "app.json\n{\"pages\": [\"/pages/index/index\"]}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\"]}",
	Tags: []string{"config", "upload"},
	Messages: Catalog{
		"type": {
			En: `%s must be a path string, found %s`,
			Zh: `%s必须是字符串，实际为%s`,
		},
		"empty": {
			En: `%s must not be empty`,
			Zh: `%s不能为空`,
		},
		"start": {
			En: `%s %q must not start with %q; write it relative to the root, such as "pages/index/index"`,
			Zh: `%s %q 不能以 %q 开头；请相对根目录书写，例如 "pages/index/index"`,
		},
		"contain": {
			En: `%s %q must not contain %q`,
			Zh: `%s %q 中不能含有 %q`,
		},
		// What the path is; the Chinese names the path, so that the
		// messages above read "页面路径不能为空".
		"app-page":  {En: `page`, Zh: `页面路径`},
		"root":      {En: `subpackage root`, Zh: `分包根目录`},
		"plugin-kv": {En: `%s[%q]`, Zh: `%s[%q] 的路径`},
		"main":      {En: `"main"`, Zh: `"main" 的路径`},
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
