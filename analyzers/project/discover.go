// Package project finds the mini-program and plugin roots of a repository,
// reads project.config.json, and loads every file under those roots once,
// parsing each into facts (JSON, WXML, JS module facts) concurrently.
package project

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// NotProjectError says DIR is not a mini-program or plugin project (a usage
// error: exit code 2). Reason is in English; Msg, when set, says it in
// either language (Localize).
type NotProjectError struct {
	Reason string
	Msg    i18n.Message
}

func (e *NotProjectError) Error() string { return e.Reason }

// Config is what fpcheck uses from project.config.json.
type Config struct {
	// MiniprogramRoot and PluginRoot are relative to DIR, cleaned, with
	// forward slashes and no trailing slash; "" is DIR itself.
	MiniprogramRoot string
	PluginRoot      string
	CompileType     string
	// CompilerPlugins is setting.useCompilerPlugins, e.g. ["typescript"].
	CompilerPlugins []string
	// CloudfunctionRoot holds Node.js cloud functions: not mini-program code.
	CloudfunctionRoot string
	// PackIgnore and PackInclude are packOptions.ignore / .include: files
	// left out of (or kept in) the upload.
	PackIgnore, PackInclude []PackRule
	// AppID is "appid"; PluginAppID is "pluginAppid" (a plugin project's
	// own plugin, which its host declares with version "dev").
	AppID, PluginAppID string
	// PackNpmPackageJSON are the package.json paths (project-relative,
	// clean) of setting.packNpmRelationList, which the npm build reads.
	PackNpmPackageJSON []string
}

// PackRule is one packOptions rule {type, value}.
type PackRule struct{ Type, Value string }

// TypeScript reports whether the TypeScript compiler plugin is on.
func (c Config) TypeScript() bool {
	return slices.Contains(c.CompilerPlugins, "typescript")
}

// Layout is where the code lives.
type Layout struct {
	Config Config
	// HasConfig is true when project.config.json was read.
	HasConfig bool
	// MiniRoot is the mini-program root (holding app.json) and HasMini says
	// whether there is one. PluginRoot likewise, holding plugin.json.
	MiniRoot   string
	HasMini    bool
	PluginRoot string
	HasPlugin  bool
}

// Roots returns the code roots in a fixed order (mini-program first).
func (l Layout) Roots() []string {
	var roots []string
	if l.HasMini {
		roots = append(roots, l.MiniRoot)
	}
	if l.HasPlugin {
		roots = append(roots, l.PluginRoot)
	}
	return roots
}

// discover works out the layout of dir from project.config.json or, without
// one, from the conventional places of app.json and plugin.json; messages
// call dir display (as the user named it). configText is the raw
// project.config.json, nil when absent. A config that cannot be parsed
// does not stop discovery: the conventional layout is used and the syntax
// error is reported as a finding by the caller.
func discover(dir, display string, configText []byte) (Layout, error) {
	var l Layout
	if configText != nil {
		if doc, err := jsonpos.Parse(configText); err == nil {
			cfg, cerr := readConfig(doc.Root())
			if cerr != nil {
				return l, cerr
			}
			l.Config, l.HasConfig = cfg, true
		}
	}
	// links names the symbolic links that hid an app.json or plugin.json
	// looked for, so that "not a project" can say why.
	var links []string
	exists := func(rel string) bool {
		info, link, err := lstatInside(dir, rel)
		if link != "" && !slices.Contains(links, link) {
			links = append(links, link)
		}
		return err == nil && link == "" && info.Mode().IsRegular()
	}
	if l.HasConfig {
		c := l.Config
		if c.MiniprogramRoot != "" || c.CompileType != "plugin" {
			if err := checkRoot(dir, "miniprogramRoot", c.MiniprogramRoot); err != nil {
				return l, err
			}
			l.MiniRoot = c.MiniprogramRoot
			l.HasMini = exists(path.Join(c.MiniprogramRoot, "app.json"))
		}
		if c.PluginRoot != "" {
			if err := checkRoot(dir, "pluginRoot", c.PluginRoot); err != nil {
				return l, err
			}
			l.PluginRoot = c.PluginRoot
			l.HasPlugin = exists(path.Join(c.PluginRoot, "plugin.json"))
		}
	}
	if !l.HasMini && !l.HasPlugin {
		// No usable config: the conventional layouts.
		switch {
		case exists("app.json"):
			l.MiniRoot, l.HasMini = "", true
		default:
			if exists("miniprogram/app.json") {
				l.MiniRoot, l.HasMini = "miniprogram", true
			}
			if exists("plugin/plugin.json") {
				l.PluginRoot, l.HasPlugin = "plugin", true
			} else if !l.HasMini && exists("plugin.json") {
				l.PluginRoot, l.HasPlugin = "", true
			}
		}
	}
	if !l.HasMini && !l.HasPlugin {
		var why any = ""
		if len(links) > 0 {
			why = errorTexts.New("not-project.link", strings.Join(links, ", "))
		}
		return l, notProject("not-project", display, why)
	}
	return l, nil
}

// lstatInside is os.Lstat of rel (project-relative, clean) under dir that
// follows no symbolic link on the way: link is the first element of rel
// (as a project-relative path) that is a symbolic link, rel itself
// included, and then info is nil.
func lstatInside(dir, rel string) (info fs.FileInfo, link string, err error) {
	full := dir
	done := ""
	for elem := range strings.SplitSeq(rel, "/") {
		full = filepath.Join(full, elem)
		done = path.Join(done, elem)
		if info, err = os.Lstat(full); err != nil {
			return nil, "", err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, done, nil
		}
	}
	return info, "", nil
}

// checkRoot refuses a code root (key is its project.config.json key) that
// is reached through a symbolic link: fpcheck never follows one, not even
// one that stays inside DIR, so that what it checks is what the repository
// holds at the path it reports, and nothing outside DIR is ever read.
func checkRoot(dir, key, root string) error {
	if root == "" {
		return nil
	}
	_, link, _ := lstatInside(dir, root)
	if link == "" {
		return nil
	}
	hint := errorTexts.New("root-link.self", key)
	if target, ok := insideTarget(dir, link); ok {
		hint = errorTexts.New("root-link.target", key, path.Join(target, strings.TrimPrefix(root, link)))
	}
	return notProject("root-link", key, root, link, hint)
}

// insideTarget returns where the symbolic link rel under dir leads,
// project-relative, when that is inside dir (only the links are read,
// never a file).
func insideTarget(dir, rel string) (string, bool) {
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", false
	}
	target, err := filepath.EvalSymlinks(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(base, target)
	if err != nil {
		return "", false
	}
	clean, ok := CleanRel(filepath.ToSlash(r))
	return clean, ok && clean != ""
}

func readConfig(root jsonpos.Value) (Config, error) {
	var c Config
	var err error
	if c.MiniprogramRoot, err = cleanRoot(root.Get("miniprogramRoot"), "miniprogramRoot"); err != nil {
		return c, err
	}
	if c.PluginRoot, err = cleanRoot(root.Get("pluginRoot"), "pluginRoot"); err != nil {
		return c, err
	}
	if v := root.Get("compileType"); v.Kind() == jsonpos.String {
		c.CompileType = v.Str()
	}
	if v := root.Get("appid"); v.Kind() == jsonpos.String {
		c.AppID = v.Str()
	}
	if v := root.Get("pluginAppid"); v.Kind() == jsonpos.String {
		c.PluginAppID = v.Str()
	}
	if v := root.Get("cloudfunctionRoot"); v.Kind() == jsonpos.String {
		c.CloudfunctionRoot, _ = CleanRel(v.Str())
	}
	c.PackIgnore = packRules(root.Get("packOptions").Get("ignore"))
	c.PackInclude = packRules(root.Get("packOptions").Get("include"))
	for _, r := range root.Get("setting").Get("packNpmRelationList").Elements() {
		if v := r.Get("packageJsonPath"); v.Kind() == jsonpos.String {
			if rel, ok := CleanRel(v.Str()); ok && rel != "" {
				if !strings.HasSuffix(rel, "package.json") {
					rel = path.Join(rel, "package.json")
				}
				c.PackNpmPackageJSON = append(c.PackNpmPackageJSON, rel)
			}
		}
	}
	for _, p := range root.Get("setting").Get("useCompilerPlugins").Elements() {
		if p.Kind() == jsonpos.String {
			c.CompilerPlugins = append(c.CompilerPlugins, p.Str())
		}
	}
	return c, nil
}

func packRules(v jsonpos.Value) []PackRule {
	var rules []PackRule
	for _, e := range v.Elements() {
		t, val := e.Get("type"), e.Get("value")
		if t.Kind() == jsonpos.String && val.Kind() == jsonpos.String {
			rules = append(rules, PackRule{Type: t.Str(), Value: val.Str()})
		}
	}
	return rules
}

// cleanRoot turns "miniprogram/", "./src" or "/src/" into a clean relative
// path and refuses roots that leave the project.
func cleanRoot(v jsonpos.Value, key string) (string, error) {
	if v.Kind() != jsonpos.String {
		return "", nil
	}
	p, ok := CleanRel(v.Str())
	if !ok {
		return "", notProject("root-outside", key, v.Str())
	}
	return p, nil
}

// CleanRel cleans a path written relative to the project ("./src/",
// "/src", `src\pages`) into the form fpcheck uses: forward slashes, no
// leading or trailing slash, "" for the project itself. ok is false when the
// path leaves the project.
func CleanRel(p string) (string, bool) {
	p = strings.TrimSpace(strings.ReplaceAll(p, `\`, "/"))
	p = path.Clean(strings.TrimLeft(p, "/"))
	switch {
	case p == ".":
		return "", true
	case p == ".." || strings.HasPrefix(p, "../"):
		return "", false
	}
	return p, true
}

// skipDir reports whether the walk leaves out a directory: node_modules is
// never uploaded and hidden directories (.git, .vscode…) are not code.
func skipDir(name string) bool {
	return name == "node_modules" || (strings.HasPrefix(name, ".") && name != "." && name != "..")
}

// regularFile reports whether a walked entry is a plain file; symbolic links
// are never followed, so nothing outside the project is read.
func regularFile(d fs.DirEntry) bool { return d.Type().IsRegular() }

// FindRoot returns the project directory holding start (a directory): the
// nearest directory at or above it with project.config.json, else the
// nearest with app.json or plugin.json (or the conventional
// miniprogram/app.json, plugin/plugin.json), looking no higher than the
// repository's root (the directory holding .git); "" when there is none.
// The result is absolute.
func FindRoot(start string) string {
	dir, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	regular := func(p string) bool {
		info, err := os.Lstat(p)
		return err == nil && info.Mode().IsRegular()
	}
	fallback := ""
	for {
		if regular(filepath.Join(dir, "project.config.json")) {
			return dir
		}
		if fallback == "" {
			for _, name := range []string{"app.json", "plugin.json", filepath.Join("miniprogram", "app.json"), filepath.Join("plugin", "plugin.json")} {
				if regular(filepath.Join(dir, name)) {
					fallback = dir
					break
				}
			}
		}
		parent := filepath.Dir(dir)
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil || parent == dir {
			return fallback
		}
		dir = parent
	}
}
