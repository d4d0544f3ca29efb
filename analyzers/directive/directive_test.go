package directive

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

type parseCase struct {
	name string
	text string
	c    source.Comment
	want Directive
}

var parseCases = []parseCase{
	{
		name: "next-line with two rules and a reason",
		text: "// fpcheck-disable-next-line a, b -- 原因",
		c:    source.Comment{Start: 0, End: 43, TextStart: 2, TextEnd: 43},
		want: Directive{Kind: NextLine, Keyword: "fpcheck-disable-next-line", Rules: []string{"a", "b"}, RuleSpans: []Span{{29, 30}, {32, 33}}, Reason: "原因", HasSeparator: true, ReasonSpan: Span{37, 43}, Start: 3, End: 43},
	},
	{
		name: "same line, spaces only",
		text: "//fpcheck-disable-line   a b\t",
		c:    source.Comment{Start: 0, End: 29, TextStart: 2, TextEnd: 29},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a", "b"}, RuleSpans: []Span{{25, 26}, {27, 28}}, Reason: "", HasSeparator: false, ReasonSpan: Span{28, 28}, Start: 2, End: 28},
	},
	{
		name: "file, block comment",
		text: "/* fpcheck-disable x,y,,z -- legacy code */",
		c:    source.Comment{Start: 0, End: 43, TextStart: 2, TextEnd: 41},
		want: Directive{Kind: File, Keyword: "fpcheck-disable", Rules: []string{"x", "y", "z"}, RuleSpans: []Span{{19, 20}, {21, 22}, {24, 25}}, Reason: "legacy code", HasSeparator: true, ReasonSpan: Span{29, 40}, Start: 3, End: 40},
	},
	{
		name: "JSDoc",
		text: "/** fpcheck-disable-next-line x -- y */",
		c:    source.Comment{Start: 0, End: 39, TextStart: 2, TextEnd: 37},
		want: Directive{Kind: NextLine, Keyword: "fpcheck-disable-next-line", Rules: []string{"x"}, RuleSpans: []Span{{30, 31}}, Reason: "y", HasSeparator: true, ReasonSpan: Span{35, 36}, Start: 4, End: 36},
	},
	{
		name: "JSDoc closed by **/",
		text: "/** fpcheck-disable-line x **/",
		c:    source.Comment{Start: 0, End: 30, TextStart: 2, TextEnd: 28},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"x"}, RuleSpans: []Span{{25, 26}}, Reason: "", HasSeparator: false, ReasonSpan: Span{26, 26}, Start: 4, End: 26},
	},
	{
		name: "WXML",
		text: "<view/>\n<!-- fpcheck-disable-next-line wxml-rule -- 旧页面 -->",
		c:    source.Comment{Start: 8, End: 65, TextStart: 12, TextEnd: 62},
		want: Directive{Kind: NextLine, Keyword: "fpcheck-disable-next-line", Rules: []string{"wxml-rule"}, RuleSpans: []Span{{39, 48}}, Reason: "旧页面", HasSeparator: true, ReasonSpan: Span{52, 61}, Start: 13, End: 61},
	},
	{
		name: "WXML without spaces",
		text: "<!--fpcheck-disable a--b-->",
		c:    source.Comment{Start: 0, End: 27, TextStart: 4, TextEnd: 24},
		want: Directive{Kind: File, Keyword: "fpcheck-disable", Rules: []string{"a--b"}, RuleSpans: []Span{{20, 24}}, Reason: "", HasSeparator: false, ReasonSpan: Span{24, 24}, Start: 4, End: 24},
	},
	{
		name: "Chinese code before the comment",
		text: "var 名字 = '中文' // fpcheck-disable-line r -- 因为",
		c:    source.Comment{Start: 22, End: 57, TextStart: 24, TextEnd: 57},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"r"}, RuleSpans: []Span{{46, 47}}, Reason: "因为", HasSeparator: true, ReasonSpan: Span{51, 57}, Start: 25, End: 57},
	},
	{
		name: "no rules",
		text: "// fpcheck-disable-next-line -- why",
		c:    source.Comment{Start: 0, End: 35, TextStart: 2, TextEnd: 35},
		want: Directive{Kind: NextLine, Keyword: "fpcheck-disable-next-line", Rules: nil, RuleSpans: nil, Reason: "why", HasSeparator: true, ReasonSpan: Span{32, 35}, Start: 3, End: 35},
	},
	{
		name: "keyword only",
		text: "// fpcheck-disable",
		c:    source.Comment{Start: 0, End: 18, TextStart: 2, TextEnd: 18},
		want: Directive{Kind: File, Keyword: "fpcheck-disable", Rules: nil, RuleSpans: nil, Reason: "", HasSeparator: false, ReasonSpan: Span{18, 18}, Start: 3, End: 18},
	},
	{
		name: "separator without a reason",
		text: "// fpcheck-disable-line a --",
		c:    source.Comment{Start: 0, End: 28, TextStart: 2, TextEnd: 28},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a"}, RuleSpans: []Span{{24, 25}}, Reason: "", HasSeparator: true, ReasonSpan: Span{28, 28}, Start: 3, End: 28},
	},
	{
		name: "longer separator",
		text: "// fpcheck-disable-line a --- b",
		c:    source.Comment{Start: 0, End: 31, TextStart: 2, TextEnd: 31},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a"}, RuleSpans: []Span{{24, 25}}, Reason: "b", HasSeparator: true, ReasonSpan: Span{30, 31}, Start: 3, End: 31},
	},
	{
		name: "hyphens that are no separator",
		text: "// fpcheck-disable-line a --b c-- d",
		c:    source.Comment{Start: 0, End: 35, TextStart: 2, TextEnd: 35},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a", "--b", "c--", "d"}, RuleSpans: []Span{{24, 25}, {26, 29}, {30, 33}, {34, 35}}, Reason: "", HasSeparator: false, ReasonSpan: Span{35, 35}, Start: 3, End: 35},
	},
	{
		name: "second separator is part of the reason",
		text: "// fpcheck-disable-line a -- b -- c",
		c:    source.Comment{Start: 0, End: 35, TextStart: 2, TextEnd: 35},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a"}, RuleSpans: []Span{{24, 25}}, Reason: "b -- c", HasSeparator: true, ReasonSpan: Span{29, 35}, Start: 3, End: 35},
	},
	{
		name: "unknown keyword: fpcheck-disabled",
		text: "// fpcheck-disabled a -- b",
		c:    source.Comment{Start: 0, End: 26, TextStart: 2, TextEnd: 26},
		want: Directive{Kind: Unknown, Keyword: "fpcheck-disabled", Rules: []string{"a"}, RuleSpans: []Span{{20, 21}}, Reason: "b", HasSeparator: true, ReasonSpan: Span{25, 26}, Start: 3, End: 26},
	},
	{
		name: "unknown keyword: fpcheck-disable-nextline",
		text: "// fpcheck-disable-nextline a",
		c:    source.Comment{Start: 0, End: 29, TextStart: 2, TextEnd: 29},
		want: Directive{Kind: Unknown, Keyword: "fpcheck-disable-nextline", Rules: []string{"a"}, RuleSpans: []Span{{28, 29}}, Reason: "", HasSeparator: false, ReasonSpan: Span{29, 29}, Start: 3, End: 29},
	},
	{
		name: "comma right after the keyword",
		text: "// fpcheck-disable-line,a",
		c:    source.Comment{Start: 0, End: 25, TextStart: 2, TextEnd: 25},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a"}, RuleSpans: []Span{{24, 25}}, Reason: "", HasSeparator: false, ReasonSpan: Span{25, 25}, Start: 3, End: 25},
	},
	{
		name: "full-width comma and em dash are not syntax",
		text: "// fpcheck-disable-line a，b — c",
		c:    source.Comment{Start: 0, End: 35, TextStart: 2, TextEnd: 35},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a，b", "—", "c"}, RuleSpans: []Span{{24, 29}, {30, 33}, {34, 35}}, Reason: "", HasSeparator: false, ReasonSpan: Span{35, 35}, Start: 3, End: 35},
	},
	{
		name: "multi-line block, directive on the first line",
		text: "/* fpcheck-disable-next-line a -- 第一行\n * 第二行\n */",
		c:    source.Comment{Start: 0, End: 60, TextStart: 2, TextEnd: 58},
		want: Directive{Kind: NextLine, Keyword: "fpcheck-disable-next-line", Rules: []string{"a"}, RuleSpans: []Span{{29, 30}}, Reason: "第一行 第二行", HasSeparator: true, ReasonSpan: Span{34, 56}, Start: 3, End: 56},
	},
	{
		name: "multi-line block, directive on the second line",
		text: "/*\n * fpcheck-disable a, b\n * not rules\n */",
		c:    source.Comment{Start: 0, End: 43, TextStart: 2, TextEnd: 41},
		want: Directive{Kind: File, Keyword: "fpcheck-disable", Rules: []string{"a", "b"}, RuleSpans: []Span{{22, 23}, {25, 26}}, Reason: "", HasSeparator: false, ReasonSpan: Span{26, 26}, Start: 6, End: 26},
	},
	{
		name: "multi-line block with CRLF",
		text: "/**\r\n * fpcheck-disable-line a --\r\n *   reason here\r\n */",
		c:    source.Comment{Start: 0, End: 56, TextStart: 2, TextEnd: 54},
		want: Directive{Kind: SameLine, Keyword: "fpcheck-disable-line", Rules: []string{"a"}, RuleSpans: []Span{{29, 30}}, Reason: "reason here", HasSeparator: true, ReasonSpan: Span{40, 51}, Start: 8, End: 51},
	},
	{
		name: "multi-line WXML keeps asterisks",
		text: "<!-- fpcheck-disable a -- x\n * y\n-->",
		c:    source.Comment{Start: 0, End: 36, TextStart: 4, TextEnd: 33},
		want: Directive{Kind: File, Keyword: "fpcheck-disable", Rules: []string{"a"}, RuleSpans: []Span{{21, 22}}, Reason: "x * y", HasSeparator: true, ReasonSpan: Span{26, 32}, Start: 5, End: 32},
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Parse([]byte(tc.text), tc.c)
			if !ok {
				t.Fatal("Parse: not a directive")
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse:\n got %+v\nwant %+v", got, tc.want)
			}
			checkDirective(t, []byte(tc.text), tc.c, got)
		})
	}
}

func TestNotADirective(t *testing.T) {
	cases := []struct {
		text string
		c    source.Comment
	}{
		{"// a comment", source.Comment{Start: 0, End: 12, TextStart: 2, TextEnd: 12}},
		{"// see fpcheck-disable", source.Comment{Start: 0, End: 22, TextStart: 2, TextEnd: 22}},
		{"// FPCHECK-DISABLE a", source.Comment{Start: 0, End: 20, TextStart: 2, TextEnd: 20}},
		{"// fpcheck-disabl", source.Comment{Start: 0, End: 17, TextStart: 2, TextEnd: 17}},
		// Asterisks are skipped only in block comments.
		{"//* fpcheck-disable a", source.Comment{Start: 0, End: 21, TextStart: 2, TextEnd: 21}},
		{"<!-- * fpcheck-disable a -->", source.Comment{Start: 0, End: 28, TextStart: 4, TextEnd: 25}},
		{"/**/", source.Comment{Start: 0, End: 4, TextStart: 2, TextEnd: 2}},
		{"", source.Comment{}},
		// Spans outside the text.
		{"// fpcheck-disable a", source.Comment{Start: 0, End: 30, TextStart: 2, TextEnd: 30}},
		{"// fpcheck-disable a", source.Comment{Start: -1, End: 20, TextStart: 2, TextEnd: 20}},
		{"// fpcheck-disable a", source.Comment{Start: 0, End: 20, TextStart: 12, TextEnd: 2}},
		{"// fpcheck-disable a", source.Comment{Start: 5, End: 20, TextStart: 2, TextEnd: 20}},
	}
	for _, tc := range cases {
		if d, ok := Parse([]byte(tc.text), tc.c); ok {
			t.Errorf("Parse(%q, %+v) = %+v, want not a directive", tc.text, tc.c, d)
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{
		Unknown:  "unknown",
		NextLine: "fpcheck-disable-next-line",
		SameLine: "fpcheck-disable-line",
		File:     "fpcheck-disable",
		Kind(9):  "Kind(9)",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), s)
		}
	}
}

// checkDirective fails t when d breaks the guarantees of Parse for the
// comment c of text.
func checkDirective(t *testing.T, text []byte, c source.Comment, d Directive) {
	t.Helper()
	if d.Start < c.TextStart || d.End < d.Start || d.End > c.TextEnd {
		t.Fatalf("directive span [%d,%d) outside the comment text [%d,%d)", d.Start, d.End, c.TextStart, c.TextEnd)
	}
	if !bytes.HasPrefix(text[d.Start:], []byte(Prefix)) || string(text[d.Start:d.Start+len(d.Keyword)]) != d.Keyword {
		t.Errorf("keyword %q not at %d: %q", d.Keyword, d.Start, text[d.Start:d.End])
	}
	if d.Kind != Unknown && d.Kind.String() != d.Keyword {
		t.Errorf("kind %v for keyword %q", d.Kind, d.Keyword)
	}
	if len(d.Rules) != len(d.RuleSpans) {
		t.Fatalf("%d rules but %d spans", len(d.Rules), len(d.RuleSpans))
	}
	prev := d.Start + len(d.Keyword)
	for i, r := range d.Rules {
		s := d.RuleSpans[i]
		if s.Start < prev || s.End <= s.Start || s.End > d.End {
			t.Fatalf("rule %d: span %+v (previous ended at %d, directive ends at %d)", i, s, prev, d.End)
		}
		if string(text[s.Start:s.End]) != r || strings.ContainsAny(r, " \t\n\r\f\v,") {
			t.Errorf("rule %d: %q at %+v spans %q", i, r, s, text[s.Start:s.End])
		}
		prev = s.End
	}
	rs := d.ReasonSpan
	if rs.Start < prev || rs.End < rs.Start || rs.End > d.End {
		t.Fatalf("reason span %+v (rules end at %d, directive ends at %d)", rs, prev, d.End)
	}
	if (d.Reason == "") != (rs.Start == rs.End) || d.Reason != "" && !d.HasSeparator {
		t.Errorf("reason %q with span %+v, separator %v", d.Reason, rs, d.HasSeparator)
	}
	if d.Reason != strings.TrimSpace(d.Reason) {
		t.Errorf("reason %q is not trimmed", d.Reason)
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.text), tc.c.Start, tc.c.End, tc.c.TextStart, tc.c.TextEnd)
	}
	f.Fuzz(func(t *testing.T, text []byte, start, end, textStart, textEnd int) {
		c := source.Comment{Start: start, End: end, TextStart: textStart, TextEnd: textEnd}
		if d, ok := Parse(text, c); ok {
			checkDirective(t, text, c, d)
		}
		// The same text as the whole body of each kind of comment.
		for _, delim := range [][2]string{{"//", ""}, {"/*", "*/"}, {"<!--", "-->"}} {
			full := append(append([]byte(delim[0]), text...), delim[1]...)
			c := source.Comment{Start: 0, End: len(full), TextStart: len(delim[0]), TextEnd: len(delim[0]) + len(text)}
			if d, ok := Parse(full, c); ok {
				checkDirective(t, full, c, d)
			}
		}
	})
}
