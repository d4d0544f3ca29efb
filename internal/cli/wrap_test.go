package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrapEnglishAtSpaces(t *testing.T) {
	got := wrap("the quick brown fox jumps over the lazy dog", 15)
	want := "the quick brown\nfox jumps over\nthe lazy dog"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWrapChinese(t *testing.T) {
	s := "插件功能页目录中的文件只能依赖同一目录下的文件，而目录外的代码也不能依赖插件功能页；请把 utils/sign.js 移到 functional-pages/ 中。"
	got := wrap(s, 20)
	for line := range strings.SplitSeq(got, "\n") {
		if columns(line) > 20 {
			t.Errorf("line over 20 columns (%d): %q", columns(line), line)
		}
		if r, _ := utf8.DecodeRuneInString(line); closing(r) {
			t.Errorf("line begins with closing punctuation: %q", line)
		}
		if r, _ := utf8.DecodeLastRuneInString(line); opening(r) {
			t.Errorf("line ends with opening punctuation: %q", line)
		}
	}
	if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(s), "") {
		t.Errorf("wrapping lost or added text:\n%s", got)
	}
	if !strings.Contains(got, "utils/sign.js") || !strings.Contains(got, "functional-pages/") {
		t.Errorf("a path was broken:\n%s", got)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("插件功能页（functional-pages/）中的文件，只能依赖同一目录。", 10)
	f.Add("a b c", 1)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 1 || width > 200 || !utf8.ValidString(s) {
			return
		}
		got := wrap(s, width)
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(s), "") {
			t.Errorf("wrap(%q, %d) = %q changes the text", s, width, got)
		}
	})
}
