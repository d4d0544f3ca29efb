package baseline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

func finding(rule, path string, start, end int, msg string) lint.Finding {
	return lint.Finding{Rule: rule, Path: path, Start: start, End: end, Message: i18n.Raw(msg), Level: lint.Error}
}

// A recorded finding still matches after edits that move it, the same
// snippet twice is counted, and findings fixed since are counted as gone.
func TestMatchSurvivesMovedLines(t *testing.T) {
	before := map[string][]byte{"a.js": []byte("const x = require('./gone');\nconst y = require('./gone');\n")}
	old := []lint.Finding{
		finding("unresolved-dependency", "a.js", 18, 26, "m1"),
		finding("unresolved-dependency", "a.js", 47, 55, "m2"),
		finding("not-checked", "b.ts", 0, 0, "3 .ts files were not checked"),
	}
	b := Build(old, func(p string) []byte { return before[p] }, i18n.En)
	if len(b.Findings) != 3 {
		t.Fatalf("recorded %d findings, want 3", len(b.Findings))
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := Write(path, b); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// Two lines were added above; one of the two requires was fixed; a new
	// problem appeared.
	after := map[string][]byte{"a.js": []byte("// 说明\n\nconst y = require( './gone' );\nconst z = require('./new');\n")}
	text := string(after["a.js"])
	at := func(sub string) (int, int) { i := strings.Index(text, sub); return i, i + len(sub) }
	s1, e1 := at("'./gone'")
	s2, e2 := at("'./new'")
	now := []lint.Finding{
		finding("unresolved-dependency", "a.js", s1, e1, "m2"),
		finding("unresolved-dependency", "a.js", s2, e2, "m3"),
		finding("not-checked", "b.ts", 0, 0, "3 .ts files were not checked"),
	}
	gone := Match(loaded, now, func(p string) []byte { return after[p] })
	want := []string{Unchanged, New, Unchanged}
	for i, f := range now {
		if f.BaselineState != want[i] {
			t.Errorf("finding %d (%s): %q, want %q", i, f.Message, f.BaselineState, want[i])
		}
	}
	if gone != 1 {
		t.Errorf("gone = %d, want 1", gone)
	}
}

const (
	Unchanged = lint.Unchanged
	New       = lint.New
)

func TestSuppressedFindingsAreNotRecorded(t *testing.T) {
	f := finding("r", "a.js", 0, 1, "m")
	f.Suppressed = &lint.Suppression{Kind: "inSource", Justification: "why"}
	if b := Build([]lint.Finding{f}, func(string) []byte { return []byte("x") }, i18n.En); len(b.Findings) != 0 {
		t.Errorf("recorded a suppressed finding: %+v", b.Findings)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "none.json")); err == nil {
		t.Error("a missing baseline loads")
	}
	// Each error in English and in Chinese, naming the file.
	other := filepath.Join(dir, "other.json")
	old := filepath.Join(dir, "old.json")
	for p, text := range map[string]string{other: `{"a": 1}`, old: `{"version": 0, "tool": "fpcheck"}`} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for p, en := range map[string]string{
		filepath.Join(dir, "none.json"): "cannot read the baseline " + filepath.Join(dir, "none.json") + ": no such file or directory",
		other:                           "the baseline " + other + " is not a baseline file; write one with --write-baseline",
		old:                             "the baseline " + old + " has version 0; this fpcheck reads version 1 (write it again with --write-baseline)",
	} {
		_, err := Load(p)
		e, ok := errors.AsType[*i18n.Error](err)
		if !ok || err.Error() != en {
			t.Errorf("%s: %v, want %q", p, err, en)
			continue
		}
		if zh := e.Localize(i18n.Zh); !strings.Contains(zh, p) || !strings.Contains(zh, "基线") {
			t.Errorf("%s: in Chinese %q", p, zh)
		}
	}
}
