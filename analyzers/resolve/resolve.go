// Package resolve finds the file a module specifier names, the way the
// mini-program platform's dependency analyser does (see
// shared/reference/platform-facts.md, "Module resolution"):
//
//  1. a resolveAlias match maps to a path from the mini-program root, the
//     longest matching prefix winning;
//  2. otherwise the specifier is joined to the requiring file's directory
//     (a leading "/" in JS is ignored there; when that target does not
//     exist, the root-relative reading is tried and the result says so);
//  3. ".ts" is tried before ".js" when the TypeScript plugin is on;
//     otherwise ".js" is appended when there is no ".js" extension; local
//     directories get no index.js lookup;
//  4. a bare package name that is not a local file walks up the
//     directories looking for miniprogram_npm/<name>.js or
//     miniprogram_npm/<name>/index.js (a request that names its ".js" file
//     is looked up as written); the analyser's npm fallback also tries a
//     "./name" request there when the local file does not exist;
//  5. a component path (usingComponents, componentGenerics) is <p>, then
//     <p>/index; leading "../" that climb past the code root stop at it;
//     the component is there when its .json exists, and Missing lists which
//     of its other files (.wxml; .js or .ts) are not (a .ts without the
//     TypeScript plugin is the input of the team's own build);
//  6. WXML and WXSS paths leading "../" that climb past the code root stop
//     at it too.
//
// Paths are relative to the project directory with forward slashes; nothing
// resolves outside the project.
package resolve

import (
	"path"
	"slices"
	"sort"
	"strings"
)

// Alias is one resolveAlias entry, without the trailing "*" of key and
// value: {"@utils/", "utils/"}.
type Alias struct{ Prefix, Target string }

// Resolver resolves specifiers inside one code root.
type Resolver struct {
	// Root is the code root (mini-program or plugin), relative to the
	// project directory; "" is the project directory.
	Root string
	// Exists reports whether a project-relative path is a file.
	Exists func(rel string) bool
	// TypeScript: the TypeScript compiler plugin is on.
	TypeScript bool
	aliases    []Alias
}

// SetAliases installs resolveAlias entries (keys and values ending in "/*"
// or not); longer prefixes are tried first.
func (r *Resolver) SetAliases(m map[string]string) {
	r.aliases = r.aliases[:0]
	for k, v := range m {
		r.aliases = append(r.aliases, Alias{
			Prefix: strings.TrimSuffix(k, "*"),
			Target: strings.TrimLeft(strings.TrimSuffix(v, "*"), "/"),
		})
	}
	sort.Slice(r.aliases, func(i, j int) bool {
		if len(r.aliases[i].Prefix) != len(r.aliases[j].Prefix) {
			return len(r.aliases[i].Prefix) > len(r.aliases[j].Prefix)
		}
		return r.aliases[i].Prefix < r.aliases[j].Prefix
	})
}

// How says which step of the algorithm produced a Result.
type How int

// The ways a specifier can resolve.
const (
	Relative     How = iota // joined to the requiring file's directory
	RootRelative            // leading "/" read from the root after the file-relative target was missing
	Aliased                 // through resolveAlias
	Npm                     // miniprogram_npm lookup
)

// Result is where a specifier leads.
type Result struct {
	// Path is the file found, or, when none was, the path the specifier
	// most plausibly meant (its first candidate), so boundary checks can
	// still judge the direction. Empty when the specifier leaves the
	// project or names an npm package that is not there.
	Path  string
	Found bool
	How   How
	// Candidates lists every path tried, in order.
	Candidates []string
	// NpmName is the package an npm lookup was made for ("@vant/weapp"
	// for "@vant/weapp/button/index"), "" when none was.
	NpmName string
	// Missing lists, for a component that was found by its .json, the
	// other files it needs that do not exist (".wxml", ".js").
	Missing []string
}

// JS resolves a specifier from a JS/TS/WXS file at from (project-relative).
func (r *Resolver) JS(from, spec string) Result {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Result{}
	}
	if base, ok := r.alias(spec); ok {
		return r.tryFiles(Aliased, base)
	}
	dir := path.Dir(from)
	rooted := strings.HasPrefix(spec, "/")
	res := r.tryFiles(Relative, r.join(dir, strings.TrimLeft(spec, "/")))
	if res.Found {
		return res
	}
	if rooted {
		alt := r.tryFiles(RootRelative, r.join(r.Root, strings.TrimLeft(spec, "/")))
		alt.Candidates = append(res.Candidates, alt.Candidates...)
		if alt.Found {
			return alt
		}
		res.Candidates = alt.Candidates
		return res
	}
	req, ok := npmRequest(spec)
	if !ok {
		return res
	}
	npm := r.npm(dir, req, ".js")
	npm.Candidates = append(res.Candidates, npm.Candidates...)
	if npm.Found {
		return npm
	}
	res.Candidates, res.NpmName = npm.Candidates, npm.NpmName
	return res
}

// npmRequest is the request an npm lookup is made for: a bare name as
// written, or a "./name" request without its "./" (the analyser's npm
// fallback tries the raw request under miniprogram_npm too). ok is false
// for requests that climb ("../x") or would leave miniprogram_npm.
func npmRequest(spec string) (string, bool) {
	if rest, ok := strings.CutPrefix(spec, "./"); ok {
		spec = rest
	}
	if !IsPackageName(spec) || !plainElements(spec) {
		return "", false
	}
	return spec, true
}

// plainElements reports whether every element of the slash-separated spec
// is a name: none is empty, "." or "..", so that joined to a
// miniprogram_npm directory it stays inside it.
func plainElements(spec string) bool {
	for seg := range strings.SplitSeq(spec, "/") {
		if seg == ".." || seg == "." || seg == "" {
			return false
		}
	}
	return true
}

// PackageName is the package part of a bare specifier: "@vant/weapp" for
// "@vant/weapp/button/index", "dayjs" for "dayjs/plugin/utc".
func PackageName(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) > 1 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// alias returns the root-relative target of spec through resolveAlias.
func (r *Resolver) alias(spec string) (string, bool) {
	for _, a := range r.aliases {
		if strings.HasPrefix(spec, a.Prefix) {
			return r.join(r.Root, a.Target+spec[len(a.Prefix):]), true
		}
	}
	return "", false
}

// join joins elem to dir and cleans the result; "" when it leaves the project.
func (r *Resolver) join(dir, elem string) string {
	p := path.Join(dir, elem)
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return ""
	}
	return p
}

// tryFiles applies extension inference to base.
func (r *Resolver) tryFiles(how How, base string) Result {
	res := Result{How: how}
	if base == "" {
		return res
	}
	res.Candidates = r.extensions(base)
	for _, c := range res.Candidates {
		if r.Exists(c) {
			res.Path, res.Found = c, true
			return res
		}
	}
	res.Path = res.Candidates[0]
	return res
}

func (r *Resolver) extensions(base string) []string {
	if stem, ok := strings.CutSuffix(base, ".js"); ok {
		if r.TypeScript {
			return []string{stem + ".ts", base}
		}
		return []string{base}
	}
	var c []string
	if r.TypeScript {
		c = append(c, base+".ts")
	}
	c = append(c, base+".js")
	if ext := path.Ext(base); ext != "" && ext != ".ts" {
		c = append(c, base) // an explicit other extension (.json, .wxs)
	} else if ext == ".ts" && r.TypeScript {
		c = append(c, base)
	}
	return c
}

// npm walks up from dir to the root looking in miniprogram_npm for
// spec+ext, then spec/index+ext (ext is ".js" for modules, ".json" for
// components).
func (r *Resolver) npm(dir, spec, ext string) Result {
	res := Result{How: Npm, NpmName: PackageName(spec)}
	if !plainElements(spec) {
		// "a/../../utils/x" would climb out of miniprogram_npm: no
		// package is named so, and no lookup is made.
		res.NpmName = ""
		return res
	}
	for {
		if dir == "." {
			dir = ""
		}
		base := path.Join(dir, "miniprogram_npm", spec)
		tries := []string{base + ext, base + "/index" + ext}
		if strings.HasSuffix(spec, ext) {
			tries = []string{base} // "pkg/file.js" names its file
		}
		for _, c := range tries {
			res.Candidates = append(res.Candidates, c)
			if r.Exists(c) {
				res.Path, res.Found = c, true
				return res
			}
		}
		if dir == r.Root || dir == "" || !strings.HasPrefix(dir, r.Root) {
			return res
		}
		dir = path.Dir(dir)
	}
}

// IsPath reports whether spec is written as a path ("./a", "../b", "/c").
func IsPath(spec string) bool {
	return strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "/")
}

// IsPackageName reports whether spec names a package ("dayjs",
// "@vant/weapp/button") rather than a path.
func IsPackageName(spec string) bool { return spec != "" && !IsPath(spec) }

// Asset resolves a WXML <import>/<include>/<wxs> src or a WXSS @import: a
// leading "/" is the code root, anything else is relative to the file's
// directory; exts are tried after the path as written (".wxml" for
// templates, ".wxss" for styles).
func (r *Resolver) Asset(from, spec string, exts ...string) Result {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Result{}
	}
	base := r.clamped(from, spec)
	res := Result{How: Relative}
	if strings.HasPrefix(spec, "/") {
		res.How = RootRelative
	}
	if base == "" {
		return res
	}
	res.Candidates = []string{base}
	for _, e := range exts {
		if !strings.HasSuffix(base, e) {
			res.Candidates = append(res.Candidates, base+e)
		}
	}
	if res.Candidates = r.inRoot(res.Candidates); len(res.Candidates) == 0 {
		return res
	}
	for _, c := range res.Candidates {
		if r.Exists(c) {
			res.Path, res.Found = c, true
			return res
		}
	}
	res.Path = res.Candidates[len(res.Candidates)-1]
	return res
}

// Component resolves a usingComponents (or componentGenerics default) path
// to the component's .json file: <p>.json, then <p>/index.json, with "/"
// from the code root and anything else from the declaring file's
// directory (leading "../" stop at the root); a bare name that is not a
// local component is looked up in miniprogram_npm walking up. Missing
// lists the component's other files that are not there.
func (r *Resolver) Component(from, spec string) Result {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Result{}
	}
	how := Relative
	if strings.HasPrefix(spec, "/") {
		how = RootRelative
	}
	var res Result
	if base, ok := r.alias(spec); ok {
		res = r.componentAt(Aliased, base)
	} else {
		res = r.componentAt(how, r.clamped(from, spec))
	}
	if !res.Found && IsPackageName(spec) {
		npm := r.npm(path.Dir(from), strings.TrimSuffix(spec, ".json"), ".json")
		npm.Candidates = append(res.Candidates, npm.Candidates...)
		if npm.Found {
			res = npm
		} else {
			res.Candidates, res.NpmName = npm.Candidates, npm.NpmName
		}
	}
	if res.Found {
		res.Missing = r.componentFiles(strings.TrimSuffix(res.Path, ".json"))
	}
	return res
}

func (r *Resolver) componentAt(how How, base string) Result {
	res := Result{How: how}
	if base == "" {
		return res
	}
	base = strings.TrimSuffix(base, ".json")
	res.Candidates = r.inRoot([]string{base + ".json", base + "/index.json"})
	if len(res.Candidates) == 0 {
		return res
	}
	res.Path = res.Candidates[0]
	for _, c := range res.Candidates {
		if r.Exists(c) {
			res.Path, res.Found = c, true
			break
		}
	}
	return res
}

// componentFiles lists the files a component at base (without extension)
// needs beside its .json that do not exist: the compiler rejects an upload
// without the .wxml, and the component fails to load without its script.
func (r *Resolver) componentFiles(base string) []string {
	var missing []string
	if !r.Exists(base + ".wxml") {
		missing = append(missing, base+".wxml")
	}
	if !r.Exists(base+".js") && !r.Exists(base+".ts") {
		missing = append(missing, base+".js") // with the plugin off, a .ts is the team's build input
	}
	return missing
}

// Page resolves a page (an app.json "pages" entry, a plugin.json page) at
// base, project-relative without extension: it is there when any of its
// .wxml, .js or .ts exists, and Missing lists which of the .wxml and the
// script (.js, or a .ts beside it) are not. Path is the script.
func (r *Resolver) Page(base string) Result { return r.page(base, false) }

// PluginPage is Page for a plugin.json page, which also needs its .json
// (the compiler checks all three).
func (r *Resolver) PluginPage(base string) Result { return r.page(base, true) }

func (r *Resolver) page(base string, json bool) Result {
	res := Result{How: RootRelative}
	if base == "" {
		return res
	}
	script := base + ".js"
	if r.TypeScript && r.Exists(base+".ts") || !r.Exists(script) && r.Exists(base+".ts") {
		script = base + ".ts"
	}
	res.Candidates = []string{base + ".wxml", script}
	if json {
		res.Candidates = append(res.Candidates, base+".json")
	}
	res.Path = script
	for _, c := range res.Candidates {
		if r.Exists(c) {
			res.Found = true
		} else {
			res.Missing = append(res.Missing, c)
		}
	}
	if !res.Found {
		res.Missing = nil
	}
	return res
}

// File resolves a module path written relative to from's directory (or
// the code root with a leading "/"), with .ts/.js inference and no npm
// lookup: plugin.json's "main".
func (r *Resolver) File(from, spec string) Result {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Result{}
	}
	return r.tryFiles(Relative, r.rooted(from, spec))
}

// clamped is rooted for component, template and style paths, except that
// leading "../" that climb past the code root stop at it, as the compiler
// allows.
func (r *Resolver) clamped(from, spec string) string {
	if strings.HasPrefix(spec, "/") {
		return r.rooted(from, spec)
	}
	dir := path.Dir(from)
	if !under(dir, r.Root) {
		return r.rooted(from, spec)
	}
	inRoot := strings.TrimPrefix(strings.TrimPrefix(dir, r.Root), "/")
	return r.join(r.Root, strings.TrimPrefix(path.Join("/", inRoot, spec), "/"))
}

// inRoot keeps the candidates inside the code root: a path that names the
// root directory itself ("." from its top) has a "<root>.json" or
// "<root>.wxml" beside the root, which is not uploaded with it.
func (r *Resolver) inRoot(cands []string) []string {
	if r.Root == "" {
		return cands
	}
	return slices.DeleteFunc(cands, func(c string) bool { return !strings.HasPrefix(c, r.Root+"/") })
}

// under reports whether rel is dir or inside it ("" is the project itself).
func under(rel, dir string) bool {
	return dir == "" || rel == dir || strings.HasPrefix(rel, dir+"/")
}

// rooted joins spec to the code root when it starts with "/", else to the
// directory of from; "" when the result leaves the project.
func (r *Resolver) rooted(from, spec string) string {
	if strings.HasPrefix(spec, "/") {
		return r.join(r.Root, strings.TrimLeft(spec, "/"))
	}
	return r.join(path.Dir(from), spec)
}
