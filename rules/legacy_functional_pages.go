package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/lint"
)

type legacyFunctionalPages struct{}

func init() { register(legacyFunctionalPages{}) }

var legacyFunctionalPagesMeta = &Meta{
	ID:       "legacy-functional-pages",
	Severity: Warning,
	Title:    Text{En: `app.json uses the legacy "functionalPages": true`, Zh: `app.json 使用了旧式写法 "functionalPages": true`},
	Explanation: Text{
		En: `"functionalPages": true is the legacy way to switch on plugin functional pages (插件功能页). ` +
			`It still compiles, but WeChat's documentation says support for it will be removed and such projects will ` +
			`no longer compile or upload. The current form is {"independent": true}: the functional-pages/ directory is ` +
			`then downloaded and loaded on its own, so its files may not require files outside it and files outside it ` +
			`may not require files inside it (see functional-pages-boundary). After changing the value, publish a new ` +
			`version of the owner mini-program for it to take effect.`,
		Zh: `"functionalPages": true 是开启插件功能页的旧式写法。它目前仍能编译，` +
			`但微信官方文档说明这种写法将被移除支持，届时项目将不能编译上传。新式写法是 {"independent": true}：` +
			`functional-pages/ 目录会被独立下载、加载，因此其中的文件不能 require 这个目录以外的文件，` +
			`这个目录以外的文件也不能 require 目录内的文件（见 functional-pages-boundary）。` +
			`修改这个字段后，需要插件所有者小程序发布新版本才能生效。`,
	},
	Bad:  "app.json\n{\n  \"functionalPages\": true\n}",
	Good: "app.json\n{\n  \"functionalPages\": {\n    \"independent\": true\n  }\n}",
	Tags: []string{"functional-pages", "config", "deprecation"},
	Messages: Catalog{
		"legacy":          {En: `"functionalPages": true is the legacy form and will stop compiling; use {"independent": true} and keep functional-pages/ self-contained`, Zh: `"functionalPages": true 是旧式写法，将来会无法编译；请改为 {"independent": true}，并保持 functional-pages/ 与目录外的文件互不依赖`},
		"legacy-crossing": {En: `"functionalPages": true is the legacy form and will stop compiling; use {"independent": true} once functional-pages/ is self-contained (not fixed automatically while dependencies cross functional-pages/: %d, see functional-pages-boundary)`, Zh: `"functionalPages": true 是旧式写法，将来会无法编译；请先让 functional-pages/ 与目录外的文件互不依赖，再改为 {"independent": true}（仍有 %d 个依赖跨越 functional-pages/ 的边界，因此不会自动修复，见 functional-pages-boundary）`},
		"fix":             {En: `write {"independent": true}`, Zh: `改为 {"independent": true}`},
	},
}

func (legacyFunctionalPages) Meta() *Meta { return legacyFunctionalPagesMeta }

func (legacyFunctionalPages) Check(c *Context) {
	app := c.Project.App()
	if app.Mode != project.FPLegacy {
		return
	}
	v := app.FunctionalPages
	crossings := 0
	for range c.Graph.Crossings(graph.CrossFunctionalPages) {
		crossings++
	}
	if crossings > 0 {
		c.Report(app.File, v.Start(), v.End(), "legacy-crossing", crossings)
		return
	}
	c.ReportFix(app.File, v.Start(), v.End(), lint.Fix{
		Message: c.Format("fix"),
		Edits:   []lint.Edit{{Start: v.Start(), End: v.End(), New: `{"independent": true}`}},
	}, "legacy")
}
