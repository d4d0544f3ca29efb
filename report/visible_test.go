package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// hostile holds what a hostile repository can put in a file name, a
// specifier or a source line: terminal escapes (OSC title, clear screen, an
// OSC 8 link), CR and NUL, DEL, a C1 CSI, bidi overrides and isolates,
// invalid UTF-8.
const hostile = "\x1b]0;pwn\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\x\r\x00\x7f\u009b31m\u202eRLO\u2066LRI\u2069\xff"

// rawControl returns the first character of s that a terminal would act
// on (other than tab and the newlines ending lines), or -1.
func rawControl(s string) rune {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return r
			}
		}
	}
	return -1
}

func TestVisible(t *testing.T) {
	tests := map[string]string{
		"pages/index/index.js": "pages/index/index.js",
		"首页/a\tb.js":           "首页/a\tb.js",
		"\x1b[31mred":          "␛[31mred",
		"a\rb\nc\x00d\x7f":     "a␍b␊c␀d␡",
		"x\u009by":             "x\ufffdy",
		"\u202eevil\u2069":     "\ufffdevil\ufffd",
		"bad\xff\xfe":          "bad\ufffd\ufffd",
	}
	for in, want := range tests {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
		if got := Visible(in); utf8.RuneCountInString(got) != len([]rune(in)) && utf8.ValidString(in) {
			t.Errorf("Visible(%q) changes the number of characters", in)
		}
	}
	if r := rawControl(Visible(hostile)); r != -1 {
		t.Errorf("Visible left %U", r)
	}
}

func hostileRun(t *testing.T) *Run {
	t.Helper()
	// A lone CR ends a line in source files: keep the frame's line whole.
	line := strings.ReplaceAll(hostile, "\r", "")
	text := "const a = '" + line + "'; require('./b" + line + "');\n"
	src := source.New("x.js", []byte(text))
	start := strings.Index(text, "require")
	end := strings.Index(text, ");")
	r := source.Range{Start: src.PosAt(start), End: src.PosAt(end)}
	return &Run{
		Tool: "fpcheck", Version: "1",
		Files: 1,
		Findings: []lint.Finding{{
			Rule: "unresolved-dependency", Level: lint.Error, Path: "pages/" + hostile + ".js",
			Range: r, Message: i18n.Raw("require \"./b" + hostile + "\" does not resolve\n::error::forged"),
		}},
		Frame: func(string, source.Range) string { return src.Frame(r) },
	}
}

// Text, markdown and github output show control characters visibly, in
// the path, the message and the code frame.
func TestHumanFormatsPrintNoRawControlCharacters(t *testing.T) {
	for _, format := range []string{"text", "markdown", "github"} {
		var b bytes.Buffer
		if err := Write(&b, format, hostileRun(t)); err != nil {
			t.Fatal(err)
		}
		if r := rawControl(b.String()); r != -1 {
			t.Errorf("%s output has a raw %U:\n%s", format, r, b.String())
		}
	}
}

// The caret of a code frame stays under the finding when the line before
// it holds control characters (each is shown as one character).
func TestFrameCaretAfterControlCharacters(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "text", hostileRun(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if len(lines) != 5 { // finding, frame line, caret line, summary, ""
		t.Fatalf("want 4 lines, got:\n%s", b.String())
	}
	code, caret := []rune(lines[1]), []rune(lines[2])
	at := strings.IndexRune(string(caret), '^')
	col := utf8.RuneCountInString(string(caret)[:at])
	if col >= len(code) || string(code[col:col+7]) != "require" {
		t.Errorf("caret at column %d is not under require:\n%s\n%s", col, lines[1], lines[2])
	}
}

// A file name can start a text line with what GitHub's runner or log
// viewer acts on ("::stop-commands::", "##[group]", after white space):
// such paths are shown as ./path.
func TestTextLinesNeverStartWithAWorkflowCommand(t *testing.T) {
	for _, name := range []string{"::stop-commands::x.json", "##[group]x.js", " ::warning::x.js", "\u3000::error::x.js", "\u00a0##[add-mask]x.js"} {
		run := &Run{Tool: "fpcheck", Files: 1, Findings: []lint.Finding{{
			Rule: "r", Level: lint.Error, Path: name, Message: i18n.Raw("m"),
			Range: source.Range{Start: source.Pos{Line: 1, Col: 1}},
		}}}
		var b bytes.Buffer
		if err := Write(&b, "text", run); err != nil {
			t.Fatal(err)
		}
		for l := range strings.SplitSeq(b.String(), "\n") {
			trimmed := strings.TrimLeftFunc(l, unicode.IsSpace)
			if strings.HasPrefix(trimmed, "::") || strings.HasPrefix(trimmed, "##[") {
				t.Errorf("%q: line %q", name, l)
			}
		}
		if !strings.Contains(b.String(), "./"+name+":1:1: ") {
			t.Errorf("%q is not shown as ./%s:\n%s", name, name, b.String())
		}
	}
}

// JSON and SARIF escape control characters by their encoding; DEL, C1 and
// bidi controls too, which encoding/json leaves raw.
func TestJSONAndSARIFEscapeControlCharacters(t *testing.T) {
	for _, format := range []string{"json", "sarif"} {
		var b bytes.Buffer
		run := hostileRun(t)
		if err := Write(&b, format, run); err != nil {
			t.Fatal(err)
		}
		if r := rawControl(b.String()); r != -1 {
			t.Errorf("%s output has a raw %U", format, r)
		}
		var v any
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		want := strings.ToValidUTF8(run.Findings[0].Message.String(), "\ufffd")
		if !strings.Contains(fmtAll(v), want) {
			t.Errorf("%s: the message does not decode to the original", format)
		}
	}
}

// fmtAll concatenates every string in a decoded JSON value.
func fmtAll(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x + "\x00")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}
