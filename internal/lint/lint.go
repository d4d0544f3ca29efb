// Package lint holds fpcheck's diagnostic core: rule metadata, levels and
// the Finding every rule reports and every output format renders. It is a
// leaf: rules, the pipeline (internal/check) and report all import it, and
// it imports only analyzers/source and internal/i18n.
//
// A finding is kept open until the pipeline is done with it: rules report
// byte offsets at the rule's default level; the policy (the submit
// profile, the config file) sets the level; suppressions mark it; only
// then are positions computed and the findings sorted.
package lint

import (
	"sort"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// Level is how serious a finding is, in the words JSON and SARIF use.
type Level int

// Levels, least serious first.
const (
	Note Level = iota
	Warning
	Error
)

func (l Level) String() string {
	switch l {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// levels names the levels for people (text output, docs, explain); JSON,
// SARIF and fpcheck.json keep String's names.
var levels = i18n.Register("lint.levels", i18n.Catalog{
	"note":    {En: "note", Zh: "提示"},
	"warning": {En: "warning", Zh: "警告"},
	"error":   {En: "error", Zh: "错误"},
})

// Label names the level in the reader's language.
func (l Level) Label() i18n.Message { return levels.New(l.String()) }

// ParseLevel reads a level name; off is true for "off" (the rule is
// disabled), ok is false for anything else.
func ParseLevel(s string) (l Level, off, ok bool) {
	switch s {
	case "note":
		return Note, false, true
	case "warning":
		return Warning, false, true
	case "error":
		return Error, false, true
	case "off":
		return 0, true, true
	}
	return 0, false, false
}

// Meta describes a rule. Its texts live here, in Chinese and English side
// by side, so that all the words a rule prints are in one place per rule
// and key. It is the single source for --help, `fpcheck explain`, SARIF
// rule entries and docs/rules.md and docs/rules.zh-CN.md.
type Meta struct {
	// ID is part of the public contract: users filter and suppress by it.
	ID string
	// Severity is the default level; SubmitSeverity, when set, replaces it
	// under the submit profile (the pre-submission gate).
	Severity       Level
	SubmitSeverity Level
	// Title is one line; Explanation says why it matters and what to do.
	Title       i18n.Text
	Explanation i18n.Text
	// Bad and Good are short examples: a file path line then content
	// (code, the same in every language).
	Bad, Good string
	// Tags go into SARIF (properties.tags).
	Tags []string
	// Messages holds the rule's message formats (fmt verbs), by key.
	Messages i18n.Catalog
}

// LevelFor returns the rule's default level in a run with or without the
// submit profile.
func (m *Meta) LevelFor(submit bool) Level {
	if submit && m.SubmitSeverity > m.Severity {
		return m.SubmitSeverity
	}
	return m.Severity
}

// Edit replaces the bytes [Start, End) of the finding's file with New.
type Edit struct {
	Start, End int
	New        string
	// Range is derived from Start and End by the pipeline (SARIF and JSON
	// say where a fix applies in lines and columns).
	Range source.Range
}

// Fix is one safe change that resolves a finding.
type Fix struct {
	// Message says what the fix does: `set version="release"`.
	Message i18n.Message
	Edits   []Edit
}

// Suppression says why a finding is not counted.
type Suppression struct {
	// Kind is SARIF's: "inSource" for a comment directive, "external" for
	// the config file.
	Kind string
	// Justification is the reason the directive or config gives.
	Justification string
}

// Finding is one problem at one place.
type Finding struct {
	// Rule is the rule's ID.
	Rule  string
	Level Level
	// Path is project-relative, with forward slashes.
	Path string
	// Start and End are byte offsets into the file; Range is derived from
	// them by the pipeline.
	Start, End int
	Range      source.Range
	// Message is rendered in the run's language by the output format.
	Message i18n.Message
	Fixes   []Fix
	// Suppressed is set when a directive or the config silenced the
	// finding; it stays in the data (SARIF suppressions, JSON).
	Suppressed *Suppression
	// BaselineState is New or Unchanged when the run compares with a
	// baseline ("" otherwise); an unchanged finding is recorded there and
	// does not count (SARIF baselineState).
	BaselineState string
}

// Baseline states, in SARIF's words.
const (
	New       = "new"
	Unchanged = "unchanged"
)

// Counts reports whether f counts: it is neither suppressed nor recorded
// in the baseline.
func (f *Finding) Counts() bool { return f.Suppressed == nil && f.BaselineState != Unchanged }

// Sort orders findings deterministically (path, position, rule, message
// in English) and drops exact duplicates.
func Sort(fs []Finding) []Finding {
	text := make([]string, len(fs))
	for i := range fs {
		text[i] = fs[i].Message.String()
	}
	sort.Stable(byPlace{fs, text})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.Path == fs[i-1].Path && f.Range == fs[i-1].Range && f.Rule == fs[i-1].Rule && text[i] == text[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// byPlace sorts findings and their English messages together.
type byPlace struct {
	fs   []Finding
	text []string
}

func (s byPlace) Len() int { return len(s.fs) }
func (s byPlace) Swap(i, j int) {
	s.fs[i], s.fs[j] = s.fs[j], s.fs[i]
	s.text[i], s.text[j] = s.text[j], s.text[i]
}

func (s byPlace) Less(i, j int) bool {
	a, b := &s.fs[i], &s.fs[j]
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Range.Start != b.Range.Start {
		return a.Range.Start.Before(b.Range.Start)
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return s.text[i] < s.text[j]
}
