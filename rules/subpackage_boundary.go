package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type subpackageBoundary struct{}

func init() { register(subpackageBoundary{}) }

var subpackageBoundaryMeta = &Meta{
	ID:       "subpackage-boundary",
	Severity: Error,
	Title:    Text{En: "code depends on a subpackage it cannot load synchronously", Zh: "代码依赖了无法同步加载的分包"},
	Explanation: Text{
		En: `A subpackage is downloaded only when one of its pages is opened. Its files may depend on the main ` +
			`package and on themselves, but not on another subpackage, and the main package may not depend on a ` +
			`subpackage: the target is not there when the code runs. The official compiler does not check this. ` +
			`Asynchronous loading is the sanctioned way across: require.async('../sub/x.js'), require(path, ` +
			`callback), and components listed in componentPlaceholder. Templates and wxss cannot be loaded ` +
			`asynchronously: move them to the main package.`,
		Zh: `分包只有在打开其中的页面时才会下载。分包中的文件可以依赖主包和本分包的文件，但不能依赖其他分包；主包也不能依赖分包：` +
			`代码运行时，目标文件还不存在。官方编译器不检查这一点。跨分包引用的正确方式是异步加载：` +
			`require.async('../sub/x.js')、require(path, callback)，` +
			`以及在 componentPlaceholder 中声明占位的组件。模板和 wxss 无法异步加载：请将它们移到主包。`,
	},
	Bad:  "packageA/pages/cat/cat.js\nconst dog = require('../../../packageB/utils/dog')",
	Good: "packageA/pages/cat/cat.js\nrequire.async('../../../packageB/utils/dog').then((dog) => { /* … */ })",
	Tags: []string{"subpackages", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s, which is not loaded with it; load it asynchronously or move it to the main package`, Zh: `%[3]s中的 %[1]s %[2]q 解析到%[5]s的 %[4]s，而该分包不会随之加载；请改为异步加载，或将其移到主包`},
		"plugin": {En: `%s %q in %s cannot be loaded from there`, Zh: `%[3]s中的 %[1]s %[2]q 无法在这里加载`},
	},
}

func (subpackageBoundary) Meta() *Meta { return subpackageBoundaryMeta }

func (subpackageBoundary) Check(c *Context) { checkCrossing(c, graph.CrossSubpackage) }
