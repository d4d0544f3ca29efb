//go:build stress

package source

import (
	"fmt"
	"strings"
	"testing"
)

// oneLine returns n `require("./缺i");` calls on one line (Chinese text
// and an emoji make the line non-ASCII) and the offset of each literal.
func oneLine(n int) ([]byte, []int) {
	var b strings.Builder
	offs := make([]int, 0, n)
	for i := range n {
		b.WriteString("require(")
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, `"./缺%d😀");`, i)
	}
	return []byte(b.String()), offs
}

// perFinding measures what a finding costs on one long line: its range,
// its code frame and the offsets back, for every finding.
func perFinding(n int) float64 {
	text, offs := oneLine(n)
	r := testing.Benchmark(func(b *testing.B) {
		b.Helper()
		for range b.N {
			f := New("a.js", text)
			for _, o := range offs {
				rg := f.RangeAt(o, o+8)
				_ = f.Frame(rg)
				_ = f.Offset(rg.End)
			}
		}
	})
	return float64(r.NsPerOp()) / float64(n)
}

// TestStressFindingsOnOneLine: positions and code frames walked the line
// from its start for every finding, quadratic in findings × line length
// (20k findings on one 390 KB line: 80 s).
func TestStressFindingsOnOneLine(t *testing.T) {
	// The best of three runs each, and a bound of 3 times (quadratic is 4),
	// so that a busy machine does not fail it.
	small := min(perFinding(2000), perFinding(2000), perFinding(2000))
	big := min(perFinding(8000), perFinding(8000), perFinding(8000))
	t.Logf("per finding: %.0f ns with 2000 on the line, %.0f ns with 8000", small, big)
	if big > 3*small+1000 {
		t.Errorf("the cost per finding grows with the line: %.0f ns, then %.0f ns for 4 times the line", small, big)
	}
}
