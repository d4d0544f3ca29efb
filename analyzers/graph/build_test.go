package graph_test

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// TestBuildParallelOrder: the graph a pool of workers builds is the one a
// single worker builds, edge for edge and in the same order (by file,
// then as each file lists its dependencies), with the same loaded files.
func TestBuildParallelOrder(t *testing.T) {
	dir := t.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Pages: 150, Plant: true}); err != nil {
		t.Fatal(err)
	}
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := graph.Build(p)
	runtime.GOMAXPROCS(4)
	four := graph.Build(p)
	if len(one.Edges) < 1000 {
		t.Fatalf("only %d edges: the corpus is too small to need several workers", len(one.Edges))
	}
	if !reflect.DeepEqual(one.Edges, four.Edges) {
		for i := range min(len(one.Edges), len(four.Edges)) {
			if !reflect.DeepEqual(one.Edges[i], four.Edges[i]) {
				t.Fatalf("edge %d differs:\n 1 worker: %+v\n 4 workers: %+v", i, one.Edges[i], four.Edges[i])
			}
		}
		t.Fatalf("%d edges with 1 worker, %d with 4", len(one.Edges), len(four.Edges))
	}
	for i, e := range one.Edges {
		if i > 0 && e.From.Path < one.Edges[i-1].From.Path {
			t.Fatalf("edge %d (%s) after one of %s: not in file order", i, e.From.Path, one.Edges[i-1].From.Path)
		}
	}
	for _, rel := range p.Paths {
		if one.Loaded(rel) != four.Loaded(rel) {
			t.Errorf("Loaded(%s): %v with 1 worker, %v with 4", rel, one.Loaded(rel), four.Loaded(rel))
		}
	}
}
