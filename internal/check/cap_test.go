package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/rules"
)

// writeProject writes files (path → text) under a new directory.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// requires returns n requires of missing files, one a line.
func requires(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "require('./missing%d');\n", i)
	}
	return b.String()
}

func byRule(fs []lint.Finding, path string) map[string][]lint.Finding {
	out := map[string][]lint.Finding{}
	for _, f := range fs {
		if f.Path == path {
			out[f.Rule] = append(out[f.Rule], f)
		}
	}
	return out
}

// A file with 150 unresolved requires reports the first 100 and one note
// saying 50 more were left out; a file under the cap is untouched.
func TestCapPerFileAndRule(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"app.js":                 "App({})\n" + requires(150),
		"pages/index/index.js":   "Page({})\n" + requires(3),
		"pages/index/index.wxml": "<view/>",
		"project.config.json":    `{}`,
	})
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(p, Policy{})
	app := byRule(res.Findings, "app.js")
	if n := len(app["unresolved-dependency"]); n != MaxPerFileRule {
		t.Errorf("app.js: %d unresolved-dependency findings, want %d", n, MaxPerFileRule)
	}
	notes := app[rules.TooManyRule]
	if len(notes) != 1 || notes[0].Level != lint.Note || !strings.HasPrefix(notes[0].Message.String(), "50 more unresolved-dependency findings in this file") {
		t.Fatalf("app.js notes: %+v", notes)
	}
	if notes[0].Range.Start.Line != 102 {
		t.Errorf("note at %+v, want the first left out (line 102)", notes[0].Range.Start)
	}
	if n := len(byRule(res.Findings, "pages/index/index.js")["unresolved-dependency"]); n != 3 {
		t.Errorf("index.js: %d findings, want 3", n)
	}
	if res.Omitted.Errors != 50 {
		t.Errorf("Omitted = %+v, want 50 errors", res.Omitted)
	}
}

// finding is a synthetic finding of rule at offset at.
func finding(path, rule string, level lint.Level, at int) lint.Finding {
	return lint.Finding{Rule: rule, Level: level, Path: path, Start: at, End: at + 1, Message: i18n.Raw(fmt.Sprint(at))}
}

// The run cap keeps errors first, so the gate still fails when warnings
// flood the report; every (file, rule) that lost findings gets a note,
// up to maxCapNotes, and one more note counts the rest.
func TestCapPerRun(t *testing.T) {
	var fs []lint.Finding
	files := MaxPerRun/MaxPerFileRule + maxCapNotes + 10
	for i := range files {
		for k := range MaxPerFileRule {
			fs = append(fs, finding(fmt.Sprintf("w%04d.js", i), "dynamic-require", lint.Warning, k))
		}
	}
	fs = append(fs, finding("z.js", "unresolved-dependency", lint.Error, 7))
	kept, omitted := limit(fs, true)
	var errs, warns, notes, more int
	for _, f := range kept {
		switch {
		case f.Rule == rules.TooManyRule && strings.Contains(f.Message.String(), "more rules and files"):
			more++
		case f.Rule == rules.TooManyRule:
			notes++
		case f.Level == lint.Error:
			errs++
		case f.Level == lint.Warning:
			warns++
		}
	}
	if errs != 1 || warns != MaxPerRun-1 {
		t.Errorf("kept %d errors and %d warnings, want 1 and %d", errs, warns, MaxPerRun-1)
	}
	if notes != maxCapNotes || more != 1 {
		t.Errorf("%d notes and %d summary notes, want %d and 1", notes, more, maxCapNotes)
	}
	if want := files*MaxPerFileRule - (MaxPerRun - 1); omitted.Warnings != want || omitted.Errors != 0 {
		t.Errorf("omitted %+v, want %d warnings", omitted, want)
	}
	// Without the note rule, nothing is added.
	kept, _ = limit(fs, false)
	if len(kept) != MaxPerRun {
		t.Errorf("kept %d, want %d", len(kept), MaxPerRun)
	}
	// Under the caps, findings are returned as they are.
	small := fs[:10]
	if kept, omitted := limit(small, true); len(kept) != 10 || omitted != (Omitted{}) {
		t.Errorf("under the caps: kept %d, omitted %+v", len(kept), omitted)
	}
}

// The note rule's explanation states the caps.
func TestCapsExplained(t *testing.T) {
	r, _ := rules.Lookup(rules.TooManyRule)
	ex := r.Meta().Explanation.En
	for _, s := range []string{fmt.Sprintf("at most %d findings of each rule in each file", MaxPerFileRule), fmt.Sprintf("%d in a run", MaxPerRun)} {
		if !strings.Contains(ex, s) {
			t.Errorf("explanation does not say %q", s)
		}
	}
}
