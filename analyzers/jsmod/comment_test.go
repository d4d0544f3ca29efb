package jsmod

import (
	"reflect"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// lc builds an expected line comment from its span: the text follows "//".
func lc(start, end int) source.Comment {
	return source.Comment{Start: start, End: end, TextStart: start + 2, TextEnd: end}
}

// bc builds an expected block comment from its span: the text lies between
// "/*" and "*/".
func bc(start, end int) source.Comment {
	return source.Comment{Start: start, End: end, TextStart: start + 2, TextEnd: end - 2}
}

var commentCases = []struct {
	name string
	src  string
	ts   bool
	want []source.Comment
}{
	{"line and block", "// a\nvar x = 1 /* b */\n", false, []source.Comment{lc(0, 4), bc(15, 22)}},
	{"Chinese text before and inside", "var s = \"中文\"; // 注释 fpcheck-disable-line x\n/* 多行\n注释 */", false, []source.Comment{lc(18, 50), bc(51, 70)}},
	{"CRLF", "var a = 1 // x\r\nvar b = 2\r\n/* y\r\n z */\r\n", false, []source.Comment{lc(10, 14), bc(27, 38)}},
	{"'//' and '/*' in strings", "var u = \"http://x\" + 'a//b' + \"/*\"; // real", false, []source.Comment{lc(36, 43)}},
	{"'//' in templates", "var t = `//${a /* in sub */ + `//`}//` // real", false, []source.Comment{bc(15, 27), lc(39, 46)}},
	{"'//' in regular expressions", "var r = /\\/\\//g, q = /[/]*/; // real", false, []source.Comment{lc(29, 36)}},
	{"regular expression after an if header", "if (a) /\\/\\//.test(b) // c", false, []source.Comment{lc(22, 26)}},
	{"regular expression after a block", "if (a) {}\n/\\/\\//.test(b) // c", false, []source.Comment{lc(25, 29)}},
	{"regular expression after return and =>", "function f() { return /\\/\\// }\nvar g = () => /\\/*/ // c", false, []source.Comment{lc(51, 55)}},
	{"division after a name, ')' and ']'", "var d = a / b // c\nvar e = (a) / 2 / 3 // d\nx = a[0] / 2 // e", false, []source.Comment{lc(14, 18), lc(39, 43), lc(57, 61)}},
	{"division after a keyword property name", "var h = o.default / 2 // half\nvar k = o?.return / 2 // k", false, []source.Comment{lc(22, 29), lc(52, 56)}},
	{"nested-looking block comment", "/* /* */ var x = 1 // */", false, []source.Comment{bc(0, 8), lc(19, 24)}},
	{"JSDoc and empty comments", "/** fpcheck-disable-next-line a -- b */\nf() /**/\n//", false, []source.Comment{bc(0, 39), bc(44, 48), lc(49, 51)}},
	{"CRLF line continuation in a string", "var s = 'a\\\r\n// not'; // yes\r\n", false, []source.Comment{lc(22, 28)}},
	{"U+2028 ends a line comment", "var a = 1 // x\u2028var b = 2 // y", false, []source.Comment{lc(10, 14), lc(27, 31)}},
	{"BOM", "\ufeff// c\nvar a = /x/ // d", false, []source.Comment{lc(3, 7), lc(20, 24)}},
	{"shebang", "#!/usr/bin//env node\nvar a = 1 // c", false, []source.Comment{lc(31, 35)}},
	{"ES module", "import a from './a' // dep\nexport const b = /* inline */ a\n", false, []source.Comment{lc(20, 26), bc(44, 56)}},
	{"TypeScript", "declare const x: number | null\nconst n: number = x! / 2 // half\nlet r: string = /re\\/\\//.source /* c */\n", true, []source.Comment{lc(56, 63), bc(96, 103)}},
	{"TypeScript generics and types", "function f<T>(a: T): T { return a } // 泛型\ntype U = { a: '//' } // t", true, []source.Comment{lc(36, 45), lc(67, 71)}},
	{"no comments", "var a = 1", false, nil},
}

func TestComments(t *testing.T) {
	for _, tc := range commentCases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse("c.js", []byte(tc.src), Options{TypeScript: tc.ts})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(m.Comments, tc.want) {
				t.Errorf("comments = %+v\nwant %+v", m.Comments, tc.want)
			}
			if msg := checkModule(m, []byte(tc.src)); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestCommentsOfBrokenFiles checks that what Parse reports for broken
// files is unchanged: an error and no module.
func TestCommentsOfBrokenFiles(t *testing.T) {
	for _, src := range []string{"var a /* x", "var a = 1 /* x */ */", "// a\n'unterminated\n// b"} {
		m, err := Parse("c.js", []byte(src), Options{})
		if err == nil || m != nil {
			t.Errorf("%q: module %+v, error %v; want only an error", src, m, err)
		}
	}
}

// TestCommentsAfterDeepNesting checks that deeply nested input is still
// rejected however many comments it holds.
func TestCommentsAfterDeepNesting(t *testing.T) {
	src := strings.Repeat("/**/(// c\n", 3000)
	if _, err := Parse("c.js", []byte(src), Options{}); err == nil || err.Message.Key != errTooDeep {
		t.Errorf("error = %v, want %q", err, errTooDeep)
	}
}

// TestSkipBack: reading back over comments finds where each starts as a
// forward reader does: comments do not nest, and a "*/" that overlaps its
// own "/*" ends nothing.
func TestSkipBack(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // skipBack(text, len(text))
	}{
		{"a /* b */", 1},
		{"a /* b /* c */", 1},
		{"a/*/ b */", 1},
		{"import/*/import(/**/", 6},
		{"import/*import(/**/", 6},
		{"a /* b */ /* c */  ", 1},
		{"a /*/", 5}, // unterminated: the "/" counts
		{"a */", 4},  // ends no comment
		{"  /* x */", 0},
	} {
		if got := skipBack([]byte(tc.text), len(tc.text)); got != tc.want {
			t.Errorf("skipBack(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
