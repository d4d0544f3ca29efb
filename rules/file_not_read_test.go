package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/check"
	"github.com/fpcheck/fpcheck/internal/fixture"
)

// loadAndCheck writes files under a new directory, lets prepare change it,
// and returns the findings as fixtures print them.
func loadAndCheck(t *testing.T, files map[string]string, prepare func(dir string)) string {
	t.Helper()
	dir := t.TempDir()
	fixture.WriteTree(t, dir, files)
	prepare(dir)
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range check.Run(p, check.Policy{}).Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", f.Path, f.Range.Start.Line, f.Range.Start.Col, f.Level, f.Message, f.Rule)
	}
	return b.String()
}

var payment = map[string]string{
	"app.json":                            `{"pages": ["pages/index/index"], "functionalPages": {"independent": true}}`,
	"functional-pages/request-payment.js": `exports.beforeRequestPayment = function (params, next) { next(null, {}); };`,
	"functional-pages/lib/util.js":        `module.exports = 1;`,
	"pages/index/index.js":                `Page({});`,
	"pages/index/index.wxml":              `<view/>`,
}

// TestFileNotReadTooLarge: a file over 8 MiB is listed but not parsed, and
// that is said: a note for an ordinary file, an error for
// request-payment.js, which the checks need.
func TestFileNotReadTooLarge(t *testing.T) {
	got := loadAndCheck(t, payment, func(dir string) {
		big := strings.Repeat(" ", project.MaxParseSize+1)
		for _, rel := range []string{"pages/index/data.js", "functional-pages/request-payment.js"} {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(big), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
	want := "functional-pages/request-payment.js:1:1: error: this file is larger than 8 MiB, so it was not parsed or checked [file-not-read]\n" +
		"pages/index/data.js:1:1: note: this file is larger than 8 MiB, so it was not parsed or checked [file-not-read]\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestFileNotReadMode000: request-payment.js and a folder of mode 000 are
// reported, never "no problems". Root reads them anyway, so this is
// skipped there; analyzers/project injects the failure instead
// (TestUnreadableFileIsRecorded, TestUnreadableFolderIsRecorded).
func TestFileNotReadMode000(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced")
	}
	got := loadAndCheck(t, payment, func(dir string) {
		for _, rel := range []string{"functional-pages/request-payment.js", "functional-pages/lib"} {
			full := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.Chmod(full, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(full, 0o755) }) // before TempDir's removal
		}
	})
	want := "app.json:1:1: note: folder functional-pages/lib/ could not be read (permission denied), so the files in it were not listed or checked [file-not-read]\n" +
		"functional-pages/request-payment.js:1:1: error: this file could not be read (permission denied), so it was not checked [file-not-read]\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
