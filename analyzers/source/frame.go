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

// Frame renders the line of r.Start with a caret underline, like
//
//	12 | <functional-page-navigator version="develop">
//	   |                            ^~~~~~~~~~~~~~~~~
//
// The underline is sized by display width: CJK and other wide characters
// take two terminal columns. Very long lines are cut around the finding.
func (f *File) Frame(r Range) string {
	if len(f.Text) == 0 || r.Start.Line < 1 || r.Start.Line > f.LineCount() {
		return ""
	}
	line := f.LineText(r.Start.Line)
	startOff := f.Offset(r.Start) - f.lineStart(r.Start.Line)
	endOff := len(line)
	if r.End.Line == r.Start.Line && !r.End.Before(r.Start) {
		endOff = f.Offset(r.End) - f.lineStart(r.Start.Line)
	}
	startOff = max(0, min(startOff, len(line)))
	endOff = max(startOff, min(endOff, len(line)))

	// Cut long lines to a window around the finding.
	from, to := 0, len(line)
	prefix, suffix := "", ""
	if displayWidth(line) > maxFrameWidth {
		from = backRunes(line, startOff, 40)
		to = min(len(line), forwardRunes(line, endOff, 40))
		if from > 0 {
			prefix = "…"
		}
		if to < len(line) {
			suffix = "…"
		}
	}
	shown := prefix + strings.Map(tabToSpace, line[from:to]) + suffix
	pad := displayWidth(prefix) + displayWidth(strings.Map(tabToSpace, line[from:startOff]))
	width := max(1, displayWidth(line[startOff:min(endOff, to)]))

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

func backRunes(s string, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:off])
		off -= size
	}
	return off
}

func forwardRunes(s string, off, n int) int {
	for ; n > 0 && off < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}

// displayWidth is the number of terminal columns s takes: East Asian wide
// and fullwidth characters take two, combining marks none.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200B:
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isWide(r rune) bool {
	return (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) ||
		(r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x1F300 && r <= 0x1F64F) ||
		(r >= 0x1F900 && r <= 0x1F9FF) || (r >= 0x20000 && r <= 0x3FFFD)
}
