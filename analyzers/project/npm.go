package project

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
)

// NPM is what the project says about npm packages, read once by Load.
//
// miniprogram_npm/ is the output of 构建 npm (DevTools, or miniprogram-ci
// packNpm) from the package.json files of the project; many teams
// git-ignore it, so in CI and in a pre-commit snapshot it is often absent.
type NPM struct {
	// Declared holds the package names that a package.json the npm build
	// reads lists (dependencies of every kind).
	Declared map[string]bool
	// Extended holds the package names of the libraries app.json's
	// useExtendedLib provides ("weui" gives "weui-miniprogram"): the
	// platform supplies them, they are never in miniprogram_npm/.
	Extended map[string]bool
	// builtRoots are the code roots holding a miniprogram_npm/ directory.
	builtRoots map[string]bool
}

// Built reports whether npm packages were built into the code root (some
// miniprogram_npm/ directory under it has files).
func (n *NPM) Built(root string) bool { return n.builtRoots[root] }

// NPM returns the project's npm facts.
func (p *Project) NPM() *NPM { return p.npm }

// dependencyKeys are the package.json fields that name packages.
var dependencyKeys = []string{"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}

// readNPM gathers the npm facts: the package.json files under the code
// roots (the npm build reads the one beside each root and, in newer
// tools, any under it), the one at DIR, and those named by
// setting.packNpmRelationList; and which roots have miniprogram_npm/.
func (p *Project) readNPM() {
	n := &NPM{Declared: map[string]bool{}, Extended: map[string]bool{}, builtRoots: map[string]bool{}}
	p.npm = n
	seen := map[string]bool{}
	declare := func(text string) {
		if !gjson.Valid(text) {
			return // a broken package.json declares nothing; it is not mini-program code
		}
		for _, key := range dependencyKeys {
			gjson.Get(text, key).ForEach(func(k, _ gjson.Result) bool {
				n.Declared[k.String()] = true
				return true
			})
		}
	}
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if strings.Contains("/"+rel, "/miniprogram_npm/") {
			n.builtRoots[f.Root] = true
			continue
		}
		if path.Base(rel) != "package.json" {
			continue
		}
		// The parsed document holds the text; a broken file's is read again.
		if f.JSON != nil {
			seen[rel] = true
			declare(f.JSON.Text())
		} else if text, ok := f.Content(); ok {
			seen[rel] = true
			declare(string(text))
		}
	}
	for _, rel := range append([]string{"package.json"}, p.Config.PackNpmPackageJSON...) {
		if seen[rel] {
			continue
		}
		seen[rel] = true
		if text, ok := readInside(p.fsDir, rel); ok {
			declare(string(text))
		}
	}
	if a := p.app; a.File != nil && a.File.JSON != nil {
		for _, m := range a.File.JSON.Root().Get("useExtendedLib").Members() {
			if b, ok := m.Value.Bool(); ok && b || m.Value.Kind() == jsonpos.String {
				n.Extended[m.Key] = true
				n.Extended[m.Key+"-miniprogram"] = true
			}
		}
	}
}

// readInside reads the regular file rel (project-relative, clean) under
// dir, refusing any symbolic link on the way, so nothing outside dir is
// ever read.
func readInside(dir, rel string) ([]byte, bool) {
	full := dir
	for elem := range strings.SplitSeq(rel, "/") {
		full = filepath.Join(full, elem)
		info, err := os.Lstat(full)
		if err != nil || info.Mode()&os.ModeSymlink != 0 {
			return nil, false
		}
	}
	return readRegular(full)
}

// Submodules are the paths (project-relative, clean) of the git submodules
// that DIR/.gitmodules declares and that have no files in this checkout: a
// clone without --recursive leaves them empty, so what lies in them cannot
// be checked.
func (p *Project) Submodules() []string { return p.submodules }

func (p *Project) readSubmodules() {
	p.submoduleSet = map[string]bool{}
	text, ok := readInside(p.fsDir, ".gitmodules")
	if !ok {
		return
	}
	for line := range strings.SplitSeq(string(text), "\n") {
		key, val, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || strings.TrimSpace(key) != "path" {
			continue
		}
		rel, ok := CleanRel(strings.TrimSpace(val))
		if !ok || rel == "" || p.HasFilesUnder(rel) {
			continue
		}
		if !p.submoduleSet[rel] {
			p.submodules = append(p.submodules, rel)
			p.submoduleSet[rel] = true
		}
	}
}

// SubmodulesHolding returns the submodules (see Submodules) that rel is
// or is inside, innermost first. It looks up each directory above rel, so
// it costs the depth of rel, not the number of submodules.
func (p *Project) SubmodulesHolding(rel string) []string {
	var in []string
	for dir := rel; dir != "" && dir != "." && dir != "/"; dir = path.Dir(dir) {
		if p.submoduleSet[dir] {
			in = append(in, dir)
		}
	}
	return in
}

// HasFilesUnder reports whether the directory dir (project-relative) holds
// any file of the project: a binary search of the sorted Paths.
func (p *Project) HasFilesUnder(dir string) bool {
	if dir == "" {
		return len(p.Paths) > 0
	}
	prefix := dir + "/"
	i, _ := slices.BinarySearch(p.Paths, prefix)
	return i < len(p.Paths) && strings.HasPrefix(p.Paths[i], prefix)
}
