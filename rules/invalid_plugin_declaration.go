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
	Title:    Text{En: `an app.json "plugins" entry is one the compiler rejects`},
	Explanation: Text{En: `Each entry of "plugins" in app.json (and in a subpackage's "plugins") needs a string "provider" ` +
		`(the plugin's appid) and a string "version" (it may also have "path", "export" and ` +
		`"genericsImplementation"; other keys only get a compiler warning, see config-key-typo). In a mini-program the version is "latest", x.y.z (one to three ` +
		`digits each) or "dev-<id>"; "dev" is rejected: it is only for the host mini-program of a plugin ` +
		`project, whose entry for its own plugin (provider: the project's pluginAppid, else its appid) must be ` +
		`"dev", and whose "dev" entries must name that provider. A provider is declared once across the main ` +
		`package and the subpackages, and an alias too. This is what the official compiler checks at ` +
		`upload, one error at a time; fpcheck reports every entry at its value.`},
	Bad:  "app.json\n{\"plugins\": {\"myPlugin\": {\"version\": \"dev\", \"provider\": \"wx1234567890abcdef\"}}}",
	Good: "app.json\n{\"plugins\": {\"myPlugin\": {\"version\": \"1.0.2\", \"provider\": \"wx1234567890abcdef\"}}}",
	Tags: []string{"plugins", "config", "upload"},
	Messages: Catalog{
		"not-object":    {En: `plugin %q must be an object {"provider": …, "version": …}, found %s`},
		"missing":       {En: `plugin %q has no %q; the compiler requires "provider" and "version"`},
		"not-string":    {En: `%q of plugin %q must be a string, found %s`},
		"unknown-key":   {En: `%q is not a key of a plugin declaration; use %s`},
		"dev":           {En: `plugin %q has version "dev", which a mini-program cannot use (only a plugin project's host, for its own plugin); use "latest", a version such as "1.0.0", or "dev-<id>"`},
		"version":       {En: `plugin %q has version %s; use "latest", x.y.z (1–3 digits each, such as "1.0.0") or "dev-<id>"`},
		"own-dev":       {En: `plugin %q is this plugin project's own plugin (provider %s), so its version must be "dev"`},
		"dev-own":       {En: `plugin %q has version "dev", so its provider must be this project's own plugin appid %q`},
		"same-provider": {En: `plugin %q declares the same provider as plugin %q (%s); a plugin is declared once, in the main package or in one subpackage`},
		"same-alias":    {En: `the plugin alias %q is already declared; use another alias`},
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
