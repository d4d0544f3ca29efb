// Package report writes findings in fpcheck's output formats. Formats know
// nothing about individual rules: they render lint.Finding and lint.Meta.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// Formats lists the output formats, for --help and validation.
var Formats = []string{"text", "json", "sarif", "github", "markdown", "gitlab", "junit"}

// Run is what one fpcheck run found, with what a format needs to render it.
type Run struct {
	Tool     string // "fpcheck"
	Version  string
	Findings []lint.Finding
	// Rules are all the rules that ran (SARIF lists them all).
	Rules []*lint.Meta
	// Files counts the files analyzed.
	Files int
	// Text returns a file's text (nil when unknown), for the fingerprints
	// of the gitlab format; may be nil.
	Text func(path string) []byte
	// Frame renders the code frame of a finding ("" when unknown); may be nil.
	Frame  func(path string, r source.Range) string
	Submit bool
	// PathPrefix is prepended to every reported path (for a project in a
	// sub-folder of the repository, whose paths GitHub resolves from the
	// repository root).
	PathPrefix string
	// Display, when set, turns a project-relative path into the reported
	// one instead of PathPrefix (text output: relative to the current
	// directory).
	Display func(path string) string
	// Graph, when set, is the Mermaid package graph that the markdown
	// format embeds.
	Graph string
	// Color enables ANSI color in text output.
	Color bool
	// Baseline is set when the run compared with a baseline;
	// BaselineGone counts its findings fixed since.
	Baseline     bool
	BaselineGone int
	// Lang is the language of messages and of the words around them; rule
	// IDs, field names and levels in JSON and SARIF stay the same.
	Lang i18n.Lang
}

// Counts is the number of findings of each level that count, and of
// those suppressed or recorded in the baseline (which count at no level).
type Counts struct{ Errors, Warnings, Notes, Suppressed, Baselined int }

// Count tallies findings by level.
func Count(fs []lint.Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch {
		case f.Suppressed != nil:
			c.Suppressed++
		case f.BaselineState == lint.Unchanged:
			c.Baselined++
		case f.Level == lint.Error:
			c.Errors++
		case f.Level == lint.Warning:
			c.Warnings++
		case f.Level == lint.Note:
			c.Notes++
		}
	}
	return c
}

// Shown returns the findings that count (neither suppressed nor in the
// baseline): what text, GitHub annotations and the markdown summary list.
// JSON and SARIF keep every finding and mark the others.
func (run *Run) Shown() []lint.Finding {
	out := make([]lint.Finding, 0, len(run.Findings))
	for _, f := range run.Findings {
		if f.Counts() {
			out = append(out, f)
		}
	}
	return out
}

// Write renders run in format to w.
func Write(w io.Writer, format string, run *Run) error {
	switch format {
	case "text":
		return writeText(w, run)
	case "json":
		return writeJSON(w, run)
	case "sarif":
		return writeSARIF(w, run)
	case "github":
		return writeGitHub(w, run)
	case "markdown":
		return writeMarkdown(w, run)
	case "gitlab":
		return writeGitLab(w, run)
	case "junit":
		return writeJUnit(w, run)
	}
	return fmt.Errorf("unknown format %q", format)
}

// path is the reported path of a finding.
func (run *Run) path(f lint.Finding) string {
	if run.Display != nil {
		return run.Display(f.Path)
	}
	return run.PathPrefix + f.Path
}

// sortedRules returns metas by ID.
func sortedRules(ms []*lint.Meta) []*lint.Meta {
	out := append([]*lint.Meta(nil), ms...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
