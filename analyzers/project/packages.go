package project

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// PackageKind is what sort of code package a directory is.
type PackageKind int

// The package kinds. Every file of the mini-program root belongs to exactly
// one package: the most specific root that holds it.
const (
	MainPackage PackageKind = iota
	Subpackage
	IndependentSubpackage
	FunctionalPagesPackage
	WorkersPackage
	OpenDataContextPackage
	PluginPackage
)

func (k PackageKind) String() string {
	switch k {
	case MainPackage:
		return "main package"
	case Subpackage:
		return "subpackage"
	case IndependentSubpackage:
		return "independent subpackage"
	case FunctionalPagesPackage:
		return "functional pages"
	case WorkersPackage:
		return "workers"
	case OpenDataContextPackage:
		return "open data context"
	case PluginPackage:
		return "plugin"
	}
	return "package"
}

// Package is one code package.
type Package struct {
	Kind PackageKind
	// Root is project-relative ("" only for a main package at DIR).
	Root string
	// Name is the subpackage's "name", else its root.
	Name string
	// Pages are the page paths the package declares, project-relative;
	// PageValues are the app.json strings that declare them, in the same
	// order.
	Pages      []string
	PageValues []jsonpos.Value
	// Decl is the JSON value that declared it (zero for the main package).
	Decl jsonpos.Value
}

// Labels names packages in messages and graphs (Package.Label).
var Labels = i18n.Register("project.labels", i18n.Catalog{
	"pkg:main":              {En: "the main package", Zh: "主包"},
	"pkg:plugin":            {En: "the plugin", Zh: "插件"},
	"pkg:subpackage":        {En: `subpackage %q`, Zh: `分包 %q`},
	"pkg:independent":       {En: `independent subpackage %q`, Zh: `独立分包 %q`},
	"pkg:functional-pages":  {En: "%s", Zh: "%s"},
	"pkg:workers":           {En: "the workers directory (%s)", Zh: "Worker 目录（%s）"},
	"pkg:open-data-context": {En: "the open data context (%s)", Zh: "开放数据域（%s）"},
	"pkg:package":           {En: "package", Zh: "代码包"},

	"kind:main":              {En: "main package", Zh: "主包"},
	"kind:subpackage":        {En: "subpackage", Zh: "分包"},
	"kind:independent":       {En: "independent subpackage", Zh: "独立分包"},
	"kind:functional-pages":  {En: "functional pages", Zh: "插件功能页"},
	"kind:workers":           {En: "workers", Zh: "Worker"},
	"kind:open-data-context": {En: "open data context", Zh: "开放数据域"},
	"kind:plugin":            {En: "plugin", Zh: "插件"},
	"kind:package":           {En: "package", Zh: "代码包"},
})

// kindKeys are the Labels keys of the package kinds.
var kindKeys = [...]string{
	MainPackage:            "kind:main",
	Subpackage:             "kind:subpackage",
	IndependentSubpackage:  "kind:independent",
	FunctionalPagesPackage: "kind:functional-pages",
	WorkersPackage:         "kind:workers",
	OpenDataContextPackage: "kind:open-data-context",
	PluginPackage:          "kind:plugin",
}

// Label names the kind in graphs, like String in the message's language.
func (k PackageKind) Label() i18n.Message {
	if k >= 0 && int(k) < len(kindKeys) {
		return Labels.New(kindKeys[k])
	}
	return Labels.New("kind:package")
}

// Label names the package in messages: `the main package`, `subpackage
// "packageA"`, `independent subpackage "login"`, `functional-pages/`…,
// rendered in the message's language.
func (p *Package) Label() i18n.Message {
	dir := lastElem(p.Root) + "/"
	switch p.Kind {
	case MainPackage:
		return Labels.New("pkg:main")
	case PluginPackage:
		return Labels.New("pkg:plugin")
	case Subpackage:
		return Labels.New("pkg:subpackage", p.Name)
	case IndependentSubpackage:
		return Labels.New("pkg:independent", p.Name)
	case FunctionalPagesPackage:
		return Labels.New("pkg:functional-pages", dir)
	case WorkersPackage:
		return Labels.New("pkg:workers", dir)
	case OpenDataContextPackage:
		return Labels.New("pkg:open-data-context", dir)
	}
	return Labels.New("pkg:package")
}

func lastElem(p string) string {
	if p == "" {
		return "."
	}
	return path.Base(p)
}

// SubpackageDecl is one entry of app.json "subpackages", kept for the
// configuration rules.
type SubpackageDecl struct {
	Root    string // cleaned, project-relative; "" when invalid
	RawRoot jsonpos.Value
	Value   jsonpos.Value
	Pages   []jsonpos.Value
}

// readPackages builds the package list from app.json.
func (p *Project) readPackages(root jsonpos.Value) {
	a := p.app
	main := &Package{Kind: MainPackage, Root: p.MiniRoot, Name: "main"}
	for _, pg := range root.Get("pages").Elements() {
		if pg.Kind() == jsonpos.String {
			main.Pages = append(main.Pages, path.Join(p.MiniRoot, pg.Str()))
			main.PageValues = append(main.PageValues, pg)
		}
	}
	if p.HasMini {
		a.Packages = []*Package{main}
	}

	key := "subpackages"
	if !root.Get(key).Exists() {
		key = "subPackages"
	}
	a.SubpackagesKey = root.Get(key)
	a.BothSubpackageKeys = root.Get("subpackages").Exists() && root.Get("subPackages").Exists()
	subRoots := map[string]bool{}
	for _, v := range a.SubpackagesKey.Elements() {
		d := SubpackageDecl{Value: v, RawRoot: v.Get("root"), Pages: v.Get("pages").Elements()}
		if d.RawRoot.Kind() == jsonpos.String {
			if rel, ok := CleanRel(d.RawRoot.Str()); ok && rel != "" {
				d.Root = path.Join(p.MiniRoot, rel)
			}
		}
		a.SubpackageDecls = append(a.SubpackageDecls, d)
		if d.Root == "" || subRoots[d.Root] {
			continue // invalid or duplicate: reported by the config rules
		}
		subRoots[d.Root] = true
		kind := Subpackage
		if b, ok := v.Get("independent").Bool(); ok && b {
			kind = IndependentSubpackage
		}
		pkg := &Package{Kind: kind, Root: d.Root, Name: strings.TrimPrefix(d.Root, p.MiniRoot+"/"), Decl: v}
		if n := v.Get("name"); n.Kind() == jsonpos.String && n.Str() != "" {
			pkg.Name = n.Str()
		}
		for _, pg := range d.Pages {
			if pg.Kind() == jsonpos.String {
				pkg.Pages = append(pkg.Pages, path.Join(d.Root, pg.Str()))
				pkg.PageValues = append(pkg.PageValues, pg)
			}
		}
		a.Packages = append(a.Packages, pkg)
	}
	if a.Mode.Enabled() {
		a.Packages = append(a.Packages, &Package{Kind: FunctionalPagesPackage, Root: p.FunctionalPagesDir(), Name: "functional-pages", Decl: a.FunctionalPages})
	}
	if w := root.Get("workers"); w.Exists() {
		dir := w
		if w.Kind() == jsonpos.Object {
			dir = w.Get("path")
		}
		if dir.Kind() == jsonpos.String {
			if rel, ok := CleanRel(dir.Str()); ok && rel != "" {
				a.Packages = append(a.Packages, &Package{Kind: WorkersPackage, Root: path.Join(p.MiniRoot, rel), Name: "workers", Decl: w})
			}
		}
	}
	if o := root.Get("openDataContext"); o.Kind() == jsonpos.String {
		if rel, ok := CleanRel(o.Str()); ok && rel != "" {
			a.Packages = append(a.Packages, &Package{Kind: OpenDataContextPackage, Root: path.Join(p.MiniRoot, rel), Name: "openDataContext", Decl: o})
		}
	}
	if p.HasPlugin && (!p.HasMini || p.PluginRoot != p.MiniRoot) {
		a.Packages = append(a.Packages, &Package{Kind: PluginPackage, Root: p.PluginRoot, Name: "plugin"})
	}
	// The first package declared at each root, so that PackageOf finds
	// the innermost by walking up from a path.
	a.byRoot = make(map[string]*Package, len(a.Packages))
	for _, pkg := range a.Packages {
		if _, ok := a.byRoot[pkg.Root]; !ok {
			a.byRoot[pkg.Root] = pkg
		}
	}
}

// PackageOf returns the package holding the project-relative path rel, or
// nil when rel is outside the mini-program and plugin roots: the one with
// the longest root that rel is under (the first declared, of two with the
// same root). It looks up each directory above rel, so it costs the depth
// of rel, not the number of packages.
func (p *Project) PackageOf(rel string) *Package {
	// Up the folders by slicing, not path.Dir, which allocates: this runs
	// for every edge of the graph. Cleaning a clean path allocates
	// nothing, and the folders of a clean path are clean.
	dir := path.Clean(rel)
	for {
		if dir == "." || dir == "/" {
			dir = ""
		}
		if pkg, ok := p.app.byRoot[dir]; ok {
			return pkg
		}
		if dir == "" {
			return nil
		}
		i := strings.LastIndexByte(dir, '/')
		dir = dir[:max(i, 0)]
	}
}
