package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type subpackageBoundary struct{}

func init() { register(subpackageBoundary{}) }

var subpackageBoundaryMeta = &Meta{
	ID:       "subpackage-boundary",
	Severity: Error,
	Title:    Text{En: "code depends on a subpackage it cannot load synchronously"},
	Explanation: Text{En: `A subpackage is downloaded only when one of its pages is opened. Its files may depend on the main ` +
		`package and on themselves, but not on another subpackage, and the main package may not depend on a ` +
		`subpackage: the target is not there when the code runs. The official compiler does not check this. ` +
		`Asynchronous loading is the sanctioned way across: require.async('../sub/x.js'), require(path, ` +
		`callback), and components listed in componentPlaceholder. Templates and wxss cannot be loaded ` +
		`asynchronously: move them to the main package.`},
	Bad:  "packageA/pages/cat/cat.js\nconst dog = require('../../../packageB/utils/dog')",
	Good: "packageA/pages/cat/cat.js\nrequire.async('../../../packageB/utils/dog').then((dog) => { /* … */ })",
	Tags: []string{"subpackages", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s, which is not loaded with it; load it asynchronously or move it to the main package`},
		"plugin": {En: `%s %q in %s cannot be loaded from there`},
	},
}

func (subpackageBoundary) Meta() *Meta { return subpackageBoundaryMeta }

func (subpackageBoundary) Check(c *Context) { checkCrossing(c, graph.CrossSubpackage) }
