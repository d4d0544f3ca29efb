//go:build stress

package check

import (
	"io"
	"runtime"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/report"
)

// countingWriter counts the bytes written.
type countingWriter struct{ n int }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

var _ io.Writer = (*countingWriter)(nil)

// checkAndReport runs the check of a project with n unresolved requires in
// one file and renders the text and JSON reports; it returns the bytes
// allocated, the peak heap in use, the report size and the input size.
func checkAndReport(t *testing.T, n int) (alloc, peak uint64, out, in int) {
	t.Helper()
	text := requires(n)
	dir := writeProject(t, map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"app.js":                 "App({})\n",
		"pages/index/index.js":   "Page({})\n" + text,
		"pages/index/index.wxml": "<view/>",
	})
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(p, Policy{})
	w := &countingWriter{}
	for _, format := range []string{"text", "json"} {
		run := &report.Run{
			Tool: "fpcheck", Findings: res.Findings, Files: len(p.Paths), Rules: res.Rules,
			Frame: func(path string, r source.Range) string { return p.File(path).Frame(r) },
		}
		if err := report.Write(w, format, run); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&m1)
	if res.Omitted.Errors != n-MaxPerFileRule {
		t.Errorf("%d requires: %d errors left out, want %d", n, res.Omitted.Errors, n-MaxPerFileRule)
	}
	return m1.TotalAlloc - m0.TotalAlloc, m1.HeapInuse, w.n, len(text)
}

// TestStressManyFindings: an 8 MB file gave a 203 MB report and 904 MB of
// memory. The report is now bounded by the caps, whatever the input, and
// the work grows linearly with it.
func TestStressManyFindings(t *testing.T) {
	a1, _, out1, in1 := checkAndReport(t, 20000)
	a4, peak4, out4, in4 := checkAndReport(t, 80000)
	t.Logf("%d bytes in: %d MB allocated, %d bytes of reports; %d bytes in: %d MB allocated, %d MB heap, %d bytes of reports",
		in1, a1>>20, out1, in4, a4>>20, peak4>>20, out4)
	if out4 > out1+out1/10 || out4 > 2<<20 {
		t.Errorf("reports grow with the findings left out: %d bytes, then %d", out1, out4)
	}
	if a4 > 6*a1 {
		t.Errorf("allocation grows faster than the input: %d, then %d", a1, a4)
	}
	if peak4 > 200*uint64(in4) {
		t.Errorf("heap in use %d for %d bytes of input", peak4, in4)
	}
}
