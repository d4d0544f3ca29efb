package rules

import "github.com/fpcheck/fpcheck/analyzers/graph"

type independentSubpackageBoundary struct{}

func init() { register(independentSubpackageBoundary{}) }

var independentSubpackageBoundaryMeta = &Meta{
	ID:       "independent-subpackage-boundary",
	Severity: Error,
	Title:    Text{En: "an independent subpackage depends on code outside it"},
	Explanation: Text{En: `An independent subpackage ("independent": true in app.json "subpackages") runs without the main ` +
		`package being downloaded, so it may not depend on the main package or on other subpackages: js files, ` +
		`templates (<import>/<include>), wxs, wxss @import, custom components or plugins. The official compiler ` +
		`does not check this; the page breaks when a user enters the mini-program through it. Asynchronous ` +
		`loading (require.async, require with a callback, components with a componentPlaceholder) is the ` +
		`sanctioned way to use js, components and plugins from elsewhere. Copy shared code into the subpackage, ` +
		`or build npm packages into its own miniprogram_npm.`},
	Bad:  "packageLogin/pages/login/login.js\nconst api = require('../../../utils/api') // in the main package",
	Good: "packageLogin/pages/login/login.js\nconst api = require('../../utils/api') // packageLogin/utils/api.js",
	Tags: []string{"subpackages", "dependencies", "correctness"},
	Messages: Catalog{
		"cross":  {En: `%s %q in %s resolves to %s in %s; an independent subpackage runs without it, so this breaks when the mini-program is opened from this subpackage`},
		"plugin": {En: `%s %q in %s: plugins are not supported in independent subpackages unless loaded asynchronously`},
	},
}

func (independentSubpackageBoundary) Meta() *Meta { return independentSubpackageBoundaryMeta }

func (independentSubpackageBoundary) Check(c *Context) { checkCrossing(c, graph.CrossIndependent) }
