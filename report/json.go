package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// JSONSchemaVersion is bumped on any incompatible change to the JSON output.
const JSONSchemaVersion = 1

// jsonReport is the documented, stable JSON output (see README.md).
type jsonReport struct {
	SchemaVersion int           `json:"schemaVersion"`
	Tool          jsonTool      `json:"tool"`
	Findings      []jsonFinding `json:"findings"`
	Summary       jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	Rule      string `json:"rule"`
	Level     string `json:"level"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
	// Suppressed is set when an inline directive or the config's overrides
	// silenced the finding; it does not count in the summary's levels.
	Suppressed *jsonSuppression `json:"suppressed,omitempty"`
	// Fixes are the safe fixes (what --fix applies), omitted when none.
	Fixes []jsonFix `json:"fixes,omitempty"`
	// BaselineState is "new" or "unchanged" when the run compared with a
	// baseline; unchanged findings do not count.
	BaselineState string `json:"baselineState,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces [start, end) (lines and UTF-16 columns, 1-based; and
// byte offsets) with newText.
type jsonEdit struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	StartOffset int    `json:"startOffset"`
	EndOffset   int    `json:"endOffset"`
	NewText     string `json:"newText"`
}

type jsonSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
	// Suppressed counts the suppressed findings (omitted when none).
	Suppressed int `json:"suppressed,omitempty"`
	// Baselined and BaselineGone: findings recorded in the baseline, and
	// recorded ones fixed since (omitted without a baseline).
	Baselined    int  `json:"baselined,omitempty"`
	BaselineGone int  `json:"baselineGone,omitempty"`
	Submit       bool `json:"submit"`
}

func writeJSON(w io.Writer, run *Run) error {
	c := Count(run.Findings)
	out := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool:          jsonTool{Name: run.Tool, Version: run.Version},
		Findings:      []jsonFinding{},
		Summary:       jsonSummary{Files: run.Files, Errors: c.Errors, Warnings: c.Warnings, Notes: c.Notes, Suppressed: c.Suppressed, Baselined: c.Baselined, BaselineGone: run.BaselineGone, Submit: run.Submit},
	}
	for _, f := range run.Findings {
		jf := jsonFinding{
			Rule: f.Rule, Level: f.Level.String(), Path: run.path(f),
			Line: f.Range.Start.Line, Column: f.Range.Start.Col,
			EndLine: f.Range.End.Line, EndColumn: f.Range.End.Col,
			Message: run.msg(f.Message), BaselineState: f.BaselineState,
		}
		if s := f.Suppressed; s != nil {
			jf.Suppressed = &jsonSuppression{Kind: s.Kind, Justification: s.Justification}
		}
		for _, fx := range f.Fixes {
			jfx := jsonFix{Message: run.msg(fx.Message)}
			for _, e := range fx.Edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{
					Line: e.Range.Start.Line, Column: e.Range.Start.Col, EndLine: e.Range.End.Line, EndColumn: e.Range.End.Col,
					StartOffset: e.Start, EndOffset: e.End, NewText: e.New,
				})
			}
			jf.Fixes = append(jf.Fixes, jfx)
		}
		out.Findings = append(out.Findings, jf)
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v as indented JSON. encoding/json escapes C0 controls
// and replaces invalid UTF-8; DEL, the C1 controls and the bidirectional
// controls that it leaves raw are escaped as \uXXXX too, so that a report
// printed on a terminal cannot act on it (they only occur inside strings).
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := escapeHidden(buf.Bytes(), `\u%04x`)
	_, err := w.Write(b)
	return err
}

// escapeHidden rewrites DEL, the C1 controls and the bidirectional
// controls in b with format (a JSON \u escape, an XML character
// reference), which they may only occur inside strings of; b itself when
// it holds none.
func escapeHidden(b []byte, format string) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x7f {
			i++
			continue
		}
		r, size := rune(c), 1
		if c > 0x7f {
			r, size = utf8.DecodeRune(b[i:])
		}
		if r == 0x7f || hidden(r, size) {
			out = append(out, b[last:i]...)
			out = fmt.Appendf(out, format, r)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}
