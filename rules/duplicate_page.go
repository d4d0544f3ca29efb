package rules

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type duplicatePage struct{}

func init() { register(duplicatePage{}) }

var duplicatePageMeta = &Meta{
	ID:       "duplicate-page",
	Severity: Error,
	Title:    Text{En: "a page is listed in two packages, or a main-package page lies in a subpackage"},
	Explanation: Text{En: `Every page belongs to exactly one package: the main package lists its pages in "pages", each ` +
		`subpackage lists them relative to its root. A page listed twice, or a "pages" entry of the main ` +
		`package that lies under a subpackage's root, makes it ambiguous which package ships the page and ` +
		`which boundaries apply to it. Keep each page in one list. In plugin.json, a name may not be both a page ` +
		`and a public component.`},
	Bad:  "app.json\n{\"pages\": [\"pages/index/index\", \"shop/list/list\"], \"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list/list\"]}]}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\"], \"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list/list\"]}]}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"twice":   {En: `page %q is already listed in %s`},
		"in-root": {En: `main-package page %q lies inside the root of %s; list it in that subpackage instead`},
		"plugin":  {En: `plugin.json has %q in both "pages" and "publicComponents"; the compiler rejects a name used twice`},
	},
}

func (duplicatePage) Meta() *Meta { return duplicatePageMeta }

func (duplicatePage) Check(c *Context) {
	p := c.Project
	if pl := p.Plugin(); pl.File != nil {
		public := map[string]bool{}
		for _, m := range pl.PublicComponents {
			public[m.Key] = true
		}
		for _, m := range pl.Pages {
			if public[m.Key] && !m.Duplicate {
				c.Report(pl.File, m.KeyStart, m.KeyEnd, "plugin", m.Key)
			}
		}
	}
	app := p.App()
	if app.File == nil || app.File.JSON == nil {
		return
	}
	owner := map[string]string{} // page → label of the package listing it first
	report := func(v jsonpos.Value, page, label string) {
		if first, ok := owner[page]; ok {
			c.Report(app.File, v.Start(), v.End(), "twice", page, first)
			return
		}
		owner[page] = label
	}
	for _, v := range app.File.JSON.Root().Get("pages").Elements() {
		if v.Kind() != jsonpos.String {
			continue
		}
		page := path.Join(p.MiniRoot, v.Str())
		if pkg := p.PackageOf(page); pkg != nil && (pkg.Kind == project.Subpackage || pkg.Kind == project.IndependentSubpackage) {
			c.Report(app.File, v.Start(), v.End(), "in-root", v.Str(), pkg.Label())
		}
		report(v, page, "the main package")
	}
	for _, d := range app.SubpackageDecls {
		if d.Root == "" {
			continue
		}
		label := `subpackage "` + d.RawRoot.Str() + `"`
		for _, v := range d.Pages {
			if v.Kind() == jsonpos.String {
				report(v, path.Join(d.Root, v.Str()), label)
			}
		}
	}
}
