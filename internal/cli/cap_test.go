package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The caps on findings leave the exit code alone: 150 warnings of one rule
// in one file show 100 and a note, and --max-warnings still counts 150.
func TestCapKeepsExitCode(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"app.json":                            `{"pages": ["pages/index/index"], "functionalPages": {"independent": true}}`,
		"functional-pages/request-payment.js": "exports.beforeRequestPayment = function (a, cb) { cb(); };\n" + strings.Repeat("require('./x' + v);\n", 150),
		"pages/index/index.wxml":              "<view/>",
		"pages/index/index.js":                "Page({});",
	}
	for rel, text := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		max  string
		code int
	}{{"149", ExitFindings}, {"150", ExitOK}} {
		out, errOut, code := run(t, "--max-warnings", c.max, "--rule", "dynamic-require", "--rule", "too-many-findings", dir)
		if code != c.code {
			t.Errorf("--max-warnings %s: exit %d, want %d\n%s", c.max, code, c.code, errOut)
		}
		if n := strings.Count(out, "[dynamic-require]"); n != 100 {
			t.Errorf("%d warnings shown, want 100", n)
		}
		if !strings.Contains(out, "50 more dynamic-require findings in this file are not shown") {
			t.Errorf("no note about the 50 left out:\n%s", out[max(0, len(out)-600):])
		}
	}
}
