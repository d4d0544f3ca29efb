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
	Title: Text{
		En: "a page is listed in two packages, or a main-package page lies in a subpackage",
		Zh: "同一页面在两个包中都有声明，或主包页面位于分包目录中",
	},
	Explanation: Text{
		En: `Every page belongs to exactly one package: the main package lists its pages in "pages", each ` +
			`subpackage lists them relative to its root. A page listed twice, or a "pages" entry of the main ` +
			`package that lies under a subpackage's root, makes it ambiguous which package ships the page and ` +
			`which boundaries apply to it. Keep each page in one list. In plugin.json, a name may not be both a page ` +
			`and a public component.`,
		Zh: `每个页面只属于一个包：主包在 "pages" 中列出自己的页面，每个分包相对自己的根目录列出页面。同一页面列出` +
			`两次，或主包 "pages" 中的某一项位于某个分包的根目录下，都会让人分不清这个页面由哪个包提供、适用哪些` +
			`边界。每个页面只在一个列表中列出。在 plugin.json 中，同一个名称不能既是页面又是公开组件。`,
	},
	Bad:  "app.json\n{\"pages\": [\"pages/index/index\", \"shop/list/list\"], \"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list/list\"]}]}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\"], \"subpackages\": [{\"root\": \"shop\", \"pages\": [\"list/list\"]}]}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"twice": {
			En: `page %q is already listed in %s`,
			Zh: `页面 %q 已在%s中列出`,
		},
		"in-root": {
			En: `main-package page %q lies inside the root of %s; list it in that subpackage instead`,
			Zh: `主包页面 %q 位于%s的根目录中；请改为在该分包中列出`,
		},
		"plugin": {
			En: `plugin.json has %q in both "pages" and "publicComponents"; the compiler rejects a name used twice`,
			Zh: `plugin.json 的 "pages" 和 "publicComponents" 中都有 %q；编译器不允许同一名称出现两次`,
		},
		// The subpackage that lists a page first, by its root as written.
		"listed-in-subpackage": {En: `subpackage "%s"`, Zh: `分包 "%s"`},
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
	owner := map[string]Message{} // page → label of the package listing it first
	report := func(v jsonpos.Value, page string, label Message) {
		if first, ok := owner[page]; ok {
			c.Report(app.File, v.Start(), v.End(), "twice", page, first)
			return
		}
		owner[page] = label
	}
	mainPkg := project.Labels.New("pkg:main")
	for _, v := range app.File.JSON.Root().Get("pages").Elements() {
		if v.Kind() != jsonpos.String {
			continue
		}
		page := path.Join(p.MiniRoot, v.Str())
		if pkg := p.PackageOf(page); pkg != nil && (pkg.Kind == project.Subpackage || pkg.Kind == project.IndependentSubpackage) {
			c.Report(app.File, v.Start(), v.End(), "in-root", v.Str(), pkg.Label())
		}
		report(v, page, mainPkg)
	}
	for _, d := range app.SubpackageDecls {
		if d.Root == "" {
			continue
		}
		label := c.Format("listed-in-subpackage", d.RawRoot.Str())
		for _, v := range d.Pages {
			if v.Kind() == jsonpos.String {
				report(v, path.Join(d.Root, v.Str()), label)
			}
		}
	}
}
