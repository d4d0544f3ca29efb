package source

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxFrameWidth bounds how much of a long line (minified code) a code frame
// shows around the finding.
const maxFrameWidth = 120

// maxFrameBytes is the length beyond which a line is cut whatever its
// width (zero-width characters).
const maxFrameBytes = 8 * maxFrameWidth

// Frame renders the line of r.Start with a caret underline, like
//
//	12 | <functional-page-navigator version="develop">
//	   |                            ^~~~~~~~~~~~~~~~~
//
// The underline is sized by display width: CJK and other wide characters
// take two terminal columns. Very long lines are cut around the finding,
// and a long span on them after maxFrameWidth characters; the work is
// bounded by the window shown, not the line. A file whose text is gone
// (Changed) has no frame.
func (f *File) Frame(r Range) string {
	f.mu.Lock()
	all, ok := f.content()
	f.mu.Unlock()
	if !ok || len(all) == 0 || r.Start.Line < 1 || r.Start.Line > f.LineCount() {
		return ""
	}
	ls := f.lineStart(r.Start.Line)
	text := all[ls:max(ls, f.lineEnd(all, r.Start.Line))]
	startOff := f.offset(all, r.Start) - ls
	endOff := len(text)
	if r.End.Line == r.Start.Line && !r.End.Before(r.Start) {
		endOff = f.offset(all, r.End) - ls
	}
	startOff = max(0, min(startOff, len(text)))
	endOff = max(startOff, min(endOff, len(text)))

	// Cut long lines to a window around the finding.
	from, to := 0, len(text)
	prefix, suffix := "", ""
	if len(text) > maxFrameBytes || widerThan(text, maxFrameWidth) {
		from = backRunes(text, startOff, 40)
		to = min(len(text), forwardRunes(text, endOff, 40), forwardRunes(text, startOff, maxFrameWidth))
		if from > 0 {
			prefix = "…"
		}
		if to < len(text) {
			suffix = "…"
		}
	}
	// Only the window is converted to a string.
	line := string(text[from:to])
	startOff, endOff = startOff-from, min(endOff, to)-from
	shown := prefix + strings.Map(tabToSpace, line) + suffix
	pad := displayWidth(prefix) + displayWidth(strings.Map(tabToSpace, line[:startOff]))
	width := max(1, displayWidth(line[startOff:endOff]))

	num := strconv.Itoa(r.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	var b strings.Builder
	b.WriteString(num + " | " + strings.TrimRight(shown, " ") + "\n")
	b.WriteString(gutter + " | " + strings.Repeat(" ", pad) + "^" + strings.Repeat("~", width-1) + "\n")
	return b.String()
}

func tabToSpace(r rune) rune {
	if r == '\t' {
		return ' '
	}
	return r
}

func backRunes(s []byte, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, size := utf8.DecodeLastRune(s[:off])
		off -= size
	}
	return off
}

func forwardRunes(s []byte, off, n int) int {
	for ; n > 0 && off < len(s); n-- {
		_, size := utf8.DecodeRune(s[off:])
		off += size
	}
	return off
}

// widerThan reports whether s takes more than n terminal columns; it reads
// s only as far as needed.
func widerThan(s []byte, n int) bool {
	w := 0
	for len(s) > 0 && w <= n {
		r, size := utf8.DecodeRune(s)
		w += runeWidth(r)
		s = s[size:]
	}
	return w > n
}

// displayWidth is the number of terminal columns s takes: East Asian wide
// and fullwidth characters take two, combining marks none.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is the number of terminal columns r takes.
func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200B:
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

func isWide(r rune) bool {
	return (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) ||
		(r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x1F300 && r <= 0x1F64F) ||
		(r >= 0x1F900 && r <= 0x1F9FF) || (r >= 0x20000 && r <= 0x3FFFD)
}
