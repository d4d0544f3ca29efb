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
	Title:    Text{En: "a dependency crosses the functional-pages/ boundary"},
	Explanation: Text{En: `With "functionalPages": {"independent": true} the functional-pages/ directory at the mini-program ` +
		`root is downloaded and loaded on its own. Files in it may not require or import files outside it, and ` +
		`files outside it may not require or import files inside it. The official compiler does not check this: ` +
		`the project compiles and uploads, then the require fails on the phone. fpcheck resolves each specifier ` +
		`as the platform does (resolveAlias, .ts with the TypeScript plugin, miniprogram_npm) and reports ` +
		`crossings in either direction; an npm package used inside functional-pages/ must be built into ` +
		`functional-pages/miniprogram_npm. In the legacy form ("functionalPages": true) the docs say such ` +
		`requires will not be supported in future, so they are warnings there. Only the root-level ` +
		`functional-pages/ counts: functional-pages-shared/ or pages/functional-pages/ are ordinary directories.`},
	Bad:  "functional-pages/request-payment.js\nconst { sign } = require('../utils/sign')",
	Good: "functional-pages/request-payment.js\nconst { sign } = require('./sign') // a copy inside functional-pages/",
	Tags: []string{"functional-pages", "dependencies", "correctness"},
	Messages: Catalog{
		"out":        {En: `%s %q in functional-pages/ resolves to %s in %s, outside functional-pages/; independent functional pages load on their own, so this fails on the phone%s`},
		"in":         {En: `%s %q in %s resolves to %s inside functional-pages/; code outside functional-pages/ may not depend on independent functional pages%s`},
		"out-legacy": {En: `%s %q in functional-pages/ resolves to %s in %s, outside functional-pages/; such dependencies will not be supported in future%s`},
		"in-legacy":  {En: `%s %q in %s resolves to %s inside functional-pages/; code outside functional-pages/ should not depend on functional pages%s`},
		"no-package": {En: "a file outside the code roots (not uploaded)"},
		"rooted":     {En: ` (the leading "/" was read from the mini-program root because %s does not exist)`},
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
