package rules

import (
	"path"
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/lint"
)

type configKeyTypo struct{}

func init() { register(configKeyTypo{}) }

// The keys the official compiler knows, from the JSON schemas of
// miniprogram-ci 2.1.42 (schema $version 1754364227507): app.json, an
// app.json subpackage, plugin.json, and a page or component's JSON.
var (
	appKeys = []string{
		"pages", "static", "mini-ios", "mini-android", "mini-weixin", "__warning__", "window", "plugins",
		"entryPagePath", "permission", "workers", "agent", "subPackages", "subpackages", "chatTools", "preloadRule",
		"usingComponents", "componentPlaceholder", "tabBar", "appBar", "requiredBackgroundModes",
		"mimeTypeDeclarations", "networkTimeout", "debug", "resizable", "displayMode", "frameset", "functionalPages",
		"cloud", "cloudVersion", "cloudConfig", "openDataContext", "openLocationPagePath", "sitemapLocation",
		"serviceProviderTicket", "style", "useExtendedLib", "entranceDeclare", "darkmode", "themeLocation", "theme",
		"singlePage", "lazyCodeLoading", "lazyCodeLoadingLegacy", "enablePassiveEvent", "requireBackgroundModes",
		"embeddedAppIdList", "renderer", "resolveAlias", "debugOptions", "halfPage", "requiredPrivateInfos",
		"rendererOptions", "componentFramework", "accountCardPackage", "xrEntryPagePath", "miniApp",
		"__usePrivacyCheck__", "keepContextPageInCycleJump",
	}
	subpackageKeys = []string{"independent", "name", "entry", "root", "pages", "plugins", "useExtendedLib", "componentFramework", "renderer"}
	// pluginKeys are the keys of an app.json plugin declaration.
	pluginKeys     = []string{"provider", "version", "path", "export", "genericsImplementation"}
	pluginJSONKeys = []string{"publicComponents", "usingComponents", "pages", "main", "themeLocation", "lazyCodeLoading", "workers", "renderer", "componentFramework"}
	pageKeys       = []string{
		"pageJSONLight", "pageJSONDark", "enablePassiveEvent", "style", "componentPlaceholder", "mini-ios",
		"mini-android", "mini-ohos", "mini-weixin", "disableScroll", "disableSwipeBack", "usingComponents", "renderer",
		"rendererOptions", "component", "componentGenerics", "singlePage", "componentFramework", "styleIsolation",
		"pureDataPattern", "backgroundColorTop", "backgroundColorBottom", "backgroundColorContent", "backgroundColor",
		"enablePullDownRefresh", "navigationBarTextStyle", "navigationBarTitleText", "navigationStyle",
		"backgroundTextStyle", "onReachBottomDistance", "pageOrientation", "navigationBarBackgroundColor",
		"renderingMode", "restartStrategy", "visualEffectInBackground", "initialRenderingCache",
		"handleWebviewPreload", "homeButton",
	}
)

var configKeyTypoMeta = &Meta{
	ID:       "config-key-typo",
	Severity: Warning,
	Title: Text{
		En: "a key in app.json, plugin.json or a page's JSON is a typo of a key the platform knows",
		Zh: "app.json、plugin.json 或页面 JSON 中的字段疑似平台已知字段的拼写错误",
	},
	Explanation: Text{
		En: `The official compiler ignores keys it does not know with a warning that miniprogram-ci never ` +
			`prints, so a misspelled "subPackage", "functionalPage", "plugin" or "usingComponent" silently turns the ` +
			`setting off: the subpackages, functional pages, plugins or components it declares do not exist on the ` +
			`phone. fpcheck reports an unknown key only when it is one or two letters away from a key the compiler ` +
			`knows (app.json, its subpackages, plugin.json, the JSON of pages and components), with a did-you-mean; ` +
			`other unknown keys are left alone.`,
		Zh: `官方编译器遇到不认识的字段时只给出一条警告，而 miniprogram-ci 从不输出这条警告；因此拼错的 ` +
			`"subPackage"、"functionalPage"、"plugin" 或 "usingComponent" 会让这项配置悄无声息地失效：其中声明的分包、` +
			`插件功能页、插件或组件在真机上都不存在。只有当未知字段与编译器已知的字段（app.json 及其分包配置、` +
			`plugin.json、页面和组件的 JSON）只差一两个字母时，fpcheck 才会报告，并给出可能的正确写法；其他未知字段` +
			`不做处理。`,
	},
	Bad:  "app.json\n{\"pages\": [\"pages/index/index\"], \"subPackage\": [{\"root\": \"shop\", \"pages\": [\"index\"]}]}",
	Good: "app.json\n{\"pages\": [\"pages/index/index\"], \"subPackages\": [{\"root\": \"shop\", \"pages\": [\"index\"]}]}",
	Tags: []string{"config", "upload"},
	Messages: Catalog{
		"typo": {
			En: `%q is not a key of %s, so the platform ignores it; did you mean %q?`,
			Zh: `%[2]s没有 %[1]q 字段，平台会忽略它；是否想写 %[3]q？`,
		},
		// Where the key is (the Chinese says "in …").
		"in-app":         {En: `app.json`, Zh: `app.json 中`},
		"in-subpackage":  {En: `a subpackage`, Zh: `分包配置中`},
		"in-plugin":      {En: `a plugin declaration`, Zh: `插件声明中`},
		"in-plugin-json": {En: `plugin.json`, Zh: `plugin.json 中`},
		"in-page":        {En: `a page or component's JSON`, Zh: `页面或组件的 JSON 中`},
	},
}

func (configKeyTypo) Meta() *Meta { return configKeyTypoMeta }

func (configKeyTypo) Check(c *Context) {
	p := c.Project
	app := p.App()
	if app.File != nil && app.File.JSON != nil {
		typos(c, app.File, app.File.JSON.Root(), appKeys, "in-app")
		for _, d := range app.SubpackageDecls {
			typos(c, app.File, d.Value, subpackageKeys, "in-subpackage")
			for _, m := range d.Value.Get("plugins").Members() {
				typos(c, app.File, m.Value, pluginKeys, "in-plugin")
			}
		}
		for _, m := range app.File.JSON.Root().Get("plugins").Members() {
			typos(c, app.File, m.Value, pluginKeys, "in-plugin")
		}
	}
	if pl := p.Plugin(); pl.File != nil && pl.File.JSON != nil {
		typos(c, pl.File, pl.File.JSON.Root(), pluginJSONKeys, "in-plugin-json")
	}
	for _, f := range pageJSONs(c.Project, c.Graph) {
		typos(c, f, f.JSON.Root(), pageKeys, "in-page")
	}
}

// typos reports the keys of object v that are near misses of known; where
// is the key of the message that names the object ("in-app"…).
func typos(c *Context, f *project.File, v jsonpos.Value, known []string, where string) {
	for _, m := range v.Members() {
		if slices.Contains(known, m.Key) || len(m.Key) < 4 {
			continue
		}
		if s := lint.SuggestWithin(m.Key, known, 2); s != "" {
			c.Report(f, m.KeyStart, m.KeyEnd, "typo", m.Key, c.Format(where), s)
		}
	}
}

// pageJSONs are the parsed JSON files of the pages and components the
// platform loads.
func pageJSONs(p *project.Project, g *graph.Graph) []*project.File {
	seen := map[string]bool{}
	var out []*project.File
	add := func(rel string) {
		if f := p.File(rel); f != nil && f.JSON != nil && !seen[rel] {
			seen[rel] = true
			out = append(out, f)
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		if !e.Target.Found || strings.Contains("/"+e.Target.Path, "/miniprogram_npm/") {
			continue
		}
		switch e.Kind {
		case graph.KindPage, graph.KindPluginPage:
			add(strings.TrimSuffix(e.Target.Path, path.Ext(e.Target.Path)) + ".json")
		case graph.KindComponent, graph.KindGenericDefault, graph.KindPublicComponent:
			add(e.Target.Path)
		}
	}
	return out
}
