package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

const secret = "OUTSIDE-SECRET"

// tree writes files under dir and creates the symbolic links (name →
// target, target as written in the link).
func tree(t *testing.T, dir string, files, links map[string]string) {
	t.Helper()
	for name, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, full); err != nil {
			t.Fatal(err)
		}
	}
}

// outsideProject is a complete mini-program outside DIR, whose text must
// never be read.
var outsideProject = map[string]string{
	"app.json":         `{"pages": ["pages/a"]}`,
	"pages/a.js":       `const s = "` + secret + `"; require("./nope")`,
	"pages/a.wxml":     `<view>` + secret + `</view>`,
	"sub/app.json":     `{"pages": ["pages/a"]}`,
	"sub/pages/a.js":   `const s = "` + secret + `"; require("./nope")`,
	"sub/pages/a.wxml": `<view/>`,
}

// TestSymlinkedCodeRoot: a code root reached through a symbolic link, as
// the first, a middle or the last element of miniprogramRoot/pluginRoot,
// is refused (exit code 2) and nothing outside DIR is read; a link that
// stays inside DIR is not followed either, and the message names where it
// leads.
func TestSymlinkedCodeRoot(t *testing.T) {
	tests := []struct {
		name, config, link string
		target             string // relative to the directory holding DIR
		want               string
	}{
		{"first", `{"miniprogramRoot": "link/sub"}`, "link", "outside", `miniprogramRoot "link/sub": link is a symbolic link`},
		{"middle", `{"miniprogramRoot": "a/link/sub"}`, "a/link", "outside", `miniprogramRoot "a/link/sub": a/link is a symbolic link`},
		{"last", `{"miniprogramRoot": "a/link"}`, "a/link", "outside/sub", `miniprogramRoot "a/link": a/link is a symbolic link`},
		{"plugin", `{"compileType": "plugin", "pluginRoot": "link/sub"}`, "link", "outside", `pluginRoot "link/sub": link is a symbolic link`},
		{"inside", `{"miniprogramRoot": "link/sub"}`, "link", "dir/real", `point miniprogramRoot at "real/sub", where the link leads`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "dir")
			tree(t, filepath.Join(base, "outside"), outsideProject, nil)
			files := map[string]string{
				"project.config.json":  tc.config,
				"a/x.txt":              "",
				"real/sub/app.json":    `{"pages": []}`,
				"miniprogram/app.json": `{"pages": []}`,
			}
			target := filepath.Join(base, filepath.FromSlash(tc.target))
			tree(t, dir, files, map[string]string{tc.link: target})
			p, err := project.Load(dir, project.Options{})
			npe, ok := errors.AsType[*project.NotProjectError](err)
			if !ok {
				t.Fatalf("Load = %v, %v; want a NotProjectError", p, err)
			}
			if !strings.Contains(npe.Reason, tc.want) || strings.Contains(npe.Reason, secret) {
				t.Errorf("reason %q, want it to say %q", npe.Reason, tc.want)
			}
		})
	}
}

// TestSymlinkedConventionalRoot: ./miniprogram as a link out of DIR is not
// followed, and "not a project" says why.
func TestSymlinkedConventionalRoot(t *testing.T) {
	base := t.TempDir()
	tree(t, filepath.Join(base, "outside"), outsideProject, nil)
	dir := filepath.Join(base, "dir")
	tree(t, dir, map[string]string{"README": ""}, map[string]string{"miniprogram": filepath.Join(base, "outside")})
	_, err := project.Load(dir, project.Options{})
	npe, ok := errors.AsType[*project.NotProjectError](err)
	if !ok || !strings.Contains(npe.Reason, "miniprogram is a symbolic link") {
		t.Errorf("err = %v", err)
	}
}

// TestSymlinkedDir: DIR itself may be a symbolic link (the user named it):
// it is resolved once and checked like the directory it names. Before,
// the walk saw a link and checked nothing ("no problems in 0 files").
func TestSymlinkedDir(t *testing.T) {
	base := t.TempDir()
	realDir := filepath.Join(base, "real")
	tree(t, realDir, map[string]string{"app.json": `{"pages": ["pages/a"]}`, "pages/a.js": `Page({})`, "pages/a.wxml": `<view/>`},
		nil)
	link := filepath.Join(base, "link")
	if err := os.Symlink(realDir, link); err != nil {
		t.Fatal(err)
	}
	p, err := project.Load(link, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"app.json", "pages/a.js", "pages/a.wxml"}; !slices.Equal(p.Paths, want) || p.Dir != link {
		t.Errorf("Paths = %v, Dir = %s; want %v, %s", p.Paths, p.Dir, want, link)
	}
	if f := p.File("pages/a.js"); f == nil || f.JS == nil {
		t.Errorf("pages/a.js not parsed")
	}
}

// TestSymlinksInsideRootsNotFollowed: links to files and folders inside a
// code root are never followed, wherever they lead; each is recorded in
// Skipped (file-not-read reports it) and no text of their targets is read.
func TestSymlinksInsideRootsNotFollowed(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	tree(t, outside, outsideProject, nil)
	dir := filepath.Join(base, "dir")
	tree(t, dir, map[string]string{"app.json": `{"pages": ["pages/a"]}`, "pages/a.js": `require("./b"); require("./c/a")`, "pages/a.wxml": `<view/>`},
		map[string]string{
			"pages/b.js":           filepath.Join(outside, "pages", "a.js"),
			"pages/c":              filepath.Join(outside, "pages"),
			"pages/in.js":          "a.js",
			"node_modules":         outside,
			"pages/.hidden-link":   outside,
			"project.config.json2": outside,
		})
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"app.json", "pages/a.js", "pages/a.wxml"}; !slices.Equal(p.Paths, want) {
		t.Errorf("Paths = %v, want %v", p.Paths, want)
	}
	var got []string
	for _, s := range p.Skipped {
		if s.Reason != project.SymbolicLink {
			t.Errorf("%s: reason %v", s.Path, s.Reason)
		}
		got = append(got, s.Path)
	}
	if want := []string{"pages/b.js", "pages/c", "pages/in.js", "project.config.json2"}; !slices.Equal(got, want) {
		t.Errorf("Skipped = %v, want %v", got, want)
	}
	for _, rel := range p.Paths {
		if text, _ := p.File(rel).Content(); strings.Contains(string(text), secret) {
			t.Errorf("%s holds text from outside DIR", rel)
		}
	}
}

// hasText reports whether f was read.
func hasText(f *project.File) bool {
	_, ok := f.Content()
	return ok
}

// TestSymlinkedConfigNotRead: project.config.json as a link is not read; it
// is recorded as skipped (file-not-read reports an error).
func TestSymlinkedConfigNotRead(t *testing.T) {
	base := t.TempDir()
	tree(t, filepath.Join(base, "outside"), map[string]string{"project.config.json": `{"miniprogramRoot": "x/"}`}, nil)
	dir := filepath.Join(base, "dir")
	tree(t, dir, map[string]string{"app.json": `{"pages": []}`},
		map[string]string{"project.config.json": filepath.Join(base, "outside", "project.config.json")})
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.ConfigFile; f == nil || f.Skip != project.SymbolicLink || hasText(f) || p.HasConfig {
		t.Errorf("ConfigFile = %+v, HasConfig %v", f, p.HasConfig)
	}
}

// TestEmptyRootIsAnError: a code root with nothing to check is never a
// pass on nothing.
func TestEmptyRootIsAnError(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, map[string]string{"app.json": `{"pages": []}`, "pages/a.js": ""}, nil)
	_, err := project.Load(dir, project.Options{Ignore: []string{"**"}})
	npe, ok := errors.AsType[*project.NotProjectError](err)
	if !ok || !strings.Contains(npe.Reason, "has no file to check") || !strings.Contains(npe.Reason, "--ignore") {
		t.Errorf("err = %v", err)
	}
}
