// Package graph is fpcheck's dependency graph: every dependency a file
// declares, by every route the platform has (JS/TS/WXS require and import,
// WXML <import>/<include>/<wxs>, WXSS @import, JSON usingComponents and
// componentGenerics), with its exact position, the file it resolves to and
// the packages on both ends.
package graph

import (
	"iter"
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
	"github.com/fpcheck/fpcheck/internal/workpool"
)

// The non-JS dependency kinds (JS kinds are jsmod.DepKind names).
const (
	KindWXMLImport     = "wxml-import"
	KindWXMLInclude    = "wxml-include"
	KindWXSSrc         = "wxs-src"
	KindWXSSImport     = "wxss-import"
	KindComponent      = "component"
	KindGenericDefault = "generic-default"
	// Declarations of the files the platform loads: app.json pages,
	// plugin.json publicComponents, pages and main.
	KindPage            = "page"
	KindPublicComponent = "public-component"
	KindPluginPage      = "plugin-page"
	KindPluginMain      = "plugin-main"
)

// Edge is one dependency of one file.
type Edge struct {
	From *project.File
	// Kind names the route: a jsmod.DepKind name ("require", "import",
	// "require.async"…) or one of the Kind constants above.
	Kind string
	// IsJS is set for the JS routes (require, import, requirePlugin…).
	IsJS bool
	// Specifier is the dependency as written.
	Specifier string
	// Start, End is the byte span of the specifier (with its quotes) in From.
	Start, End int
	// Async is set for the sanctioned asynchronous routes across
	// subpackages: require.async, require with a callback, and components
	// that have a componentPlaceholder.
	Async bool
	// Plugin is set for plugin references: requirePlugin, plugin:// and
	// plugin-private:// components. They are not resolved to files.
	Plugin bool
	// Decl is set for declarations (a page in app.json, an entry of
	// plugin.json): they name what the platform loads and cross no
	// boundary.
	Decl bool
	// Target is where the specifier leads (zero for plugin references).
	Target resolve.Result
	// FromPkg and ToPkg are the packages of From and of Target.Path (nil
	// when outside every package or unresolved to a path).
	FromPkg, ToPkg *project.Package
	// Crossing is the package boundary the edge crosses (Classify, decided
	// once in Build); Into is set when it goes into the isolated package
	// rather than out of it.
	Crossing Crossing
	Into     bool
	// Unchecked says why an edge that did not resolve cannot be judged in
	// this checkout (Checked when it can).
	Unchecked Unchecked
}

// Unchecked is why a dependency that did not resolve cannot be judged.
type Unchecked int

// The reasons.
const (
	Checked Unchecked = iota
	// NpmNotBuilt: a package a package.json declares (or useExtendedLib
	// provides), and the code root has no miniprogram_npm/: 构建 npm has
	// not run in this checkout.
	NpmNotBuilt
	// TSNotCompiled: the .ts file exists, but the TypeScript compiler
	// plugin is off, so the .js is the output of a build step of the team's.
	TSNotCompiled
	// SubmoduleMissing: the target lies in a git submodule (.gitmodules)
	// that this checkout has not checked out.
	SubmoduleMissing
)

// Crossings returns the edges that cross boundary b.
func (g *Graph) Crossings(b Crossing) iter.Seq[*Edge] {
	return func(yield func(*Edge) bool) {
		for i := range g.Edges {
			if e := &g.Edges[i]; e.Crossing == b && !yield(e) {
				return
			}
		}
	}
}

// Graph holds the edges of a project, in file order.
type Graph struct {
	Edges []Edge
	// loaded holds the files the platform can load (see Loaded); nil
	// when the project has no entry.
	loaded map[string]bool
}

// builder finds the edges of some files. Each worker of Build has its
// own (its resolvers are its cache); the project is only read.
type builder struct {
	p         *project.Project
	g         *Graph // the finished graph, for reach
	out       []Edge // the edges found, in file order
	resolvers map[string]*resolve.Resolver
	// packages caches PackageOf of the targets: most edges of a project
	// go to a few shared files.
	packages map[string]*project.Package
}

// packageOf is p.PackageOf(rel), cached.
func (b *builder) packageOf(rel string) *project.Package {
	if pkg, ok := b.packages[rel]; ok {
		return pkg
	}
	if b.packages == nil {
		b.packages = map[string]*project.Package{}
	}
	pkg := b.p.PackageOf(rel)
	b.packages[rel] = pkg
	return pkg
}

// chunkFiles is how many consecutive files (of Project.Paths) a worker of
// Build takes at a time: enough to make the hand-off cheap, few enough
// that two workers share the work of a small project.
const chunkFiles = 256

// Build resolves every dependency of every parsed file.
//
// Files are independent and resolution only reads the project, so the
// edges are found by a pool of workers (GOMAXPROCS, as loading uses),
// each taking chunks of consecutive files; the chunks are then joined in
// file order into one slice allocated at its final size, so the edges are
// in the same order as a sequential walk: by file, and within a file in
// the order its facts list them.
func Build(p *project.Project) *Graph {
	g := &Graph{}
	chunks := make([][]Edge, (len(p.Paths)+chunkFiles-1)/chunkFiles)
	workpool.RunEach(0, len(chunks), func() func(int) {
		b := &builder{p: p, resolvers: map[string]*resolve.Resolver{}}
		return func(c int) {
			lo, hi := c*chunkFiles, min((c+1)*chunkFiles, len(p.Paths))
			b.out = nil
			for _, rel := range p.Paths[lo:hi] {
				b.file(p.Files[rel])
			}
			chunks[c] = b.out
		}
	})
	n := 0
	for _, c := range chunks {
		n += len(c)
	}
	g.Edges = make([]Edge, 0, n)
	for i, c := range chunks {
		g.Edges = append(g.Edges, c...)
		chunks[i] = nil
	}
	b := &builder{p: p, g: g}
	b.reach()
	return g
}

// file adds the edges of f, each judged (packages, boundary, why an
// unresolved one cannot be checked).
func (b *builder) file(f *project.File) {
	first := len(b.out)
	switch {
	case f.JS != nil:
		b.jsDeps(f, f.JS.Deps)
	case f.WXML != nil:
		b.wxmlDeps(f)
		b.jsDeps(f, f.InlineWXS)
	case f.JSON != nil:
		b.jsonDeps(f)
		b.declarations(f)
	case f.WXSS != nil:
		b.wxssDeps(f)
	}
	var fromPkg *project.Package
	if first < len(b.out) {
		fromPkg = b.packageOf(f.Path) // every edge here is from f
	}
	for i := first; i < len(b.out); i++ {
		e := &b.out[i]
		e.FromPkg = fromPkg
		if e.Target.Path != "" {
			e.ToPkg = b.packageOf(e.Target.Path)
		}
		if !e.Plugin && !e.Target.Found {
			e.Unchecked = b.unchecked(e)
		}
		e.Crossing = Classify(e)
		e.Into = e.Crossing != NoCrossing && e.ToPkg != nil && e.ToPkg.Kind == isolatedKind[e.Crossing]
	}
}

// isolatedKind is the package kind each boundary isolates.
var isolatedKind = map[Crossing]project.PackageKind{
	CrossFunctionalPages: project.FunctionalPagesPackage,
	CrossIndependent:     project.IndependentSubpackage,
	CrossSubpackage:      project.Subpackage,
	CrossWorkers:         project.WorkersPackage,
	CrossOpenData:        project.OpenDataContextPackage,
}

// unchecked says why e, which did not resolve, cannot be judged here.
func (b *builder) unchecked(e *Edge) Unchecked {
	if len(e.Target.Candidates) > 0 && len(b.p.SubmodulesHolding(e.Target.Candidates[0])) > 0 {
		return SubmoduleMissing
	}
	if npm := b.p.NPM(); !npm.Built(e.From.Root) {
		name := e.Target.NpmName
		if name == "" && resolve.IsPackageName(strings.TrimSpace(e.Specifier)) {
			name = resolve.PackageName(strings.TrimSpace(e.Specifier))
		}
		if name != "" && npm.Declared[name] {
			return NpmNotBuilt
		}
		// A path written into miniprogram_npm/ itself ("../../miniprogram_npm/x").
		if len(e.Target.Candidates) > 0 {
			if _, after, ok := strings.Cut("/"+e.Target.Candidates[0], "/miniprogram_npm/"); ok && after != "" {
				e.Target.NpmName = resolve.PackageName(strings.TrimSuffix(strings.TrimSuffix(after, ".json"), ".js"))
				return NpmNotBuilt
			}
		}
	}
	if e.IsJS && !b.p.TypeScript() {
		for _, c := range e.Target.Candidates {
			if stem, ok := strings.CutSuffix(c, ".js"); ok && b.p.Exists(stem+".ts") {
				return TSNotCompiled
			}
		}
	}
	return Checked
}

func (b *builder) resolver(root string) *resolve.Resolver {
	if r, ok := b.resolvers[root]; ok {
		return r
	}
	r := &resolve.Resolver{Root: root, Exists: b.p.Exists, TypeScript: b.p.TypeScript()}
	if b.p.HasMini && root == b.p.MiniRoot {
		r.SetAliases(b.p.App().ResolveAlias)
	}
	b.resolvers[root] = r
	return r
}

func (b *builder) add(e Edge) { b.out = append(b.out, e) }

func (b *builder) jsDeps(f *project.File, deps []jsmod.Dep) {
	r := b.resolver(f.Root)
	for _, d := range deps {
		e := Edge{From: f, Kind: d.Kind.String(), IsJS: true, Specifier: d.Specifier, Start: d.Start, End: d.End}
		switch d.Kind {
		case jsmod.RequirePlugin:
			e.Plugin = true
		case jsmod.RequireAsync, jsmod.RequireCallback:
			e.Async = true
			e.Target = r.JS(f.Path, d.Specifier)
		case jsmod.Require, jsmod.Import, jsmod.ExportFrom, jsmod.DynamicImport:
			e.Target = r.JS(f.Path, d.Specifier)
		}
		b.add(e)
	}
}

func (b *builder) wxmlDeps(f *project.File) {
	r := b.resolver(f.Root)
	for i := range f.WXML.Elements {
		el := &f.WXML.Elements[i]
		var kind string
		var exts []string
		switch el.Name {
		case "import":
			kind, exts = KindWXMLImport, []string{".wxml"}
		case "include":
			kind, exts = KindWXMLInclude, []string{".wxml"}
		case "wxs":
			kind = KindWXSSrc
		default:
			continue
		}
		a, ok := el.Attr("src")
		if !ok || !a.HasValue || strings.Contains(a.Value, "{{") || strings.TrimSpace(a.Value) == "" {
			continue
		}
		start, end := a.ValueStart, a.ValueEnd
		if a.Quote != 0 {
			start, end = start-1, end+1
		}
		b.add(Edge{From: f, Kind: kind, Specifier: a.Value, Start: start, End: end, Target: r.Asset(f.Path, a.Value, exts...)})
	}
}

func (b *builder) wxssDeps(f *project.File) {
	r := b.resolver(f.Root)
	for _, im := range f.WXSS.Imports {
		if strings.Contains(im.Path, "://") || strings.HasPrefix(im.Path, "//") {
			continue // a remote stylesheet is not a package file
		}
		b.add(Edge{From: f, Kind: KindWXSSImport, Specifier: im.Path, Start: im.Start, End: im.End, Target: r.Asset(f.Path, im.Path, ".wxss")})
	}
}

func (b *builder) jsonDeps(f *project.File) {
	r := b.resolver(f.Root)
	root := f.JSON.Root()
	placeholders := map[string]bool{}
	for _, m := range root.Get("componentPlaceholder").Members() {
		placeholders[m.Key] = true
	}
	for _, m := range root.Get("usingComponents").Members() {
		if m.Duplicate || m.Value.Kind() != jsonpos.String {
			continue
		}
		b.component(f, r, KindComponent, m.Value, placeholders[m.Key])
	}
	for _, m := range root.Get("componentGenerics").Members() {
		if d := m.Value.Get("default"); d.Kind() == jsonpos.String && !m.Duplicate {
			b.component(f, r, KindGenericDefault, d, false)
		}
	}
}

func (b *builder) component(f *project.File, r *resolve.Resolver, kind string, v jsonpos.Value, async bool) {
	spec := v.Str()
	e := Edge{From: f, Kind: kind, Specifier: spec, Start: v.Start(), End: v.End(), Async: async}
	switch {
	case strings.HasPrefix(spec, "plugin-private://"):
		// The plugin's own private components, named by its appid: a path
		// from the plugin root when the appid is this project's plugin's.
		appid, rest, _ := strings.Cut(strings.TrimPrefix(spec, "plugin-private://"), "/")
		if own := b.ownPluginAppID(); own != "" && appid == own && f.Root == b.p.PluginRoot && rest != "" {
			e.Target = r.Component(f.Path, "/"+rest)
		} else {
			e.Plugin = true
		}
	case strings.HasPrefix(spec, "plugin://"):
		e.Plugin = true
	default:
		e.Target = r.Component(f.Path, spec)
	}
	b.add(e)
}

// ownPluginAppID is the appid of the project's own plugin (project.config.json
// pluginAppid, else appid, in a plugin project), "" when unknown.
func (b *builder) ownPluginAppID() string {
	c := b.p.Config
	if !b.p.HasPlugin || c.CompileType != "plugin" {
		return ""
	}
	if c.PluginAppID != "" {
		return c.PluginAppID
	}
	return c.AppID
}

// declarations adds the edges of what app.json and plugin.json declare:
// every page of every package, and plugin.json's publicComponents, pages
// and main, so that what is missing or incomplete is reported at the value.
func (b *builder) declarations(f *project.File) {
	p := b.p
	if app := p.App(); app.File == f {
		r := b.resolver(f.Root)
		for _, pkg := range app.Packages {
			for i, page := range pkg.Pages {
				v := pkg.PageValues[i]
				b.add(Edge{From: f, Kind: KindPage, Specifier: v.Str(), Start: v.Start(), End: v.End(), Decl: true, Target: r.Page(page)})
			}
		}
	}
	pl := p.Plugin()
	if pl.File != f || f == nil {
		return
	}
	r := b.resolver(f.Root)
	for _, m := range pl.PublicComponents {
		if m.Duplicate || m.Value.Kind() != jsonpos.String {
			continue
		}
		e := Edge{From: f, Kind: KindPublicComponent, Specifier: m.Value.Str(), Start: m.Value.Start(), End: m.Value.End(), Decl: true}
		e.Target = r.Component(f.Path, m.Value.Str())
		b.add(e)
	}
	for _, m := range pl.Pages {
		if m.Duplicate || m.Value.Kind() != jsonpos.String {
			continue
		}
		spec := m.Value.Str()
		e := Edge{From: f, Kind: KindPluginPage, Specifier: spec, Start: m.Value.Start(), End: m.Value.End(), Decl: true}
		if rel, ok := project.CleanRel(spec); ok && rel != "" {
			e.Target = r.PluginPage(path.Join(p.PluginRoot, strings.TrimSuffix(rel, path.Ext(rel))))
		}
		b.add(e)
	}
	if v := pl.Main; v.Kind() == jsonpos.String && strings.TrimSpace(v.Str()) != "" {
		b.add(Edge{From: f, Kind: KindPluginMain, Specifier: v.Str(), Start: v.Start(), End: v.End(), Decl: true, Target: r.File(f.Path, v.Str())})
	}
}
