package rules

import (
	"path"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
)

type undeclaredPlugin struct{}

func init() { register(undeclaredPlugin{}) }

var undeclaredPluginMeta = &Meta{
	ID:       "undeclared-plugin",
	Severity: Error,
	Title:    Text{En: "a plugin is used that app.json does not declare, or a plugin component that does not exist", Zh: "使用了 app.json 未声明的插件，或不存在的插件组件"},
	Explanation: Text{
		En: `requirePlugin("name") and a "plugin://name/component" component name a plugin by the key it has ` +
			`in app.json "plugins" (of the main package or of a subpackage), or by its provider appid; a name that ` +
			`no "plugins" declares fails on the phone. In a plugin project, the host's "plugin://<own plugin>/name" ` +
			`must be one of plugin.json's publicComponents. fpcheck accepts a plugin declared anywhere in app.json, ` +
			`so a shared file used from the subpackage that declares it is not reported, and plugins a third-party ` +
			`platform's ext.json declares count too.`,
		Zh: `requirePlugin("name") 和 "plugin://name/component" 形式的组件，` +
			`通过插件在 app.json "plugins"（主包或分包的）中的键名，` +
			`或通过插件的 provider appid 来指定插件；任何 "plugins" 都没有声明的名字，在真机上会运行失败。` +
			`在插件项目中，` +
			`宿主小程序使用的 "plugin://<own plugin>/name" 必须是 plugin.json 中 publicComponents 的一项。` +
			`只要插件在 app.json 的任意位置声明过，fpcheck 就认可它，所以在声明它的分包中使用的共享文件不会被报告；` +
			`第三方平台的 ext.json 中声明的插件也算在内。`,
	},
	Bad:  "pages/index/index.js\nconst chat = requirePlugin('chatt')",
	Good: "pages/index/index.js\nconst chat = requirePlugin('chat') // app.json: \"plugins\": {\"chat\": {…}}",
	Tags: []string{"plugins", "correctness"},
	Messages: Catalog{
		"undeclared": {En: `%s %q names plugin %q, which no "plugins" of app.json declares`, Zh: `%s %q 引用的插件 %q 没有在 app.json 的任何 "plugins" 中声明`},
		"no-public":  {En: `%s %q: this project's own plugin %q has no publicComponents entry %q`, Zh: `%s %q：本项目自己的插件 %q 的 publicComponents 中没有 %q`},
	},
}

func (undeclaredPlugin) Meta() *Meta { return undeclaredPluginMeta }

func (undeclaredPlugin) Check(c *Context) {
	p := c.Project
	app := p.App()
	if !p.HasMini || app.File == nil || app.File.JSON == nil {
		return
	}
	declared := map[string]string{} // alias or provider → provider
	add := func(plugins jsonpos.Value) {
		for _, m := range plugins.Members() {
			provider := m.Value.Get("provider").Str()
			declared[m.Key] = provider
			if provider != "" {
				declared[provider] = provider
			}
		}
	}
	add(app.File.JSON.Root().Get("plugins"))
	if ext := p.File(path.Join(p.MiniRoot, "ext.json")); ext != nil && ext.JSON != nil {
		add(ext.JSON.Root().Get("plugins")) // a third-party platform's ext.json
	}
	for _, d := range app.SubpackageDecls {
		add(d.Value.Get("plugins"))
	}
	own := p.Config.PluginAppID
	if own == "" {
		own = p.Config.AppID
	}
	public := map[string]bool{}
	pl := p.Plugin()
	knowPublic := pl.File != nil && pl.File.JSON != nil // plugin.json read (not ignored, parsable)
	for _, m := range pl.PublicComponents {
		public[m.Key] = true
	}
	for i := range c.Graph.Edges {
		e := &c.Graph.Edges[i]
		if !e.Plugin || e.From.Root != p.MiniRoot || p.HasPlugin && p.PluginRoot == p.MiniRoot {
			continue
		}
		name, rest, ok := pluginName(e)
		if !ok {
			continue
		}
		provider, isDeclared := declared[name]
		if !isDeclared {
			c.Report(e.From, e.Start, e.End, "undeclared", kindPhrase(e), e.Specifier, name)
			continue
		}
		if e.Kind == graph.KindComponent && knowPublic && own != "" && provider == own && rest != "" && !public[rest] {
			c.Report(e.From, e.Start, e.End, "no-public", kindPhrase(e), e.Specifier, name, rest)
		}
	}
}

// pluginName is the plugin a reference names, and the rest of a
// plugin:// path; ok is false for references it does not judge
// (plugin-private://, computed names).
func pluginName(e *graph.Edge) (name, rest string, ok bool) {
	spec := strings.TrimSpace(e.Specifier)
	if e.IsJS {
		if e.Kind != jsmod.RequirePlugin.String() || spec == "" {
			return "", "", false
		}
		return spec, "", true
	}
	after, found := strings.CutPrefix(spec, "plugin://")
	if !found {
		return "", "", false
	}
	name, rest, _ = strings.Cut(after, "/")
	return name, rest, name != ""
}
