package rules

import (
	"sort"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type notChecked struct{}

func init() { register(notChecked{}) }

// maxNamed bounds the package names a note lists.
const maxNamed = 5

var notCheckedMeta = &Meta{
	ID:       "not-checked",
	Severity: Note,
	Title:    Text{En: "part of the project could not be checked in this checkout", Zh: "项目有一部分在当前检出的代码中无法检查"},
	Explanation: Text{
		En: `Some facts cannot be known from the files at hand, and fpcheck says so once instead of guessing. ` +
			`miniprogram_npm/ is the output of 构建 npm (build npm) and is often git-ignored, so in CI and in the ` +
			`pre-commit snapshot it is absent: dependencies on packages that a package.json declares are then not ` +
			`checked (they are, fully, when miniprogram_npm/ is there). With the TypeScript compiler plugin off, ` +
			`the .js beside each .ts file is the output of the team's own build step; when it is missing, the .ts ` +
			`file and the dependencies on it are not checked. Git submodules (.gitmodules) that a clone without ` +
			`--recursive left empty are not checked either. Files fpcheck could not read, or that are too large ` +
			`to parse, are named one by one by file-not-read. A note never fails a run.`,
		Zh: `有些情况仅凭手头的文件无法得知，fpcheck 不做猜测，而是提示一次。` +
			`miniprogram_npm/ 是构建 npm 的产物，常被 git 忽略，` +
			`因此在 CI 和 pre-commit 快照中往往不存在：` +
			`这时对 package.json 所声明的包的依赖不会被检查（miniprogram_npm/ 存在时会完整检查）。` +
			`关闭 TypeScript 编译插件时，每个 .ts 文件旁的 .js 是团队自己构建步骤的产物；缺少 .js 时，` +
			`这个 .ts 文件以及对它的依赖都不会被检查。` +
			`克隆时没有使用 --recursive 而留空的 Git 子模块（.gitmodules）也不会被检查。` +
			`fpcheck 无法读取、或因过大而无法解析的文件，由 file-not-read 逐个列出。提示不会导致运行失败。`,
	},
	Bad:  "pages/index/index.json\n{\"usingComponents\": {\"van-button\": \"@vant/weapp/button/index\"}}  (miniprogram_npm/ not built)",
	Good: "pages/index/index.json\n{\"usingComponents\": {\"van-button\": \"@vant/weapp/button/index\"}}  (after 构建 npm)",
	Tags: []string{"dependencies", "coverage"},
	Messages: Catalog{
		"npm-one":       {En: `1 dependency on an npm package (%s) was not checked: miniprogram_npm/ is not built in this checkout (构建 npm output is often git-ignored); it is checked when miniprogram_npm/ is there`, Zh: `有 1 个对 npm 包（%s）的依赖未检查：当前检出中没有构建 miniprogram_npm/（构建 npm 的产物常被 git 忽略）；miniprogram_npm/ 存在时会检查它`},
		"npm":           {En: `%d dependencies on npm packages (%s) were not checked: miniprogram_npm/ is not built in this checkout (构建 npm output is often git-ignored); they are checked when miniprogram_npm/ is there`, Zh: `有 %d 个对 npm 包（%s）的依赖未检查：当前检出中没有构建 miniprogram_npm/（构建 npm 的产物常被 git 忽略）；miniprogram_npm/ 存在时会检查它们`},
		"ts-one":        {En: `1 .ts file was not checked: the TypeScript compiler plugin is off (project.config.json setting.useCompilerPlugins) and its .js, the output of your own build step, is not in this checkout`, Zh: `有 1 个 .ts 文件未检查：TypeScript 编译插件未开启（project.config.json 的 setting.useCompilerPlugins），而它对应的 .js（你们自己构建步骤的产物）不在当前检出中`},
		"ts":            {En: `%d .ts files were not checked: the TypeScript compiler plugin is off (project.config.json setting.useCompilerPlugins) and their .js, the output of your own build step, are not in this checkout`, Zh: `有 %d 个 .ts 文件未检查：TypeScript 编译插件未开启（project.config.json 的 setting.useCompilerPlugins），而它们对应的 .js（你们自己构建步骤的产物）不在当前检出中`},
		"submodule-one": {En: `1 dependency into a git submodule that is not checked out (%s) was not checked; run git submodule update --init`, Zh: `有 1 个依赖指向未检出的 Git 子模块（%s），未检查；请运行 git submodule update --init`},
		"submodule":     {En: `%d dependencies into git submodules that are not checked out (%s) were not checked; run git submodule update --init`, Zh: `有 %d 个依赖指向未检出的 Git 子模块（%s），未检查；请运行 git submodule update --init`},
		"nothing":       {En: `no page or component code (JavaScript or WXML) was checked: the code this project has could not be read or is not compiled in this checkout`, Zh: `没有检查任何页面或组件代码（JavaScript 或 WXML）：项目中的代码无法读取，或在当前检出中不会被编译`},
	},
}

func (notChecked) Meta() *Meta { return notCheckedMeta }

func (notChecked) Check(c *Context) {
	notBuilt(c)
	uncompiledTS(c)
	inSubmodules(c)
	p := c.Project
	code, unchecked := false, false
	for _, rel := range p.Paths {
		f := p.Files[rel]
		unchecked = unchecked || f.Skip != project.NotSkipped
		code = code || f.JS != nil || f.WXML != nil
		unchecked = unchecked || f.Kind == project.KindTS && !p.TypeScript()
	}
	if !code && unchecked {
		if f := entryFile(p); f != nil {
			c.Report(f, 0, 0, "nothing")
		}
	}
}

// notBuilt reports, once, the dependencies on npm packages that could not
// be checked (miniprogram_npm/ is not built), at the first of them.
func notBuilt(c *Context) {
	onceFor(c, graph.NpmNotBuilt, "npm", func(e *graph.Edge) []string { return []string{e.Target.NpmName} })
}

// inSubmodules reports, once, the dependencies into git submodules that
// this checkout lacks, at the first of them.
func inSubmodules(c *Context) {
	onceFor(c, graph.SubmoduleMissing, "submodule", func(e *graph.Edge) []string {
		return c.Project.SubmodulesHolding(e.Target.Candidates[0])
	})
}

// onceFor reports, once and at the first of them, the loaded dependencies
// left unchecked for reason: message key (count, names) or key+"-one"
// (names) for a single one; names says what each one is about.
func onceFor(c *Context, reason graph.Unchecked, key string, names func(*graph.Edge) []string) {
	var first *graph.Edge
	count := 0
	seen := map[string]bool{}
	for i := range c.Graph.Edges {
		e := &c.Graph.Edges[i]
		if e.Unchecked != reason || !c.Graph.Loaded(e.From.Path) {
			continue
		}
		if first == nil {
			first = e
		}
		count++
		for _, n := range names(e) {
			seen[n] = true
		}
	}
	if first == nil {
		return
	}
	list := sortedNames(seen)
	if len(list) > maxNamed {
		list = append(list[:maxNamed], "…")
	}
	if count == 1 {
		c.Report(first.From, first.Start, first.End, key+"-one", strings.Join(list, ", "))
		return
	}
	c.Report(first.From, first.Start, first.End, key, count, strings.Join(list, ", "))
}

// uncompiledTS reports, once, the .ts files that the TypeScript plugin
// does not compile and whose .js is missing, at the first of them.
func uncompiledTS(c *Context) {
	p := c.Project
	if p.TypeScript() {
		return
	}
	var first *project.File
	count := 0
	for _, rel := range p.Paths {
		f := p.Files[rel]
		stem, ok := strings.CutSuffix(rel, ".ts")
		if f.Kind != project.KindTS || !ok || f.Root == "" && !p.HasMini && !p.HasPlugin || p.Exists(stem+".js") {
			continue
		}
		if first == nil {
			first = f
		}
		count++
	}
	switch {
	case count == 1:
		c.Report(first, 0, 0, "ts-one")
	case count > 1:
		c.Report(first, 0, 0, "ts", count)
	}
}

// entryFile is app.json, else plugin.json.
func entryFile(p *project.Project) *project.File {
	if app := p.App(); app.File != nil {
		return app.File
	}
	return p.Plugin().File
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
