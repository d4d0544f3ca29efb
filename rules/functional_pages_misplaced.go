package rules

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
)

type functionalPagesMisplaced struct{}

func init() { register(functionalPagesMisplaced{}) }

var functionalPagesMisplacedMeta = &Meta{
	ID:       "functional-pages-misplaced",
	Severity: Error,
	Title: Text{
		En: "functional pages or their navigator are where the platform never uses them",
		Zh: "插件功能页或其跳转组件放在了平台不会使用的位置",
	},
	Explanation: Text{
		En: `Plugin functional pages (插件功能页) are provided by the plugin owner's mini-program: ` +
			`functional-pages/ (with request-payment.js) belongs at the root of that mini-program, never inside the ` +
			`plugin; a functional-pages/ directory under the plugin root is never loaded, so payment does not start ` +
			`(an error). <functional-page-navigator> works only in plugin code; in a mini-program's own pages it does ` +
			`nothing (a warning). A request-payment.ts with the TypeScript compiler plugin off and no request-payment.js ` +
			`beside it is a warning: nothing the platform runs compiles it, unless the team's own build does.`,
		Zh: `插件功能页由插件所有者小程序提供：functional-pages/（含 request-payment.js）应放在插件所有者小程序的根目录，` +
			`而不是插件中；插件根目录下的 functional-pages/ 目录永远不会被加载，支付也就无法发起（错误）。` +
			`<functional-page-navigator> 只在插件代码中有效，在小程序自己的页面中不起作用（警告）。未开启 TypeScript ` +
			`编译插件、旁边也没有 request-payment.js 的 request-payment.ts 报告为警告：平台运行的流程中没有任何环节会` +
			`编译它，除非团队自己的构建会编译。`,
	},
	Bad:  "plugin/functional-pages/request-payment.js\nexports.beforeRequestPayment = function (args, callback) {}",
	Good: "miniprogram/functional-pages/request-payment.js\nexports.beforeRequestPayment = function (args, callback) {}",
	Tags: []string{"functional-pages", "plugins", "correctness"},
	Messages: Catalog{
		"in-plugin": {
			En: `functional-pages/ is inside the plugin root, where the platform never loads it; functional pages belong to the plugin owner's mini-program, at the root of its miniprogramRoot`,
			Zh: `functional-pages/ 位于插件根目录中，平台永远不会加载它；插件功能页属于插件所有者小程序，应放在其 miniprogramRoot 的根目录下`,
		},
		"navigator-outside": {
			En: `functional-page-navigator only works in plugin code; in the mini-program's own pages it does nothing`,
			Zh: `functional-page-navigator 只在插件代码中有效，在小程序自己的页面中不起作用`,
		},
		"ts-off": {
			En: `request-payment.ts is not compiled: the TypeScript compiler plugin is off (project.config.json setting.useCompilerPlugins) and there is no request-payment.js; unless your own build writes it before upload, the payment functional page finds no beforeRequestPayment`,
			Zh: `request-payment.ts 不会被编译：TypeScript 编译插件未开启（project.config.json 的 setting.useCompilerPlugins），也没有 request-payment.js；除非你自己的构建在上传前生成它，否则支付功能页找不到 beforeRequestPayment`,
		},
	},
}

func (functionalPagesMisplaced) Meta() *Meta { return functionalPagesMisplacedMeta }

func (functionalPagesMisplaced) Check(c *Context) {
	p := c.Project
	if p.HasPlugin && p.HasMini && p.PluginRoot == p.MiniRoot {
		return // one root for both: plugin code cannot be told apart
	}
	if p.HasPlugin {
		// A plugin may name a directory of its own functional-pages/; its
		// request-payment file is what shows functional pages were meant.
		dir := path.Join(p.PluginRoot, "functional-pages")
		for _, name := range []string{"request-payment.js", "request-payment.ts"} {
			if f := p.File(path.Join(dir, name)); f != nil {
				c.Report(f, 0, 0, "in-plugin")
				break
			}
		}
	}
	if p.HasMini && !p.TypeScript() {
		base := path.Join(p.FunctionalPagesDir(), "request-payment")
		if ts := p.File(base + ".ts"); ts != nil && !p.Exists(base+".js") {
			c.ReportLevel(Warning, ts, 0, 0, "ts-off")
		}
	}
	eachNavigator(p, func(f *project.File, el *wxml.Element) {
		if !p.HasPlugin || !project.Under(f.Path, p.PluginRoot) {
			c.ReportLevel(Warning, f, el.NameStart, el.NameEnd, "navigator-outside")
		}
	})
}
