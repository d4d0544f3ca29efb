package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type openDataContextBoundary struct{}

func init() { register(openDataContextBoundary{}) }

var openDataContextBoundaryMeta = &Meta{
	ID:       "open-data-context-boundary",
	Severity: Error,
	Title:    Text{En: "a dependency crosses the open data context directory"},
	Explanation: Text{En: `The open data context directory ("openDataContext" in app.json or game.json) is an isolated ` +
		`environment: its files may only depend on files inside it, and other code may not depend on them ` +
		`(communicate through wx.getOpenDataContext().postMessage). The official compiler does not check this.`},
	Bad:  "openDataContext/index.js\nconst rank = require('../utils/rank')",
	Good: "openDataContext/index.js\nconst rank = require('./rank')",
	Tags: []string{"open-data-context", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s; the open data context is isolated from other code`},
		"plugin": {En: `%s %q in %s is not available in the open data context`},
	},
}

func (openDataContextBoundary) Meta() *Meta { return openDataContextBoundaryMeta }

func (openDataContextBoundary) Check(c *Context) { checkCrossing(c, graph.CrossOpenData) }
