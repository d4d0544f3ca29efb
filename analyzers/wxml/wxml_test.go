package wxml

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// parseAll scans text recording every element and attribute, as Parse did
// before it kept only what fpcheck reads.
func parseAll(text []byte) (*Document, error) { return parse(text, true) }

// el builds an expected element without attributes or body; NameStart and
// NameEnd follow from start and name.
func el(name string, start, end int) Element {
	return Element{
		Name: name, Start: start, End: end,
		NameStart: start + 1, NameEnd: start + 1 + len(name),
		BodyStart: -1, BodyEnd: -1,
	}
}

// sc marks e self-closing.
func sc(e Element) Element {
	e.SelfClosing = true
	return e
}

// with adds attributes to e.
func with(e Element, attrs ...Attr) Element {
	e.Attrs = attrs
	return e
}

// body sets the raw-text body span of e.
func body(e Element, start, end int) Element {
	e.BodyStart, e.BodyEnd = start, end
	return e
}

// val builds an expected attribute with a value; NameEnd and ValueEnd
// follow from the starts and the strings.
func val(name string, nameStart int, quote byte, value string, valueStart int) Attr {
	return Attr{
		Name: name, NameStart: nameStart, NameEnd: nameStart + len(name),
		HasValue: true, Quote: quote, Value: value,
		ValueStart: valueStart, ValueEnd: valueStart + len(value),
	}
}

// flag builds an expected valueless attribute.
func flag(name string, nameStart int) Attr {
	end := nameStart + len(name)
	return Attr{Name: name, NameStart: nameStart, NameEnd: end, ValueStart: end, ValueEnd: end}
}

type parseCase struct {
	name string
	text string
	want []Element
}

var parseCases = []parseCase{
	{
		name: "comparison operators inside an attribute mustache",
		text: `<view wx:if="{{a > b && c < d}}">x</view>`,
		want: []Element{with(el("view", 0, 33), val("wx:if", 6, '"', "{{a > b && c < d}}", 13))},
	},
	{
		name: "quotes and '>' inside a mustache inside a double-quoted value",
		text: `<view class="{{ x ? 'a>b' : "c" }}">`,
		want: []Element{with(el("view", 0, 36), val("class", 6, '"', `{{ x ? 'a>b' : "c" }}`, 13))},
	},
	{
		name: "'<' inside a text mustache is not a tag",
		text: `<text>{{ a < b ? 1 : 2 }}</text><text>{{ a <b }}</text>`,
		want: []Element{el("text", 0, 6), el("text", 32, 38)},
	},
	{
		name: "'}}' inside a string literal does not close the mustache",
		text: `<text>{{ s == '}}<b>' ? 1 : 2 }}<i/></text>`,
		want: []Element{el("text", 0, 6), sc(el("i", 32, 36))},
	},
	{
		name: "string left open falls back to the first '}}'",
		text: `<text>{{ it's }}</text><view/>`,
		want: []Element{el("text", 0, 6), sc(el("view", 23, 30))},
	},
	{
		// Documented degradation: the apostrophe of "it's" would pair with
		// the quote after "==", across "{{"; it is taken as stray, and from
		// then on expressions end at the first "}}", even inside a string.
		name: "after a broken string, expressions end at the first '}}'",
		text: `<text>{{ it's }}</text><text>{{ s == '}}<b>' }}</text>`,
		want: []Element{el("text", 0, 6), el("text", 23, 29), el("b", 40, 43)},
	},
	{
		name: "a string literal cannot span a line break",
		text: "<text>{{ it's\n}}<b/></text>",
		want: []Element{el("text", 0, 6), sc(el("b", 16, 20))},
	},
	{
		name: "unclosed '{{' in text is text",
		text: `<text>{{ a </text><view/>`,
		want: []Element{el("text", 0, 6), sc(el("view", 18, 25))},
	},
	{
		name: "mustache in an unquoted value is taken whole",
		text: `<view a={{ b > c }} d>`,
		want: []Element{with(el("view", 0, 22), val("a", 6, 0, "{{ b > c }}", 8), flag("d", 20))},
	},
	{
		name: "valueless, unquoted, single- and double-quoted values, space around '='",
		text: "<input disabled a=b c = 'd' e\t=\r\n\"f\" g= >",
		want: []Element{with(el("input", 0, 41),
			flag("disabled", 7),
			val("a", 16, 0, "b", 18),
			val("c", 20, '\'', "d", 25),
			val("e", 28, '"', "f", 34),
			val("g", 37, 0, "", 40),
		)},
	},
	{
		name: "multi-line start tag with CRLF",
		text: "<view\r\n  class=\"a\"\r\n\tid='b'\r\n/>",
		want: []Element{sc(with(el("view", 0, 31), val("class", 9, '"', "a", 16), val("id", 21, '\'', "b", 25)))},
	},
	{
		name: "self-closing with and without space; end tags are not elements",
		text: `<x/><x /><y></y>`,
		want: []Element{sc(el("x", 0, 4)), sc(el("x", 4, 9)), el("y", 9, 12)},
	},
	{
		name: "inline wxs body is raw text",
		text: "<wxs module=\"m\">\nvar s = \"<view>\";\n// <image src=\"x\"/> \"</wxsx>\" </wxs-a>\n" +
			"function f(a, b) { return a < b && b > a; }\nmodule.exports.f = f;\n</wxs\n>\n<view>{{m.f(1,2)}}</view>",
		want: []Element{
			body(with(el("wxs", 0, 16), val("module", 5, '"', "m", 13)), 16, 140),
			el("view", 148, 154),
		},
	},
	{
		name: "script body is raw text",
		text: `<script>if (a<b) x = "</scrip>";</script ><b/>`,
		want: []Element{body(el("script", 0, 8), 8, 32), sc(el("b", 42, 46))},
	},
	{
		name: "wxs with src and self-closing wxs have no body",
		text: `<wxs src="./a.wxs" module="m"/><wxs src="./b.wxs" module="n"></wxs>`,
		want: []Element{
			sc(with(el("wxs", 0, 31), val("src", 5, '"', "./a.wxs", 10), val("module", 19, '"', "m", 27))),
			with(el("wxs", 31, 61), val("src", 36, '"', "./b.wxs", 41), val("module", 50, '"', "n", 58)),
		},
	},
	{
		name: "self-closing wxs without src has no body",
		text: `<wxs module="m" src="a.wxs"/><wxs module="n"/><i/>`,
		want: []Element{
			sc(with(el("wxs", 0, 29), val("module", 5, '"', "m", 13), val("src", 16, '"', "a.wxs", 21))),
			sc(with(el("wxs", 29, 46), val("module", 34, '"', "n", 42))),
			sc(el("i", 46, 50)),
		},
	},
	{
		name: "comments hide tags",
		text: `<!-- <view> <functional-page-navigator> --><text/>`,
		want: []Element{sc(el("text", 43, 50))},
	},
	{
		name: "xml declaration, doctype and CDATA are skipped",
		text: `<?xml version="1.0"?><!DOCTYPE html><view/><![CDATA[ <b> ]]><c/>`,
		want: []Element{sc(el("view", 36, 43)), sc(el("c", 60, 64))},
	},
	{
		name: "stray '<' before a space, digit or slash is text",
		text: `a < b, 1<2, <view/>< /x><//y><_a/>`,
		want: []Element{sc(el("view", 12, 19)), sc(el("_a", 29, 34))},
	},
	{
		name: "functional-page-navigator only from a real start tag",
		text: `<view class="functional-page-navigator">use &lt;functional-page-navigator&gt; here</view>` +
			`<!-- use <functional-page-navigator> here -->` +
			`<functional-page-navigator name="loginAndGetUserInfo"></functional-page-navigator>`,
		want: []Element{
			with(el("view", 0, 40), val("class", 6, '"', "functional-page-navigator", 13)),
			with(el("functional-page-navigator", 134, 188), val("name", 161, '"', "loginAndGetUserInfo", 167)),
		},
	},
	{
		name: "functional-page-navigator inside a mustache string",
		text: `<text>{{ "<functional-page-navigator>" }}</text>`,
		want: []Element{el("text", 0, 6)},
	},
	{
		name: "names keep case and may hold '-', ':', '.', '_' and digits",
		text: `<van-button/><a.b:c_d-1 /><View/>`,
		want: []Element{sc(el("van-button", 0, 13)), sc(el("a.b:c_d-1", 13, 26)), sc(el("View", 26, 33))},
	},
	{
		name: "BOM, Chinese text and CRLF",
		text: "\ufeff<view title=\"中文\">\r\n  <text>你好{{ a<b }}</text>\r\n</view>",
		want: []Element{with(el("view", 3, 24), val("title", 9, '"', "中文", 16)), el("text", 28, 34)},
	},
	{
		name: "empty document",
		text: "",
		want: nil,
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parseAll([]byte(tc.text))
			if err != nil {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			if !reflect.DeepEqual(doc.Elements, tc.want) {
				t.Errorf("elements differ\n got: %s\nwant: %s", dump(doc.Elements), dump(tc.want))
			}
			checkInvariants(t, []byte(tc.text), doc, err)
		})
	}
}

type errorCase struct {
	name       string
	text       string
	wantOffset int
	wantMsg    string // exact message when not empty
	want       []Element
}

var errorCases = []errorCase{
	{
		name:       "unterminated comment",
		text:       `<view/><!-- <text>`,
		wantOffset: 7,
		wantMsg:    `unterminated comment: "<!--" has no matching "-->"`,
		want:       []Element{sc(el("view", 0, 7))},
	},
	{
		name:       "start tag not closed before EOF",
		text:       `<view/><view class="a"`,
		wantOffset: 7,
		wantMsg:    `unterminated start tag: "<view" has no closing ">"`,
		want:       []Element{sc(el("view", 0, 7))},
	},
	{
		name:       "unterminated quoted value",
		text:       `<view class='a`,
		wantOffset: 12,
		wantMsg:    `unterminated attribute value: the value of "class" opens with '\'' and never closes`,
	},
	{
		name:       "unterminated mustache in a quoted value",
		text:       `<view class="{{ a`,
		wantOffset: 13,
		wantMsg:    `unterminated expression: "{{" in the value of "class" has no matching "}}"`,
	},
	{
		name:       "unterminated mustache in an unquoted value",
		text:       `<view a={{ b >`,
		wantOffset: 8,
	},
	{
		name:       "closed mustache, open quote",
		text:       `<view class='{{ "a" }}`,
		wantOffset: 12,
	},
	{
		name:       "unterminated wxs body",
		text:       "<view/>\n<wxs module=\"m\">var a = 1;</wxs",
		wantOffset: 8,
		wantMsg:    `unterminated wxs body: "<wxs>" has no matching "</wxs>"`,
		want:       []Element{sc(el("view", 0, 7)), body(with(el("wxs", 8, 24), val("module", 13, '"', "m", 21)), 24, 39)},
	},
	{
		name:       "unterminated end tag",
		text:       `<view></view`,
		wantOffset: 6,
		wantMsg:    `unterminated end tag: "</view" has no closing ">"`,
		want:       []Element{el("view", 0, 6)},
	},
	{
		name:       "unterminated processing instruction",
		text:       `<?xml version="1.0"`,
		wantOffset: 0,
	},
	{
		name:       "unterminated doctype",
		text:       `<a/><!DOCTYPE html`,
		wantOffset: 4,
		want:       []Element{sc(el("a", 0, 4))},
	},
	{
		name:       "unterminated CDATA",
		text:       `<![CDATA[ <a/>`,
		wantOffset: 0,
	},
	{
		name:       "long names are clipped in messages",
		text:       "<" + strings.Repeat("a", 100),
		wantOffset: 0,
		wantMsg:    `unterminated start tag: "<` + strings.Repeat("a", 40) + `..." has no closing ">"`,
	},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parseAll([]byte(tc.text))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse error = %v, want a *SyntaxError", err)
			}
			if se.Offset != tc.wantOffset {
				t.Errorf("Offset = %d, want %d (%s)", se.Offset, tc.wantOffset, se.Message)
			}
			if tc.wantMsg != "" && se.Message.String() != tc.wantMsg {
				t.Errorf("Message = %q, want %q", se.Message, tc.wantMsg)
			}
			if want := fmt.Sprintf("offset %d: %s", se.Offset, se.Message); se.Error() != want {
				t.Errorf("Error() = %q, want %q", se.Error(), want)
			}
			if !reflect.DeepEqual(doc.Elements, tc.want) {
				t.Errorf("elements differ\n got: %s\nwant: %s", dump(doc.Elements), dump(tc.want))
			}
			checkInvariants(t, []byte(tc.text), doc, err)
		})
	}
}

func TestMessagesArePlainSentences(t *testing.T) {
	for _, tc := range errorCases {
		_, err := Parse([]byte(tc.text))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s: no SyntaxError", tc.name)
		}
		checkRenders(t, se)
		m := se.Message.String()
		if m == "" || m[0] < 'a' || m[0] > 'z' || strings.HasSuffix(m, ".") {
			t.Errorf("%s: message %q must start lower-case and not end with a period", tc.name, m)
		}
	}
}

func TestElementAttr(t *testing.T) {
	doc, err := parseAll([]byte(`<input class="a" disabled class="b"/>`))
	if err != nil {
		t.Fatal(err)
	}
	e := &doc.Elements[0]
	if a, ok := e.Attr("class"); !ok || a.Value != "a" || a.ValueStart != 14 {
		t.Errorf(`Attr("class") = %+v, %v; want the first one, value "a" at 14`, a, ok)
	}
	if a, ok := e.Attr("disabled"); !ok || a.HasValue || a.ValueStart != 25 || a.ValueEnd != 25 {
		t.Errorf(`Attr("disabled") = %+v, %v; want valueless at 25`, a, ok)
	}
	if _, ok := e.Attr("Class"); ok {
		t.Error(`Attr("Class") found an attribute; names are case-sensitive`)
	}
}

// TestUTF16Position checks the offsets against source positions on a line
// with Chinese text before the tag. Before "version" come "<view>" (6 UTF-16
// units), "中文" (2 units, 6 bytes), "</view>" (7), "<functional-page-navigator"
// (26) and a space (1): 42 units, so the column is 43 and the byte offset 46.
func TestUTF16Position(t *testing.T) {
	text := []byte("<page>\n<view>中文</view><functional-page-navigator version=\"develop\"/>")
	doc, err := parseAll(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Elements) != 3 {
		t.Fatalf("got %d elements, want 3: %s", len(doc.Elements), dump(doc.Elements))
	}
	fpn := doc.Elements[2]
	a, ok := fpn.Attr("version")
	if !ok {
		t.Fatal("no version attribute")
	}
	const lineStart = 7 // after "<page>\n"
	if a.NameStart != lineStart+46 {
		t.Errorf("version NameStart = %d, want %d", a.NameStart, lineStart+46)
	}
	f := source.New("index.wxml", text)
	checks := []struct {
		what string
		off  int
		want source.Pos
	}{
		{"element", fpn.Start, source.Pos{Line: 2, Col: 16}},
		{"name", fpn.NameStart, source.Pos{Line: 2, Col: 17}},
		{"attribute", a.NameStart, source.Pos{Line: 2, Col: 43}},
		{"value", a.ValueStart, source.Pos{Line: 2, Col: 52}},
		{"end", fpn.End, source.Pos{Line: 2, Col: 62}},
	}
	for _, c := range checks {
		if got := f.PosAt(c.off); got != c.want {
			t.Errorf("%s at offset %d: PosAt = %+v, want %+v", c.what, c.off, got, c.want)
		}
	}
}

// TestBOMAndCRLFPositions checks that a BOM takes no column and CRLF counts
// as one line break.
func TestBOMAndCRLFPositions(t *testing.T) {
	text := []byte("\ufeff<view>\r\n  <text>你好</text>\r\n\t<image src=\"a.png\"/>\r\n</view>")
	doc, err := parseAll(text)
	if err != nil {
		t.Fatal(err)
	}
	f := source.New("a.wxml", text)
	want := map[string]source.Pos{
		"view":  {Line: 1, Col: 1},
		"text":  {Line: 2, Col: 3},
		"image": {Line: 3, Col: 2},
	}
	if len(doc.Elements) != len(want) {
		t.Fatalf("got %d elements, want %d", len(doc.Elements), len(want))
	}
	for _, e := range doc.Elements {
		if got := f.PosAt(e.Start); got != want[e.Name] {
			t.Errorf("<%s> at %+v, want %+v", e.Name, got, want[e.Name])
		}
	}
	src, _ := doc.Elements[2].Attr("src")
	if got, want := f.PosAt(src.ValueStart), (source.Pos{Line: 3, Col: 14}); got != want {
		t.Errorf("src value at %+v, want %+v", got, want)
	}
}

// TestHostileInputs parses megabyte inputs built to trigger quadratic
// behavior or deep recursion in a naive scanner.
func TestHostileInputs(t *testing.T) {
	const n = 1 << 20
	cases := []struct {
		name      string
		text      string
		wantElems int
		wantErr   bool
	}{
		{"many '<'", strings.Repeat("<", n), 0, false},
		{"many '{'", strings.Repeat("{", n), 0, false},
		{"many '{{'", "<a/>" + strings.Repeat("{{ ", n/3) + "<b/>", 2, false},
		{"many '}}'", strings.Repeat("}}", n/2), 0, false},
		{"strings never closing a mustache", strings.Repeat(`{{'\'}}`, n/7) + "<b/>", 1, false},
		{"many unclosed quotes in mustaches", strings.Repeat("{{'}}\n", n/6) + "<b/>", 1, false},
		{"many '<a'", strings.Repeat("<a", n/2), 0, true},
		{"many attributes", "<a " + strings.Repeat("b ", n/2) + ">", 1, false},
		{"many '<!--'", strings.Repeat("<!--", n/4), 0, true},
		{"many '</'", strings.Repeat("</a", n/3), 0, true},
		{"many fake wxs closers", "<wxs>" + strings.Repeat("</wxs \t", n/7), 1, true},
		{"many real elements", strings.Repeat("<a b='{{c}}'/>", n/14), n / 14, false},
		{"many value mustaches", `<a b="` + strings.Repeat("{{ '}}' }}", n/10) + `"/>`, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, err := parseAll([]byte(tc.text))
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("took %v on %d bytes: not linear", elapsed, len(tc.text))
			}
			if (err != nil) != tc.wantErr {
				t.Errorf("error = %v, want error: %v", err, tc.wantErr)
			}
			if len(doc.Elements) != tc.wantElems {
				t.Errorf("got %d elements, want %d", len(doc.Elements), tc.wantElems)
			}
		})
	}
}

// checkInvariants fails t when doc or err break the guarantees of Parse.
func checkInvariants(t *testing.T, text []byte, doc *Document, err error) {
	t.Helper()
	if doc == nil {
		t.Fatal("Parse returned a nil Document")
	}
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("error %v is not a *SyntaxError", err)
		}
		if se.Offset < 0 || se.Offset > len(text) {
			t.Errorf("SyntaxError offset %d outside [0,%d]", se.Offset, len(text))
		}
		if se.Message.IsZero() {
			t.Error("SyntaxError without a message")
		}
		checkRenders(t, se)
	}
	prevEnd := 0
	for i, e := range doc.Elements {
		if e.Start < prevEnd || e.Start >= e.NameStart || e.NameStart >= e.NameEnd || e.NameEnd > e.End || e.End > len(text) {
			t.Fatalf("element %d: bad offsets %+v (previous ended at %d, len %d)", i, e, prevEnd, len(text))
		}
		if text[e.Start] != '<' || text[e.End-1] != '>' {
			t.Errorf("element %d: tag %q does not run from '<' to '>'", i, text[e.Start:e.End])
		}
		if string(text[e.NameStart:e.NameEnd]) != e.Name {
			t.Errorf("element %d: name %q but text %q", i, e.Name, text[e.NameStart:e.NameEnd])
		}
		prevEnd = e.End
		if e.BodyStart != -1 || e.BodyEnd != -1 {
			if e.BodyStart != e.End || e.BodyEnd < e.BodyStart || e.BodyEnd > len(text) || e.SelfClosing {
				t.Errorf("element %d: bad body [%d,%d) for tag end %d", i, e.BodyStart, e.BodyEnd, e.End)
			} else {
				prevEnd = e.BodyEnd
			}
		}
		checkAttrs(t, text, i, e)
	}
	checkComments(t, text, doc)
}

// checkComments fails t when a comment span is outside the text, out of
// order, overlapping another comment or an element, or not delimited by
// "<!--" and "-->".
func checkComments(t *testing.T, text []byte, doc *Document) {
	t.Helper()
	prevEnd := 0
	for i, c := range doc.Comments {
		if c.Start < prevEnd || c.TextStart != c.Start+4 || c.TextEnd < c.TextStart || c.End != c.TextEnd+3 || c.End > len(text) {
			t.Fatalf("comment %d: bad offsets %+v (previous ended at %d, len %d)", i, c, prevEnd, len(text))
		}
		if !hasAt(text, c.Start, "<!--") || !hasAt(text, c.TextEnd, "-->") {
			t.Errorf("comment %d: %q is not delimited by <!-- and -->", i, text[c.Start:c.End])
		}
		if bytes.Contains(text[c.TextStart:max(c.TextStart, c.End-1)], []byte("-->")) {
			t.Errorf("comment %d: %q holds an earlier -->", i, text[c.Start:c.End])
		}
		prevEnd = c.End
	}
	j := 0
	for _, e := range doc.Elements {
		end := max(e.End, e.BodyEnd)
		for j < len(doc.Comments) && doc.Comments[j].End <= e.Start {
			j++
		}
		if j < len(doc.Comments) && doc.Comments[j].Start < end {
			t.Errorf("comment %+v overlaps element %+v", doc.Comments[j], e)
		}
	}
}

func checkAttrs(t *testing.T, text []byte, i int, e Element) {
	t.Helper()
	prev := e.NameEnd
	for j, a := range e.Attrs {
		if a.NameStart < prev || a.NameStart >= a.NameEnd || a.NameEnd > a.ValueStart ||
			a.ValueStart > a.ValueEnd || a.ValueEnd >= e.End {
			t.Fatalf("element %d attr %d: bad offsets %+v (previous ended at %d, tag ends at %d)", i, j, a, prev, e.End)
		}
		if string(text[a.NameStart:a.NameEnd]) != a.Name {
			t.Errorf("element %d attr %d: name %q but text %q", i, j, a.Name, text[a.NameStart:a.NameEnd])
		}
		if string(text[a.ValueStart:a.ValueEnd]) != a.Value {
			t.Errorf("element %d attr %d: value %q but text %q", i, j, a.Value, text[a.ValueStart:a.ValueEnd])
		}
		switch {
		case !a.HasValue:
			if a.Quote != 0 || a.Value != "" || a.ValueStart != a.NameEnd || a.ValueEnd != a.NameEnd {
				t.Errorf("element %d attr %d: valueless attribute with value fields %+v", i, j, a)
			}
		case a.Quote != 0:
			if text[a.ValueStart-1] != a.Quote || text[a.ValueEnd] != a.Quote {
				t.Errorf("element %d attr %d: value not between %q quotes", i, j, a.Quote)
			}
		}
		prev = max(a.NameEnd, a.ValueEnd)
		if a.Quote != 0 {
			prev++ // the closing quote
		}
	}
}

// dump formats elements one per line for failure messages.
func dump(els []Element) string {
	var b strings.Builder
	for _, e := range els {
		fmt.Fprintf(&b, "\n  %+v", e)
	}
	return b.String()
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.text))
	}
	for _, tc := range errorCases {
		f.Add([]byte(tc.text))
	}
	f.Add([]byte("<!-- a --><b c=\"<!--\"/>{{ '<!--' }}<wxs><!-- d --></wxs><!---->"))
	f.Add([]byte("<a b=\"{{ c ? 'd' : \"e\" }}\" f='{{\"}}\"}}' g h=i/>{{ '<x>' }}<wxs>a<b</wxs\t>"))
	f.Fuzz(func(t *testing.T, text []byte) {
		doc, err := parseAll(text)
		checkInvariants(t, text, doc, err)
		checkKept(t, text, doc, err)
	})
}

// benchDoc builds a WXML document of about size bytes mixing the constructs
// Parse handles.
func benchDoc(size int) []byte {
	const block = `<view class="item {{active ? 'on' : ''}}" wx:for="{{list}}" wx:key="id" bindtap="onTap" data-id="{{item.id}}">
  <!-- 商品 <image/> -->
  <image src="{{item.cover}}" mode="aspectFill" lazy-load/>
  <text class="title">{{item.title}} · {{ item.price > 100 ? '贵' : '便宜' }}</text>
  <button disabled="{{count < 1}}" size=mini>购买</button>
</view>
<wxs module="fmt">
  function price(p) { return p < 0 ? "<invalid>" : p.toFixed(2); }
  module.exports = { price: price };
</wxs>
`
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(block)
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	text := benchDoc(200 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// keptOf filters a document recording everything down to what Parse keeps.
func keptOf(all []Element) []Element {
	var out []Element
	for _, e := range all {
		if !Keeps(e.Name, "") {
			continue
		}
		var attrs []Attr
		for _, a := range e.Attrs {
			if Keeps(e.Name, a.Name) {
				attrs = append(attrs, a)
			}
		}
		e.Attrs = attrs
		out = append(out, e)
	}
	return out
}

// checkKept: Parse finds exactly the kept elements and attributes of the
// full scan, with the same offsets and values, and the same error and
// comments.
func checkKept(t *testing.T, text []byte, all *Document, allErr error) {
	t.Helper()
	doc, err := Parse(text)
	if fmt.Sprint(err) != fmt.Sprint(allErr) {
		t.Fatalf("Parse error %v, full scan %v", err, allErr)
	}
	if want := keptOf(all.Elements); !reflect.DeepEqual(doc.Elements, want) {
		t.Errorf("kept elements differ\n got: %s\nwant: %s", dump(doc.Elements), dump(want))
	}
	if !reflect.DeepEqual(doc.Comments, all.Comments) {
		t.Errorf("comments differ: %v, full scan %v", doc.Comments, all.Comments)
	}
}

// TestKept: Parse keeps the elements and attributes fpcheck reads and
// drops the rest (it kept every element with every attribute).
func TestKept(t *testing.T) {
	text := []byte(`<view class="a"><import src="a.wxml"/><include src='b.wxml' x="y"></include>
<wxs src="c.wxs" module="c"/><wxs module="d">var e = require('./e.wxs')</wxs>
<functional-page-navigator name="requestPayment" version="release" args="{{a}}"><button open-type="getPhoneNumber" size="mini">x</button></functional-page-navigator>
<open-data type="userNickName"/><web-view src="https://example.com"></web-view><Button open-type="contact"/><template is="t"/></view>`)
	doc, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Elements {
		s := e.Name
		for _, a := range e.Attrs {
			s += " " + a.Name + "=" + a.Value
		}
		if e.BodyStart >= 0 {
			s += " body=" + string(text[e.BodyStart:e.BodyEnd])
		}
		got = append(got, s)
	}
	want := []string{
		"import src=a.wxml", "include src=b.wxml", "wxs src=c.wxs", "wxs body=var e = require('./e.wxs')",
		"functional-page-navigator name=requestPayment version=release", "button open-type=getPhoneNumber",
		"open-data", "web-view",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	all, allErr := parseAll(text)
	checkKept(t, text, all, allErr)
	for _, tc := range parseCases {
		full, fullErr := parseAll([]byte(tc.text))
		checkKept(t, []byte(tc.text), full, fullErr)
	}
	for _, tc := range errorCases {
		full, fullErr := parseAll([]byte(tc.text))
		checkKept(t, []byte(tc.text), full, fullErr)
	}
	big := benchDoc(20 << 10)
	all, allErr = parseAll(big)
	checkKept(t, big, all, allErr)
}

// TestDocumentHoldsNoText: a kept value is a copy, so the document does
// not keep the text alive.
func TestDocumentHoldsNoText(t *testing.T) {
	text := []byte(`<import src="a.wxml"/>`)
	doc, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	copy(text, bytes.Repeat([]byte("x"), len(text)))
	if a, _ := doc.Elements[0].Attr("src"); a.Value != "a.wxml" || a.Name != "src" || doc.Elements[0].Name != "import" {
		t.Errorf("the document changed with the text: %+v", doc.Elements[0])
	}
}

// checkRenders fails when err's message does not render in every
// language (a missing or extra argument, a verb that does not fit). The
// text quoted in it may hold "%!" itself: the check renders a copy
// without '%' in its quoted text.
func checkRenders(t *testing.T, err *SyntaxError) {
	t.Helper()
	if e := i18n.RenderError(err.Message); e != nil {
		t.Error(e)
	}
}

// TestMessagesInChinese checks the Chinese of a few messages.
func TestMessagesInChinese(t *testing.T) {
	tests := []struct{ text, want string }{
		{`<!-- x`, `注释未闭合："<!--" 缺少对应的 "-->"`},
		{`<view class="a`, `属性值未闭合："class" 的值以 '"' 开始，但没有结束引号`},
		{`<view a="{{b"/>`, `表达式未闭合："a" 的值中的 "{{" 缺少对应的 "}}"`},
		{`<wxs module="m">var a`, `wxs 的内容未闭合："<wxs>" 缺少对应的 "</wxs>"`},
		{`</view`, `结束标签未闭合："</view" 缺少结束的 ">"`},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.text))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", tc.text, err)
			continue
		}
		if got := se.Message.Localize(i18n.Zh); got != tc.want {
			t.Errorf("Parse(%q) in Chinese:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}
