// Package cli is fpcheck's command line: flags, subcommands and exit codes.
// All of it lives here, testable through Command.Main.
package cli

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/baseline"
	"github.com/fpcheck/fpcheck/internal/check"
	"github.com/fpcheck/fpcheck/internal/config"
	"github.com/fpcheck/fpcheck/internal/fix"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/report"
	"github.com/fpcheck/fpcheck/rules"
)

// Exit codes.
const (
	ExitOK       = 0 // no error-level finding
	ExitFindings = 1 // at least one error-level finding
	ExitUsage    = 2 // bad invocation, DIR is not a project, a resource limit, a file changed during the check
	ExitInternal = 3 // fpcheck itself failed
)

// Command is one invocation of fpcheck.
type Command struct {
	Stdout, Stderr io.Writer
	// Version is the build version ("" means: ask the Go build info).
	Version string
	// isTerminal overrides terminal detection (tests).
	isTerminal func(w any) bool
	// getenv overrides os.Getenv (tests).
	getenv func(string) string
	// lang is the language of what fpcheck says: --lang, else the
	// config's "lang", else the locale (langFlag: --lang decided it).
	lang     i18n.Lang
	langFlag bool
}

// Main runs fpcheck with args (without the program name) and returns the
// exit code. It never panics: an internal failure is exit code 3.
//
// Everything it writes to Stderr is shown through report.Visible, line by
// line: messages name files and quote the repository's text.
func (c *Command) Main(args []string) (code int) {
	if _, ok := c.Stderr.(*visibleLines); !ok && c.Stderr != nil {
		cc := *c
		cc.Stderr = &visibleLines{w: c.Stderr}
		return cc.Main(args)
	}
	defer func() {
		if r := recover(); r != nil {
			c.say("internal", r)
			code = ExitInternal
		}
	}()
	c.lang = i18n.FromEnv(c.env)
	if v, ok := langOf(args); ok {
		l, valid := i18n.Parse(v)
		if !valid {
			c.say("lang.bad", v)
			return ExitUsage
		}
		c.lang, c.langFlag = l, true
	}
	if sub := skipLang(args); len(sub) > 0 {
		switch sub[0] {
		case "explain":
			return c.explain(sub[1:])
		case "rules":
			return c.listRules(sub[1:])
		case "hook":
			return c.hook(sub[1:])
		case "graph":
			return c.graph(sub[1:])
		}
	}
	return c.check(args)
}

type options struct {
	formats stringList // --format NAME or NAME=PATH, repeatable
	lang    string     // --lang, read before the flags (langOf)
	submit  bool
	version bool
	noColor bool
	output  string
	prefix  string
	ignore  stringList
	dir     string
	// files, when set, narrow what is reported to these project-relative
	// files or directories (PATH arguments that are files); the whole
	// project is still analyzed.
	files []string
	// displayDir is DIR as the user knows it (the hook's DIR for a staged
	// snapshot); text output prints paths relative to the current
	// directory through it.
	displayDir    string
	outputs       []output
	config        string
	only          stringList
	disable       stringList
	quiet         bool
	fix           bool
	fixDryRun     bool
	baseline      string
	writeBaseline string
	maxWarnings   int
	// configCeiling stops the search for fpcheck.json (the staged
	// snapshot's root, for hook run); "" means the repository root.
	configCeiling string
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func (c *Command) flags(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("fpcheck", flag.ContinueOnError)
	fs.Var(&o.formats, "format", c.t("flag.format", list(report.Formats)))
	fs.BoolVar(&o.submit, "submit", false, c.t("flag.submit"))
	fs.StringVar(&o.output, "o", "", c.t("flag.o"))
	fs.StringVar(&o.prefix, "path-prefix", "", c.t("flag.path-prefix"))
	fs.Var(&o.ignore, "ignore", c.t("flag.ignore"))
	fs.BoolVar(&o.noColor, "no-color", false, c.t("flag.no-color"))
	fs.StringVar(&o.config, "config", "", c.t("flag.config"))
	fs.Var(&o.only, "rule", c.t("flag.rule"))
	fs.Var(&o.disable, "disable", c.t("flag.disable"))
	fs.BoolVar(&o.quiet, "quiet", false, c.t("flag.quiet"))
	fs.StringVar(&o.baseline, "baseline", "", c.t("flag.baseline"))
	fs.StringVar(&o.writeBaseline, "write-baseline", "", c.t("flag.write-baseline"))
	fs.BoolVar(&o.fix, "fix", false, c.t("flag.fix"))
	fs.BoolVar(&o.fixDryRun, "fix-dry-run", false, c.t("flag.fix-dry-run"))
	fs.BoolVar(&o.fixDryRun, "diff", false, c.t("flag.diff"))
	fs.IntVar(&o.maxWarnings, "max-warnings", -1, c.t("flag.max-warnings"))
	fs.BoolVar(&o.version, "version", false, c.t("flag.version"))
	fs.StringVar(&o.lang, "lang", "", c.t("flag.lang"))
	return fs
}

// usage is fpcheck --help, in the run's language.
func (c *Command) usage(fs *flag.FlagSet) {
	w := c.Stderr
	fmt.Fprintf(w, "%s\n\n%s\n\n%s\n", c.t("usage.synopsis"), c.t("usage.about"), c.t("usage.flags"))
	c.printDefaults(fs)
	fmt.Fprintf(w, "\n%s\n", c.t("usage.rules"))
	for _, r := range rules.All() {
		m := r.Meta()
		fmt.Fprintf(w, "  %s %s %s\n", pad(m.ID, 31), pad(m.Severity.Label().Localize(c.lang), 8), m.Title.In(c.lang))
	}
	fmt.Fprintf(w, "\n%s\n", c.t("usage.exit"))
}

// parseArgs parses flags that may come before or after DIR.
func (c *Command) parseArgs(args []string) (*options, int, bool) {
	o := &options{}
	fs := c.flags(o)
	var positional []string
	for {
		if err := c.parseFlags(fs, args, func() { c.usage(fs) }); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if !c.paths(o, positional) {
		return nil, ExitUsage, false
	}
	outs, err := outputsOf(o.formats, o.output)
	if err != nil {
		return nil, c.fail(ExitUsage, err), false
	}
	o.outputs = outs
	return o, 0, true
}

// output is one report: a format and where it goes ("" is standard output).
type output struct{ format, path string }

// outputsOf reads the --format values ("text", "sarif=out.sarif") and -o.
func outputsOf(formats []string, o string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	toStdout := 0
	for _, v := range formats {
		name, path, hasPath := strings.Cut(v, "=")
		if !slices.Contains(report.Formats, name) {
			return nil, msgs.Errorf("format.unknown", name, list(report.Formats))
		}
		if hasPath && path == "" {
			return nil, msgs.Errorf("format.no-file", name)
		}
		if !hasPath || path == "-" {
			path = ""
			if !hasPath {
				path = o
			}
		}
		if path == "" {
			toStdout++
		}
		outs = append(outs, output{format: name, path: path})
	}
	if toStdout > 1 {
		return nil, msgs.Errorf("format.stdout-twice")
	}
	return outs, nil
}

// paths reads the PATH arguments: none is ".", one directory is DIR (as
// before), and files (or several paths) narrow the report to them inside
// the project found by walking up from them.
func (c *Command) paths(o *options, positional []string) bool {
	o.dir = "."
	if len(positional) == 0 {
		return true
	}
	if len(positional) == 1 {
		if info, err := os.Stat(positional[0]); err != nil || info.IsDir() {
			o.dir = positional[0] // not there: Load says so
			return true
		}
	}
	dir := ""
	for _, arg := range positional {
		info, err := os.Stat(arg)
		if err != nil {
			c.say("path.unreadable", arg, i18n.Raw(unwrap(err).Error()))
			return false
		}
		start := arg
		if !info.IsDir() {
			start = filepath.Dir(arg)
		}
		root := project.FindRoot(start)
		if root == "" {
			c.say("path.no-project", arg)
			return false
		}
		if dir != "" && dir != root {
			c.say("path.two-projects", arg, displayPath(dir), displayPath(root))
			return false
		}
		dir = root
		abs, _ := filepath.Abs(arg)
		rel, _ := filepath.Rel(root, abs)
		o.files = append(o.files, filepath.ToSlash(rel))
	}
	o.dir = dir
	return true
}

func unwrap(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

func (c *Command) check(args []string) int {
	o, code, ok := c.parseArgs(args)
	if !ok {
		return code
	}
	if o.version {
		fmt.Fprintf(c.Stdout, "fpcheck %s\n", c.version())
		return ExitOK
	}
	return c.checkWith(o)
}

// checkWith loads the project in o.dir, runs the rules and writes the report.
func (c *Command) checkWith(o *options) int {
	pol, ignore, code := c.policy(o)
	if code != ExitOK {
		return code
	}
	opt := project.Options{Ignore: ignore}
	if o.fix {
		if fixCode := c.fix(o, opt, pol); fixCode != ExitOK {
			return fixCode
		}
	}
	p, code := c.load(o.dir, opt)
	if p == nil {
		return code
	}
	res := check.Run(p, pol)
	if len(res.Changed) > 0 {
		return c.fail(ExitUsage, &check.ChangedError{Paths: res.Changed})
	}
	if o.writeBaseline != "" {
		b := baseline.Build(res.Findings, func(path string) []byte { return check.Text(p, path) }, c.lang)
		if err := baseline.Write(o.writeBaseline, b); err != nil {
			c.say("baseline.write", i18n.Raw(unwrap(err).Error()))
			return ExitUsage
		}
		c.say("baseline.recorded", len(b.Findings), o.writeBaseline)
		return ExitOK
	}
	if o.fixDryRun {
		if diffCode := c.diff(o, p, res.Findings); diffCode != ExitOK {
			return diffCode
		}
	}
	g, findings := res.Graph, res.Findings
	if o.quiet {
		findings = errorsOnly(findings)
	}
	run := &report.Run{
		Tool:         "fpcheck",
		Version:      c.version(),
		Findings:     findings,
		Files:        len(p.Paths),
		Submit:       o.submit,
		PathPrefix:   pathPrefix(o.prefix),
		Rules:        res.Rules,
		Baseline:     pol.Baseline != nil,
		BaselineGone: res.BaselineGone,
		Lang:         c.lang,
		Text:         func(path string) []byte { return check.Text(p, path) },
		Frame: func(path string, r source.Range) string {
			if f := p.File(path); f != nil {
				return f.Frame(r)
			}
			return ""
		},
	}
	for _, out := range o.outputs {
		if o.fixDryRun && out.path == "" {
			continue // the diff went to standard output
		}
		if code := c.write(out, run, o, func() string {
			var gb strings.Builder
			if err := report.WriteGraph(&gb, "mermaid", p.App().Packages, g, c.lang); err != nil {
				return ""
			}
			return gb.String()
		}); code != ExitOK {
			return code
		}
	}
	counts := report.Count(findings)
	counts.Errors += res.Omitted.Errors // left out by the caps, still counted
	if !o.quiet {
		counts.Warnings += res.Omitted.Warnings
	}
	if counts.Errors > 0 {
		return ExitFindings
	}
	if o.maxWarnings >= 0 && counts.Warnings > o.maxWarnings {
		c.say("max-warnings", counts.Warnings, o.maxWarnings)
		return ExitFindings
	}
	return ExitOK
}

// fix applies the safe fixes in place (--fix), repeating until nothing
// changes, and says on stderr what it did.
func (c *Command) fix(o *options, opt project.Options, pol check.Policy) int {
	var dir string
	load := func() (*project.Project, error) {
		p, err := project.Load(o.dir, opt)
		if err == nil {
			dir = p.Dir
		}
		return p, err
	}
	write := func(rel string, text []byte) error { return writeInside(dir, rel, text) }
	changes, err := check.Fix(load, pol, write)
	if ce, ok := errors.AsType[*check.ChangedError](err); ok {
		return c.fail(ExitUsage, ce)
	}
	if err != nil {
		return c.loadFailed(err)
	}
	n := 0
	for _, ch := range changes {
		n += ch.Applied
	}
	if len(changes) > 0 {
		c.say("fix.done", n, len(changes))
	}
	return ExitOK
}

// writeInside rewrites the regular file rel under dir, keeping its mode,
// and never through a symbolic link.
func writeInside(dir, rel string, text []byte) error {
	full := filepath.Join(dir, filepath.FromSlash(rel))
	info, err := os.Lstat(full)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return msgs.Errorf("fix.not-regular", rel)
	}
	return os.WriteFile(full, text, info.Mode().Perm())
}

// diff prints the safe fixes as a unified diff (--fix-dry-run), with paths
// as text output shows them, and changes nothing.
func (c *Command) diff(o *options, p *project.Project, findings []lint.Finding) int {
	show := cwdRelative(o)
	if show == nil {
		show = func(s string) string { return s }
	}
	changes := fix.Files(findings, func(path string) ([]byte, bool) {
		text := check.Text(p, path)
		return text, text != nil
	})
	for _, ch := range changes {
		if err := fix.Diff(c.Stdout, show(ch.Path), ch.Old, ch.New); err != nil {
			return c.writeFailed("diff", "", err)
		}
	}
	c.say("fix.dry-run", len(changes))
	return ExitOK
}

// write renders one report. Text output prints paths relative to the
// current directory (clickable in terminals and editors) unless
// --path-prefix says otherwise; the other formats keep paths relative to
// DIR, with the prefix.
func (c *Command) write(out output, run *report.Run, o *options, graph func() string) int {
	r := *run
	if out.format == "markdown" {
		r.Graph = graph()
	}
	if out.format == "text" && o.prefix == "" {
		r.Display = cwdRelative(o)
	}
	w := c.Stdout
	where := ""
	var file *os.File
	if out.path != "" {
		// Write-only: opened read-write, a FIFO or /dev/stdout (a pipe)
		// would have fpcheck as one of its readers, and writing to it
		// would block forever once the real reader went away.
		f, err := os.OpenFile(out.path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			c.say("report.create", out.format, i18n.Raw(unwrap(err).Error()))
			return ExitUsage
		}
		defer f.Close()
		w, where, file = f, out.path, f
	}
	r.Color = out.format == "text" && !o.noColor && c.env("NO_COLOR") == "" && c.terminal(w)
	// GitHub's runner runs workflow commands found in a step's output, also
	// "##[command]" anywhere in a line: the text report on a GitHub log is
	// enclosed in ::stop-commands::, with a token nothing in it can know.
	token := ""
	if out.format == "text" && out.path == "" && c.env("GITHUB_ACTIONS") == "true" {
		token = rand.Text()
		if _, err := fmt.Fprintf(w, "::stop-commands::%s\n", token); err != nil {
			return c.writeFailed(out.format, where, err)
		}
	}
	err := report.Write(w, out.format, &r)
	if err == nil && token != "" {
		_, err = fmt.Fprintf(w, "::%s::\n", token)
	}
	if err == nil && file != nil {
		err = file.Close() // some file systems report a full disk only here
	}
	if err != nil {
		return c.writeFailed(out.format, where, err)
	}
	return ExitOK
}

// writeFailed says why a report could not be written to where (a file,
// or "" for standard output). The output refusing it (a full disk or
// quota, a reader that went away, an I/O error) is the environment's
// doing: exit 2; anything else is fpcheck's.
func (c *Command) writeFailed(format, where string, err error) int {
	var to any = where
	if where == "" {
		to = msgs.New("stdout")
	}
	if _, ok := errors.AsType[*fs.PathError](err); ok || errors.Is(err, io.ErrShortWrite) {
		c.say("report.write", format, to, i18n.Raw(unwrap(err).Error()))
		return ExitUsage
	}
	c.say("report.failed", format, c.errArg(err))
	return ExitInternal
}

// env is os.Getenv, or the tests' stand-in.
func (c *Command) env(key string) string {
	if c.getenv != nil {
		return c.getenv(key)
	}
	return os.Getenv(key)
}

// visibleLines shows each line written through report.Visible (fmt writes
// a whole message at once).
type visibleLines struct{ w io.Writer }

func (v *visibleLines) Write(p []byte) (int, error) {
	var b strings.Builder
	for line := range strings.SplitAfterSeq(string(p), "\n") {
		body, nl := strings.CutSuffix(line, "\n")
		b.WriteString(report.Visible(body))
		if nl {
			b.WriteByte('\n')
		}
	}
	if _, err := io.WriteString(v.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// cwdRelative returns a function that shows a project-relative path
// relative to the current directory ("pages/a.js" from DIR, "../x.js" from
// below it); it leaves paths alone when that cannot be worked out.
func cwdRelative(o *options) func(string) string {
	dir := o.displayDir
	if dir == "" {
		dir = o.dir
	}
	wd, err1 := os.Getwd()
	abs, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return nil
	}
	return func(p string) string {
		rel, err := filepath.Rel(wd, filepath.Join(abs, filepath.FromSlash(p)))
		if err != nil {
			return p
		}
		return filepath.ToSlash(rel)
	}
}

// policy reads the config (--config, or fpcheck.json found from DIR) and
// the rule flags into the check's policy and the globs to ignore; on a bad
// config or an unknown rule it prints why and returns ExitUsage.
func (c *Command) policy(o *options) (check.Policy, []string, int) {
	pol := check.Policy{Submit: o.submit, Only: o.only, Disable: o.disable, Files: o.files, NoCap: o.writeBaseline != ""}
	ids := rules.IDs()
	for _, id := range append(append([]string(nil), o.only...), o.disable...) {
		if !slices.Contains(ids, id) {
			c.say("rule.unknown", id)
			return pol, nil, ExitUsage
		}
	}
	if o.baseline != "" && o.writeBaseline == "" {
		b, err := baseline.Load(o.baseline)
		if err != nil {
			return pol, nil, c.fail(ExitUsage, err)
		}
		pol.Baseline = b
	}
	if o.writeBaseline != "" && len(o.files) > 0 {
		c.say("baseline.files")
		return pol, nil, ExitUsage
	}
	path, display := o.config, o.config
	if path == "" {
		path = config.Find(o.dir, o.configCeiling)
		display = displayPath(path)
	}
	ignore := append([]string(nil), o.ignore...)
	if path == "" {
		return pol, ignore, ExitOK
	}
	cfg, err := config.Load(path, display, ids)
	if err != nil {
		c.sayErr(err)
		if ce, ok := errors.AsType[*config.Error](err); ok {
			fmt.Fprint(c.Stderr, indentFrame(ce.Frame()))
		}
		return pol, nil, ExitUsage
	}
	pol.Config = cfg
	if cfg.HasLang && !c.langFlag {
		c.lang = cfg.Lang
	}
	if b := cfg.Baseline; b != "" && o.baseline == "" && o.writeBaseline == "" {
		if !filepath.IsAbs(b) {
			b = filepath.Join(filepath.Dir(path), filepath.FromSlash(b))
		}
		if pol.Baseline, err = baseline.Load(b); err != nil {
			c.say("baseline.named-by", c.errArg(err), display)
			return pol, nil, ExitUsage
		}
	}
	return pol, append(ignore, cfg.Ignore...), ExitOK
}

// displayPath shows path relative to the current directory when it is
// below it.
func displayPath(path string) string {
	if path == "" {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return path
}

func indentFrame(frame string) string {
	var b strings.Builder
	for l := range strings.SplitAfterSeq(frame, "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
	return b.String()
}

// errorsOnly keeps the error-level findings (--quiet).
func errorsOnly(fs []lint.Finding) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Level == lint.Error {
			out = append(out, f)
		}
	}
	return out
}

// pathPrefix normalizes --path-prefix to "" or "dir/".
func pathPrefix(p string) string {
	p = strings.TrimSuffix(filepath.ToSlash(p), "/")
	if p == "" || p == "." {
		return ""
	}
	return p + "/"
}

// fail prints err as fpcheck's message on stderr and returns code.
func (c *Command) fail(code int, err error) int {
	c.sayErr(err)
	return code
}

// load loads the project in dir; on failure it prints why and returns the
// exit code (loadFailed) with a nil project.
func (c *Command) load(dir string, opt project.Options) (*project.Project, int) {
	p, err := project.Load(dir, opt)
	if err == nil {
		return p, ExitOK
	}
	return nil, c.loadFailed(err)
}

// loadFailed prints why a project could not be loaded and returns the exit
// code: 2 when DIR is not a project or exceeds a resource limit, 3 when
// fpcheck itself failed.
func (c *Command) loadFailed(err error) int {
	if npe, ok := errors.AsType[*project.NotProjectError](err); ok {
		c.sayText(npe.Localize(c.lang))
		return ExitUsage
	}
	if le, ok := errors.AsType[*project.LimitError](err); ok {
		c.sayText(le.Localize(c.lang))
		return ExitUsage
	}
	return c.fail(ExitInternal, err)
}

// terminal reports whether w is a terminal (color is for terminals only;
// /dev/null is a character device but no terminal).
func (c *Command) terminal(w io.Writer) bool {
	if c.isTerminal != nil {
		return c.isTerminal(w)
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// version is the build version: -ldflags, else the module version that
// `go install` records, else "0.0.0-devel" (numeric, as SARIF consumers compare versions).
func (c *Command) version() string {
	if c.Version != "" {
		return c.Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-devel"
}
