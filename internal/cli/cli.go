// Package cli is fpcheck's command line: flags, subcommands and exit codes.
// All of it lives here, testable through Command.Main.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/check"
	"github.com/fpcheck/fpcheck/internal/config"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/report"
	"github.com/fpcheck/fpcheck/rules"
)

// Exit codes.
const (
	ExitOK       = 0 // no error-level finding
	ExitFindings = 1 // at least one error-level finding
	ExitUsage    = 2 // bad invocation, or DIR is not a project
	ExitInternal = 3 // fpcheck itself failed
)

// Command is one invocation of fpcheck.
type Command struct {
	Stdout, Stderr io.Writer
	// Version is the build version ("" means: ask the Go build info).
	Version string
	// isTerminal overrides terminal detection (tests).
	isTerminal func(w any) bool
}

// Main runs fpcheck with args (without the program name) and returns the
// exit code. It never panics: an internal failure is exit code 3.
func (c *Command) Main(args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(c.Stderr, "fpcheck: internal error: %v\nPlease report this with the command you ran.\n", r)
			code = ExitInternal
		}
	}()
	if len(args) > 0 {
		switch args[0] {
		case "explain":
			return c.explain(args[1:])
		case "rules":
			return c.listRules(args[1:])
		case "hook":
			return c.hook(args[1:])
		case "graph":
			return c.graph(args[1:])
		}
	}
	return c.check(args)
}

type options struct {
	format      string
	submit      bool
	version     bool
	noColor     bool
	output      string
	prefix      string
	ignore      stringList
	dir         string
	config      string
	only        stringList
	disable     stringList
	quiet       bool
	maxWarnings int
	// configCeiling stops the search for fpcheck.json (the staged
	// snapshot's root, for hook run); "" means the repository root.
	configCeiling string
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func (c *Command) flags(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("fpcheck", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(report.Formats, ", "))
	fs.BoolVar(&o.submit, "submit", false, "pre-submission gate (提审): raise the rules that block review to errors")
	fs.StringVar(&o.output, "o", "", "write the report to `file` instead of standard output")
	fs.StringVar(&o.prefix, "path-prefix", "", "prepend `prefix` to every reported path (e.g. the project's folder in the repository, for GitHub)")
	fs.Var(&o.ignore, "ignore", "leave out files matching `glob` (relative to DIR; ** allowed); repeatable")
	fs.BoolVar(&o.noColor, "no-color", false, "no color in text output (NO_COLOR is also respected)")
	fs.StringVar(&o.config, "config", "", "read settings from `file` instead of the fpcheck.json found in DIR or a parent (up to the repository root)")
	fs.Var(&o.only, "rule", "run only the rule `id`; repeatable")
	fs.Var(&o.disable, "disable", "turn the rule `id` off; repeatable")
	fs.BoolVar(&o.quiet, "quiet", false, "report errors only")
	fs.IntVar(&o.maxWarnings, "max-warnings", -1, "exit 1 when there are more than `n` warnings (-1: no limit)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.Usage = func() { c.usage(fs) }
	return fs
}

func (c *Command) usage(fs *flag.FlagSet) {
	w := c.Stderr
	fmt.Fprint(w, `Usage: fpcheck [flags] [DIR]
       fpcheck explain RULE
       fpcheck rules
       fpcheck hook install|uninstall|run   (git pre-commit hook; see "fpcheck hook help")
       fpcheck graph [--format mermaid|dot] [DIR]   (package dependency graph)

fpcheck checks a WeChat mini-program or plugin project (DIR, default ".")
for problems that break functional pages (插件功能页) and package boundaries
after upload, which the official compiler does not check.

Flags:
`)
	fs.PrintDefaults()
	fmt.Fprint(w, "\nRules:\n")
	for _, r := range rules.All() {
		m := r.Meta()
		fmt.Fprintf(w, "  %-27s %-8s %s\n", m.ID, m.Severity, m.Title)
	}
	fmt.Fprint(w, `
Exit codes: 0 no error-level finding, 1 error-level findings,
            2 usage error or DIR is not a project, 3 internal failure.
Run "fpcheck explain RULE" for what a rule checks and how to fix it.
`)
}

// parseArgs parses flags that may come before or after DIR.
func (c *Command) parseArgs(args []string) (*options, int, bool) {
	o := &options{}
	fs := c.flags(o)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
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
	if len(positional) > 1 {
		fmt.Fprintf(c.Stderr, "fpcheck: expected one DIR, got %d: %s\nRun \"fpcheck --help\" for usage.\n", len(positional), strings.Join(positional, " "))
		return nil, ExitUsage, false
	}
	o.dir = "."
	if len(positional) == 1 {
		o.dir = positional[0]
	}
	valid := false
	for _, f := range report.Formats {
		valid = valid || f == o.format
	}
	if !valid {
		fmt.Fprintf(c.Stderr, "fpcheck: unknown --format %q; use one of %s\n", o.format, strings.Join(report.Formats, ", "))
		return nil, ExitUsage, false
	}
	return o, 0, true
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
	p, code := c.load(o.dir, project.Options{Ignore: ignore})
	if p == nil {
		return code
	}
	res := check.Run(p, pol)
	g, findings := res.Graph, res.Findings
	if o.quiet {
		findings = errorsOnly(findings)
	}
	run := &report.Run{
		Tool:       "fpcheck",
		Version:    c.version(),
		Findings:   findings,
		Files:      len(p.Paths),
		Submit:     o.submit,
		PathPrefix: pathPrefix(o.prefix),
		Frame: func(path string, r source.Range) string {
			if f := p.File(path); f != nil {
				return f.Frame(r)
			}
			return ""
		},
	}
	run.Rules = res.Rules
	out := c.Stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(c.Stderr, "fpcheck: cannot write report: %v\n", err)
			return ExitUsage
		}
		defer f.Close()
		out = f
	}
	if o.format == "markdown" {
		var gb strings.Builder
		if err := report.WriteGraph(&gb, "mermaid", p.App().Packages, g); err == nil {
			run.Graph = gb.String()
		}
	}
	run.Color = o.format == "text" && !o.noColor && os.Getenv("NO_COLOR") == "" && c.terminal(out)
	if err := report.Write(out, o.format, run); err != nil {
		fmt.Fprintf(c.Stderr, "fpcheck: writing the report: %v\n", err)
		return ExitInternal
	}
	counts := report.Count(findings)
	if counts.Errors > 0 {
		return ExitFindings
	}
	if o.maxWarnings >= 0 && counts.Warnings > o.maxWarnings {
		fmt.Fprintf(c.Stderr, "fpcheck: %d warnings, more than --max-warnings %d\n", counts.Warnings, o.maxWarnings)
		return ExitFindings
	}
	return ExitOK
}

// policy reads the config (--config, or fpcheck.json found from DIR) and
// the rule flags into the check's policy and the globs to ignore; on a bad
// config or an unknown rule it prints why and returns ExitUsage.
func (c *Command) policy(o *options) (check.Policy, []string, int) {
	pol := check.Policy{Submit: o.submit, Only: o.only, Disable: o.disable}
	ids := rules.IDs()
	for _, id := range append(append([]string(nil), o.only...), o.disable...) {
		if !slices.Contains(ids, id) {
			fmt.Fprintf(c.Stderr, "fpcheck: unknown rule %q in --rule/--disable; run \"fpcheck rules\" for the list\n", id)
			return pol, nil, ExitUsage
		}
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
		fmt.Fprintf(c.Stderr, "fpcheck: %v\n", err)
		if ce, ok := errors.AsType[*config.Error](err); ok {
			fmt.Fprint(c.Stderr, indentFrame(ce.Frame()))
		}
		return pol, nil, ExitUsage
	}
	pol.Config = cfg
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
	fmt.Fprintf(c.Stderr, "fpcheck: %v\n", err)
	return code
}

// load loads the project in dir; on failure it prints why and returns the
// exit code (2 when dir is not a project, 3 otherwise) with a nil project.
func (c *Command) load(dir string, opt project.Options) (*project.Project, int) {
	p, err := project.Load(dir, opt)
	if err == nil {
		return p, ExitOK
	}
	if npe, ok := errors.AsType[*project.NotProjectError](err); ok {
		fmt.Fprintf(c.Stderr, "fpcheck: %s\n", npe.Reason)
		return nil, ExitUsage
	}
	return nil, c.fail(ExitInternal, err)
}

func (c *Command) terminal(w io.Writer) bool {
	if c.isTerminal != nil {
		return c.isTerminal(w)
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
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
