// Package source holds a project file read once into memory and converts
// byte offsets into the positions fpcheck reports: 1-based lines and 1-based
// columns counted in UTF-16 code units (what SARIF and editors count).
package source

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"
)

// File is one file of the project, read once.
type File struct {
	// Path is relative to the project directory, with forward slashes.
	Path string
	// Text is the file's content, exactly as read from disk.
	Text []byte

	lineStarts []int // byte offset of the first byte of each line
	bomLen     int   // 3 when the file starts with a UTF-8 BOM, else 0

	// Checkpoints on long lines, built on first need: converting a
	// position then walks at most stride bytes, not the whole line (a
	// minified file with thousands of findings on one line).
	stride      int
	checkpoints []checkpoint
	once        sync.Once
}

// checkpointStride is the distance in bytes between two checkpoints.
const checkpointStride = 256

// checkpoint is a character boundary off on a long line and its UTF-16
// column there, counted from the line's start (0-based).
type checkpoint struct{ off, units int }

// Pos is a position in a file: Line is 1-based; Col is 1-based and counts
// UTF-16 code units from the start of the line.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Range is a half-open span [Start, End) of a file.
type Range struct {
	Start Pos
	End   Pos
}

// IsZero reports whether p is the zero position (unknown).
func (p Pos) IsZero() bool { return p.Line == 0 }

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// New returns a File for text. Line breaks are "\n", "\r\n" and a lone "\r";
// a CRLF file therefore reports the same lines as its LF twin.
func New(path string, text []byte) *File {
	return newFile(path, text, checkpointStride)
}

// newFile is New with checkpoints every stride bytes.
func newFile(path string, text []byte, stride int) *File {
	f := &File{Path: path, Text: text, stride: stride}
	if bytes.HasPrefix(text, bom) {
		f.bomLen = len(bom)
	}
	f.lineStarts = append(f.lineStarts, 0)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			f.lineStarts = append(f.lineStarts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	return f
}

// BOMLen is the length in bytes of a leading UTF-8 byte order mark (0 or 3).
func (f *File) BOMLen() int { return f.bomLen }

// LineCount is the number of lines in the file (at least 1).
func (f *File) LineCount() int { return len(f.lineStarts) }

// lineStart is the byte offset where line (1-based) starts, past a BOM on
// line 1: the BOM is invisible in editors and takes no column.
func (f *File) lineStart(line int) int {
	if line == 1 {
		return f.bomLen
	}
	return f.lineStarts[line-1]
}

// lineEnd is the byte offset of the line break ending line (1-based), or the
// end of the file.
func (f *File) lineEnd(line int) int {
	if line >= len(f.lineStarts) {
		return len(f.Text)
	}
	end := f.lineStarts[line] // start of next line
	if end > 0 && f.Text[end-1] == '\n' {
		end--
	}
	if end > 0 && f.Text[end-1] == '\r' {
		end--
	}
	return end
}

// PosAt converts a byte offset into a Pos. Offsets are clamped into the file;
// an offset inside a multi-byte character or inside a CRLF pair points at
// that character.
func (f *File) PosAt(off int) Pos {
	off = max(0, min(off, len(f.Text)))
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off })
	start := f.lineStart(line)
	if off < start { // inside the BOM
		off = start
	}
	if end := f.lineEnd(line); off > end {
		off = end
	}
	col, i := 1, start
	if off-start > f.stride {
		cps := f.lineCheckpoints()
		if k := sort.Search(len(cps), func(k int) bool { return cps[k].off > off }) - 1; k >= 0 && cps[k].off >= start {
			col, i = 1+cps[k].units, cps[k].off
		}
	}
	for i < off {
		r, size := utf8.DecodeRune(f.Text[i:])
		if i+size > off { // off is inside this character
			break
		}
		col += utf16Units(r)
		i += size
	}
	return Pos{Line: line, Col: col}
}

// RangeAt converts the byte span [start, end) into a Range.
func (f *File) RangeAt(start, end int) Range {
	if end < start {
		end = start
	}
	return Range{Start: f.PosAt(start), End: f.PosAt(end)}
}

// Offset converts a Pos back into a byte offset; out-of-range positions are
// clamped to the line or the file.
func (f *File) Offset(p Pos) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lineStarts) {
		return len(f.Text)
	}
	start, end := f.lineStart(p.Line), f.lineEnd(p.Line)
	units := p.Col - 1
	i := start
	if end-start > f.stride && units > 0 {
		cps := f.lineCheckpoints()
		lo := sort.Search(len(cps), func(k int) bool { return cps[k].off >= start })
		hi := sort.Search(len(cps), func(k int) bool { return cps[k].off > end })
		if k := lo + sort.Search(hi-lo, func(k int) bool { return cps[lo+k].units > units }) - 1; k >= lo {
			i, units = cps[k].off, units-cps[k].units
		}
	}
	for i < end {
		r, size := utf8.DecodeRune(f.Text[i:end])
		if units < utf16Units(r) { // no room for this character on the way to Col
			break
		}
		units -= utf16Units(r)
		i += size
	}
	return i
}

// lineCheckpoints returns the checkpoints of all long lines, in order,
// building them on first use.
func (f *File) lineCheckpoints() []checkpoint {
	f.once.Do(func() {
		for line := 1; line <= len(f.lineStarts); line++ {
			start, end := f.lineStart(line), f.lineEnd(line)
			if end-start <= f.stride {
				continue
			}
			units, next := 0, start+f.stride
			for i := start; i < end; {
				if i >= next {
					f.checkpoints = append(f.checkpoints, checkpoint{off: i, units: units})
					next = i + f.stride
				}
				r, size := utf8.DecodeRune(f.Text[i:end])
				units += utf16Units(r)
				i += size
			}
		}
	})
	return f.checkpoints
}

// LineText returns line (1-based) without its line break, or "" when the
// line does not exist.
func (f *File) LineText(line int) string {
	if line < 1 || line > len(f.lineStarts) {
		return ""
	}
	return string(f.Text[f.lineStart(line):f.lineEnd(line)])
}

// UTF16Len counts the UTF-16 code units needed for s; invalid bytes count
// one unit each (as editors show U+FFFD).
func UTF16Len(s string) int { return utf16Len([]byte(s)) }

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16Units(r)
		b = b[size:]
	}
	return n
}

func utf16Units(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
