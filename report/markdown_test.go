package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// gfmCells splits a table row as GitHub's parser (cmark-gfm) does: a pipe
// right after a backslash is part of the cell, any other pipe ends it.
func gfmCells(row string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		if row[i] == '|' && (i == 0 || row[i-1] != '\\') {
			cells = append(cells, row[start:i])
			start = i + 1
		}
	}
	return append(cells, row[start:])
}

// Paths and messages from a hostile repository stay inside their table
// cell: no new row from a newline, no new cell from a pipe, no link, image,
// HTML or code span from brackets, angle brackets or backticks, no
// autolink. (The escaped table was also checked with a GFM renderer,
// goldmark: one table, these rows, no <a>, <img> or <b> from the cells.)
func TestMarkdownEscapesEveryCell(t *testing.T) {
	paths := []string{
		"a|b.js",
		"a\n| forged | row | x | y |\nb.js",
		"tick`s.js",
		"``double``.js",
		"`edge",
		`back\slash\|pipe.js`,
		"<img src=x onerror=alert(1)>.js",
	}
	message := "require \"[click here](https://evil.example)\" ![img](https://evil.example/x.png) <b>bold</b> `code` a|b \\| *em* _em_ ~~del~~ &#x202e; $x$ www.evil.example\nsecond line"
	var fs []lint.Finding
	for _, p := range paths {
		fs = append(fs, lint.Finding{
			Rule: "unresolved-dependency", Level: lint.Error, Path: p,
			Range: source.Range{Start: source.Pos{Line: 1, Col: 2}}, Message: i18n.Raw(message),
		})
	}
	var b bytes.Buffer
	if err := Write(&b, "markdown", &Run{Tool: "fpcheck", Files: 1, Findings: fs}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	var rows []string
	for l := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| Level") {
			rows = append(rows, l)
		}
	}
	if len(rows) != len(paths) {
		t.Fatalf("%d rows for %d findings:\n%s", len(rows), len(paths), out)
	}
	for i, row := range rows {
		cells := gfmCells(row)
		if len(cells) != 6 || cells[0] != "" || cells[5] != "" {
			t.Errorf("row %d has %d cells, want 4:\n%s", i, len(cells)-2, row)
			continue
		}
		loc, msg := strings.TrimSpace(cells[2]), strings.TrimSpace(cells[4])
		if !codeSpanHolds(t, loc, Visible(paths[i])+":1:2") {
			t.Errorf("location cell %q does not show %q as code", loc, paths[i])
		}
		for _, c := range []string{"[", "]", "<", ">", "`", "*", "_", "~", "&", "$", ":", "www."} {
			if strings.Count(msg, c) != strings.Count(msg, `\`+c) {
				t.Errorf("message cell has an unescaped %q: %s", c, msg)
			}
		}
	}
}

// codeSpanHolds reports whether cell is one CommonMark code span (after
// the table's \| unescaping) whose content is want.
func codeSpanHolds(t *testing.T, cell, want string) bool {
	t.Helper()
	cell = strings.ReplaceAll(cell, `\|`, "|")
	n := len(cell) - len(strings.TrimLeft(cell, "`"))
	if n == 0 || !strings.HasSuffix(cell, strings.Repeat("`", n)) || len(cell) < 2*n {
		return false
	}
	fence := strings.Repeat("`", n)
	inner := cell[n : len(cell)-n]
	if strings.HasSuffix(inner, "`") && !strings.HasSuffix(inner, " ") {
		return false
	}
	// No backtick run of exactly n inside: it would close the span early.
	for run := range strings.FieldsFuncSeq(inner, func(r rune) bool { return r != '`' }) {
		if run == fence {
			return false
		}
	}
	if len(inner) >= 2 && inner[0] == ' ' && inner[len(inner)-1] == ' ' && strings.Trim(inner, " ") != "" {
		inner = inner[1 : len(inner)-1]
	}
	return inner == want
}
