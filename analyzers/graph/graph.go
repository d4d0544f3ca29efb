// Package graph is fpcheck's dependency graph: every dependency a file
// declares, with its exact position and the file it resolves to.
package graph

import (
	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
)

// Edge is one dependency of one file.
type Edge struct {
	From *project.File
	// Kind names the route, e.g. "require", "import", "require.async".
	Kind string
	// JSKind is set for JS/TS/WXS dependencies.
	JSKind    jsmod.DepKind
	Specifier string
	// Start, End is the byte span of the specifier (with its quotes) in From.
	Start, End int
	// Target is where the specifier leads; zero for plugin references.
	Target resolve.Result
}

// Graph holds the edges of a project, in file order.
type Graph struct {
	Edges []Edge
}

// Build resolves every dependency of every parsed file.
func Build(p *project.Project) *Graph {
	g := &Graph{}
	resolvers := map[string]*resolve.Resolver{}
	resolverFor := func(root string) *resolve.Resolver {
		if r, ok := resolvers[root]; ok {
			return r
		}
		r := &resolve.Resolver{Root: root, Exists: p.Exists, TypeScript: p.TypeScript()}
		if p.HasMini && root == p.MiniRoot {
			r.SetAliases(p.App().ResolveAlias)
		}
		resolvers[root] = r
		return r
	}
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JS == nil {
			continue
		}
		r := resolverFor(f.Root)
		for _, d := range f.JS.Deps {
			e := Edge{From: f, Kind: d.Kind.String(), JSKind: d.Kind, Specifier: d.Specifier, Start: d.Start, End: d.End}
			if d.Kind != jsmod.RequirePlugin {
				e.Target = r.JS(rel, d.Specifier)
			}
			g.Edges = append(g.Edges, e)
		}
	}
	return g
}
