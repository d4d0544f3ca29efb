package graph

import (
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
)

// TestClassify is the table of every boundary: which package pairs, by
// which route, cross which boundary. Classify is the one definition; Build
// stores it in Edge.Crossing for rules and views.
func TestClassify(t *testing.T) {
	pkg := func(k project.PackageKind) *project.Package { return &project.Package{Kind: k} }
	var (
		main    = pkg(project.MainPackage)
		sub     = pkg(project.Subpackage)
		sub2    = pkg(project.Subpackage)
		indep   = pkg(project.IndependentSubpackage)
		fp      = pkg(project.FunctionalPagesPackage)
		workers = pkg(project.WorkersPackage)
		odc     = pkg(project.OpenDataContextPackage)
		plugin  = pkg(project.PluginPackage)
	)
	found := resolve.Result{Path: "x", Found: true}
	missing := resolve.Result{Path: "x"}
	js := func(from, to *project.Package) Edge {
		return Edge{Kind: "require", IsJS: true, FromPkg: from, ToPkg: to, Target: found}
	}
	with := func(e Edge, f func(*Edge)) Edge { f(&e); return e }
	async := func(e *Edge) { e.Async = true }
	tests := []struct {
		name string
		e    Edge
		want Crossing
	}{
		{"main → main", js(main, main), NoCrossing},
		{"sub → main", js(sub, main), NoCrossing},
		{"sub → itself", js(sub, sub), NoCrossing},
		{"main → sub", js(main, sub), CrossSubpackage},
		{"sub → another sub", js(sub, sub2), CrossSubpackage},
		{"main → sub, require.async", with(js(main, sub), async), NoCrossing},
		{"main → independent", js(main, indep), CrossSubpackage},
		{"independent → main", js(indep, main), CrossIndependent},
		{"independent → sub, async", with(js(indep, sub), async), NoCrossing},
		{"independent → main, template", with(js(indep, main), func(e *Edge) { e.IsJS, e.Kind, e.Async = false, KindWXMLImport, true }), CrossIndependent},
		{"sub → main, async component", with(js(main, sub), func(e *Edge) { e.IsJS, e.Kind, e.Async = false, KindComponent, true }), NoCrossing},
		{"functional pages → main", js(fp, main), CrossFunctionalPages},
		{"main → functional pages", js(main, fp), CrossFunctionalPages},
		{"functional pages → main, async", with(js(fp, main), async), CrossFunctionalPages},
		{"workers → main", js(workers, main), CrossWorkers},
		{"main → workers", js(main, workers), CrossWorkers},
		{"open data → main", js(odc, main), CrossOpenData},
		{"main → open data", js(main, odc), CrossOpenData},
		{"plugin → main", js(plugin, main), NoCrossing},
		{"main → plugin", js(main, plugin), NoCrossing},
		{"outside every package", js(nil, main), NoCrossing},
		{"target not found", with(js(fp, main), func(e *Edge) { e.Target = missing }), NoCrossing},
		{"plugin reference from independent", Edge{Kind: "requirePlugin", IsJS: true, Plugin: true, FromPkg: indep}, CrossIndependent},
		{"async plugin reference from independent", Edge{Kind: "component", Plugin: true, Async: true, FromPkg: indep}, NoCrossing},
		{"plugin reference from main", Edge{Kind: "requirePlugin", IsJS: true, Plugin: true, FromPkg: main}, NoCrossing},
	}
	for _, tc := range tests {
		if got := Classify(&tc.e); got != tc.want {
			t.Errorf("%s: Classify = %d, want %d", tc.name, got, tc.want)
		}
	}
}
