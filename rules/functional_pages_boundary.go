package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
)

type functionalPagesBoundary struct{}

func init() { register(functionalPagesBoundary{}) }

var functionalPagesBoundaryMeta = &Meta{
	ID:       "functional-pages-boundary",
	Severity: Error,
	Title: Text{
		En: "a dependency crosses the functional-pages/ boundary",
		Zh: "依赖跨越了 functional-pages/ 的边界",
	},
	Explanation: Text{
		En: `With "functionalPages": {"independent": true} the functional-pages/ directory at the mini-program ` +
			`root is downloaded and loaded on its own. Files in it may not require or import files outside it, and ` +
			`files outside it may not require or import files inside it. The official compiler does not check this: ` +
			`the project compiles and uploads, then the require fails on the phone. fpcheck resolves each specifier ` +
			`as the platform does (resolveAlias, .ts with the TypeScript plugin, miniprogram_npm) and reports ` +
			`crossings in either direction; an npm package used inside functional-pages/ must be built into ` +
			`functional-pages/miniprogram_npm. In the legacy form ("functionalPages": true) the docs say such ` +
			`requires will not be supported in future, so they are warnings there. Only the root-level ` +
			`functional-pages/ counts: functional-pages-shared/ or pages/functional-pages/ are ordinary directories.`,
		Zh: `使用 "functionalPages": {"independent": true} 时，小程序根目录下的 functional-pages/ 目录会被独立下载、` +
			`独立加载。其中的文件不能 require 或 import 目录以外的文件，目录以外的文件也不能 require 或 import 其中的` +
			`文件。官方编译器不检查这一点：项目能编译、能上传，但 require 会在真机上失败。fpcheck 按平台的方式解析` +
			`每个引用路径（resolveAlias、开启 TypeScript 编译插件时的 .ts、miniprogram_npm），并报告两个方向的跨越；` +
			`functional-pages/ 中使用的 npm 包必须构建到 functional-pages/miniprogram_npm 中。在旧式写法` +
			`（"functionalPages": true）下，文档说这类 require 将来不再支持，因此在旧式写法下报告为警告。只有根目录下的 ` +
			`functional-pages/ 才算：functional-pages-shared/ 或 pages/functional-pages/ 都是普通目录。`,
	},
	Bad:  "functional-pages/request-payment.js\nconst { sign } = require('../utils/sign')",
	Good: "functional-pages/request-payment.js\nconst { sign } = require('./sign') // a copy inside functional-pages/",
	Tags: []string{"functional-pages", "dependencies", "correctness"},
	Messages: Catalog{
		"out": {
			En: `%s %q in functional-pages/ resolves to %s in %s, outside functional-pages/; independent functional pages load on their own, so this fails on the phone%s`,
			Zh: `functional-pages/ 中的 %[1]s %[2]q 解析到%[4]s的 %[3]s，位于 functional-pages/ 之外；独立的插件功能页是单独加载的，这个依赖在真机上会加载失败%[5]s`,
		},
		"in": {
			En: `%s %q in %s resolves to %s inside functional-pages/; code outside functional-pages/ may not depend on independent functional pages%s`,
			Zh: `%[3]s中的 %[1]s %[2]q 解析到 functional-pages/ 中的 %[4]s；functional-pages/ 以外的代码不能依赖独立的插件功能页%[5]s`,
		},
		"out-legacy": {
			En: `%s %q in functional-pages/ resolves to %s in %s, outside functional-pages/; such dependencies will not be supported in future%s`,
			Zh: `functional-pages/ 中的 %[1]s %[2]q 解析到%[4]s的 %[3]s，在 functional-pages/ 之外；这类依赖将来不再支持%[5]s`,
		},
		"in-legacy": {
			En: `%s %q in %s resolves to %s inside functional-pages/; code outside functional-pages/ should not depend on functional pages%s`,
			Zh: `%[3]s中的 %[1]s %[2]q 解析到 functional-pages/ 中的 %[4]s；functional-pages/ 以外的代码不应依赖插件功能页%[5]s`,
		},
		"no-package": {En: "a file outside the code roots (not uploaded)", Zh: "代码目录以外（不会上传）"},
		"rooted": {
			En: ` (the leading "/" was read from the mini-program root because %s does not exist)`,
			Zh: `（%s 不存在，因此开头的 "/" 按小程序根目录解析）`,
		},
	},
}

func (functionalPagesBoundary) Meta() *Meta { return functionalPagesBoundaryMeta }

func (functionalPagesBoundary) Check(c *Context) {
	level, suffix := Warning, "-legacy"
	if c.Project.App().Mode == project.FPIndependent {
		level, suffix = Error, ""
	}
	for e := range c.Graph.Crossings(graph.CrossFunctionalPages) {
		if e.Into {
			c.ReportLevel(level, e.From, e.Start, e.End, "in"+suffix, kindPhrase(e), e.Specifier, pkgLabel(c, e.FromPkg), e.Target.Path, rootedNote(c, e))
		} else {
			c.ReportLevel(level, e.From, e.Start, e.End, "out"+suffix, kindPhrase(e), e.Specifier, e.Target.Path, pkgLabel(c, e.ToPkg), rootedNote(c, e))
		}
	}
}

// pkgLabel names a package for a message.
func pkgLabel(c *Context, p *project.Package) Message {
	if p == nil {
		return c.Format("no-package")
	}
	return p.Label()
}

// rootedNote explains a root-relative reading of a leading "/" in JS,
// where it is a fallback (in WXML and JSON "/" always means the root).
func rootedNote(c *Context, e *graph.Edge) Message {
	if !e.IsJS || e.Target.How != resolve.RootRelative {
		return Message{}
	}
	return c.Format("rooted", e.Target.Candidates[0])
}
