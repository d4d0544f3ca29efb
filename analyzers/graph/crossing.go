package graph

import "github.com/fpcheck/fpcheck/analyzers/project"

// Crossing is the package boundary an edge crosses.
type Crossing int

// The boundaries. Which ones an edge may cross follows the platform's
// documentation of subpackages, independent subpackages, functional pages,
// workers and the open data context.
const (
	NoCrossing Crossing = iota
	// CrossFunctionalPages: into or out of functional-pages/ (any route).
	CrossFunctionalPages
	// CrossIndependent: out of an independent subpackage (js, templates,
	// wxss, components, plugins), except by asynchronous loading of js,
	// components and plugins.
	CrossIndependent
	// CrossSubpackage: an ordinary subpackage into another subpackage, or
	// the main package into a subpackage, except by asynchronous loading.
	CrossSubpackage
	// CrossWorkers: into or out of the workers directory.
	CrossWorkers
	// CrossOpenData: into or out of the open data context directory.
	CrossOpenData
)

// asyncKind reports whether an edge's route can be loaded asynchronously:
// js (require.async, require with a callback) and components with a
// componentPlaceholder; templates and styles never can.
func asyncKind(e *Edge) bool {
	return e.Async && (e.IsJS || e.Kind == KindComponent)
}

// Classify says which boundary e crosses, if any. It is the one
// definition of every boundary: Build stores its answer in Edge.Crossing,
// and rules and views read that. A dependency that does not resolve
// crosses nothing (unresolved-dependency reports it), so a boundary
// message never says where a missing file would have been.
func Classify(e *Edge) Crossing {
	from, to := e.FromPkg, e.ToPkg
	if from == nil || e.Decl || !e.Plugin && !e.Target.Found {
		return NoCrossing
	}
	if e.Plugin {
		if from.Kind == project.IndependentSubpackage && !e.Async {
			return CrossIndependent // plugins are not supported there
		}
		return NoCrossing
	}
	if to == nil || from == to {
		return NoCrossing
	}
	switch {
	case from.Kind == project.PluginPackage || to.Kind == project.PluginPackage:
		return NoCrossing // separate code roots, outside these rules
	case from.Kind == project.FunctionalPagesPackage || to.Kind == project.FunctionalPagesPackage:
		return CrossFunctionalPages
	case from.Kind == project.WorkersPackage || to.Kind == project.WorkersPackage:
		return CrossWorkers
	case from.Kind == project.OpenDataContextPackage || to.Kind == project.OpenDataContextPackage:
		return CrossOpenData
	case asyncKind(e):
		return NoCrossing // the sanctioned way across subpackages
	case from.Kind == project.IndependentSubpackage:
		return CrossIndependent
	case to.Kind == project.Subpackage || to.Kind == project.IndependentSubpackage:
		return CrossSubpackage // main → sub, or sub → another sub
	}
	return NoCrossing // a subpackage into the main package
}
