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
	Title: Text{
		En: `an app.json "resolveAlias" entry is one the compiler rejects`,
		Zh: `app.json 的 "resolveAlias" 中有会被编译器拒绝的条目`,
	},
	Explanation: Text{
		En: `Each "resolveAlias" entry maps a prefix to a path from the mini-program root, such as ` +
			`{"@/*": "/*"} or {"~/utils/*": "utils/*"}. The official compiler rejects an entry whose key and value do ` +
			`not both end with "/*", whose value starts with "./", or that contains "//" - and a malformed alias ` +
			`does not resolve what it seems to. A value that climbs out of the project ("/../../lib/*") names nothing ` +
			`the upload can hold. fpcheck reports each at the entry.`,
		Zh: `"resolveAlias" 的每一项把一个前缀映射到从小程序根目录起的路径，例如 {"@/*": "/*"} 或 ` +
			`{"~/utils/*": "utils/*"}。键或值不以 "/*" 结尾、值以 "./" 开头，或含有 "//" 的条目，官方编译器都会` +
			`拒绝；写错的别名也解析不到它看上去指向的文件。跳出项目的值（"/../../lib/*"）指向的内容不可能包含在上传` +
			`的代码中。fpcheck 会在每个条目处报告。`,
	},
	Bad:  "app.json\n{\"resolveAlias\": {\"@\": \"./src\"}}",
	Good: "app.json\n{\"resolveAlias\": {\"@/*\": \"/src/*\"}}",
	Tags: []string{"config", "upload", "dependencies"},
	Messages: Catalog{
		"star": {
			En: `resolveAlias %q: %q: the key and the value must both end with "/*", such as "@/*": "/*"`,
			Zh: `resolveAlias %q 的 %q：键和值都必须以 "/*" 结尾，例如 "@/*": "/*"`,
		},
		"dot": {
			En: `resolveAlias %q: the value %q must not start with "./"; write it from the mini-program root, such as "/utils/*"`,
			Zh: `resolveAlias %q 的值 %q 不能以 "./" 开头；请从小程序根目录写起，例如 "/utils/*"`,
		},
		"double": {
			En: `resolveAlias %q: %q must not contain "//"`,
			Zh: `resolveAlias %q 的 %q 中不能含有 "//"`,
		},
		"type": {
			En: `resolveAlias %q must be a string path such as "/utils/*", found %s`,
			Zh: `resolveAlias %q 必须是字符串路径，例如 "/utils/*"，实际为%s`,
		},
		"outside": {
			En: `resolveAlias %q: the value %q leads outside the project; an alias names a path from the mini-program root, ` +
				`and fpcheck never reads outside DIR`,
			Zh: `resolveAlias %q 的值 %q 指向项目之外；别名表示从小程序根目录起的路径，而 fpcheck 从不读取 DIR 以外的内容`,
		},
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
