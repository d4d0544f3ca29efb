package check

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

// changedProject is a project whose index.js has a finding with a column
// past a wide character, and a fix.
func changedProject(t *testing.T) string {
	t.Helper()
	return writeProject(t, map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"app.js":                 "App({})\n",
		"pages/index/index.js":   "Page({})\nconst 价格 = require('./missing');\n",
		"pages/index/index.wxml": "<view/>",
		"project.config.json":    `{}`,
	})
}

// TestTextsReadAgainForFindings: files keep no text after loading; the
// positions of findings come from the text read again, the same as the
// one parsed, and a file that changed in between is reported, not
// positioned wrongly.
func TestTextsReadAgainForFindings(t *testing.T) {
	dir := changedProject(t)
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := Run(p, Policy{})
	if len(res.Changed) != 0 || len(res.Findings) != 1 {
		t.Fatalf("Changed %v, findings %+v", res.Changed, res.Findings)
	}
	if got := res.Findings[0].Range.Start; got.Line != 2 || got.Col != 20 {
		t.Errorf("finding at %+v, want 2:20", got)
	}

	// The same length, other bytes: a shifted require.
	p, err = project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(dir, "pages", "index", "index.js")
	if err := os.WriteFile(js, []byte("Page({})\nconst 价 = require('./missing');  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = Run(p, Policy{})
	if !slices.Equal(res.Changed, []string{"pages/index/index.js"}) {
		t.Errorf("Changed = %v, want the edited file", res.Changed)
	}
}

// TestFixStopsOnChange: --fix never edits a file whose text is not the one
// its findings came from.
func TestFixStopsOnChange(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"app.json":                            `{"pages": ["pages/index/index"], "plugins": {"p": {"version": "1.0.0", "provider": "wx0000000000000000"}}}`,
		"app.js":                              "App({})\n",
		"pages/index/index.js":                "Page({})\n",
		"pages/index/index.wxml":              `<functional-page-navigator name="requestPayment" version="Release"></functional-page-navigator>`,
		"functional-pages/request-payment.js": "exports.beforeRequestPayment = function (a, cb) { cb(); };\n",
		"project.config.json":                 `{}`,
	})
	wxml := filepath.Join(dir, "pages", "index", "index.wxml")
	load := func() (*project.Project, error) {
		p, err := project.Load(dir, project.Options{})
		if err == nil {
			err = os.WriteFile(wxml, []byte(`<functional-page-navigator name="requestPayment" version="Develop"></functional-page-navigator>`), 0o644)
		}
		return p, err
	}
	wrote := false
	_, err := Fix(load, Policy{}, func(string, []byte) error { wrote = true; return nil })
	var ce *ChangedError
	if !errors.As(err, &ce) || !slices.Equal(ce.Paths, []string{"pages/index/index.wxml"}) || wrote {
		t.Errorf("Fix = %v (wrote %v), want a ChangedError for index.wxml and nothing written", err, wrote)
	}
}
