package graph

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

// Loaded reports whether the platform can load the file at rel: it is an
// entry (app.js/app.json/app.wxss, a page of any package, a file of
// functional-pages/, workers or the open data context, plugin.json and
// what it names, custom-tab-bar and app-bar, as the official analyser
// lists them) or something a loaded file depends on.
// A dependency in a file nothing loads cannot fail on the phone: copied
// libraries' unused parts, unit tests, build scripts. When the project has
// no entry at all, every file counts as loaded.
func (g *Graph) Loaded(rel string) bool { return g.loaded == nil || g.loaded[rel] }

// pageExts are the files of a page or component, by its path without
// extension.
var pageExts = []string{".js", ".ts", ".json", ".wxml", ".wxss"}

// reach computes g.loaded by following resolved edges from the entries.
func (b *builder) reach() {
	p := b.p
	seen := map[string]bool{}
	var queue []string
	add := func(rel string) {
		if rel != "" && !seen[rel] && p.File(rel) != nil {
			seen[rel] = true
			queue = append(queue, rel)
		}
	}
	addUnit := func(base string) {
		for _, ext := range pageExts {
			add(base + ext)
		}
	}
	if p.HasMini {
		addUnit(path.Join(p.MiniRoot, "app"))
		addUnit(path.Join(p.MiniRoot, "custom-tab-bar", "index"))
		addUnit(path.Join(p.MiniRoot, "app-bar", "index"))
		for _, pkg := range p.App().Packages {
			for _, page := range pkg.Pages {
				addUnit(page)
			}
			switch pkg.Kind {
			case project.FunctionalPagesPackage, project.WorkersPackage, project.OpenDataContextPackage:
				for _, rel := range p.Paths {
					if project.Under(rel, pkg.Root) {
						add(rel)
					}
				}
			case project.MainPackage, project.Subpackage, project.IndependentSubpackage, project.PluginPackage:
			}
		}
	}
	if p.HasPlugin {
		b.pluginEntries(add, addUnit)
	}
	if len(queue) == 0 {
		return // no entry: judge every file
	}
	// The edges of each file are consecutive (Build keeps file order):
	// one range per file, not a slice of pointers each.
	type span struct{ lo, hi int }
	byFile := map[string]span{}
	edges := b.g.Edges
	for lo := 0; lo < len(edges); {
		hi := lo + 1
		for hi < len(edges) && edges[hi].From == edges[lo].From {
			hi++
		}
		byFile[edges[lo].From.Path] = span{lo, hi}
		lo = hi
	}
	for len(queue) > 0 {
		rel := queue[0]
		queue = queue[1:]
		s := byFile[rel]
		for i := s.lo; i < s.hi; i++ {
			e := &edges[i]
			if !e.Target.Found {
				continue
			}
			if e.Kind == KindComponent || e.Kind == KindGenericDefault {
				addUnit(strings.TrimSuffix(e.Target.Path, ".json"))
				continue
			}
			add(e.Target.Path)
		}
	}
	b.g.loaded = seen
}

// pluginEntries adds plugin.json and the main module, public components
// and pages it names (paths relative to the plugin root).
func (b *builder) pluginEntries(add func(string), addUnit func(string)) {
	p := b.p
	pl := p.Plugin()
	if pl.File == nil {
		return
	}
	add(pl.File.Path)
	rel := func(v jsonpos.Value) string {
		if v.Kind() != jsonpos.String {
			return ""
		}
		clean, ok := project.CleanRel(v.Str())
		if !ok || clean == "" {
			return ""
		}
		return path.Join(p.PluginRoot, clean)
	}
	add(rel(pl.Main))
	for _, m := range append(append([]jsonpos.Member(nil), pl.PublicComponents...), pl.Pages...) {
		if base := rel(m.Value); base != "" {
			addUnit(strings.TrimSuffix(base, path.Ext(base)))
		}
	}
}
