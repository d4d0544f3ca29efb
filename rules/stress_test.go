//go:build stress

package rules_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/check"
)

// subpackageProject writes a mini-program with n subpackages, each with a
// page and a preloadRule, and app.json listing them one per line.
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
	type preload struct {
		Packages []string `json:"packages"`
	}
	app := struct {
		Pages       []string           `json:"pages"`
		Subpackages []sub              `json:"subpackages"`
		PreloadRule map[string]preload `json:"preloadRule"`
	}{Pages: []string{"pages/index"}, PreloadRule: map[string]preload{}}
	write("pages/index.js", "Page({})")
	write("pages/index.wxml", "<view/>")
	for i := range n {
		root := fmt.Sprintf("sub%d", i)
		app.Subpackages = append(app.Subpackages, sub{Root: root, Pages: []string{"index"}})
		app.PreloadRule[root+"/index"] = preload{Packages: []string{root}}
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
// compared every subpackage with every other; 40,000 took 31 s; preloadRule
// entries were looked up in a list of every page). 4× the
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

// submoduleProject writes a mini-program whose .gitmodules declares n
// submodules that are not checked out, and whose page requires a file in
// each.
func submoduleProject(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	var gitmodules, requires strings.Builder
	for i := range n {
		fmt.Fprintf(&gitmodules, "[submodule \"m%d\"]\n\tpath = libs/m%d\n\turl = ../m%d.git\n", i, i, i)
		fmt.Fprintf(&requires, "require('../libs/m%d/index');\n", i)
	}
	for rel, text := range map[string]string{
		".gitmodules":      gitmodules.String(),
		"app.json":         `{"pages": ["pages/index"]}`,
		"pages/index.js":   requires.String() + "Page({});\n",
		"pages/index.wxml": "<view/>",
	} {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestStressSubmodules: dependencies into n missing submodules cost about
// linear time (each was compared with every submodule).
func TestStressSubmodules(t *testing.T) {
	const n = 5000
	run := func(dir string) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 2 {
			start := time.Now()
			p, err := project.Load(dir, project.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res := check.Run(p, check.Policy{}); len(res.Findings) != 1 || res.Findings[0].Rule != "not-checked" {
				t.Fatalf("findings: %+v", res.Findings)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small := run(submoduleProject(t, n))
	large := run(submoduleProject(t, 4*n))
	t.Logf("%d submodules: %v; %d: %v (×%.1f)", n, small, 4*n, large, float64(large)/float64(small))
	if large > 8*small {
		t.Errorf("%d submodules take %v, %d take %v: more than 8× for 4× the input", n, small, 4*n, large)
	}
}
