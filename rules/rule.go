// Package rules judges the facts the analyzers produced. Each rule lives in
// its own file, has one Meta (the single source for --help, `fpcheck
// explain`, SARIF rule entries and docs/rules.md) and never re-parses a file.
package rules

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/source"
)

// Severity is how serious a finding is.
type Severity int

// Severities, least serious first.
const (
	Note Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// Meta describes a rule. Its message texts live here, keyed, so that all
// the words a rule prints are in one place per rule (ready for i18n).
type Meta struct {
	// ID is part of the public contract: users filter and suppress by it.
	ID string
	// Severity is the default level; SubmitSeverity, when set, replaces it
	// under --submit (the pre-submission gate).
	Severity       Severity
	SubmitSeverity Severity
	// Title is one line; Explanation says why it matters and what to do.
	Title       string
	Explanation string
	// Bad and Good are short examples: a file path line then content.
	Bad, Good string
	// Tags go into SARIF (properties.tags).
	Tags []string
	// Messages holds the rule's message formats (fmt verbs), by key.
	Messages map[string]string
}

// LevelFor returns the rule's level in a run.
func (m *Meta) LevelFor(submit bool) Severity {
	if submit && m.SubmitSeverity > m.Severity {
		return m.SubmitSeverity
	}
	return m.Severity
}

// Finding is one problem at one place.
type Finding struct {
	Rule     *Meta
	Severity Severity
	Path     string
	Range    source.Range
	Message  string
}

// Rule judges a project.
type Rule interface {
	Meta() *Meta
	Check(c *Context)
}

// Context is what a rule sees: the project's facts and a way to report.
type Context struct {
	Project *project.Project
	Graph   *graph.Graph
	Submit  bool

	rule     *Meta
	findings []Finding
}

// Report records a finding of the current rule at [start, end) of file,
// at the rule's level for this run, with message key formatted with args.
func (c *Context) Report(f *project.File, start, end int, key string, args ...any) {
	c.ReportLevel(c.rule.LevelFor(c.Submit), f, start, end, key, args...)
}

// ReportLevel is Report with an explicit base level (for rules whose level
// depends on the project, such as a boundary in the legacy form); --submit
// still raises it to the rule's SubmitSeverity.
func (c *Context) ReportLevel(level Severity, f *project.File, start, end int, key string, args ...any) {
	if c.Submit && c.rule.SubmitSeverity > level {
		level = c.rule.SubmitSeverity
	}
	c.findings = append(c.findings, Finding{
		Rule:     c.rule,
		Severity: level,
		Path:     f.Path,
		Range:    f.RangeAt(start, end),
		Message:  c.Format(key, args...),
	})
}

// Format formats one of the current rule's messages (for message parts).
func (c *Context) Format(key string, args ...any) string {
	format, ok := c.rule.Messages[key]
	if !ok {
		panic(fmt.Sprintf("rule %s has no message %q", c.rule.ID, key))
	}
	return fmt.Sprintf(format, args...)
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
// and returns the findings sorted by path, position and rule, without
// duplicates.
func Run(p *project.Project, g *graph.Graph, rs []Rule, submit bool) []Finding {
	c := &Context{Project: p, Graph: g, Submit: submit}
	for _, r := range rs {
		c.rule = r.Meta()
		r.Check(c)
	}
	return Sort(c.findings)
}

// Sort orders findings deterministically and drops exact duplicates.
func Sort(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Before(b.Range.Start)
		}
		if a.Rule.ID != b.Rule.ID {
			return a.Rule.ID < b.Rule.ID
		}
		return a.Message < b.Message
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.Path == fs[i-1].Path && f.Range == fs[i-1].Range && f.Rule == fs[i-1].Rule && f.Message == fs[i-1].Message {
			continue
		}
		out = append(out, f)
	}
	return out
}
