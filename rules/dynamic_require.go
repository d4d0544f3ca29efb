package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type dynamicRequire struct{}

func init() { register(dynamicRequire{}) }

var dynamicRequireMeta = &Meta{
	ID:       "dynamic-require",
	Severity: Warning,
	Title: Text{
		En: "require with a computed path inside functional-pages/",
		Zh: "functional-pages/ 中的 require 使用了计算出来的路径",
	},
	Explanation: Text{
		En: `A require whose argument is not a string literal (require(base + name), require(path)) cannot be ` +
			`followed statically, so neither fpcheck nor the platform's dependency analyser can tell whether it stays ` +
			`inside functional-pages/, and the analyser may leave the target out of the functional-pages package. ` +
			`Inside functional-pages/ (when functional pages are switched on) use string literals.`,
		Zh: `参数不是字符串字面量的 require（如 ` + "`require(base + name)`、`require(path)`" + `）无法静态追踪，` +
			`fpcheck 和平台的依赖分析都无法判断它是否仍在 functional-pages/ 之内，依赖分析还可能没有把目标文件打进` +
			`插件功能页的代码包。开启插件功能页后，在 functional-pages/ 中请使用字符串字面量。`,
	},
	Bad:  "functional-pages/request-payment.js\nconst api = require('./api/' + env)",
	Good: "functional-pages/request-payment.js\nconst api = env === 'prod' ? require('./api/prod') : require('./api/test')",
	Tags: []string{"functional-pages", "dependencies"},
	Messages: Catalog{
		"dynamic": {
			En: `require with a computed path in functional-pages/: fpcheck cannot check that it stays inside the directory; use a string literal`,
			Zh: `functional-pages/ 中的 require 使用了计算出来的路径：fpcheck 无法确认它没有超出该目录；请使用字符串字面量`,
		},
	},
}

func (dynamicRequire) Meta() *Meta { return dynamicRequireMeta }

func (dynamicRequire) Check(c *Context) {
	p := c.Project
	if !p.HasMini || !p.App().Mode.Enabled() {
		return
	}
	dir := p.FunctionalPagesDir()
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JS == nil || f.Root != p.MiniRoot || !project.Under(rel, dir) {
			continue
		}
		for _, s := range f.JS.DynamicRequires {
			c.Report(f, s.Start, s.End, "dynamic")
		}
	}
}
