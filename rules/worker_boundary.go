package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type workerBoundary struct{}

func init() { register(workerBoundary{}) }

var workerBoundaryMeta = &Meta{
	ID:       "worker-boundary",
	Severity: Error,
	Title:    Text{En: "a dependency crosses the workers directory", Zh: "依赖跨越了 Worker 目录的边界"},
	Explanation: Text{
		En: `The directory named by app.json "workers" runs in a separate Worker thread with its own module ` +
			`scope: files in it may only require files in it, and code outside may not require worker files (talk ` +
			`to the worker with wx.createWorker and postMessage instead). The official compiler does not check this.`,
		Zh: `app.json "workers" 指定的目录运行在单独的 Worker 线程中，有自己的模块作用域：` +
			`其中的文件只能 require 目录内的文件，` +
			`目录外的代码也不能 require Worker 中的文件（请改用 wx.createWorker 和 postMessage 与 Worker 通信）` +
			`。官方编译器不检查这一点。`,
	},
	Bad:  "workers/request/index.js\nconst util = require('../../utils/util')",
	Good: "workers/request/index.js\nconst util = require('./util') // a copy inside workers/",
	Tags: []string{"workers", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s; worker code and other code cannot require each other`, Zh: `%[3]s中的 %[1]s %[2]q 解析到%[5]s的 %[4]s；Worker 代码与其他代码不能相互 require`},
		"plugin": {En: `%s %q in %s is not available in a worker`, Zh: `%[3]s中的 %[1]s %[2]q 在 Worker 中不可用`},
	},
}

func (workerBoundary) Meta() *Meta { return workerBoundaryMeta }

func (workerBoundary) Check(c *Context) { checkCrossing(c, graph.CrossWorkers) }
