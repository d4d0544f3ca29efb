package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fpcheck/fpcheck/internal/lint"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGray   = "\x1b[90m"
)

// writeText prints `path:line:col: level: message [rule-id]`, a code frame
// and a summary line. Paths, messages and source lines are shown through
// Visible, and no line starts with what a CI log would run (lineStart).
func writeText(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !run.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range run.Shown() {
		level := run.level(f.Level)
		switch f.Level {
		case lint.Error:
			level = paint(ansiRed+ansiBold, level)
		case lint.Warning:
			level = paint(ansiYellow+ansiBold, level)
		case lint.Note:
			level = paint(ansiCyan, level)
		}
		loc := fmt.Sprintf("%s:%d:%d:", lineStart(Visible(run.path(f))), f.Range.Start.Line, f.Range.Start.Col)
		fmt.Fprintf(bw, "%s %s: %s %s\n", paint(ansiBold, loc), level, Visible(run.msg(f.Message)), paint(ansiGray, "["+f.Rule+"]"))
		if run.Frame != nil {
			if frame := run.Frame(f.Path, f.Range); frame != "" {
				fmt.Fprint(bw, indent(frame))
			}
		}
	}
	fmt.Fprintln(bw, summary(run))
	return bw.Flush()
}

// indent indents each line of a code frame, shown through Visible (one
// character for one, so the caret stays under the finding).
func indent(s string) string {
	var b strings.Builder
	for l := range strings.SplitAfterSeq(s, "\n") {
		if l != "" {
			body, nl := strings.CutSuffix(l, "\n")
			b.WriteString("  " + Visible(body))
			if nl {
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// summary is the last line of text output.
func summary(run *Run) string {
	c := Count(run.Findings)
	files := run.count(run.Files, "files")
	shown := c.Errors + c.Warnings + c.Notes
	suppressed := ""
	if c.Suppressed > 0 {
		suppressed = run.text("suppressed", c.Suppressed)
	}
	if run.Baseline {
		suppressed += run.text("baselined", c.Baselined)
		if run.BaselineGone > 0 {
			suppressed += run.text("baseline-gone", run.BaselineGone)
		}
	}
	if shown == 0 {
		return run.text("summary.clean", files, suppressed)
	}
	parts := []string{run.count(c.Errors, "errors"), run.count(c.Warnings, "warnings")}
	if c.Notes > 0 {
		parts = append(parts, run.count(c.Notes, "notes"))
	}
	s := run.text("summary", run.count(shown, "problems"), strings.Join(parts, run.text("list-sep")), files, suppressed)
	if run.Submit {
		if c.Errors > 0 {
			s += run.text("submit-block", run.count(c.Errors, "problems"))
		} else {
			s += run.text("submit-ok")
		}
	}
	return s
}
