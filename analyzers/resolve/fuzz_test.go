package resolve

import (
	"path"
	"strings"
	"testing"
)

// FuzzResolve resolves fuzzed specifiers of every kind against a fuzzed
// file list and alias: no panic; every path tried is a clean path inside
// the project (inside the code root for components and WXML/WXSS, which
// clamp there); a found path exists; an npm hit lies in miniprogram_npm.
func FuzzResolve(f *testing.F) {
	f.Add("miniprogram", "miniprogram/pages/a/a.js", "../../utils/x", "miniprogram/utils/x.js\nminiprogram/miniprogram_npm/dayjs/index.js", "@/*", "utils/*", false)
	f.Add("", "pages/a/a.json", "dayjs/../../../../etc/passwd", "miniprogram_npm/dayjs/index.json", "", "", false)
	f.Add("mp", "mp/pages/a/a.json", "x/../../../y", "y.json\nmp/y.json", "@x/*", "../../*", true)
	f.Add("mp", "mp/a.wxml", "/../../../t.wxml", "t.wxml", "", "", false)
	f.Add("mp", "mp/a.js", "./threejs-miniprogram", "mp/miniprogram_npm/threejs-miniprogram/index.js", "", "", true)
	f.Fuzz(func(t *testing.T, root, from, spec, files, aliasKey, aliasVal string, ts bool) {
		root = strings.Trim(path.Clean("/"+root), "/")
		from = strings.Trim(path.Clean("/"+from), "/")
		if from == "" {
			from = "f" // a file, never the project or root directory itself
		}
		if root != "" && !strings.HasPrefix(from, root+"/") {
			from = path.Join(root, from)
		}
		exists := map[string]bool{}
		for l := range strings.SplitSeq(files, "\n") {
			exists[l] = true
		}
		r := &Resolver{Root: root, Exists: func(rel string) bool { return exists[rel] }, TypeScript: ts}
		if aliasKey != "" {
			r.SetAliases(map[string]string{aliasKey: aliasVal})
		}
		check := func(kind string, res Result, inRoot bool) {
			t.Helper()
			for _, c := range append([]string{res.Path}, res.Candidates...) {
				if c == "" {
					continue
				}
				if path.Clean(c) != c || path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") {
					t.Fatalf("%s(%q, %q) root %q: %q is outside the project", kind, from, spec, root, c)
				}
				if inRoot && root != "" && !strings.HasPrefix(c, root+"/") {
					t.Fatalf("%s(%q, %q) root %q: %q is outside the code root", kind, from, spec, root, c)
				}
			}
			if res.Found && !exists[res.Path] {
				t.Fatalf("%s(%q, %q): found %q, which does not exist", kind, from, spec, res.Path)
			}
			if res.Found && res.How == Npm && !strings.Contains("/"+res.Path, "/miniprogram_npm/") {
				t.Fatalf("%s(%q, %q): npm hit %q is not in miniprogram_npm", kind, from, spec, res.Path)
			}
		}
		check("JS", r.JS(from, spec), false)
		check("Component", r.Component(from, spec), true)
		check("Asset", r.Asset(from, spec, ".wxml"), true)
	})
}
