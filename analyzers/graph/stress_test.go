//go:build stress

package graph_test

import (
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// TestStressBuildLinear: building the graph of a project 4 times larger
// costs at most about 4 times as much (it cost 7.8 times from 5,000 to
// 20,000 pages, edges appended one by one to a slice of large structs, and
// the sequential walk used one core).
func TestStressBuildLinear(t *testing.T) {
	const n = 1000
	nsPerOp := func(pages int) (float64, int) {
		dir := t.TempDir()
		if _, err := benchgen.Write(dir, benchgen.Options{Pages: pages}); err != nil {
			t.Fatal(err)
		}
		p, err := project.Load(dir, project.Options{})
		if err != nil {
			t.Fatal(err)
		}
		edges := len(graph.Build(p).Edges)
		best := 0.0
		for range 3 {
			r := testing.Benchmark(func(b *testing.B) { //nolint:thelper // a benchmark, not a helper
				for range b.N {
					graph.Build(p)
				}
			})
			if ns := float64(r.NsPerOp()); best == 0 || ns < best {
				best = ns
			}
		}
		return best, edges
	}
	small, e1 := nsPerOp(n)
	large, e4 := nsPerOp(4 * n)
	t.Logf("%d pages: %d edges, %.1f ms; %d pages: %d edges, %.1f ms (×%.1f)", n, e1, small/1e6, 4*n, e4, large/1e6, large/small)
	// Quadratic would be 16; the sequential build that grew one slice
	// edge by edge measured 5.7 to 7.8, the pool 3.7 on a quiet machine and
	// 5.3 under a full CI run. 6.5 keeps a busy machine from failing it.
	if large > 6.5*small {
		t.Errorf("Build took %.1f times as long on 4 times the pages; want at most 6.5 (linear, with margin)", large/small)
	}
}
