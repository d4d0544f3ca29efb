package cli

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrap folds text at width terminal columns: at spaces, and in Chinese
// between any two characters, since Chinese has no spaces between words.
// A line does not begin with closing punctuation (，。）…) nor end with
// opening punctuation (（“…), the way Chinese text is set; a Chinese
// character takes two columns.
func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if col+1+columns(word[:firstBreak(word)]) > width {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		for word != "" {
			n := firstBreak(word)
			unit := word[:n]
			w := columns(unit)
			if col > 0 && col+w > width && !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
				col = 0
			}
			b.WriteString(unit)
			col += w
			word = word[n:]
		}
	}
	return b.String()
}

// firstBreak is the length of word's first unbreakable unit: a Chinese
// character with the punctuation that must stay with it, or a run of
// other characters up to the next Chinese one.
func firstBreak(word string) int {
	r, n := utf8.DecodeRuneInString(word)
	if !wide(r) {
		for n < len(word) {
			next, size := utf8.DecodeRuneInString(word[n:])
			if wide(next) && !closing(next) {
				break
			}
			n += size
		}
		return n
	}
	for opening(r) && n < len(word) { // keep （ with what follows it
		var size int
		r, size = utf8.DecodeRuneInString(word[n:])
		n += size
	}
	for n < len(word) { // and closing punctuation with what precedes it
		next, size := utf8.DecodeRuneInString(word[n:])
		if !closing(next) {
			break
		}
		n += size
	}
	return n
}

func opening(r rune) bool { return strings.ContainsRune("（“‘《「『【〔", r) }
func closing(r rune) bool {
	return strings.ContainsRune("，。、；：？！）”’》」』】〕…", r)
}

// wide reports whether r takes two terminal columns (East Asian wide and
// full-width characters).
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf ||
		r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f ||
		r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6)
}

// columns is the width of s in terminal columns.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// pad pads s with spaces to width terminal columns.
func pad(s string, width int) string {
	if w := columns(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
