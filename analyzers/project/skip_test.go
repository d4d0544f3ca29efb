package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// writeTree writes files (path → text) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	fixture.WriteTree(t, dir, files)
	return dir
}

var paymentProject = map[string]string{
	"app.json":                             `{"pages": ["pages/index/index"], "functionalPages": {"independent": true}}`,
	"pages/index/index.js":                 `Page({})`,
	"pages/index/index.wxml":               `<view/>`,
	"functional-pages/request-payment.js":  `exports.beforeRequestPayment = function (params, next) { next(null, {}) }`,
	"functional-pages/other/helper.js":     `module.exports = 1`,
	"functional-pages/other/more/deep.js":  `module.exports = 2`,
	"project.config.json":                  `{"compileType": "miniprogram"}`,
	"pages/index/index.json":               `{}`,
	"pages/index/index.wxss":               ``,
	"functional-pages/other/more/deep.wxs": ``,
}

// failRead makes readFile fail with permission denied for the files whose
// path ends with one of suffixes, as a file of mode 000 does for a user
// that is not root.
func failRead(t *testing.T, suffixes ...string) {
	t.Helper()
	orig := readFile
	t.Cleanup(func() { readFile = orig })
	readFile = func(name string, size int64) ([]byte, error) {
		for _, s := range suffixes {
			if strings.HasSuffix(filepath.ToSlash(name), s) {
				return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
			}
		}
		return orig(name, size)
	}
}

// failDir makes the walk fail to list the folders whose path ends with one
// of suffixes, as a folder of mode 000 does for a user that is not root.
func failDir(t *testing.T, suffixes ...string) {
	t.Helper()
	orig := walkDir
	t.Cleanup(func() { walkDir = orig })
	walkDir = func(root string, fn fs.WalkDirFunc) error {
		return orig(root, func(full string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				for _, s := range suffixes {
					if strings.HasSuffix(filepath.ToSlash(full), s) {
						if r := fn(full, d, nil); r != nil {
							return r
						}
						// filepath.WalkDir calls fn a second time with
						// the ReadDir error, then skips the folder.
						if r := fn(full, d, &fs.PathError{Op: "open", Path: full, Err: fs.ErrPermission}); r != nil {
							return r
						}
						return filepath.SkipDir
					}
				}
			}
			return fn(full, d, err)
		})
	}
}

func TestUnreadableFileIsRecorded(t *testing.T) {
	dir := writeTree(t, paymentProject)
	failRead(t, "functional-pages/request-payment.js", "pages/index/index.wxml")
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"functional-pages/request-payment.js", "pages/index/index.wxml"} {
		f := p.File(rel)
		if f == nil || f.Skip != Unreadable || f.SkipDetail != "permission denied" {
			t.Errorf("%s: Skip = %v %q, want Unreadable, permission denied", rel, f.Skip, f.SkipDetail)
		}
	}
	if f := p.File("pages/index/index.js"); f.Skip != NotSkipped || f.JS == nil {
		t.Errorf("a readable file is not parsed: %+v", f)
	}
}

// TestUnreadableFileMode000 is TestUnreadableFileIsRecorded with real
// permissions; root reads a file of mode 000, so it is skipped there.
func TestUnreadableFileMode000(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced (TestUnreadableFileIsRecorded injects the failure)")
	}
	dir := writeTree(t, paymentProject)
	full := filepath.Join(dir, "functional-pages", "request-payment.js")
	if err := os.Chmod(full, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(full, 0o644) })
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.File("functional-pages/request-payment.js"); f == nil || f.Skip != Unreadable {
		t.Errorf("request-payment.js at mode 000: %+v", f)
	}
}

func TestUnreadableFolderIsRecorded(t *testing.T) {
	dir := writeTree(t, paymentProject)
	failDir(t, "functional-pages/other")
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Skipped) != 1 || p.Skipped[0] != (Skipped{Path: "functional-pages/other", Reason: UnreadableFolder, Detail: "permission denied"}) {
		t.Errorf("Skipped = %+v", p.Skipped)
	}
	if p.File("functional-pages/other/helper.js") != nil {
		t.Errorf("a file of the unreadable folder is listed")
	}
}

func TestUnreadableRootIsAnError(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"project.config.json":  `{"miniprogramRoot": "mp/"}`,
		"mp/app.json":          `{"pages": []}`,
		"mp/pages/index.js":    `Page({})`,
		"mp/pages/index.wxml":  `<view/>`,
		"mp/pages/index2.wxml": `<view/>`,
	})
	failDir(t, "/mp")
	_, err := Load(dir, Options{})
	npe, ok := errors.AsType[*NotProjectError](err)
	if !ok || !strings.Contains(npe.Reason, "cannot read the mini-program root") || !strings.Contains(npe.Reason, "permission denied") {
		t.Errorf("err = %v, want NotProjectError: cannot read the mini-program root", err)
	}
}

func TestUnreadableConfigIsRecorded(t *testing.T) {
	dir := writeTree(t, paymentProject)
	failRead(t, "/project.config.json")
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.ConfigFile; f == nil || f.Skip != Unreadable || p.File("project.config.json") != f {
		t.Errorf("ConfigFile = %+v", f)
	}
}

func TestTooLargeFileIsRecorded(t *testing.T) {
	dir := writeTree(t, paymentProject)
	if err := os.WriteFile(filepath.Join(dir, "pages", "index", "big.js"), make([]byte, MaxParseSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.File("pages/index/big.js"); f == nil || f.Skip != TooLarge {
		t.Errorf("big.js: %+v", f)
	}
}

// TestFileLimit is the 200,000-file limit, lowered: hitting it is a
// LimitError (exit code 2), not an internal failure (stress_test.go has
// the real limit).
func TestFileLimit(t *testing.T) {
	orig := maxFiles
	t.Cleanup(func() { maxFiles = orig })
	maxFiles = 3
	dir := writeTree(t, paymentProject)
	_, err := Load(dir, Options{})
	le, ok := errors.AsType[*LimitError](err)
	if !ok || !strings.Contains(le.Reason, "more than 3 files") {
		t.Errorf("err = %v (%T), want LimitError", err, err)
	}
}
