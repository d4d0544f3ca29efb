package wxss

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// imp builds an expected import.
func imp(path string, start, end, ruleStart int) Import {
	return Import{Path: path, Start: start, End: end, RuleStart: ruleStart}
}

type parseCase struct {
	name string
	text string
	want []Import
}

var parseCases = []parseCase{
	// The four forms.
	{
		name: "double-quoted path",
		text: `@import "common.wxss";`,
		want: []Import{imp("common.wxss", 8, 21, 0)},
	},
	{
		name: "single-quoted path",
		text: `@import 'a.wxss';`,
		want: []Import{imp("a.wxss", 8, 16, 0)},
	},
	{
		name: "url with a quoted path",
		text: `@import url("../../styles/common.wxss");`,
		want: []Import{imp("../../styles/common.wxss", 12, 38, 0)},
	},
	{
		name: "url with an unquoted path",
		text: `@import url(/app-base.wxss);`,
		want: []Import{imp("/app-base.wxss", 12, 26, 0)},
	},
	{
		name: "url with white space around a quoted path",
		text: "@import url(\n  'a.wxss'\n);",
		want: []Import{imp("a.wxss", 15, 23, 0)},
	},
	{
		name: "url with white space around an unquoted path: the span is the path only",
		text: "@import url(  a.wxss\t );",
		want: []Import{imp("a.wxss", 14, 20, 0)},
	},
	{
		name: "unquoted url may hold ';' and quotes",
		text: `@import url(data:text/css;charset=utf-8,a'b);@import "c.wxss";`,
		want: []Import{imp("data:text/css;charset=utf-8,a'b", 12, 43, 0), imp("c.wxss", 53, 61, 45)},
	},
	{
		name: "unquoted url left open runs to the end of the text",
		text: "@import url(a.wxss  \n",
		want: []Import{imp("a.wxss", 12, 18, 0)},
	},
	{
		name: "empty string path",
		text: `@import "";`,
		want: []Import{imp("", 8, 10, 0)},
	},

	// Case.
	{
		name: "keyword and url are case-insensitive",
		text: `@IMPORT "a.wxss";@Import URL(b.wxss);@iMpOrT uRl('c.wxss');`,
		want: []Import{imp("a.wxss", 8, 16, 0), imp("b.wxss", 29, 35, 17), imp("c.wxss", 49, 57, 37)},
	},

	// White space, comments, line breaks.
	{
		name: "no white space",
		text: `@import"a.wxss";@import'b.wxss';@import url(c.wxss);`,
		want: []Import{imp("a.wxss", 7, 15, 0), imp("b.wxss", 23, 31, 16), imp("c.wxss", 44, 50, 32)},
	},
	{
		name: "comments between tokens",
		text: `/* head */@import/* c */"a.wxss"/* d */;/**/@import /* e */ url(b.wxss) /* f */;`,
		want: []Import{imp("a.wxss", 24, 32, 10), imp("b.wxss", 64, 70, 44)},
	},
	{
		name: "CRLF, tabs and form feeds",
		text: "\r\n\t@import\r\n  \"a.wxss\"\r\n;\f@import\t'b.wxss'\r\n",
		want: []Import{imp("a.wxss", 14, 22, 3), imp("b.wxss", 34, 42, 26)},
	},
	{
		name: "media queries after the path",
		text: `@import "a.wxss" screen and (min-width: 100px);@import url(b.wxss) print;`,
		want: []Import{imp("a.wxss", 8, 16, 0), imp("b.wxss", 59, 65, 47)},
	},
	{
		name: "missing semicolon before a rule",
		text: "@import 'a.wxss'\n.page { color: red; }\n@import 'b.wxss'",
		want: []Import{imp("a.wxss", 8, 16, 0), imp("b.wxss", 47, 55, 39)},
	},

	// Escapes: Path decoded, span raw.
	{
		name: "escaped quote and backslash",
		text: `@import "a\"b.wxss";@import 'c\\d.wxss';`,
		want: []Import{imp(`a"b.wxss`, 8, 19, 0), imp(`c\d.wxss`, 28, 39, 20)},
	},
	{
		name: "hex escapes with and without a trailing space",
		text: `@import "\61 .wxss";@import "\000062.wxss";@import "\63\2e wxss";`,
		want: []Import{imp("a.wxss", 8, 19, 0), imp("b.wxss", 28, 42, 20), imp("c.wxss", 51, 64, 43)},
	},
	{
		name: "hex escape swallows one CRLF",
		text: "@import \"\\61\r\n.wxss\";",
		want: []Import{imp("a.wxss", 8, 20, 0)},
	},
	{
		name: "escaped line break inside a string is a continuation",
		text: "@import \"a\\\nb\\\r\nc.wxss\";",
		want: []Import{imp("abc.wxss", 8, 23, 0)},
	},
	{
		name: "invalid code points decode to U+FFFD",
		text: `@import "\0\D800\110000";`,
		want: []Import{imp("\uFFFD\uFFFD\uFFFD", 8, 24, 0)},
	},
	{
		name: "escaped non-ASCII and non-hex characters",
		text: `@import "中\文\g.wxss";`,
		want: []Import{imp("中文g.wxss", 8, 24, 0)},
	},
	{
		name: "escapes in an unquoted url",
		text: `@import url(a\)b\ c.wxss);`,
		want: []Import{imp("a)b c.wxss", 12, 24, 0)},
	},

	// Statement starts and the top level.
	{
		name: "BOM before the first rule",
		text: "\ufeff@import \"a.wxss\";",
		want: []Import{imp("a.wxss", 11, 19, 3)},
	},
	{
		name: "after @charset, rules and blocks",
		text: "@charset \"utf-8\";\n@import \"a.wxss\";\n.page { color: red }\n@import \"b.wxss\";\n" +
			"@media (max-width: 300px) { .a { b: c } }\n@import \"c.wxss\";",
		want: []Import{imp("a.wxss", 26, 34, 18), imp("b.wxss", 65, 73, 57), imp("c.wxss", 125, 133, 117)},
	},
	{
		name: "after a stray closing brace",
		text: `}}@import "a.wxss";`,
		want: []Import{imp("a.wxss", 10, 18, 2)},
	},
	{
		name: "only the first of two rules without a semicolon between them",
		text: `@import "a.wxss" @import "b.wxss";`,
		want: []Import{imp("a.wxss", 8, 16, 0)},
	},

	// Things that look like an import but are not.
	{name: "inside a comment", text: `/* @import "x.wxss"; */`},
	{name: "inside a Chinese comment", text: "/* 旧的: @import \"x.wxss\"; */\n.a{}"},
	{name: "inside a string", text: `.a::after { content: "@import 'x.wxss'"; }`},
	{name: "inside a single-quoted string", text: `.a::after { content: '@import "x.wxss";'; }`},
	{name: "longer at-keyword", text: `@imports "x.wxss"; @import-x "y.wxss"; @import_z "z.wxss"; @importurl(w.wxss);`},
	{name: "at-keyword glued to an identifier", text: `x@import "x.wxss";`},
	{name: "not at a statement start", text: `.a {} b @import "x.wxss"; @charset "utf-8" @import "y.wxss";`},
	{name: "nested in a block", text: `@media screen { @import "x.wxss"; } .a { @import url(y.wxss); }`},
	{name: "escaped at sign", text: `\@import "x.wxss";`},
	{name: "escape inside the keyword", text: `@\69mport "x.wxss"; @import\ "y.wxss";`},
	{name: "not a path", text: `@import common.wxss; @import {} @import @import "x.wxss";`},
	{name: "function ending in url", text: `@import my-url(x.wxss);`},
	{name: "empty document", text: ""},
	{name: "only a BOM", text: "\ufeff"},

	// Real-world WXSS around imports.
	{
		name: "rpx, ::v-deep, :host, page, !important, unicode-range",
		text: "page { background: #f5f5f5; font-size: 28rpx; }\n" +
			":host { display: block; }\n" +
			".wrap ::v-deep .van-button { margin: 0 20rpx !important; }\n" +
			"@font-face { font-family: 'iconfont'; unicode-range: U+0025-00FF, u+4??; }\n" +
			"@import \"a.wxss\";",
		want: []Import{imp("a.wxss", 216, 224, 208)},
	},
	{
		name: "data URI with quotes, ';' and nested parentheses in an unquoted url",
		text: ".a { background: url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'><path fill='rgb(0,0,0)' d='M0 0'/></svg>) no-repeat; }\n" +
			"@import 'b.wxss';",
		want: []Import{imp("b.wxss", 148, 156, 140)},
	},
	{
		name: "quoted url holding braces and a semicolon",
		text: `.a { background: url( "x;}.png" ) } @import "b.wxss";`,
		want: []Import{imp("b.wxss", 44, 52, 36)},
	},
	{
		name: "font-face with a base64 data URI and format()",
		text: "@font-face {\n  font-family: 'iconfont';\n  src: url('data:font/woff2;charset=utf-8;base64,d09GMgABAAAAA') format('woff2'),\n" +
			"       url(data:application/x-font-woff;base64,d09GRgABA+/=) format(\"woff\");\n}\n@import url(\"b.wxss\");",
		want: []Import{imp("b.wxss", 213, 221, 201)},
	},
	{
		name: "unbalanced '(' inside an unquoted url falls back to its first ')'",
		text: `.a { background: url(a(b.png) } @import "c.wxss";`,
		want: []Import{imp("c.wxss", 40, 48, 32)},
	},
	{
		name: "escaped quotes and braces outside and inside strings",
		text: `.a { content: \"; } .b { content: "\"}"; } @import "c.wxss";`,
		want: []Import{imp("c.wxss", 51, 59, 43)},
	},
	{
		name: "escaped line break in an ordinary string",
		text: ".a { content: \"a\\\nb\"; }\n@import \"c.wxss\";",
		want: []Import{imp("c.wxss", 32, 40, 24)},
	},
	{
		name: "Chinese text in comments, strings and the path",
		text: "/* 公共样式 */\n.a::before { content: \"中文\"; }\n@import \"./样式/公共.wxss\";",
		want: []Import{imp("./样式/公共.wxss", 61, 83, 53)},
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			sheet, err := Parse([]byte(tc.text))
			if err != nil {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			if !reflect.DeepEqual(sheet.Imports, tc.want) {
				t.Errorf("imports differ\n got: %s\nwant: %s", dump(sheet.Imports), dump(tc.want))
			}
			checkInvariants(t, []byte(tc.text), sheet, err)
		})
	}
}

type errorCase struct {
	name       string
	text       string
	wantOffset int
	wantMsg    string // exact message when not empty
	want       []Import
}

var errorCases = []errorCase{
	{
		name:       "unterminated comment",
		text:       `@import "a.wxss"; /* @import "b.wxss";`,
		wantOffset: 18,
		wantMsg:    `unterminated comment: "/*" has no matching "*/"`,
		want:       []Import{imp("a.wxss", 8, 16, 0)},
	},
	{
		name:       "unterminated comment between @import and its path",
		text:       `@import /* "a.wxss";`,
		wantOffset: 8,
	},
	{
		name:       "unterminated import path",
		text:       `@import "a.wxss`,
		wantOffset: 8,
		wantMsg:    `unterminated string: the string opened with '"' never closes`,
	},
	{
		name:       "line break in an import path",
		text:       "@import 'a.wxss\n';",
		wantOffset: 8,
		wantMsg:    `unterminated string: the string opened with '\'' runs into a line break`,
	},
	{
		name:       "CR in a quoted url path",
		text:       "@import url(\"a\r\");",
		wantOffset: 12,
	},
	{
		name:       "line break in an ordinary string",
		text:       ".a { content: \"abc\n\"; }",
		wantOffset: 14,
	},
	{
		name:       "form feed in a string",
		text:       ".a { content: 'a\fb'; }",
		wantOffset: 14,
	},
	{
		name:       "backslash at the end of a string",
		text:       `.a { content: "a\`,
		wantOffset: 14,
	},
	{
		name:       "import without a path before ';'",
		text:       `@import "a.wxss";` + "\n@import ;",
		wantOffset: 18,
		wantMsg:    `missing path: "@import" must be followed by a quoted path or url(...)`,
		want:       []Import{imp("a.wxss", 8, 16, 0)},
	},
	{
		name:       "import without a path at the end of the text",
		text:       "@IMPORT /* x */\n",
		wantOffset: 0,
		wantMsg:    `missing path: "@IMPORT" must be followed by a quoted path or url(...)`,
	},
	{
		name:       "import with an empty url",
		text:       `@import url();`,
		wantOffset: 0,
		wantMsg:    `missing path: the url() after "@import" is empty`,
	},
	{
		name:       "import with a blank url",
		text:       "@import url( \n );",
		wantOffset: 0,
	},
	{
		name:       "unterminated string in the media query list",
		text:       `@import "a.wxss" screen "b;`,
		wantOffset: 24,
		want:       []Import{imp("a.wxss", 8, 16, 0)},
	},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			sheet, err := Parse([]byte(tc.text))
			if err == nil {
				t.Fatal("Parse: no error")
			}
			if err.Offset != tc.wantOffset {
				t.Errorf("Offset = %d, want %d (%s)", err.Offset, tc.wantOffset, err.Message)
			}
			if tc.wantMsg != "" && err.Message.String() != tc.wantMsg {
				t.Errorf("Message = %q, want %q", err.Message, tc.wantMsg)
			}
			if want := fmt.Sprintf("offset %d: %s", err.Offset, err.Message); err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
			if !reflect.DeepEqual(sheet.Imports, tc.want) {
				t.Errorf("imports differ\n got: %s\nwant: %s", dump(sheet.Imports), dump(tc.want))
			}
			checkInvariants(t, []byte(tc.text), sheet, err)
		})
	}
}

// TestUTF16Position checks offsets against source positions on a line with
// Chinese text and an emoji before the @import. Line 2 starts at byte 5,
// after ".a{}\n". Before '@' on that line come "/* " (3 bytes, 3 UTF-16
// units), "公共样式" (12 bytes, 4 units), " " (1, 1), "🎨" (4 bytes, 2 units)
// and " */ " (4, 4): 24 bytes and 14 units, so '@' is at offset 29, column
// 15. The quote follows "@import " (8 more of each): offset 37, column 23.
// The literal "common.wxss" with its quotes is 13 long: End is offset 50,
// column 36.
func TestUTF16Position(t *testing.T) {
	text := []byte(".a{}\n/* 公共样式 🎨 */ @import \"common.wxss\";")
	sheet, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Import{imp("common.wxss", 37, 50, 29)}
	if !reflect.DeepEqual(sheet.Imports, want) {
		t.Fatalf("imports differ\n got: %s\nwant: %s", dump(sheet.Imports), dump(want))
	}
	f := source.New("app.wxss", text)
	im := sheet.Imports[0]
	checks := []struct {
		what string
		off  int
		want source.Pos
	}{
		{"rule", im.RuleStart, source.Pos{Line: 2, Col: 15}},
		{"path start", im.Start, source.Pos{Line: 2, Col: 23}},
		{"path end", im.End, source.Pos{Line: 2, Col: 36}},
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
	text := []byte("\ufeff@import \"a.wxss\";\r\n  @import url(b.wxss);\r\n")
	sheet, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Imports) != 2 {
		t.Fatalf("got %d imports, want 2: %s", len(sheet.Imports), dump(sheet.Imports))
	}
	f := source.New("a.wxss", text)
	want := []source.Pos{{Line: 1, Col: 9}, {Line: 2, Col: 15}}
	for i, im := range sheet.Imports {
		if got := f.PosAt(im.Start); got != want[i] {
			t.Errorf("import %q at %+v, want %+v", im.Path, got, want[i])
		}
	}
}

func TestMessagesArePlainSentences(t *testing.T) {
	for _, tc := range errorCases {
		_, err := Parse([]byte(tc.text))
		if err == nil {
			t.Fatalf("%s: no SyntaxError", tc.name)
		}
		checkRenders(t, err)
		if m := err.Message.String(); m == "" || m[0] < 'a' || m[0] > 'z' || strings.HasSuffix(m, ".") {
			t.Errorf("%s: message %q must start lower-case and not end with a period", tc.name, m)
		}
	}
}

// TestHostileInputs parses megabyte inputs built to trigger quadratic
// behavior in a naive scanner.
func TestHostileInputs(t *testing.T) {
	const n = 1 << 20
	cases := []struct {
		name        string
		text        string
		wantImports int
		wantErr     bool
	}{
		{"many closed '/*/'", strings.Repeat("/*//*/", n/6), 0, false},
		{"many '/*'", strings.Repeat("/*", n/2), 0, true},
		{"many '@import'", strings.Repeat("@import", n/7), 0, false},
		{"many '@import '", strings.Repeat("@import ", n/8), 0, false},
		{"many '@import /**/'", strings.Repeat("@import /**/", n/12), 0, false},
		{"many '\"'", strings.Repeat(`"`, n), 0, false},
		{"many '\"' and one more", strings.Repeat(`"`, n+1), 0, true},
		{"many 'url('", strings.Repeat("url(", n/4), 0, false},
		{"many '@import url('", strings.Repeat("@import url(", n/12), 1, false},
		{"many 'url(a(' with a few ')'", strings.Repeat("url(a(", n/6) + ")" + strings.Repeat("url(a(b)", n/8), 0, false},
		{"many 'url(a(b)'", strings.Repeat("url(a(b)", n/8), 0, false},
		{"many '('", strings.Repeat("(", n), 0, false},
		{"many '{'", strings.Repeat("{", n) + `@import "a";`, 0, false},
		{"many '}'", strings.Repeat("}", n) + `@import "a";`, 1, false},
		{"many '\\'", strings.Repeat(`\`, n), 0, false},
		{"string of escapes", `"` + strings.Repeat(`\"`, n/2) + `"`, 0, false},
		{"path of hex escapes", `@import "` + strings.Repeat(`\4e2d `, n/6) + `";`, 1, false},
		{"many real imports", strings.Repeat(`@import "a.wxss";`, n/17), n / 17, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			sheet, err := Parse([]byte(tc.text))
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("took %v on %d bytes: not linear", elapsed, len(tc.text))
			}
			if (err != nil) != tc.wantErr {
				t.Errorf("error = %v, want error: %v", err, tc.wantErr)
			}
			if len(sheet.Imports) != tc.wantImports {
				t.Errorf("got %d imports, want %d", len(sheet.Imports), tc.wantImports)
			}
		})
	}
}

// checkInvariants fails t when sheet or err break the guarantees of Parse.
func checkInvariants(t *testing.T, text []byte, sheet *Sheet, err *SyntaxError) {
	t.Helper()
	if sheet == nil {
		t.Fatal("Parse returned a nil Sheet")
	}
	if err != nil {
		if err.Offset < 0 || err.Offset >= len(text) {
			t.Fatalf("SyntaxError offset %d outside [0,%d)", err.Offset, len(text))
		}
		if c := text[err.Offset]; c != '"' && c != '\'' && c != '@' && !hasAt(text, err.Offset, "/*") {
			t.Errorf("SyntaxError at %q, want a quote, '@' or \"/*\"", text[err.Offset:min(err.Offset+8, len(text))])
		}
		if err.Message.IsZero() {
			t.Error("SyntaxError without a message")
		}
		checkRenders(t, err)
	}
	checkComments(t, text, sheet)
	prevEnd := 0
	for i, im := range sheet.Imports {
		if im.RuleStart < prevEnd || im.RuleStart >= im.Start || im.Start >= im.End || im.End > len(text) {
			t.Fatalf("import %d: bad offsets %+v (previous ended at %d, len %d)", i, im, prevEnd, len(text))
		}
		prevEnd = im.End
		if text[im.RuleStart] != '@' || !hasFoldAt(text, im.RuleStart+1, "import") {
			t.Errorf("import %d: rule at %q does not start with @import", i, text[im.RuleStart:im.Start])
		}
		if err != nil && im.End > err.Offset {
			t.Errorf("import %d ends at %d, after the error at %d", i, im.End, err.Offset)
		}
		raw := text[im.Start:im.End]
		if q := raw[0]; q == '"' || q == '\'' {
			if len(raw) < 2 || raw[len(raw)-1] != q {
				t.Errorf("import %d: literal %q does not end with its quote", i, raw)
			}
			raw = raw[1 : len(raw)-1]
		} else if isSpace(raw[0]) || isSpace(raw[len(raw)-1]) {
			t.Errorf("import %d: raw url %q holds surrounding white space", i, raw)
		}
		if !bytes.Contains(raw, []byte(`\`)) && string(raw) != im.Path {
			t.Errorf("import %d: Path %q but raw text %q without escapes", i, im.Path, raw)
		}
		if utf8.Valid(text) && !utf8.ValidString(im.Path) {
			t.Errorf("import %d: Path %q is not valid UTF-8 though the text is", i, im.Path)
		}
	}
}

// checkComments fails t when a comment span is outside the text, out of
// order, overlapping another comment or an import path, or not delimited by "/*" and "*/".
func checkComments(t *testing.T, text []byte, sheet *Sheet) {
	t.Helper()
	prevEnd := 0
	for i, c := range sheet.Comments {
		if c.Start < prevEnd || c.TextStart != c.Start+2 || c.TextEnd < c.TextStart || c.End != c.TextEnd+2 || c.End > len(text) {
			t.Fatalf("comment %d: bad offsets %+v (previous ended at %d, len %d)", i, c, prevEnd, len(text))
		}
		if !hasAt(text, c.Start, "/*") || !hasAt(text, c.TextEnd, "*/") {
			t.Errorf("comment %d: %q is not delimited by /* and */", i, text[c.Start:c.End])
		}
		if bytes.Contains(text[c.TextStart:c.End-1], []byte("*/")) {
			t.Errorf("comment %d: %q holds an earlier */", i, text[c.Start:c.End])
		}
		for _, im := range sheet.Imports {
			if c.Start < im.End && im.Start < c.End {
				t.Errorf("comment %+v overlaps import %+v", c, im)
			}
		}
		prevEnd = c.End
	}
}

// dump formats imports one per line for failure messages.
func dump(imps []Import) string {
	var b strings.Builder
	for _, im := range imps {
		fmt.Fprintf(&b, "\n  %+v", im)
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
	f.Add(benchSheet(2 << 10))
	f.Fuzz(func(t *testing.T, text []byte) {
		sheet, err := Parse(text)
		checkInvariants(t, text, sheet, err)

		// A comment and a line break before the text shift every offset
		// and change nothing else, unless they turn a leading BOM into
		// text.
		if bytes.HasPrefix(text, []byte("\ufeff")) {
			return
		}
		const prefix = "/* 前缀 */\n"
		shifted, err2 := Parse(append([]byte(prefix), text...))
		if (err == nil) != (err2 == nil) || err != nil && (err2.Offset != err.Offset+len(prefix) || err2.Message.Debug() != err.Message.Debug()) {
			t.Fatalf("with a prefix, error %v became %v", err, err2)
		}
		if len(shifted.Imports) != len(sheet.Imports) {
			t.Fatalf("with a prefix, %d imports became %d", len(sheet.Imports), len(shifted.Imports))
		}
		if len(shifted.Comments) != len(sheet.Comments)+1 {
			t.Fatalf("with a prefix, %d comments became %d", len(sheet.Comments), len(shifted.Comments))
		}
		for i, c := range sheet.Comments {
			c.Start += len(prefix)
			c.End += len(prefix)
			c.TextStart += len(prefix)
			c.TextEnd += len(prefix)
			if shifted.Comments[i+1] != c {
				t.Errorf("with a prefix, comment %d is %+v, want %+v", i, shifted.Comments[i+1], c)
			}
		}
		for i, im := range sheet.Imports {
			im.Start += len(prefix)
			im.End += len(prefix)
			im.RuleStart += len(prefix)
			if shifted.Imports[i] != im {
				t.Errorf("with a prefix, import %d is %+v, want %+v", i, shifted.Imports[i], im)
			}
		}
	})
}

// benchSheet builds a WXSS file of about size bytes in the style of a real
// mini-program page: imports at the top, then rules with rpx units, custom
// component selectors, comments in Chinese, media queries, keyframes and a
// font with a data URI.
func benchSheet(size int) []byte {
	const head = `@charset "utf-8";
/* 页面样式 */
@import "../../styles/common.wxss";
@import '/app-base.wxss';
@import url("../../components/card/card.wxss");
@import url(./theme.wxss) screen;
`
	const block = `
/* 商品卡片 · 列表 */
page { background-color: #f7f8fa; font-family: -apple-system, "PingFang SC", sans-serif; }
.goods-list { display: flex; flex-wrap: wrap; padding: 0 24rpx 32rpx; }
.goods-item { width: calc(50% - 12rpx); margin-bottom: 24rpx; border-radius: 16rpx; overflow: hidden; }
.goods-item:nth-child(2n) { margin-left: 24rpx; }
.goods-item .cover { width: 100%; height: 340rpx; background: url(https://cdn.example.com/img/placeholder.png) center / cover no-repeat; }
.goods-item .title::after { content: "…"; color: #999 !important; }
.wrap ::v-deep .van-button--primary { background: linear-gradient(90deg, rgba(255, 96, 52, 1), #ee0a24); }
:host { display: block; --theme-color: #07c160; }
@media (min-width: 768px) { .goods-item { width: calc(33.33% - 16rpx); } }
@keyframes fade-in { from { opacity: 0; transform: translateY(20rpx); } to { opacity: 1; } }
.icon-arrow { background-image: url("data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E"); }
.icon-check { background-image: url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' fill='rgb(7,193,96)'><path d='M0 0h24v24H0z'/></svg>); }
@font-face { font-family: 'iconfont'; src: url('data:font/woff2;charset=utf-8;base64,d09GMgABAAAAAAKAAAsAAAAABlQAAAI0AAEAAAAAAAAAAAAAAAAA') format('woff2'); unicode-range: U+0000-00FF; }
`
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < size {
		b.WriteString(block)
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	text := benchSheet(200 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sheet, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		if len(sheet.Imports) != 4 {
			b.Fatalf("got %d imports, want 4", len(sheet.Imports))
		}
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
		{`@import;`, `缺少路径："@import" 后应为带引号的路径或 url(...)`},
		{`@IMPORT url( );`, `缺少路径："@IMPORT" 后的 url() 为空`},
		{`a { } /* x`, `注释未闭合："/*" 缺少对应的 "*/"`},
		{"@import 'a\n';", `字符串未闭合：以 '\'' 开始的字符串遇到了换行`},
		{`@import "a`, `字符串未闭合：以 '"' 开始的字符串到文件末尾仍未结束`},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.text))
		if err == nil {
			t.Errorf("Parse(%q): no error", tc.text)
			continue
		}
		if got := err.Message.Localize(i18n.Zh); got != tc.want {
			t.Errorf("Parse(%q) in Chinese:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}
