package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type workerBoundary struct{}

func init() { register(workerBoundary{}) }

var workerBoundaryMeta = &Meta{
	ID:       "worker-boundary",
	Severity: Error,
	Title:    Text{En: "a dependency crosses the workers directory"},
	Explanation: Text{En: `The directory named by app.json "workers" runs in a separate Worker thread with its own module ` +
		`scope: files in it may only require files in it, and code outside may not require worker files (talk ` +
		`to the worker with wx.createWorker and postMessage instead). The official compiler does not check this.`},
	Bad:  "workers/request/index.js\nconst util = require('../../utils/util')",
	Good: "workers/request/index.js\nconst util = require('./util') // a copy inside workers/",
	Tags: []string{"workers", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s; worker code and other code cannot require each other`},
		"plugin": {En: `%s %q in %s is not available in a worker`},
	},
}

func (workerBoundary) Meta() *Meta { return workerBoundaryMeta }

func (workerBoundary) Check(c *Context) { checkCrossing(c, graph.CrossWorkers) }
