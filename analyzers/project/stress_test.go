//go:build stress

package project_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

// TestStressFileLimit: a tree of more than 200,000 files is a LimitError
// (exit code 2 with the reason; it was exit 3, "internal failure"), found
// with memory proportional to the files listed.
func TestStressFileLimit(t *testing.T) {
	const n = 200_001
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.json"), []byte(`{"pages": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	// Hard links of an empty file, one system call per file (a new file
	// every 50,000 links, below the file systems' link limits).
	src := t.TempDir()
	var empty string
	for d := range n/1000 + 1 {
		if d%50 == 0 {
			empty = filepath.Join(src, fmt.Sprintf("empty%d", d))
			if err := os.WriteFile(empty, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", d))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range 1000 {
			if err := os.Link(empty, filepath.Join(sub, fmt.Sprintf("f%d.txt", i))); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("wrote %d files in %v", n, time.Since(start))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start = time.Now()
	_, err := project.Load(dir, project.Options{})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	le, ok := errors.AsType[*project.LimitError](err)
	if !ok || !strings.Contains(le.Reason, "more than 200000 files") {
		t.Fatalf("Load = %v (%T), want a LimitError", err, err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("LimitError after %v, %d MiB allocated: %s", elapsed, alloc>>20, le.Reason)
	if perFile := alloc / n; perFile > 4096 {
		t.Errorf("%d bytes allocated per file listed; want at most 4096", perFile)
	}
}
