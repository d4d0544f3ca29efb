package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type independentSubpackageBoundary struct{}

func init() { register(independentSubpackageBoundary{}) }

var independentSubpackageBoundaryMeta = &Meta{
	ID:       "independent-subpackage-boundary",
	Severity: Error,
	Title: Text{
		En: "an independent subpackage depends on code outside it",
		Zh: "独立分包依赖了分包以外的代码",
	},
	Explanation: Text{
		En: `An independent subpackage ("independent": true in app.json "subpackages") runs without the main ` +
			`package being downloaded, so it may not depend on the main package or on other subpackages: js files, ` +
			`templates (<import>/<include>), wxs, wxss @import, custom components or plugins. The official compiler ` +
			`does not check this; the page breaks when a user enters the mini-program through it. Asynchronous ` +
			`loading (require.async, require with a callback, components with a componentPlaceholder) is the ` +
			`sanctioned way to use js, components and plugins from elsewhere. Copy shared code into the subpackage, ` +
			`or build npm packages into its own miniprogram_npm.`,
		Zh: `独立分包（app.json "subpackages" 中设置了 "independent": true 的分包）运行时不需要下载主包，因此不能依赖` +
			`主包和其他分包中的内容：js 文件、模板（<import>/<include>）、wxs、wxss 的 @import、自定义组件或插件。` +
			`官方编译器不检查这一点；用户从这个分包进入小程序时，页面就会出错。要使用其他包中的 js、组件和插件，` +
			`官方认可的方式是异步加载（require.async、带回调的 require、配置了 componentPlaceholder 的组件）。请把` +
			`共用的代码复制到分包内，或把 npm 包构建到分包自己的 miniprogram_npm 中。`,
	},
	Bad:  "packageLogin/pages/login/login.js\nconst api = require('../../../utils/api') // in the main package",
	Good: "packageLogin/pages/login/login.js\nconst api = require('../../utils/api') // packageLogin/utils/api.js",
	Tags: []string{"subpackages", "dependencies", "correctness"},
	Messages: Catalog{
		"cross": {
			En: `%s %q in %s resolves to %s in %s; an independent subpackage runs without it, so this breaks when the mini-program is opened from this subpackage`,
			Zh: `%[3]s中的 %[1]s %[2]q 解析到%[5]s的 %[4]s；独立分包运行时不会加载它，从这个分包打开小程序时会出错`,
		},
		"plugin": {
			En: `%s %q in %s: plugins are not supported in independent subpackages unless loaded asynchronously`,
			Zh: `%[3]s中的 %[1]s %[2]q：独立分包中不支持使用插件，除非异步加载`,
		},
	},
}

func (independentSubpackageBoundary) Meta() *Meta { return independentSubpackageBoundaryMeta }

func (independentSubpackageBoundary) Check(c *Context) { checkCrossing(c, graph.CrossIndependent) }
