package wxss

import (
	"reflect"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// cmt builds an expected comment from its outer span: the text lies
// between "/*" and "*/".
func cmt(start, end int) source.Comment {
	return source.Comment{Start: start, End: end, TextStart: start + 2, TextEnd: end - 2}
}

func TestComments(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []source.Comment
	}{
		{"one comment", "/* a */.a{}", []source.Comment{cmt(0, 7)}},
		{
			"Chinese text before and inside",
			".a{color:red}/* 中文注释 */\n/* fpcheck-disable-next-line x -- 原因 */\n.b{}",
			[]source.Comment{cmt(13, 31), cmt(32, 75)},
		},
		{"CRLF", ".a{}\r\n/*\r\n b\r\n*/\r\n.c{}", []source.Comment{cmt(6, 16)}},
		{
			"'/*' inside a string and an unquoted url",
			`.a{content:"/* no */"; background:url(/* no */x.png)}/* yes */`,
			[]source.Comment{cmt(53, 62)},
		},
		{"nested-looking comment ends at the first '*/'", "/* /* */ */", []source.Comment{cmt(0, 8)}},
		{
			"comments around an @import path",
			"/**/@import /* mid */ 'a.wxss' /* media */ screen;",
			[]source.Comment{cmt(0, 4), cmt(12, 21), cmt(31, 42)},
		},
		{"comment inside a block", "@media screen { /* in block */ .a{} }", []source.Comment{cmt(16, 30)}},
		{"an escaped '/' starts no comment", `.a\/* x */{}`, nil},
		{"BOM", "\ufeff/*a*/", []source.Comment{cmt(3, 8)}},
		{"no comments", ".a{}", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sheet, err := Parse([]byte(tc.text))
			if err != nil {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			if !reflect.DeepEqual(sheet.Comments, tc.want) {
				t.Errorf("comments = %+v, want %+v", sheet.Comments, tc.want)
			}
			checkInvariants(t, []byte(tc.text), sheet, err)
		})
	}
}

// TestCommentsBeforeAnError checks that the comments before the first
// error are kept and that an unterminated comment is only an error.
func TestCommentsBeforeAnError(t *testing.T) {
	cases := []struct {
		text       string
		wantOffset int
		want       []source.Comment
	}{
		{"/* a */.a{}/* b", 11, []source.Comment{cmt(0, 7)}},
		{"/* a */@import /* b */ /* c", 23, []source.Comment{cmt(0, 7), cmt(15, 22)}},
		{"/* a */.a{content:'x\n/* b */}", 18, []source.Comment{cmt(0, 7)}},
	}
	for _, tc := range cases {
		sheet, err := Parse([]byte(tc.text))
		if err == nil || err.Offset != tc.wantOffset {
			t.Errorf("%q: error = %v, want one at %d", tc.text, err, tc.wantOffset)
		}
		if !reflect.DeepEqual(sheet.Comments, tc.want) {
			t.Errorf("%q: comments = %+v, want %+v", tc.text, sheet.Comments, tc.want)
		}
		checkInvariants(t, []byte(tc.text), sheet, err)
	}
}
