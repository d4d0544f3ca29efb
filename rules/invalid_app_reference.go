package rules

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type invalidAppReference struct{}

func init() { register(invalidAppReference{}) }

// mainPackageName names the main package in preloadRule "packages".
const mainPackageName = "__APP__"

var invalidAppReferenceMeta = &Meta{
	ID:       "invalid-app-reference",
	Severity: Error,
	Title: Text{
		En: "app.json refers to a page, package or directory that does not exist",
		Zh: "app.json 引用了不存在的页面、分包或目录",
	},
	Explanation: Text{
		En: `Several app.json settings name pages, packages and directories, and the official compiler ` +
			`rejects the upload when they are not there: "pages" itself; "entryPagePath" must be one of the pages (main package or ` +
			`subpackages); every tabBar "list" "pagePath" must be a page of the main package ("pages"), without "?" ` +
			`or "."; each "preloadRule" key must be a page and each of its "packages" a subpackage's name or root, ` +
			`or "__APP__"; every subpackage "root", "workers" and "openDataContext" must be existing directories, and the open data context ` +
			`needs its index.js. fpcheck reports each at its value.`,
		Zh: `app.json 中有多项配置会指向页面、分包和目录，它们不存在时官方编译器会拒绝上传："pages" 本身；` +
			`"entryPagePath" 必须是其中一个页面（主包或分包的页面）；tabBar "list" 中的每个 "pagePath" 都必须是主包的` +
			`页面（"pages"），且不能含有 "?" 或 "."；"preloadRule" 的每个键都必须是页面，其中 "packages" 的每一项都` +
			`必须是分包的 "name" 或 "root"，或者 "__APP__"；每个分包的 "root" 以及 "workers"、"openDataContext" 都必须` +
			`是存在的目录，开放数据域还需要有 index.js。fpcheck 会在每个值处报告。`,
	},
	Bad:  "app.json\n{\"pages\": [\"pages/index/index\"], \"tabBar\": {\"list\": [{\"pagePath\": \"shop/cart/cart\", \"text\": \"购物车\"}]}}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\", \"pages/cart/cart\"], \"tabBar\": {\"list\": [{\"pagePath\": \"pages/cart/cart\", \"text\": \"购物车\"}]}}",
	Tags: []string{"config", "upload"},
	Messages: Catalog{
		"no-pages": {
			En: `app.json has no "pages"; the main package needs at least its first page`,
			Zh: `app.json 中没有 "pages"；主包至少需要有首页`,
		},
		"entry": {
			En: `"entryPagePath" %q is not one of the pages of app.json (main package or subpackages)`,
			Zh: `"entryPagePath" %q 不是 app.json 中的页面（主包或分包的页面）`,
		},
		"tab-page": {
			En: `tabBar page %q is not a page of the main package ("pages"); tabBar pages cannot be in subpackages`,
			Zh: `tabBar 页面 %q 不是主包的页面（"pages"）；tabBar 页面不能放在分包中`,
		},
		"tab-char": {
			En: `tabBar page %q must not contain %q`,
			Zh: `tabBar 页面 %q 中不能含有 %q`,
		},
		"preload-page": {
			En: `preloadRule key %q is not a page of app.json`,
			Zh: `preloadRule 的键 %q 不是 app.json 中的页面`,
		},
		"preload-pkg": {
			En: `preloadRule package %q is not a subpackage's name or root, nor "__APP__" for the main package`,
			Zh: `preloadRule 中的分包 %q 既不是某个分包的 "name" 或 "root"，也不是表示主包的 "__APP__"`,
		},
		"dir": {
			En: `%q %q is not a directory of the mini-program`,
			Zh: `%q %q 不是小程序中的目录`,
		},
		"odc-index": {
			En: `the open data context %q has no index.js`,
			Zh: `开放数据域 %q 中没有 index.js`,
		},
	},
}

func (invalidAppReference) Meta() *Meta { return invalidAppReferenceMeta }

func (invalidAppReference) Check(c *Context) {
	p := c.Project
	app := p.App()
	if app.File == nil || app.File.JSON == nil {
		return
	}
	f, root := app.File, app.File.JSON.Root()
	if root.Kind() == jsonpos.Object && !root.Get("pages").Exists() {
		c.Report(f, root.Start(), root.Start()+1, "no-pages")
	}
	// Sets, so that checking n references against n pages or packages is
	// linear (a hostile app.json may list tens of thousands).
	mainPages, allPages, packages := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, v := range root.Get("pages").Elements() {
		if v.Kind() == jsonpos.String {
			mainPages[v.Str()] = true
			allPages[v.Str()] = true
		}
	}
	for _, d := range app.SubpackageDecls {
		r := d.RawRoot
		if r.Kind() != jsonpos.String {
			continue
		}
		rootDir := strings.Trim(r.Str(), "/")
		packages[rootDir] = true
		if n := d.Value.Get("name"); n.Kind() == jsonpos.String {
			packages[n.Str()] = true
		}
		for _, v := range d.Pages {
			if v.Kind() == jsonpos.String {
				allPages[path.Join(rootDir, v.Str())] = true
			}
		}
	}
	if v := root.Get("entryPagePath"); v.Kind() == jsonpos.String && v.Str() != "" && !allPages[v.Str()] {
		c.Report(f, v.Start(), v.End(), "entry", v.Str())
	}
	for _, item := range root.Get("tabBar").Get("list").Elements() {
		v := item.Get("pagePath")
		if v.Kind() != jsonpos.String || v.Str() == "" {
			continue
		}
		switch s := v.Str(); {
		case strings.Contains(s, "?"):
			c.Report(f, v.Start(), v.End(), "tab-char", s, "?")
		case strings.Contains(s, "."):
			c.Report(f, v.Start(), v.End(), "tab-char", s, ".")
		case !mainPages[s]:
			c.Report(f, v.Start(), v.End(), "tab-page", s)
		}
	}
	if app.SubpackagesKey.Exists() {
		for _, m := range root.Get("preloadRule").Members() {
			if !allPages[m.Key] && !strings.Contains(m.Key, "__plugin__/") {
				c.Report(f, m.KeyStart, m.KeyEnd, "preload-page", m.Key)
			}
			for _, pk := range m.Value.Get("packages").Elements() {
				if pk.Kind() != jsonpos.String {
					continue
				}
				if s := pk.Str(); s != mainPackageName && !packages[s] && !packages[strings.Trim(s, "/")] {
					c.Report(f, pk.Start(), pk.End(), "preload-pkg", s)
				}
			}
		}
	}
	for _, d := range app.SubpackageDecls {
		checkDir(c, f, d.RawRoot, "root", false)
	}
	checkDir(c, f, root.Get("openDataContext"), "openDataContext", true)
	w := root.Get("workers")
	if w.Kind() == jsonpos.Object {
		w = w.Get("path")
	}
	checkDir(c, f, w, "workers", false)
}

// checkDir reports a directory setting that names no directory of the
// mini-program (and, for the open data context, one without index.js).
func checkDir(c *Context, f *project.File, v jsonpos.Value, key string, index bool) {
	if v.Kind() != jsonpos.String {
		return
	}
	if problem, _ := pathProblem(strings.TrimSuffix(v.Str(), "/")); problem != "" && problem != "empty" {
		return // invalid-config-path says what is wrong with it
	}
	rel, ok := project.CleanRel(v.Str())
	if !ok || rel == "" {
		return
	}
	p := c.Project
	dir := path.Join(p.MiniRoot, rel)
	if len(p.SubmodulesHolding(dir)) > 0 {
		return // not checked out: not-checked says so
	}
	switch {
	case !p.HasFilesUnder(dir):
		c.Report(f, v.Start(), v.End(), "dir", key, v.Str())
	case index && !p.Exists(path.Join(dir, "index.js")):
		c.Report(f, v.Start(), v.End(), "odc-index", v.Str())
	}
}
