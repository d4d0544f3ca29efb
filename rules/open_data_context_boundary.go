package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type openDataContextBoundary struct{}

func init() { register(openDataContextBoundary{}) }

var openDataContextBoundaryMeta = &Meta{
	ID:       "open-data-context-boundary",
	Severity: Error,
	Title:    Text{En: "a dependency crosses the open data context directory", Zh: "依赖跨越了开放数据域目录的边界"},
	Explanation: Text{
		En: `The open data context directory ("openDataContext" in app.json or game.json) is an isolated ` +
			`environment: its files may only depend on files inside it, and other code may not depend on them ` +
			`(communicate through wx.getOpenDataContext().postMessage). The official compiler does not check this.`,
		Zh: `开放数据域目录（app.json 或 game.json 中的 "openDataContext"）是一个隔离的环境：` +
			`其中的文件只能依赖目录内的文件，` +
			`其他代码也不能依赖其中的文件（请通过 wx.getOpenDataContext().postMessage 通信）。` +
			`官方编译器不检查这一点。`,
	},
	Bad:  "openDataContext/index.js\nconst rank = require('../utils/rank')",
	Good: "openDataContext/index.js\nconst rank = require('./rank')",
	Tags: []string{"open-data-context", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s; the open data context is isolated from other code`, Zh: `%[3]s中的 %[1]s %[2]q 解析到%[5]s的 %[4]s；开放数据域与其他代码相互隔离`},
		"plugin": {En: `%s %q in %s is not available in the open data context`, Zh: `%[3]s中的 %[1]s %[2]q 在开放数据域中不可用`},
	},
}

func (openDataContextBoundary) Meta() *Meta { return openDataContextBoundaryMeta }

func (openDataContextBoundary) Check(c *Context) { checkCrossing(c, graph.CrossOpenData) }
