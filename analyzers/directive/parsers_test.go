package directive

import (
	"reflect"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
	"github.com/fpcheck/fpcheck/analyzers/wxss"
)

// TestWithParsers reads the directives of the comments each parser
// records.
func TestWithParsers(t *testing.T) {
	wxmlText := []byte("<!-- 页面 -->\n<!-- fpcheck-disable-next-line a -- 旧 -->\n<view/>")
	doc, err := wxml.Parse(wxmlText)
	if err != nil {
		t.Fatal(err)
	}
	wxssText := []byte("/* fpcheck-disable b */\n.a{}")
	sheet, serr := wxss.Parse(wxssText)
	if serr != nil {
		t.Fatal(serr)
	}
	jsText := []byte("import x from './x' // fpcheck-disable-line c, d -- 因为\n/** 说明 */\n")
	mod, jerr := jsmod.Parse("a.js", jsText, jsmod.Options{})
	if jerr != nil {
		t.Fatal(jerr)
	}
	cases := []struct {
		name     string
		text     []byte
		comments []source.Comment
		want     []string // "kind rules reason" of each directive
	}{
		{"wxml", wxmlText, doc.Comments, []string{"fpcheck-disable-next-line [a] 旧"}},
		{"wxss", wxssText, sheet.Comments, []string{"fpcheck-disable [b] "}},
		{"jsmod", jsText, mod.Comments, []string{"fpcheck-disable-line [c d] 因为"}},
	}
	for _, tc := range cases {
		var got []string
		for _, c := range tc.comments {
			if d, ok := Parse(tc.text, c); ok {
				checkDirective(t, tc.text, c, d)
				got = append(got, d.Kind.String()+" "+"["+strings.Join(d.Rules, " ")+"]"+" "+d.Reason)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: directives %q, want %q", tc.name, got, tc.want)
		}
	}
}
