package jsmod

import (
	"sort"
	"unicode/utf8"
)

// lineTable finds lines the way JavaScript tools count them: "\n", "\r\n",
// a lone "\r", U+2028 and U+2029 end a line. goja's error positions and
// esbuild's source maps and error locations all count lines this way, and
// both count a leading byte order mark as part of line 1 (one UTF-16 unit,
// three bytes). source.File differs on both points (it hides the BOM and
// does not break lines at U+2028/U+2029), so positions from the tools are
// converted here and only byte offsets leave this package.
//
// Conversions are linear in the length of a line; to keep many lookups on
// one long (minified) line cheap, lines of pure ASCII are converted
// directly and the last conversion is remembered and continued from.
type lineTable struct {
	text   []byte
	starts []int  // byte offset of the first byte of each line
	ascii  []bool // whether each line is pure ASCII

	// The last posUTF16 result: offset posOff is column posCol of line posLine.
	posOff, posLine, posCol int
	// The last offsetUTF16 result: column offCol of line offLine is offset offAt.
	offLine, offCol, offAt int
}

// newLineTable indexes the lines of text.
func newLineTable(text []byte) *lineTable {
	t := &lineTable{text: text, starts: []int{0}, ascii: []bool{true}}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			t.newLine(i + 1)
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			t.newLine(i + 1)
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			i += 2
			t.newLine(i + 1)
		case c >= 0x80:
			t.ascii[len(t.ascii)-1] = false
		}
	}
	return t
}

// newLine records a line starting at start.
func (t *lineTable) newLine(start int) {
	t.starts = append(t.starts, start)
	t.ascii = append(t.ascii, true)
}

// lineBounds returns the byte range of line (1-based, clamped) without its
// terminator.
func (t *lineTable) lineBounds(line int) (start, end int) {
	line = max(1, min(line, len(t.starts)))
	start = t.starts[line-1]
	end = len(t.text)
	if line < len(t.starts) {
		end = t.starts[line]
	}
	for end > start {
		switch {
		case t.text[end-1] == '\n' || t.text[end-1] == '\r':
			end--
			continue
		case end-3 >= start && t.text[end-3] == 0xE2 && t.text[end-2] == 0x80 &&
			(t.text[end-1] == 0xA8 || t.text[end-1] == 0xA9):
			end -= 3
		}
		break
	}
	return start, end
}

// offsetUTF16 converts a 1-based line and 0-based UTF-16 column into a byte
// offset, clamped into the line. A column inside a surrogate pair points at
// its character.
func (t *lineTable) offsetUTF16(line, col int) int {
	line = max(1, min(line, len(t.starts)))
	i, end := t.lineBounds(line)
	if t.ascii[line-1] {
		return min(i+max(col, 0), end)
	}
	want := col
	if t.offLine == line && t.offCol <= col && t.offAt > i {
		i, col = t.offAt, col-t.offCol
	}
	for i < end && col > 0 {
		r, size := utf8.DecodeRune(t.text[i:end])
		col -= utf16Units(r)
		if col < 0 {
			break
		}
		i += size
	}
	if col == 0 {
		t.offLine, t.offCol, t.offAt = line, want, i
	}
	return i
}

// offsetBytes converts a 1-based line and 0-based byte column into a byte
// offset, clamped into the line.
func (t *lineTable) offsetBytes(line, col int) int {
	start, end := t.lineBounds(line)
	return max(start, min(start+col, end))
}

// posUTF16 converts a byte offset into a 1-based line and a 0-based UTF-16
// column.
func (t *lineTable) posUTF16(off int) (line, col int) {
	off = max(0, min(off, len(t.text)))
	line = sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
	i := t.starts[line-1]
	if t.ascii[line-1] {
		return line, off - i
	}
	if t.posLine == line && t.posOff <= off && t.posOff > i {
		i, col = t.posOff, t.posCol
	}
	for i < off {
		r, size := utf8.DecodeRune(t.text[i:off])
		col += utf16Units(r)
		i += size
	}
	t.posOff, t.posLine, t.posCol = off, line, col
	return line, col
}

// utf16Units is how many UTF-16 code units encode r (invalid bytes decode to
// U+FFFD: one unit).
func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
