package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// BenchmarkWholeRun is one complete fpcheck run (discovery, reading and
// parsing every file, rules, SARIF output) on a generated 500-page project
// (about 2,100 files, 7 MB; internal/benchgen). The whole-process
// benchmark, which also measures memory and the peers, is
// scripts/bench (docs/performance.md).
func BenchmarkWholeRun(b *testing.B) {
	dir := b.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Pages: 500}); err != nil {
		b.Fatal(err)
	}
	// The generated project is correct: a finding is a false positive.
	var out bytes.Buffer
	check := &Command{Stdout: &out, Stderr: &out, Version: "bench"}
	if code := check.Main([]string{dir}); code != ExitOK || !strings.Contains(out.String(), "no problems") {
		b.Fatalf("exit code %d on a correct project:\n%s", code, out.String())
	}
	c := &Command{Stdout: io.Discard, Stderr: io.Discard, Version: "bench"}
	b.ResetTimer()
	for range b.N {
		if code := c.Main([]string{"--format", "sarif", dir}); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
}

// TestBenchCorpus: the benchmark corpus is correct by construction (no
// finding without the planted violations) and fpcheck reports exactly the
// violations planted in it, at their positions.
func TestBenchCorpus(t *testing.T) {
	for _, plant := range []bool{false, true} {
		dir := t.TempDir()
		c, err := benchgen.Write(dir, benchgen.Options{Pages: 20, Plant: plant})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		cmd := &Command{Stdout: &out, Stderr: &out, Version: "test"}
		code := cmd.Main([]string{"--format", "json", dir})
		var rep struct {
			Findings []struct {
				Rule, Path   string
				Line, Column int
			}
		}
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("plant=%v: exit %d, %v:\n%s", plant, code, err, out.String())
		}
		var got, want []string
		for _, f := range rep.Findings {
			got = append(got, benchgen.Finding{Rule: f.Rule, Path: f.Path, Line: f.Line, Column: f.Column}.String())
		}
		for _, f := range c.Planted {
			want = append(want, f.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("plant=%v: findings\n  %s\nwant\n  %s", plant, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		if wantCode := map[bool]int{false: ExitOK, true: ExitFindings}[plant]; code != wantCode {
			t.Errorf("plant=%v: exit %d, want %d", plant, code, wantCode)
		}
	}
}
