package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/fpcheck/fpcheck/analyzers/directive"
	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
	"github.com/fpcheck/fpcheck/analyzers/wxss"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// MaxParseSize bounds the files fpcheck parses; larger files (bundles,
// generated data) are listed, so that requires of them resolve, but not
// parsed.
const MaxParseSize = 8 << 20

// maxFiles bounds how many files one run lists, so a pathological tree
// cannot exhaust memory (a variable for tests).
var maxFiles = 200_000

// LimitError says the project exceeds one of fpcheck's resource limits: a
// usage error (exit code 2), not a failure of fpcheck. Reason is in
// English; Msg, when set, says it in either language (Localize).
type LimitError struct {
	Reason string
	Msg    i18n.Message
}

func (e *LimitError) Error() string { return e.Reason }

// SkipReason is why fpcheck did not read a file or folder under a code root.
type SkipReason int

// The reasons; rules/file_not_read.go reports each.
const (
	NotSkipped SkipReason = iota
	// Unreadable: the file could not be opened or read.
	Unreadable
	// TooLarge: the file is larger than MaxParseSize.
	TooLarge
	// UnreadableFolder: the folder's entries could not be listed.
	UnreadableFolder
	// SymbolicLink: a symbolic link, which fpcheck never follows.
	SymbolicLink
)

// The details of Unreadable that are fpcheck's own words, not the
// system's (rules/file_not_read.go says them in the reader's language).
const (
	DetailNotRegular = "not a regular file"
	DetailGone       = "it is gone"
)

// Skipped is a folder, or a file that is not in Project.Files, that fpcheck
// left out because it could not or would not read it.
type Skipped struct {
	Path   string // project-relative
	Root   string // the code root it is under
	Reason SkipReason
	// Detail is the system's reason ("permission denied"), "" when none.
	Detail string
}

// The file system calls Load makes, variables so that tests can inject
// failures (tests may run as root, who can read a file of mode 000).
var (
	readFile = readNoFollow
	walkDir  = filepath.WalkDir
)

// Kind is what sort of file a path is, by its extension.
type Kind int

// The file kinds fpcheck parses; KindOther files are only listed.
const (
	KindOther Kind = iota
	KindJSON
	KindWXML
	KindJS
	KindTS
	KindWXS
	KindWXSS
)

func kindOf(rel string) Kind {
	switch {
	case strings.HasSuffix(rel, ".d.ts"):
		return KindOther // declarations only: no runtime code
	case strings.HasSuffix(rel, ".json"):
		return KindJSON
	case strings.HasSuffix(rel, ".wxml"):
		return KindWXML
	case strings.HasSuffix(rel, ".js"):
		return KindJS
	case strings.HasSuffix(rel, ".ts"):
		return KindTS
	case strings.HasSuffix(rel, ".wxs"):
		return KindWXS
	case strings.HasSuffix(rel, ".wxss"):
		return KindWXSS
	}
	return KindOther
}

// jsoncNames are JSON files whose format allows comments (tsconfig and
// friends): they are not WeChat configuration and are not held to strict JSON.
var jsoncNames = map[string]bool{"tsconfig.json": true, "jsconfig.json": true}

// SyntaxError is a file that could not be parsed.
type SyntaxError = source.Error

// File is one file with the facts parsed from it.
type File struct {
	*source.File
	Kind Kind
	// Root is the code root the file belongs to (see Layout.Roots).
	Root string
	// Exactly one of these is set for a parsed file of that kind.
	JSON *jsonpos.Doc
	WXML *wxml.Document
	JS   *jsmod.Module
	WXSS *wxss.Sheet
	// InlineWXS holds the dependencies of a WXML file's inline <wxs>
	// modules, with offsets into the WXML file.
	InlineWXS []jsmod.Dep
	// Directives are the inline suppression directives in the file's
	// comments (JS, TS, WXS, inline <wxs>, WXML, WXSS), in source order.
	Directives []Directive
	// Err is set when the file could not be parsed.
	Err *SyntaxError
	// Skip says why a file of a parsed kind was not read (NotSkipped when
	// it was, or when its kind is not parsed); SkipDetail is the system's
	// reason ("permission denied"), "" when none.
	Skip       SkipReason
	SkipDetail string

	inlineComments []source.Comment // of inline <wxs>, until readDirectives
}

// Directive is one suppression directive and the comment that holds it.
type Directive struct {
	directive.Directive
	Comment source.Comment
}

// Project is everything fpcheck knows about one repository.
type Project struct {
	// Dir is the directory given on the command line.
	Dir string
	Layout
	// Files by path relative to Dir; Paths lists them sorted.
	Files map[string]*File
	Paths []string
	// ConfigFile is project.config.json, nil when absent.
	ConfigFile *File
	// Skipped lists the folders, symbolic links and project.config.json
	// that fpcheck could not or would not read (a file of Files that was
	// not read has Skip set instead).
	Skipped []Skipped
	// fsDir is Dir with symbolic links resolved: the one link fpcheck
	// follows is DIR itself, which the user named.
	fsDir string
	// present holds files that exist under the roots but are not analyzed
	// (left out with --ignore, or hidden): dependencies on them resolve.
	present map[string]bool

	app          *App
	plugin       *Plugin
	npm          *NPM
	submodules   []string
	submoduleSet map[string]bool
}

// Options tune Load.
type Options struct {
	// Ignore holds doublestar globs, relative to Dir, of files to leave out.
	Ignore []string
	// Workers is the number of files parsed at once (0: GOMAXPROCS).
	Workers int
}

// File returns the file at rel, or nil.
func (p *Project) File(rel string) *File { return p.Files[rel] }

// Exists reports whether rel is a file of the project (analyzed, or left
// out of the analysis with --ignore or for being hidden).
func (p *Project) Exists(rel string) bool {
	_, ok := p.Files[rel]
	return ok || p.present[rel]
}

// TypeScript reports whether .ts files are compiled (the TypeScript compiler
// plugin is on).
func (p *Project) TypeScript() bool { return p.Config.TypeScript() }

// Load discovers the project in dir, lists its files and parses them.
// A *NotProjectError means dir is not a project (or a code root cannot be
// read, or holds nothing to check), a *LimitError that it is too large;
// other errors are failures of fpcheck.
//
// dir itself may be a symbolic link (the user named it); no link inside it
// is ever followed.
func Load(dir string, opt Options) (*Project, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, notProject("unreadable", dir, rawError(err))
	}
	if !info.IsDir() {
		return nil, notProject("not-dir", dir)
	}
	fsDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, notProject("unreadable", dir, rawError(err))
	}
	for _, g := range opt.Ignore {
		if !doublestar.ValidatePattern(g) {
			return nil, notProject("bad-ignore", g)
		}
	}
	p := &Project{Dir: dir, fsDir: fsDir, Files: map[string]*File{}, present: map[string]bool{}}
	var cfgFile *File
	var cfgText []byte
	switch text, skip, detail := readFileAt(filepath.Join(fsDir, "project.config.json")); skip {
	case NotSkipped:
		if text != nil {
			cfgFile = &File{File: source.New("project.config.json", text), Kind: KindJSON}
			cfgText = text
		}
	default:
		// Not read: the layout falls back to the conventional one, and
		// file-not-read says why, as an error.
		cfgFile = &File{File: source.New("project.config.json", nil), Kind: KindJSON, Skip: skip, SkipDetail: detail}
	}
	if p.Layout, err = discover(fsDir, dir, cfgText); err != nil {
		return nil, err
	}
	// Files are parsed while the walk lists the rest.
	parse, wait := p.parseAll(opt.Workers)
	err = p.list(opt, func(rel string) {
		f := &File{File: source.New(rel, nil), Kind: kindOf(rel), Root: p.rootOf(rel)}
		if cfgFile != nil && rel == cfgFile.Path { // inside a root: keep one copy
			cfgFile.Root = f.Root
			f = cfgFile
		}
		p.Files[rel] = f
		parse(f)
	})
	if err == nil && cfgFile != nil && p.Files[cfgFile.Path] == nil {
		p.Files[cfgFile.Path] = cfgFile
		parse(cfgFile)
	}
	if perr := wait(); err == nil {
		err = perr
	}
	if err != nil {
		return nil, err
	}
	p.Paths = sortedKeys(p.Files)
	p.ConfigFile = cfgFile
	p.readApp()
	p.readPlugin()
	p.readNPM()
	p.readSubmodules()
	return p, nil
}

// list walks each root and calls add with the relative path of each of
// its files. A root that cannot be read, or that holds no file to check,
// is an error: fpcheck never passes on nothing. Folders that cannot be
// read and symbolic links are recorded in p.Skipped.
func (p *Project) list(opt Options, add func(rel string)) error {
	pack := newPackFilter(p.MiniRoot, p.Config.PackIgnore, p.Config.PackInclude)
	seen := map[string]bool{}
	files := 0
	for _, root := range p.Roots() {
		abs := filepath.Join(p.fsDir, filepath.FromSlash(root))
		listed := 0
		err := walkDir(abs, func(full string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(p.fsDir, full)
			rel = filepath.ToSlash(rel)
			if err != nil {
				if full == abs {
					return notProject("root-unreadable", rootName(p.Layout, root), displayDir(p.Dir, root), rawError(err))
				}
				// A folder whose entries cannot be listed (its own entry
				// was visited already), or an entry that vanished.
				p.Skipped = append(p.Skipped, Skipped{Path: rel, Root: root, Reason: UnreadableFolder, Detail: unwrapPathError(err).Error()})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if full != abs && (skipDir(d.Name()) || p.excludedDir(root, rel)) {
					return filepath.SkipDir
				}
				return nil
			}
			if seen[rel] {
				listed++
				return nil
			}
			if p.HasMini && pack.ignored(rel) {
				return nil // not uploaded: as good as missing on the phone
			}
			if strings.HasPrefix(d.Name(), ".") || ignoredBy(opt.Ignore, rel) {
				if regularFile(d) {
					p.present[rel] = true
				}
				listed++ // there, but left out on purpose
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && d.Name() != "node_modules" {
				seen[rel] = true
				p.Skipped = append(p.Skipped, Skipped{Path: rel, Root: root, Reason: SymbolicLink})
				return nil
			}
			if !regularFile(d) {
				return nil // a socket, a device: not a file of the project
			}
			if files >= maxFiles {
				m := errorTexts.New("too-many-files", maxFiles, displayDir(p.Dir, root))
				return &LimitError{Reason: m.String(), Msg: m}
			}
			seen[rel] = true
			add(rel)
			files++
			listed++
			return nil
		})
		if err != nil {
			return err
		}
		if listed == 0 {
			return notProject("root-empty", rootName(p.Layout, root), displayDir(p.Dir, root))
		}
	}
	if files == 0 {
		return notProject("no-files", p.Dir)
	}
	return nil
}

// rootName names a code root in messages.
func rootName(l Layout, root string) i18n.Message {
	if l.HasMini && root == l.MiniRoot {
		return errorTexts.New("mini-root")
	}
	return errorTexts.New("plugin-root")
}

// displayDir is the root as the user can find it: DIR joined with it.
func displayDir(dir, root string) string {
	return filepath.Join(dir, filepath.FromSlash(root))
}

// excludedDir reports whether a directory under root belongs elsewhere: to
// another, nested root (walked on its own) or to the cloud functions.
func (p *Project) excludedDir(root, rel string) bool {
	for _, other := range p.Roots() {
		if other != root && other == rel {
			return true
		}
	}
	return p.Config.CloudfunctionRoot != "" && rel == p.Config.CloudfunctionRoot
}

// rootOf returns the most specific root holding rel.
func (p *Project) rootOf(rel string) string {
	best, bestLen := "", -1
	for _, r := range p.Roots() {
		if Under(rel, r) && len(r) > bestLen {
			best, bestLen = r, len(r)
		}
	}
	return best
}

// Under reports whether rel is dir or inside it ("" is the project itself).
func Under(rel, dir string) bool {
	return dir == "" || rel == dir || strings.HasPrefix(rel, dir+"/")
}

func ignoredBy(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", rel); ok {
			return true // a directory pattern leaves out what is inside
		}
	}
	return false
}

// parseAll starts the workers that read and parse files; files are
// independent, so they are handled by a pool of workers. parse hands a
// file to them; wait, called once after the last parse, waits for them to
// finish. A panic in a parser becomes an error naming the file rather
// than a crash.
func (p *Project) parseAll(workers int) (parse func(*File), wait func() error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The buffer lets the walk list ahead of the workers.
	jobs := make(chan *File, 256)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range workers {
		wg.Go(func() {
			for f := range jobs {
				if err := p.parseOne(f); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		})
	}
	parse = func(f *File) { jobs <- f }
	wait = func() error {
		close(jobs)
		wg.Wait()
		return firstErr
	}
	return parse, wait
}

func (p *Project) parseOne(f *File) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error while analyzing %s: %v", f.Path, r)
		}
	}()
	if !p.parsed(f) {
		return nil
	}
	if f.Skip != NotSkipped {
		return nil // project.config.json, which Load could not read
	}
	text, ok := f.Content()
	if !ok {
		var skip SkipReason
		var detail string
		text, skip, detail = readFileAt(filepath.Join(p.fsDir, filepath.FromSlash(f.Path)))
		if skip != NotSkipped || text == nil {
			if skip == NotSkipped {
				skip, detail = Unreadable, DetailGone
			}
			f.Skip, f.SkipDetail = skip, detail
			return nil
		}
		f.File = source.New(f.Path, text)
	}
	f.parse(text)
	// Nothing needs the text now but the files with findings, which read
	// it again (see package source), through no symbolic link at all: no
	// element of the path may have become one since.
	f.Release(func() []byte {
		if text, ok := readInside(p.fsDir, f.Path); ok {
			return text
		}
		return nil
	})
	return nil
}

// parse parses text, the file's content, into the facts of its kind.
func (f *File) parse(text []byte) {
	switch f.Kind {
	case KindJSON:
		doc, serr := jsonpos.Parse(text)
		if serr != nil {
			f.Err = serr
			return
		}
		f.JSON = doc
	case KindWXML:
		doc, werr := wxml.Parse(text)
		f.WXML = doc
		if se, ok := errors.AsType[*wxml.SyntaxError](werr); ok {
			f.Err = se
			return
		}
		f.parseInlineWXS(text)
	case KindJS, KindTS, KindWXS:
		mod, serr := jsmod.Parse(f.Path, text, jsmod.Options{TypeScript: f.Kind == KindTS})
		if serr != nil {
			f.Err = serr
			return
		}
		f.JS = mod
	case KindWXSS:
		sheet, serr := wxss.Parse(text)
		if serr != nil {
			f.Err = serr
			return
		}
		f.WXSS = sheet
	case KindOther:
	}
	f.readDirectives(text)
}

// readDirectives reads the suppression directives of the file's comments.
func (f *File) readDirectives(text []byte) {
	var comments []source.Comment
	switch {
	case f.JS != nil:
		comments = f.JS.Comments
	case f.WXML != nil:
		comments = append(append(comments, f.WXML.Comments...), f.inlineComments...)
		sort.Slice(comments, func(i, j int) bool { return comments[i].Start < comments[j].Start })
	case f.WXSS != nil:
		comments = f.WXSS.Comments
	}
	for _, c := range comments {
		if d, ok := directive.Parse(text, c); ok {
			f.Directives = append(f.Directives, Directive{Directive: d, Comment: c})
		}
	}
	f.inlineComments = nil
}

// parseMsgs are the words Load adds to a parser's message.
var parseMsgs = i18n.Register("project.parse", i18n.Catalog{
	"inline-wxs": {En: "inline <wxs>: %s", Zh: "内联 <wxs>：%s"},
})

// parseInlineWXS parses the bodies of <wxs module="m">…</wxs> elements
// (WXS is a restricted JavaScript) for their require calls.
func (f *File) parseInlineWXS(text []byte) {
	for i := range f.WXML.Elements {
		el := &f.WXML.Elements[i]
		if el.Name != "wxs" || el.BodyStart < 0 || el.BodyEnd <= el.BodyStart {
			continue
		}
		if _, hasSrc := el.Attr("src"); hasSrc {
			continue
		}
		body := text[el.BodyStart:el.BodyEnd]
		mod, serr := jsmod.Parse(f.Path, body, jsmod.Options{})
		if serr != nil {
			if f.Err == nil {
				f.Err = &SyntaxError{Offset: el.BodyStart + serr.Offset, Message: parseMsgs.New("inline-wxs", serr.Message), Limit: serr.Limit}
			}
			continue
		}
		for _, d := range mod.Deps {
			d.Start += el.BodyStart
			d.End += el.BodyStart
			f.InlineWXS = append(f.InlineWXS, d)
		}
		for _, c := range mod.Comments {
			c.Start, c.End = c.Start+el.BodyStart, c.End+el.BodyStart
			c.TextStart, c.TextEnd = c.TextStart+el.BodyStart, c.TextEnd+el.BodyStart
			f.inlineComments = append(f.inlineComments, c)
		}
	}
}

// parsed reports whether fpcheck parses f: code and configuration under a
// root, except built npm packages (miniprogram_npm), JSON-with-comments
// files, and .ts files when the TypeScript plugin is off (the platform
// does not compile them).
func (p *Project) parsed(f *File) bool {
	if f.Path == "project.config.json" {
		return true
	}
	switch f.Kind {
	case KindOther:
		return false
	case KindJSON:
		if jsoncNames[path.Base(f.Path)] {
			return false
		}
	case KindTS:
		if !p.TypeScript() {
			return false
		}
	case KindJS, KindWXML, KindWXS, KindWXSS:
	}
	return !strings.Contains("/"+f.Path, "/miniprogram_npm/")
}

func readRegular(full string) ([]byte, bool) {
	text, skip, _ := readFileAt(full)
	return text, skip == NotSkipped && text != nil
}

// readFileAt reads the regular file full, never through a symbolic link
// (its last element; the walk never enters a linked folder). It returns
// nil text and NotSkipped when there is no such file, and otherwise why it
// was not read, with the system's reason.
func readFileAt(full string) ([]byte, SkipReason, string) {
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, NotSkipped, ""
	case err != nil:
		return nil, Unreadable, unwrapPathError(err).Error()
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, SymbolicLink, ""
	case !info.Mode().IsRegular():
		return nil, Unreadable, DetailNotRegular
	case info.Size() > MaxParseSize:
		return nil, TooLarge, ""
	}
	text, err := readFile(full, info.Size())
	if errors.Is(err, syscall.ELOOP) {
		return nil, SymbolicLink, "" // it became one since Lstat
	}
	if err != nil {
		return nil, Unreadable, unwrapPathError(err).Error()
	}
	if len(text) > MaxParseSize { // grew since Lstat
		return nil, TooLarge, ""
	}
	if text == nil {
		text = []byte{}
	}
	return text, NotSkipped, ""
}

func unwrapPathError(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

func sortedKeys(m map[string]*File) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
