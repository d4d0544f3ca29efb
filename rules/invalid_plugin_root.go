package rules

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type invalidPluginRoot struct{}

func init() { register(invalidPluginRoot{}) }

var invalidPluginRootMeta = &Meta{
	ID:       "invalid-plugin-root",
	Severity: Error,
	Title: Text{
		En: `a plugin project's "pluginRoot" is missing, is the mini-program root, or has no plugin.json`,
		Zh: `插件项目的 "pluginRoot" 缺失、与小程序根目录相同，或其中没有 plugin.json`,
	},
	Explanation: Text{
		En: `A plugin project (project.config.json "compileType": "plugin") names the plugin's directory in ` +
			`"pluginRoot"; the official compiler rejects the project when it is missing, when it is the same ` +
			`directory as "miniprogramRoot" (the host mini-program used for debugging and review), or when it holds ` +
			`no plugin.json.`,
		Zh: `插件项目（project.config.json 中 "compileType": "plugin"）用 "pluginRoot" 指定插件所在的目录；缺少这个` +
			`字段、它与 "miniprogramRoot"（用于调试和审核的宿主小程序）是同一目录，或目录中没有 plugin.json 时，` +
			`官方编译器都会拒绝这个项目。`,
	},
	Bad:  "project.config.json\n{\"compileType\": \"plugin\", \"miniprogramRoot\": \"plugin/\", \"pluginRoot\": \"plugin/\"}",
	Good: "project.config.json\n{\"compileType\": \"plugin\", \"miniprogramRoot\": \"miniprogram/\", \"pluginRoot\": \"plugin/\"}",
	Tags: []string{"plugins", "config", "upload"},
	Messages: Catalog{
		"missing": {
			En: `a plugin project needs "pluginRoot": the directory of the plugin, such as "plugin/"`,
			Zh: `插件项目需要 "pluginRoot"，即插件所在的目录，例如 "plugin/"`,
		},
		"same": {
			En: `"pluginRoot" %q is the same directory as "miniprogramRoot"; the plugin and its host mini-program need directories of their own`,
			Zh: `"pluginRoot" %q 与 "miniprogramRoot" 是同一目录；插件和它的宿主小程序需要各自的目录`,
		},
		"no-plugin": {
			En: `"pluginRoot" %q holds no plugin.json`,
			Zh: `"pluginRoot" %q 中没有 plugin.json`,
		},
	},
}

func (invalidPluginRoot) Meta() *Meta { return invalidPluginRootMeta }

func (invalidPluginRoot) Check(c *Context) {
	p := c.Project
	f := p.ConfigFile
	if f == nil || f.JSON == nil {
		return
	}
	root := f.JSON.Root()
	ct := root.Get("compileType")
	if ct.Kind() != jsonpos.String || ct.Str() != "plugin" {
		return
	}
	pr := root.Get("pluginRoot")
	if pr.Kind() != jsonpos.String {
		c.Report(f, ct.Start(), ct.End(), "missing")
		return
	}
	rel, ok := project.CleanRel(pr.Str())
	if !ok {
		return // outside the project: fpcheck refuses to load it at all
	}
	if mr := root.Get("miniprogramRoot"); mr.Kind() == jsonpos.String {
		if m, ok := project.CleanRel(mr.Str()); ok && m == rel {
			c.Report(f, pr.Start(), pr.End(), "same", pr.Str())
			return
		}
	}
	if !p.Exists(path.Join(rel, "plugin.json")) {
		c.Report(f, pr.Start(), pr.End(), "no-plugin", pr.Str())
	}
}
