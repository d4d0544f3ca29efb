// Package rules judges the facts the analyzers produced. Each rule lives in
// its own file, has one Meta (the single source for --help, `fpcheck
// explain`, SARIF rule entries and docs/rules.md) and never re-parses a file.
package rules

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/internal/workpool"
)

// Severity and Meta are the diagnostic core's (internal/lint), Text and
// Catalog the message catalog's (internal/i18n); the rules name them
// here so that a rule file reads on its own.
type (
	Severity = lint.Level
	Meta     = lint.Meta
	Text     = i18n.Text
	Catalog  = i18n.Catalog
	Message  = i18n.Message
)

// Severities, least serious first.
const (
	Note    = lint.Note
	Warning = lint.Warning
	Error   = lint.Error
)

// Rule judges a project.
type Rule interface {
	Meta() *Meta
	Check(c *Context)
}

// Context is what a rule sees: the project's facts and a way to report.
type Context struct {
	Project *project.Project
	Graph   *graph.Graph

	rule     *Meta
	findings []lint.Finding
}

// Report records a finding of the current rule at [start, end) of file, at
// the rule's default level, with message key and its arguments (rendered
// in the run's language by the output format; arguments that are
// i18n.Localizers, such as package labels, too). The level a run uses is
// the policy's business (internal/check), not the rule's.
func (c *Context) Report(f *project.File, start, end int, key string, args ...any) {
	c.ReportLevel(c.rule.Severity, f, start, end, key, args...)
}

// ReportLevel is Report with an explicit base level, for rules whose level
// depends on the project (a boundary in the legacy form); the submit
// profile still raises it to the rule's SubmitSeverity.
func (c *Context) ReportLevel(level Severity, f *project.File, start, end int, key string, args ...any) {
	if end < start {
		end = start
	}
	c.findings = append(c.findings, lint.Finding{
		Rule:    c.rule.ID,
		Level:   level,
		Path:    f.Path,
		Start:   start,
		End:     end,
		Message: c.Format(key, args...),
	})
}

// ReportFix is Report with a safe fix: edits of f's bytes that resolve the
// finding (build its message with Format, from the rule's messages).
func (c *Context) ReportFix(f *project.File, start, end int, fix lint.Fix, key string, args ...any) {
	c.Report(f, start, end, key, args...)
	last := &c.findings[len(c.findings)-1]
	last.Fixes = append(last.Fixes, fix)
}

// Format returns one of the current rule's messages with its arguments,
// unrendered (for message parts and fixes).
func (c *Context) Format(key string, args ...any) Message {
	if _, ok := c.rule.Messages[key]; !ok {
		panic("rule " + c.rule.ID + " has no message " + key)
	}
	return c.rule.Messages.New(key, args...)
}

// maxQuoted bounds how much of a source snippet a message quotes.
const maxQuoted = 40

// shorten cuts a snippet quoted in a message to maxQuoted characters,
// never inside a UTF-8 sequence (values are often Chinese).
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	r := []rune(s)
	return string(r[:maxQuoted-3]) + "..."
}

var registry []Rule

// register adds a rule; each rule file calls it from init.
func register(r Rule) { registry = append(registry, r) }

// All returns every rule, sorted by ID.
func All() []Rule {
	out := append([]Rule(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Meta().ID < out[j].Meta().ID })
	return out
}

// IDs returns every rule's ID, sorted.
func IDs() []string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, r.Meta().ID)
	}
	return ids
}

// Lookup returns the rule with id.
func Lookup(id string) (Rule, bool) {
	for _, r := range registry {
		if r.Meta().ID == id {
			return r, true
		}
	}
	return nil, false
}

// Run applies rules to the project and its dependency graph (graph.Build)
// and returns their findings at default levels, unsorted and without
// positions: internal/check is the pipeline that finishes them.
//
// Rules only read the project and the graph, so they run on a pool of
// workers; the findings are joined in the order of rs.
func Run(p *project.Project, g *graph.Graph, rs []Rule) []lint.Finding {
	per := make([][]lint.Finding, len(rs))
	workpool.Run(0, len(rs), func(i int) {
		c := &Context{Project: p, Graph: g, rule: rs[i].Meta()}
		rs[i].Check(c)
		per[i] = c.findings
	})
	return slices.Concat(per...)
}
