package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// GraphFormats are the formats of `fpcheck graph`.
var GraphFormats = []string{"mermaid", "dot"}

// pkgEdge aggregates the file-level edges between two packages.
type pkgEdge struct {
	from, to int
	kinds    map[string]int
	crossing graph.Crossing
	async    bool // every edge is asynchronous
}

func (e *pkgEdge) label(l i18n.Lang) string {
	kinds := make([]string, 0, len(e.kinds))
	for k := range e.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = texts.New("graph.kind", e.kinds[k], graph.KindLabel(k)).Localize(l)
	}
	s := strings.Join(parts, texts.New("list-sep").Localize(l))
	if e.crossing != graph.NoCrossing {
		s = texts.New("graph.more", s).Localize(l)
	}
	return s
}

// packageEdges aggregates g by package pair, in a fixed order.
func packageEdges(pkgs []*project.Package, g *graph.Graph) []*pkgEdge {
	index := map[*project.Package]int{}
	for i, p := range pkgs {
		index[p] = i
	}
	byPair := map[[2]int]*pkgEdge{}
	for i := range g.Edges {
		e := &g.Edges[i]
		if e.FromPkg == nil || e.ToPkg == nil || e.FromPkg == e.ToPkg || e.Decl {
			continue // declarations (app.json pages) are not dependencies
		}
		key := [2]int{index[e.FromPkg], index[e.ToPkg]}
		pe := byPair[key]
		if pe == nil {
			pe = &pkgEdge{from: key[0], to: key[1], kinds: map[string]int{}, async: true}
			byPair[key] = pe
		}
		pe.kinds[e.Kind]++
		pe.async = pe.async && e.Async
		if c := e.Crossing; c != graph.NoCrossing {
			pe.crossing = c
		}
	}
	out := make([]*pkgEdge, 0, len(byPair))
	for _, pe := range byPair {
		out = append(out, pe)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].from != out[j].from {
			return out[i].from < out[j].from
		}
		return out[i].to < out[j].to
	})
	return out
}

func pkgTitle(p *project.Package, l i18n.Lang) string {
	root := p.Root
	if root == "" {
		root = "."
	}
	return fmt.Sprintf("%s\n%s/", p.Label().Localize(l), root)
}

// WriteGraph renders the package-level dependency graph: each package is a
// cluster (its boundary), edges are labeled with how many dependencies of
// each kind they carry, crossing edges are red, asynchronous ones dashed.
func WriteGraph(w io.Writer, format string, pkgs []*project.Package, g *graph.Graph, l i18n.Lang) error {
	edges := packageEdges(pkgs, g)
	bw := bufio.NewWriter(w)
	switch format {
	case "dot":
		writeDOT(bw, pkgs, edges, l)
	case "mermaid":
		writeMermaid(bw, pkgs, edges, l)
	default:
		return fmt.Errorf("unknown graph format %q", format)
	}
	return bw.Flush()
}

func writeDOT(w *bufio.Writer, pkgs []*project.Package, edges []*pkgEdge, l i18n.Lang) {
	fmt.Fprintln(w, "digraph packages {")
	fmt.Fprintln(w, "  rankdir=LR;\n  node [shape=box, style=rounded];")
	for i, p := range pkgs {
		fmt.Fprintf(w, "  subgraph cluster_%d {\n    label=%q;\n    p%d [label=%q];\n  }\n", i, p.Kind.Label().Localize(l), i, pkgTitle(p, l))
	}
	for _, e := range edges {
		attrs := fmt.Sprintf("label=%q", e.label(l))
		if e.crossing != graph.NoCrossing {
			attrs += ", color=red, fontcolor=red, penwidth=2"
		} else if e.async {
			attrs += ", style=dashed"
		}
		fmt.Fprintf(w, "  p%d -> p%d [%s];\n", e.from, e.to, attrs)
	}
	fmt.Fprintln(w, "}")
}

func writeMermaid(w *bufio.Writer, pkgs []*project.Package, edges []*pkgEdge, l i18n.Lang) {
	fmt.Fprintln(w, "flowchart LR")
	for i, p := range pkgs {
		fmt.Fprintf(w, "  subgraph c%d[%q]\n    p%d[%q]\n  end\n", i, p.Kind.Label().Localize(l), i, mermaidText(pkgTitle(p, l)))
	}
	var red []int
	for n, e := range edges {
		arrow := "-->"
		if e.async && e.crossing == graph.NoCrossing {
			arrow = "-.->"
		}
		fmt.Fprintf(w, "  p%d %s|%q| p%d\n", e.from, arrow, mermaidText(e.label(l)), e.to)
		if e.crossing != graph.NoCrossing {
			red = append(red, n)
		}
	}
	for _, n := range red {
		fmt.Fprintf(w, "  linkStyle %d stroke:#d00,stroke-width:2px,color:#d00\n", n)
	}
}

// mermaidText makes text safe inside a quoted Mermaid label, where
// Mermaid reads HTML: angle brackets ("<import src>") and quotes are
// entity codes.
func mermaidText(s string) string {
	return strings.NewReplacer("\n", "<br/>", `"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
}
