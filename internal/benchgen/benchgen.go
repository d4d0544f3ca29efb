// Package benchgen generates mini-program projects of any size for
// fpcheck's benchmarks: deterministic, and correct by construction (every
// require, import, usingComponents, WXML import/include/wxs src and WXSS
// @import resolves, and no package boundary is crossed) except for the
// violations it plants on request, which it returns with their rule IDs
// and positions so that a benchmark can assert fpcheck reports exactly
// those.
//
// The mix follows a real project: a .json, .wxml, .js and .wxss per page,
// half the scripts ES modules, shared utilities and components, templates
// and styles, Chinese text; 80 % of the pages in the main package, 10 % in
// an ordinary subpackage (which may use the main package) and 10 % in an
// independent subpackage (which uses only its own files); functional pages
// and a plugin with payment navigators.
package benchgen

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
)

// Finding is a planted violation: the rule that must report it and where
// (project-relative path, 1-based line and UTF-16 column of its start).
type Finding struct {
	Rule   string
	Path   string
	Line   int
	Column int
}

func (f Finding) String() string { return fmt.Sprintf("%s %s:%d:%d", f.Rule, f.Path, f.Line, f.Column) }

// Corpus describes a generated project.
type Corpus struct {
	Pages int
	Files int
	Bytes int64
	// Planted are the violations planted, sorted by path, line, column.
	Planted []Finding
}

// Options choose what to generate.
type Options struct {
	// Pages is the number of pages (at least 10, so that every package
	// has one).
	Pages int
	// Plant adds the violations: an independent subpackage page requiring
	// a main-package utility (independent-subpackage-boundary), a
	// functional-page-navigator left at version="develop"
	// (navigator-develop-version) and a require of a file that does not
	// exist (unresolved-dependency).
	Plant bool
}

const (
	nUtils      = 20 // miniprogram/utils/u<k>.js; odd ones are ES modules
	nComponents = 15 // miniprogram/components/c<k>/index.*
	nIndepUtils = 5  // miniprogram/indep/utils/u<k>.js
	nIndepComps = 4  // miniprogram/indep/components/ic<k>/index.*
)

type gen struct {
	files    map[string]string
	planting bool
	planted  []Finding
}

// Write generates the project into dir (which should be empty).
func Write(dir string, o Options) (*Corpus, error) {
	if o.Pages < 10 {
		return nil, fmt.Errorf("benchgen: %d pages, want at least 10", o.Pages)
	}
	g := &gen{files: map[string]string{}, planting: o.Plant}
	g.project(o)
	c := &Corpus{Pages: o.Pages, Files: len(g.files)}
	names := make([]string, 0, len(g.files))
	for name := range g.files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		text := g.files[name]
		full := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return nil, err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			return nil, err
		}
		c.Bytes += int64(len(text))
	}
	c.Planted = g.planted
	sort.Slice(c.Planted, func(i, j int) bool {
		a, b := c.Planted[i], c.Planted[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return c, nil
}

// plant records that rule must report the first occurrence of marker in
// the file at path (already generated).
func (g *gen) plant(rule, path, marker string) {
	text := g.files[path]
	i := strings.Index(text, marker)
	if i < 0 {
		panic("benchgen: marker " + marker + " not in " + path)
	}
	line := strings.Count(text[:i], "\n") + 1
	lineStart := strings.LastIndex(text[:i], "\n") + 1
	col := len(utf16.Encode([]rune(text[lineStart:i]))) + 1
	g.planted = append(g.planted, Finding{Rule: rule, Path: path, Line: line, Column: col})
}

// pkg is where a page lives.
type pkg int

const (
	mainPkg pkg = iota
	subPkg
	indepPkg
)

func pkgOf(i int) pkg {
	switch i % 10 {
	case 8:
		return subPkg
	case 9:
		return indepPkg
	}
	return mainPkg
}

// pagePath is the page's path from the mini-program root, without extension.
func pagePath(i int) string {
	switch pkgOf(i) {
	case subPkg:
		return fmt.Sprintf("packageA/pages/p%d/index", i)
	case indepPkg:
		return fmt.Sprintf("indep/pages/p%d/index", i)
	case mainPkg:
	}
	return fmt.Sprintf("pages/p%d/index", i)
}

func (g *gen) project(o Options) {
	var mainPages, subPages, indepPages []string
	firstIndep := -1
	for i := range o.Pages {
		pp := pagePath(i)
		switch pkgOf(i) {
		case mainPkg:
			mainPages = append(mainPages, fmt.Sprintf("%q", pp))
		case subPkg:
			subPages = append(subPages, fmt.Sprintf("%q", strings.TrimPrefix(pp, "packageA/")))
		case indepPkg:
			indepPages = append(indepPages, fmt.Sprintf("%q", strings.TrimPrefix(pp, "indep/")))
			if firstIndep < 0 {
				firstIndep = i
			}
		}
		g.page(i)
	}
	g.files["project.config.json"] = `{
  "miniprogramRoot": "miniprogram/",
  "pluginRoot": "plugin/",
  "compileType": "plugin",
  "appid": "wx0123456789abcdef",
  "projectname": "benchmark"
}
`
	g.files["miniprogram/app.json"] = `{
  "pages": [` + strings.Join(mainPages, ", ") + `],
  "subpackages": [
    {"root": "packageA", "name": "packageA", "pages": [` + strings.Join(subPages, ", ") + `]},
    {"root": "indep", "name": "indep", "independent": true, "pages": [` + strings.Join(indepPages, ", ") + `]}
  ],
  "functionalPages": {"independent": true},
  "window": {"navigationBarTitleText": "性能测试"}
}
`
	g.files["miniprogram/app.js"] = "const u0 = require('./utils/u0');\n\nApp({\n  globalData: { 名称: '性能测试', version: u0.helper0('1.0') },\n  onLaunch() { console.log('启动'); },\n});\n"
	g.files["miniprogram/app.wxss"] = "@import \"styles/common.wxss\";\npage { background: #f7f7f7; }\n"
	g.files["miniprogram/utils/format.wxs"] = "var price = function (n) { return (n / 100).toFixed(2) + ' 元'; };\nvar date = function (d) { return d.split('T')[0]; };\nmodule.exports = { price: price, date: date };\n"
	for k := range nUtils {
		g.files[fmt.Sprintf("miniprogram/utils/u%d.js", k)] = util(k, nUtils, "通用工具")
	}
	for k := range nComponents {
		g.component(fmt.Sprintf("miniprogram/components/c%d/index", k), k, nComponents, "组件")
	}
	g.templates("miniprogram/templates")
	g.styles("miniprogram/styles")
	g.files["miniprogram/packageA/utils/a.js"] = "const u1 = require('../../utils/u1');\n\nmodule.exports = { tag: (s) => '分包A·' + u1.helper1(s) };\n"
	for k := range nIndepUtils {
		g.files[fmt.Sprintf("miniprogram/indep/utils/u%d.js", k)] = util(k, nIndepUtils, "独立分包工具")
	}
	g.files["miniprogram/indep/utils/format.wxs"] = g.files["miniprogram/utils/format.wxs"]
	for k := range nIndepComps {
		g.component(fmt.Sprintf("miniprogram/indep/components/ic%d/index", k), k, nIndepComps, "独立组件")
	}
	g.templates("miniprogram/indep/templates")
	g.styles("miniprogram/indep/styles")
	g.files["miniprogram/functional-pages/request-payment.js"] = "const u = require('./url');\n\nexports.beforeRequestPayment = function (args, callback) {\n  // 支付前的准备\n  callback(null, { url: u, args: args });\n};\n"
	g.files["miniprogram/functional-pages/url.js"] = "module.exports = 'https://example.com/pay';\n"

	version := "release"
	if o.Plant {
		version = "develop"
	}
	g.files["plugin/plugin.json"] = `{
  "publicComponents": {"pay": "components/pay/pay", "checkout": "components/checkout/checkout"},
  "main": "index.js"
}
`
	g.files["plugin/index.js"] = "module.exports = { 名称: '支付插件' };\n"
	for _, name := range []string{"pay", "checkout"} {
		v := "release"
		if name == "checkout" {
			v = version
		}
		base := "plugin/components/" + name + "/" + name
		g.files[base+".json"] = `{"component": true}` + "\n"
		g.files[base+".js"] = "Component({\n  properties: { args: Object },\n  methods: { onSuccess() { this.triggerEvent('success'); } },\n});\n"
		g.files[base+".wxml"] = `<functional-page-navigator name="requestPayment" version="` + v + `" args="{{ args }}" bind:success="onSuccess">` + "\n  <button>支付 ¥{{ args.fee }}</button>\n</functional-page-navigator>\n"
		g.files[base+".wxss"] = "button { color: #07c160; }\n"
	}
	if o.Plant {
		g.plant("navigator-develop-version", "plugin/components/checkout/checkout.wxml", `version="develop"`)
		p := "miniprogram/" + pagePath(firstIndep) + ".js"
		g.plant("independent-subpackage-boundary", p, "'../../../utils/u0'")
		p = "miniprogram/" + pagePath(0) + ".js"
		g.plant("unresolved-dependency", p, "'./missing-helper'")
	}
}

// util is a shared module: even k CommonJS, odd k an ES module; each
// depends on the next, the last on none.
func util(k, n int, label string) string {
	var b strings.Builder
	esm := k%2 == 1
	if k+1 < n {
		if esm {
			fmt.Fprintf(&b, "import { helper%d as next } from './u%d';\n\n", k+1, k+1)
		} else {
			fmt.Fprintf(&b, "const { helper%d: next } = require('./u%d.js');\n\n", k+1, k+1)
		}
	} else {
		b.WriteString("const next = (s) => String(s).trim();\n\n")
	}
	fmt.Fprintf(&b, "// %s %d：格式化与缓存\nconst cache%d = new Map();\n", label, k, k)
	fmt.Fprintf(&b, "function helper%d(s) {\n  if (cache%d.has(s)) return cache%d.get(s);\n  const v = next(`%s·${s}`);\n  cache%d.set(s, v);\n  return v;\n}\n", k, k, k, label, k)
	fmt.Fprintf(&b, "const defaults%d = { 单位: '元', precision: %d, locale: 'zh-CN' };\n", k, k%4)
	if esm {
		fmt.Fprintf(&b, "export { helper%d, defaults%d };\nexport default { helper%d, defaults%d };\n", k, k, k, k)
	} else {
		fmt.Fprintf(&b, "module.exports = { helper%d, defaults%d };\n", k, k)
	}
	return b.String()
}

// component writes a component at base (a path without extension); it
// uses the next component of its set.
func (g *gen) component(base string, k, n int, label string) {
	using := "{}"
	tag := ""
	if k+1 < n {
		using = fmt.Sprintf(`{"c%d": "../c%d/index"}`, k+1, k+1)
		if strings.Contains(base, "/indep/") {
			using = fmt.Sprintf(`{"c%d": "../ic%d/index"}`, k+1, k+1)
		}
		tag = fmt.Sprintf("\n  <c%d title=\"{{ title }}\"></c%d>", k+1, k+1)
	}
	g.files[base+".json"] = `{"component": true, "usingComponents": ` + using + "}\n"
	g.files[base+".wxml"] = fmt.Sprintf("<view class=\"c%d\">\n  <text>%s%d：{{ title }}</text>%s\n  <slot></slot>\n</view>\n", k, label, k, tag)
	g.files[base+".js"] = fmt.Sprintf("Component({\n  options: { multipleSlots: true },\n  properties: { title: { type: String, value: '%s%d' } },\n  data: { expanded: false },\n  methods: {\n    toggle() { this.setData({ expanded: !this.data.expanded }); },\n  },\n});\n", label, k)
	g.files[base+".wxss"] = fmt.Sprintf(".c%d { display: block; margin: 8rpx 0; }\n", k)
}

func (g *gen) templates(dir string) {
	g.files[dir+"/item.wxml"] = "<template name=\"item\">\n  <view class=\"item\">\n    <text>{{ name }}</text>\n    <text class=\"price\">¥{{ price }}</text>\n  </view>\n</template>\n"
	g.files[dir+"/header.wxml"] = "<import src=\"item.wxml\"/>\n<view class=\"header\">\n  <text>{{ title || '标题' }}</text>\n  <template is=\"item\" data=\"{{ name: '推荐', price: 0 }}\"/>\n</view>\n"
}

func (g *gen) styles(dir string) {
	g.files[dir+"/common.wxss"] = "@import \"theme.wxss\";\n.row { display: flex; align-items: center; }\n.title { font-size: 32rpx; }\n"
	g.files[dir+"/theme.wxss"] = ".price { color: #fa5151; }\n.item { padding: 12rpx; }\n"
}

// page writes page i's four files.
func (g *gen) page(i int) {
	kind := pkgOf(i)
	base := "miniprogram/" + pagePath(i)
	rootRel := "/" // WXML, WXSS and JSON paths from the code root
	jsUp := "../../"
	if kind != mainPkg {
		jsUp = "../../../"
	}
	nC, cDir, cPrefix := nComponents, "/components/c", "c"
	if kind == indepPkg {
		// Only the independent subpackage's own files, relative to the page.
		rootRel = "../../"
		jsUp = "../../"
		nC, cDir, cPrefix = nIndepComps, "../../components/ic", "c"
	}
	c1, c2 := i%nC, (i/3+1)%nC
	if c2 == c1 {
		c2 = (c1 + 1) % nC
	}
	g.files[base+".json"] = fmt.Sprintf(`{
  "usingComponents": {
    "%s%d": "%s%d/index",
    "%s%d": "%s%d/index"
  },
  "navigationBarTitleText": "第%d页",
  "enablePullDownRefresh": %t
}
`, cPrefix, c1, cDir, c1, cPrefix, c2, cDir, c2, i, i%3 == 0)

	var w strings.Builder
	fmt.Fprintf(&w, "<import src=\"%stemplates/item.wxml\"/>\n<include src=\"%stemplates/header.wxml\"/>\n<wxs src=\"%sutils/format.wxs\" module=\"fmt\"/>\n", rootRel, rootRel, rootRel)
	w.WriteString("<wxs module=\"local\">\nvar twice = function (n) { return n * 2; };\nmodule.exports = { twice: twice };\n</wxs>\n")
	fmt.Fprintf(&w, "<view class=\"page page-%d\">\n", i)
	for r := range 20 {
		fmt.Fprintf(&w, `  <view class="row" wx:for="{{ list%d }}" wx:key="id" wx:if="{{ a > b && list%d.length < 10 }}">
    <text class="title">{{ item.name }} 价格 {{ fmt.price(item.price) }}，共 {{ local.twice(item.count) }} 件</text>
    <%s%d title="{{ title }}" bind:tap="onTap" data-id="{{ item.id }}"></%s%d>
    <template is="item" data="{{ name: item.name, price: item.price }}"/>
  </view>
`, r, r, cPrefix, c1, cPrefix, c1)
		if r%4 == 3 {
			fmt.Fprintf(&w, "  <%s%d title=\"第%d组\">\n    <text>{{ price < 100 ? '便宜' : '贵' }}</text>\n  </%s%d>\n", cPrefix, c2, r, cPrefix, c2)
		}
	}
	w.WriteString("  <button bindtap=\"onMore\">加载更多</button>\n</view>\n")
	g.files[base+".wxml"] = w.String()

	// Scripts: utilities of the page's own package (relative paths only,
	// which every JS tool resolves).
	nU, uDir := nUtils, jsUp+"utils/u"
	if kind == indepPkg {
		nU, uDir = nIndepUtils, "../../utils/u"
	}
	u1, u2, u3 := i%nU, (i+7)%nU, (i+13)%nU
	var j strings.Builder
	esm := i%2 == 1
	for _, u := range []int{u1, u2, u3} {
		if esm {
			if u%2 == 1 {
				fmt.Fprintf(&j, "import { helper%d } from '%s%d';\n", u, uDir, u)
			} else {
				fmt.Fprintf(&j, "import u%dmod from '%s%d.js';\nconst { helper%d } = u%dmod;\n", u, uDir, u, u, u)
			}
		} else {
			fmt.Fprintf(&j, "const { helper%d } = require('%s%d');\n", u, uDir, u)
		}
	}
	if kind == subPkg {
		if esm {
			j.WriteString("import a from '../../utils/a';\n")
		} else {
			j.WriteString("const a = require('../../utils/a.js');\n")
		}
	}
	j.WriteString("// require('./not-a-dependency')\n")
	if g.planting && i == 0 {
		j.WriteString("const missing = require('./missing-helper');\n")
	}
	if g.planting && kind == indepPkg && i == 9 {
		j.WriteString("const shared = require('../../../utils/u0');\n")
	}
	fmt.Fprintf(&j, "\nconst 配置 = { 标题: '第%d页', 描述: '这是一个用于性能测试的页面，包含中文文本。', pageSize: %d };\n\n", i, 10+i%7)
	for k := range 6 {
		fmt.Fprintf(&j, `async function load%d(query, api) {
  const res = await api.get('/items/%d', { id: query?.id ?? 0, page: query?.page ?? 1 });
  const items = (res?.items ?? []).filter((x) => x && x.visible !== false);
  return items.map((x, n) => ({ ...x, index: n, name: helper%d(x.name), 标题: '第%d组', price: Math.round((x.price ?? 0) * 100) }));
}

`, k, k, []int{u1, u2, u3, u1, u2, u3}[k], k)
	}
	fmt.Fprintf(&j, `class Store%d {
  constructor() { this.items = []; this.total = 0; }
  add(x) { this.items.push({ ...x, at: Date.now() }); this.total += x.price || 0; return this; }
  get size() { return this.items.length; }
  summary() { return `+"`共 ${this.size} 件，合计 ${this.total} 分`"+`; }
}

const store = new Store%d();
const api = { get: async (url, q) => ({ items: [{ name: url, price: q.page, visible: true }] }) };

Page({
  data: { list0: [], title: 配置.标题, a: 1, b: 0, price: 99 },
  async onLoad(query) {
    const lists = await Promise.all([load0(query, api), load1(query, api), load2(query, api), load3(query, api)]);
    lists.flat().forEach((x) => store.add(x));
    this.setData({ list0: lists[0], title: helper%d(配置.标题) });
  },
  onTap(e) {
    const { id } = e.currentTarget.dataset;
    wx.navigateTo({ url: '/%s?id=' + id });
  },
  onMore() {
    wx.showToast({ title: store.summary(), icon: 'none' });
  },
  onPullDownRefresh() {
    this.onLoad({ page: 1 }).then(() => wx.stopPullDownRefresh());
  },
});
`, i, i, u2, pagePath((i+1)%10))
	g.files[base+".js"] = j.String()

	var s strings.Builder
	fmt.Fprintf(&s, "@import \"%sstyles/common.wxss\";\n\n", rootRel)
	for r := range 12 {
		fmt.Fprintf(&s, ".page-%d .row:nth-child(%d) { padding: %drpx 24rpx; border-bottom: 1px solid #eee; }\n", i, r+1, 8+r)
		fmt.Fprintf(&s, ".page-%d .title-%d::after { content: '第%d行'; color: rgba(0, 0, 0, 0.%d); }\n", i, r, r, r%10)
	}
	g.files[base+".wxss"] = s.String()
}
