package rules

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/resolve"
)

type unresolvedDependency struct{}

func init() { register(unresolvedDependency{}) }

// maxCandidates bounds the paths a message lists.
const maxCandidates = 6

var unresolvedDependencyMeta = &Meta{
	ID:       "unresolved-dependency",
	Severity: Error,
	Title:    Text{En: "a dependency does not resolve to a file", Zh: "依赖无法解析到文件"},
	Explanation: Text{
		En: `A require/import, template (<import>/<include>), <wxs src>, wxss @import or component path names ` +
			`no file that will be uploaded, so it fails to load on the phone; and what app.json and plugin.json ` +
			`declare must be there, or the compiler rejects the upload: every page of every package (.wxml and ` +
			`.js), plugin.json's publicComponents (.json, .wxml, .js), pages and main. fpcheck resolves as the platform does ` +
			`(relative paths; "/" from the root in WXML, WXSS and JSON; resolveAlias; .ts with the TypeScript plugin; ` +
			`.js appended; no index.js for local directories; miniprogram_npm walking up, also for "./name"; a ` +
			`component path as <p>, then <p>/index) and lists the paths it tried. A component also needs its .wxml ` +
			`(the compiler rejects the upload without it) and its .js (.ts with the TypeScript plugin). Files left ` +
			`out by packOptions.ignore, and files outside the mini-program root, are not uploaded and count as ` +
			`missing. Only files the platform can load are judged: app.js, pages, components, what they require, ` +
			`and what plugin.json names (a copied library's unused parts, unit tests and build scripts never run ` +
			`on the phone). When miniprogram_npm/ is not built in the checkout (构建 npm output is often git-ignored), ` +
			`dependencies on packages a package.json declares cannot be checked: not-checked says how many, once. ` +
			`Node built-ins (build scripts) and useExtendedLib libraries are not reported.`,
		Zh: `require/import、模板（<import>/<include>）、<wxs src>、` +
			`wxss @import 或组件路径如果找不到会被上传的文件，在真机上就会加载失败；` +
			`app.json 和 plugin.json 中声明的内容也必须存在，否则编译器会拒绝上传：` +
			`每个包的每个页面（.wxml 和 .js）、plugin.json 的 publicComponents（.json、` +
			`.wxml、.js）、pages 和 main。fpcheck 按平台的方式解析路径（相对路径；在 WXML、` +
			`WXSS 和 JSON 中 "/" 表示从根目录开始；resolveAlias；` +
			`开启 TypeScript 编译插件时的 .ts；自动补上 .js；本地目录不查找 index.js；` +
			`逐级向上查找 miniprogram_npm，"./name" 也是如此；组件路径先查找 <p>，` +
			`再查找 <p>/index），并列出尝试过的路径。组件还需要 .wxml（缺少时编译器会拒绝上传）` +
			`和 .js（开启 TypeScript 编译插件时为 .ts）。被 packOptions.ignore 排除的文件，` +
			`以及小程序根目录之外的文件，不会被上传，视为缺失。只检查平台会加载的文件：app.js、页面、组件、` +
			`它们 require 的文件，以及 plugin.json 中指定的文件（复制进来的库中未使用的部分、` +
			`单元测试和构建脚本永远不会在真机上运行）。` +
			`当前检出中没有构建 miniprogram_npm/ 时（构建 npm 的产物常被 git 忽略），` +
			`对 package.json 中声明的包的依赖无法检查：not-checked 会提示一次数量。` +
			`Node 内置模块（构建脚本使用）和 useExtendedLib 扩展库不会报告。`,
	},
	Bad:  "pages/index/index.js\nconst util = require('../../utils/utll')",
	Good: "pages/index/index.js\nconst util = require('../../utils/util')",
	Tags: []string{"dependencies", "correctness"},
	Messages: Catalog{
		"missing":      {En: `%s %q does not resolve to a file that will be uploaded; tried %s%s`, Zh: `%s %q 无法解析到会被上传的文件；已尝试 %s%s`},
		"npm":          {En: `%s %q: package %q is declared in package.json, but the built miniprogram_npm/ does not have it; run 构建 npm (build npm) again`, Zh: `%s %q：package.json 中声明了包 %q，但构建出的 miniprogram_npm/ 中没有它；请重新构建 npm`},
		"outside":      {En: `%s %q leaves the project`, Zh: `%s %q 指向了项目之外`},
		"incomplete":   {En: `%s %q is missing %s`, Zh: `%s %q 缺少 %s`},
		"no-alias":     {En: ` (resolveAlias of app.json applies only to the mini-program, not to plugin code)`, Zh: `（app.json 的 resolveAlias 只作用于小程序，不作用于插件代码）`},
		"plugin-alias": {En: ` (resolveAlias in plugin.json is not applied: the compiler reads resolveAlias only from app.json, for the mini-program)`, Zh: `（plugin.json 中的 resolveAlias 不会生效：编译器只读取 app.json 中的 resolveAlias，且只用于小程序）`},
	},
}

func (unresolvedDependency) Meta() *Meta { return unresolvedDependencyMeta }

func (unresolvedDependency) Check(c *Context) {
	npm := c.Project.NPM()
	for i := range c.Graph.Edges {
		e := &c.Graph.Edges[i]
		if e.Plugin || e.FromPkg == nil || e.Unchecked != graph.Checked || !c.Graph.Loaded(e.From.Path) {
			continue
		}
		if key, _ := pathProblem(e.Specifier); e.Decl && key != "" {
			continue // invalid-config-path says what is wrong with it
		}
		if e.Target.Found {
			if len(e.Target.Missing) > 0 {
				c.Report(e.From, e.Start, e.End, "incomplete", kindPhrase(e), e.Specifier, strings.Join(e.Target.Missing, ", "))
			}
			continue
		}
		spec := strings.TrimSpace(e.Specifier)
		if name := resolve.PackageName(spec); resolve.IsPackageName(spec) && (nodeBuiltins[name] || npm.Extended[name]) {
			continue
		}
		if len(e.Target.Candidates) == 0 {
			if !resolve.IsPackageName(spec) || e.Target.How == resolve.Aliased {
				c.Report(e.From, e.Start, e.End, "outside", kindPhrase(e), e.Specifier)
			}
			continue
		}
		tried := e.Target.Candidates
		more := ""
		if len(tried) > maxCandidates {
			more = ", …"
			tried = tried[:maxCandidates]
		}
		if name := e.Target.NpmName; name != "" && npm.Declared[name] {
			c.Report(e.From, e.Start, e.End, "npm", kindPhrase(e), e.Specifier, name)
			continue
		}
		c.Report(e.From, e.Start, e.End, "missing", kindPhrase(e), e.Specifier, strings.Join(tried, ", ")+more, aliasNote(c, e))
	}
}

// aliasNote explains, for plugin code, that a resolveAlias the specifier
// would have matched was not applied: the compiler applies only app.json's,
// and only to the mini-program.
func aliasNote(c *Context, e *graph.Edge) Message {
	p := c.Project
	if !p.HasPlugin || e.From.Root != p.PluginRoot || p.HasMini && p.PluginRoot == p.MiniRoot {
		return Message{}
	}
	spec := strings.TrimSpace(e.Specifier)
	if f := p.File(path.Join(p.PluginRoot, "plugin.json")); f != nil && f.JSON != nil {
		for _, m := range f.JSON.Root().Get("resolveAlias").Members() {
			if strings.HasPrefix(spec, strings.TrimSuffix(m.Key, "*")) {
				return c.Format("plugin-alias")
			}
		}
	}
	for k := range p.App().ResolveAlias {
		if strings.HasPrefix(spec, strings.TrimSuffix(k, "*")) {
			return c.Format("no-alias")
		}
	}
	return Message{}
}

// nodeBuiltins are Node.js modules, required by build scripts that live
// inside a mini-program root at the top of a repository.
var nodeBuiltins = map[string]bool{
	"assert": true, "buffer": true, "child_process": true, "crypto": true, "events": true, "fs": true,
	"http": true, "https": true, "net": true, "os": true, "path": true, "process": true, "querystring": true,
	"readline": true, "stream": true, "string_decoder": true, "timers": true, "tls": true, "url": true,
	"util": true, "vm": true, "worker_threads": true, "zlib": true,
}
