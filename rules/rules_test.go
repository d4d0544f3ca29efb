package rules_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/check"
	"github.com/fpcheck/fpcheck/internal/config"
	"github.com/fpcheck/fpcheck/internal/fixture"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

var update = flag.Bool("update", false, "rewrite the want sections of the fixtures")

// TestFixtures runs every rule fixture: testdata/rules/<rule-id>/fire_*.txtar
// must report that rule, silent_*.txtar must not, and every fixture's
// findings must equal its "want" section exactly.
func TestFixtures(t *testing.T) {
	for _, r := range rules.All() {
		id := r.Meta().ID
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", id, "*.txtar"))
		var fire, silent int
		for _, p := range paths {
			name := filepath.Base(p)
			switch {
			case strings.HasPrefix(name, "fire_"):
				fire++
			case strings.HasPrefix(name, "silent_"):
				silent++
			default:
				t.Errorf("%s: fixture names start with fire_ or silent_", p)
			}
			t.Run(id+"/"+strings.TrimSuffix(name, ".txtar"), func(t *testing.T) {
				got := runFixture(t, p)
				hits := strings.Count(got, "["+id+"]\n") // suppressed findings are marked after the ID
				if strings.HasPrefix(name, "fire_") && hits == 0 {
					t.Errorf("fire fixture does not report %s; got:\n%s", id, got)
				}
				if strings.HasPrefix(name, "silent_") && hits != 0 {
					t.Errorf("silent fixture reports %s:\n%s", id, got)
				}
			})
		}
		if fire == 0 || silent == 0 {
			t.Errorf("rule %s needs fire_ and silent_ fixtures (has %d and %d)", id, fire, silent)
		}
	}
}

func runFixture(t *testing.T, path string) string {
	t.Helper()
	fx := fixture.Extract(t, path)
	pol := check.Policy{Submit: slices.Contains(fx.Flags, "--submit")}
	var opt project.Options
	if cfg := filepath.Join(fx.Dir, config.FileName); fileExists(cfg) {
		c, err := config.Load(cfg, config.FileName, rules.IDs())
		if err != nil {
			t.Fatalf("config: %v", err)
		}
		pol.Config, opt.Ignore = c, c.Ignore
	}
	p, err := project.Load(fx.Dir, opt)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var b strings.Builder
	for _, f := range check.Run(p, pol).Findings {
		checkRenders(t, f.Message)
		for _, fix := range f.Fixes {
			checkRenders(t, fix.Message)
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]", f.Path, f.Range.Start.Line, f.Range.Start.Col, f.Level, f.Message.Debug(), f.Rule)
		if s := f.Suppressed; s != nil {
			fmt.Fprintf(&b, " suppressed (%s): %s", s.Kind, s.Justification)
		}
		b.WriteString("\n")
	}
	got := b.String()
	checkFixes(t, fx, path, opt, pol)
	if *update {
		fixture.Update(t, path, got)
		return got
	}
	if got != fx.Want {
		t.Errorf("findings differ from the want section (go test ./rules -update rewrites it)\n--- got\n%s--- want\n%s", got, fx.Want)
	}
	return got
}

// checkRenders fails when m does not render in every language: a
// missing or extra argument, a verb that does not fit its argument. The
// want sections hold m's key and arguments (Debug), the same in every
// language, so that a change of wording touches only the rule's file.
func checkRenders(t *testing.T, m i18n.Message) {
	t.Helper()
	if err := i18n.RenderError(m); err != nil {
		t.Error(err)
	}
}

// checkFixes applies the fixes of the fixture's findings as --fix does
// (repeating until nothing changes) and compares each changed file with its
// "fixed/<path>" member; every changed file needs one, and one more pass
// over the fixed files changes nothing.
func checkFixes(t *testing.T, fx *fixture.Fixture, path string, opt project.Options, pol check.Policy) {
	t.Helper()
	load := func() (*project.Project, error) { return project.Load(fx.Dir, opt) }
	write := func(rel string, text []byte) error {
		return os.WriteFile(filepath.Join(fx.Dir, filepath.FromSlash(rel)), text, 0o644)
	}
	changes, err := check.Fix(load, pol, write)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		fixed := map[string][]byte{}
		for _, ch := range changes {
			fixed[ch.Path] = ch.New
		}
		fixture.UpdateFixed(t, fx, path, fixed)
		return
	}
	seen := map[string]bool{}
	for _, ch := range changes {
		seen[ch.Path] = true
		if want, ok := fx.Fixed[ch.Path]; !ok {
			t.Errorf("--fix changes %s, but the fixture has no fixed/%s member:\n%s", ch.Path, ch.Path, ch.New)
		} else if string(ch.New) != want {
			t.Errorf("--fix leaves %s as\n%s\nwant\n%s", ch.Path, ch.New, want)
		}
	}
	for rel := range fx.Fixed {
		if !seen[rel] {
			t.Errorf("fixed/%s: --fix does not change %s", rel, rel)
		}
	}
	if more, _ := check.Fix(load, pol, write); len(more) > 0 {
		t.Errorf("another --fix still changes %s: fixing did not reach a fixed point", more[0].Path)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestMetadata checks every rule's metadata is complete and consistent.
func TestMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		m := r.Meta()
		if seen[m.ID] {
			t.Errorf("duplicate rule ID %s", m.ID)
		}
		seen[m.ID] = true
		if m.Title.En == "" || m.Explanation.En == "" || len(m.Messages) == 0 || len(m.Tags) == 0 {
			t.Errorf("%s: incomplete metadata", m.ID)
		}
		for _, ex := range []string{m.Bad, m.Good} {
			if file, body, ok := strings.Cut(ex, "\n"); !ok || file == "" || body == "" {
				t.Errorf("%s: examples are a file name line, then content: %q", m.ID, ex)
			}
		}
		if _, err := os.Stat(filepath.Join("..", "testdata", "rules", m.ID)); err != nil {
			t.Errorf("%s: no fixtures directory", m.ID)
		}
	}
}
