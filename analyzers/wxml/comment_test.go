package wxml

import (
	"errors"
	"reflect"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// cmt builds an expected comment from its outer span: the text lies
// between "<!--" and "-->".
func cmt(start, end int) source.Comment {
	return source.Comment{Start: start, End: end, TextStart: start + 4, TextEnd: end - 3}
}

func TestComments(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []source.Comment
	}{
		{"one comment", "<!-- a --><view/>", []source.Comment{cmt(0, 10)}},
		{
			"Chinese text before and inside",
			"<view>中文</view><!-- 注释：fpcheck-disable-next-line x -->\n<text/>",
			[]source.Comment{cmt(19, 64)},
		},
		{"CRLF", "<view/>\r\n<!--\r\n a\r\n-->\r\n<!-- b -->", []source.Comment{cmt(9, 22), cmt(24, 34)}},
		{
			"'<!--' inside attribute values and a text expression",
			`<view a="<!-- x -->" b='<!--'/><text>{{ "<!-- y -->" }}</text><!--z-->`,
			[]source.Comment{cmt(62, 70)},
		},
		{"'<!--' inside an unquoted expression", "{{ a <!-- b }}<!-- d -->", []source.Comment{cmt(14, 24)}},
		{
			"comments in an inline wxs body belong to the body",
			`<wxs module="m"><!-- not --> // x /* y */</wxs><!-- yes -->`,
			[]source.Comment{cmt(47, 59)},
		},
		{
			"empty, '--' inside, nested-looking",
			"<!----><!-- a -- b --><!-- <!-- c -->-->",
			[]source.Comment{cmt(0, 7), cmt(7, 22), cmt(22, 37)},
		},
		{"a comment hides a tag", "<!-- <view> --><view/>", []source.Comment{cmt(0, 15)}},
		{"'<!-->' does not close itself", "<!--> a -->", []source.Comment{cmt(0, 11)}},
		{"no comments", "<view/>", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.text))
			if err != nil {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			if !reflect.DeepEqual(doc.Comments, tc.want) {
				t.Errorf("comments = %+v, want %+v", doc.Comments, tc.want)
			}
			checkInvariants(t, []byte(tc.text), doc, err)
		})
	}
}

// TestUnterminatedCommentNotListed checks that the comments before an
// unterminated one are kept and the unterminated one is only an error.
func TestUnterminatedCommentNotListed(t *testing.T) {
	text := "<!-- a --><view/><!-- b"
	doc, err := Parse([]byte(text))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset != 17 {
		t.Fatalf("error = %v, want a SyntaxError at 17", err)
	}
	if want := []source.Comment{cmt(0, 10)}; !reflect.DeepEqual(doc.Comments, want) {
		t.Errorf("comments = %+v, want %+v", doc.Comments, want)
	}
	checkInvariants(t, []byte(text), doc, err)
}
