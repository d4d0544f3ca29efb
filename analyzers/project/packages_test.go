package project

import (
	"path"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// packageOfByDir is PackageOf as it was, going up with path.Dir.
func packageOfByDir(p *Project, rel string) *Package {
	for dir := rel; ; dir = path.Dir(dir) {
		if dir == "." || dir == "/" {
			dir = ""
		}
		if pkg, ok := p.app.byRoot[dir]; ok {
			return pkg
		}
		if dir == "" {
			return nil
		}
	}
}

// TestPackageOf: PackageOf finds the package of nested, unclean and
// outside paths as going up with path.Dir does.
func TestPackageOf(t *testing.T) {
	dir := t.TempDir()
	fixture.WriteTree(t, dir, map[string]string{
		"project.config.json": `{"miniprogramRoot": "mini/"}`,
		"mini/app.json": `{"pages": ["pages/a/index"], "subpackages": [
			{"root": "sub", "pages": ["p/index"]},
			{"root": "sub/deep/", "pages": ["q/index"], "independent": true}]}`,
		"mini/pages/a/index.js":      "",
		"mini/sub/p/index.js":        "",
		"mini/sub/deep/q/index.js":   "",
		"mini/sub/deeper/x/index.js": "",
	})
	p, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ rel, root string }{
		{"mini/pages/a/index.js", "mini"},
		{"mini/sub/p/index.js", "mini/sub"},
		{"mini/sub/deep/q/index.js", "mini/sub/deep"},
		{"mini/sub/deep", "mini/sub/deep"},
		{"mini/sub/deeper/x/index.js", "mini/sub"},
		{"mini/sub/./p", "mini/sub"},
		{"mini//sub/p", "mini/sub"},
		{"mini/sub/", "mini/sub"},
		{"outside/x.js", ""},
		{"../mini/sub/p", ""},
		{"/mini/sub", ""},
		{"", ""},
		{".", ""},
	} {
		got, want := p.PackageOf(tc.rel), packageOfByDir(p, tc.rel)
		if got != want {
			t.Errorf("PackageOf(%q) = %v, going up with path.Dir: %v", tc.rel, got, want)
		}
		root := ""
		if got != nil {
			root = got.Root
		}
		if root != tc.root {
			t.Errorf("PackageOf(%q) is the package at %q, want %q", tc.rel, root, tc.root)
		}
	}
}
