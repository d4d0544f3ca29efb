//go:build stress

package rules_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/check"
)

// subpackageProject writes a mini-program with n subpackages, each with a
// page, and app.json listing them one per line.
func subpackageProject(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, text string) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type sub struct {
		Root  string   `json:"root"`
		Pages []string `json:"pages"`
	}
	app := struct {
		Pages       []string `json:"pages"`
		Subpackages []sub    `json:"subpackages"`
	}{Pages: []string{"pages/index"}}
	write("pages/index.js", "Page({})")
	write("pages/index.wxml", "<view/>")
	for i := range n {
		root := fmt.Sprintf("sub%d", i)
		app.Subpackages = append(app.Subpackages, sub{Root: root, Pages: []string{"index"}})
		write(root+"/index.js", "Page({})")
		write(root+"/index.wxml", "<view/>")
	}
	text, err := json.MarshalIndent(app, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	write("app.json", string(text))
	return dir
}

// checkTime is the best of two runs of Load and every rule on dir.
func checkTime(t *testing.T, dir string) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range 2 {
		start := time.Now()
		p, err := project.Load(dir, project.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res := check.Run(p, check.Policy{}); len(res.Findings) != 0 {
			t.Fatalf("%d findings, first %+v", len(res.Findings), res.Findings[0])
		}
		best = min(best, time.Since(start))
	}
	return best
}

// TestStressSubpackages: the work for n subpackages grows about linearly
// (it was quadratic: package lookups, root conflicts and directory checks
// compared every subpackage with every other; 40,000 took 31 s). 4× the
// subpackages may take at most 8× the time (quadratic is 16×).
func TestStressSubpackages(t *testing.T) {
	const n = 2500
	small := checkTime(t, subpackageProject(t, n))
	large := checkTime(t, subpackageProject(t, 4*n))
	t.Logf("%d subpackages: %v; %d: %v (×%.1f)", n, small, 4*n, large, float64(large)/float64(small))
	if large > 8*small {
		t.Errorf("%d subpackages take %v, %d take %v: more than 8× for 4× the input", n, small, 4*n, large)
	}
}
