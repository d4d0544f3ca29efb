package rules

import (
	"regexp"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type invalidPluginDeclaration struct{}

func init() { register(invalidPluginDeclaration{}) }

// pluginVersion is the version form the compiler accepts in a mini-program:
// latest, x.y.z with one to three digits each, or dev-<id>.
var pluginVersion = regexp.MustCompile(`^(latest|[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|dev-[A-Za-z0-9]+)$`)

var invalidPluginDeclarationMeta = &Meta{
	ID:       "invalid-plugin-declaration",
	Severity: Error,
	Title: Text{
		En: `an app.json "plugins" entry is one the compiler rejects`,
		Zh: `app.json 的 "plugins" 中有会被编译器拒绝的条目`,
	},
	Explanation: Text{
		En: `Each entry of "plugins" in app.json (and in a subpackage's "plugins") needs a string "provider" ` +
			`(the plugin's appid) and a string "version" (it may also have "path", "export" and ` +
			`"genericsImplementation"; other keys only get a compiler warning, see config-key-typo). In a mini-program the version is "latest", x.y.z (one to three ` +
			`digits each) or "dev-<id>"; "dev" is rejected: it is only for the host mini-program of a plugin ` +
			`project, whose entry for its own plugin (provider: the project's pluginAppid, else its appid) must be ` +
			`"dev", and whose "dev" entries must name that provider. A provider is declared once across the main ` +
			`package and the subpackages, and an alias too. This is what the official compiler checks at ` +
			`upload, one error at a time; fpcheck reports every entry at its value.`,
		Zh: `app.json（以及分包）"plugins" 中的每一项都需要字符串类型的 "provider"（插件的 appid）和字符串类型的 ` +
			`"version"（还可以有 "path"、"export" 和 "genericsImplementation"；其他字段编译器只给出警告，见 ` +
			`config-key-typo）。在小程序中，"version" 可以是 "latest"、x.y.z（每段一到三位数字）或 "dev-<id>"；` +
			`"dev" 会被拒绝：它只用于插件项目的宿主小程序，其中引用本插件的条目（"provider" 为项目的 pluginAppid，` +
			`没有时为 appid）必须是 "dev"，而 "dev" 条目也必须指向这个 "provider"。同一个 "provider" 在主包和各分包中` +
			`只能声明一次，别名也是如此。这些是官方编译器在上传时检查的内容，一次只报一个错误；fpcheck 会在每个值处` +
			`报告所有条目。`,
	},
	Bad:  "app.json\n{\"plugins\": {\"myPlugin\": {\"version\": \"dev\", \"provider\": \"wx1234567890abcdef\"}}}",
	Good: "app.json\n{\"plugins\": {\"myPlugin\": {\"version\": \"1.0.2\", \"provider\": \"wx1234567890abcdef\"}}}",
	Tags: []string{"plugins", "config", "upload"},
	Messages: Catalog{
		"not-object": {
			En: `plugin %q must be an object {"provider": …, "version": …}, found %s`,
			Zh: `插件 %q 必须是对象 {"provider": …, "version": …}，实际为%s`,
		},
		"missing": {
			En: `plugin %q has no %q; the compiler requires "provider" and "version"`,
			Zh: `插件 %q 缺少 %q；编译器要求同时有 "provider" 和 "version"`,
		},
		"not-string": {
			En: `%q of plugin %q must be a string, found %s`,
			Zh: `插件 %[2]q 的 %[1]q 必须是字符串，实际为%[3]s`,
		},
		"unknown-key": {
			En: `%q is not a key of a plugin declaration; use %s`,
			Zh: `%q 不是插件声明的字段；请使用 %s`,
		},
		"dev": {
			En: `plugin %q has version "dev", which a mini-program cannot use (only a plugin project's host, for its own plugin); use "latest", a version such as "1.0.0", or "dev-<id>"`,
			Zh: `插件 %q 的 "version" 为 "dev"，小程序不能使用（只有插件项目的宿主小程序引用本插件时才能用）；请改用 "latest"、"1.0.0" 这样的版本号，或 "dev-<id>"`,
		},
		"version": {
			En: `plugin %q has version %s; use "latest", x.y.z (1–3 digits each, such as "1.0.0") or "dev-<id>"`,
			Zh: `插件 %q 的 "version" 为 %s；请使用 "latest"、x.y.z（每段 1–3 位数字，例如 "1.0.0"）或 "dev-<id>"`,
		},
		"own-dev": {
			En: `plugin %q is this plugin project's own plugin (provider %s), so its version must be "dev"`,
			Zh: `插件 %q 是本插件项目自己的插件（"provider" 为 %s），因此 "version" 必须是 "dev"`,
		},
		"dev-own": {
			En: `plugin %q has version "dev", so its provider must be this project's own plugin appid %q`,
			Zh: `插件 %q 的 "version" 为 "dev"，因此 "provider" 必须是本项目插件的 appid %q`,
		},
		"same-provider": {
			En: `plugin %q declares the same provider as plugin %q (%s); a plugin is declared once, in the main package or in one subpackage`,
			Zh: `插件 %q 与插件 %q 声明了相同的 "provider"（%s）；同一个插件只能声明一次，在主包或某一个分包中`,
		},
		"same-alias": {
			En: `the plugin alias %q is already declared; use another alias`,
			Zh: `插件别名 %q 已经声明过；请换一个别名`,
		},
	},
}

func (invalidPluginDeclaration) Meta() *Meta { return invalidPluginDeclarationMeta }

func (invalidPluginDeclaration) Check(c *Context) {
	app := c.Project.App()
	if app.File == nil || app.File.JSON == nil {
		return
	}
	checkPlugins(c, app.File, app.File.JSON.Root().Get("plugins"))
	for _, d := range app.SubpackageDecls {
		checkPlugins(c, app.File, d.Value.Get("plugins"))
	}
	// The same plugin twice, as the compiler's checkMainPkgPluginIsInSubPkg
	// sees it: a provider once in all, an alias once across subpackages.
	providers, aliases := map[string]string{}, map[string]string{}
	check := func(plugins jsonpos.Value, sub bool) {
		for _, m := range plugins.Members() {
			pv := m.Value.Get("provider")
			if m.Duplicate || pv.Kind() != jsonpos.String {
				continue
			}
			switch {
			case providers[pv.Str()] != "":
				c.Report(app.File, pv.Start(), pv.End(), "same-provider", m.Key, providers[pv.Str()], pv.Str())
			case sub && aliases[m.Key] != "":
				c.Report(app.File, m.KeyStart, m.KeyEnd, "same-alias", m.Key)
			default:
				providers[pv.Str()], aliases[m.Key] = m.Key, m.Key
			}
		}
	}
	check(app.File.JSON.Root().Get("plugins"), false)
	for _, d := range app.SubpackageDecls {
		check(d.Value.Get("plugins"), true)
	}
}

func checkPlugins(c *Context, f *project.File, plugins jsonpos.Value) {
	cfg := c.Project.Config
	// Without a compileType (project.config.json is often git-ignored), a
	// project with a plugin root is a plugin project.
	pluginProject := cfg.CompileType == "plugin" || cfg.CompileType == "" && c.Project.HasPlugin
	own := cfg.PluginAppID
	if own == "" {
		own = cfg.AppID
	}
	for _, m := range plugins.Members() {
		if m.Duplicate {
			continue
		}
		v := m.Value
		if v.Kind() != jsonpos.Object {
			c.Report(f, v.Start(), v.End(), "not-object", m.Key, describeJSON(v))
			continue
		}
		ok := true // unknown keys only get a compiler warning: config-key-typo judges near misses
		for _, key := range []string{"provider", "version"} {
			switch field := v.Get(key); {
			case !field.Exists():
				c.Report(f, m.KeyStart, m.KeyEnd, "missing", m.Key, key)
				ok = false
			case field.Kind() != jsonpos.String:
				c.Report(f, field.Start(), field.End(), "not-string", key, m.Key, describeJSON(field))
				ok = false
			}
		}
		if !ok {
			continue
		}
		provider, version := v.Get("provider"), v.Get("version")
		switch {
		case !pluginProject && version.Str() == "dev":
			c.Report(f, version.Start(), version.End(), "dev", m.Key)
		case !pluginProject && !pluginVersion.MatchString(version.Str()):
			c.Report(f, version.Start(), version.End(), "version", m.Key, shorten(version.Raw()))
		case pluginProject && own != "" && version.Str() == "dev" && provider.Str() != own:
			c.Report(f, provider.Start(), provider.End(), "dev-own", m.Key, own)
		case pluginProject && own != "" && provider.Str() == own && version.Str() != "dev":
			c.Report(f, version.Start(), version.End(), "own-dev", m.Key, shorten(provider.Raw()))
		}
	}
}
