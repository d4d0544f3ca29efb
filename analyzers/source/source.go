// Package source holds a project file read into memory and converts byte
// offsets into the positions fpcheck reports: 1-based lines and 1-based
// columns counted in UTF-16 code units (what SARIF and editors count).
//
// # Releasing the text
//
// Most files need their text only while they are parsed: the facts
// (dependencies, exports, kept WXML elements, directives) hold offsets and
// small copies, not the text. Keeping every text for the whole run was
// about a third of the memory a large project took, so the loader calls
// [File.Release] once a file is parsed. The file keeps its length, a hash
// of its bytes and how to read it again. Its line index is built on first
// need (a position, a line), from the text, read again when released.
//
// What needs the text later, which is only ever the files that have
// findings (columns in UTF-16 code units, code frames, fixes, baseline
// fingerprints, a rule quoting the source), asks [File.Content]. The first
// ask reads the file again and keeps the text from then on; it is used
// only if it has the same length and the same hash (a 64-bit maphash with
// a seed chosen at random per process) as the bytes parsed, so positions,
// frames and fixes are always those of the text the facts came from. When
// the file changed, vanished or cannot be read any more, Content reports
// false and [File.Changed] true, and the caller says so instead of
// printing positions or frames of a different text (fpcheck stops with
// exit code 2: run it again).
package source

import (
	"bytes"
	"hash/maphash"
	"sort"
	"sync"
	"unicode/utf8"
)

// seed keys the hashes that check a text read again.
var seed = maphash.MakeSeed()

// File is one file of the project.
type File struct {
	// Path is relative to the project directory, with forward slashes.
	Path string

	mu sync.Mutex
	// text is the file's content, exactly as read from disk; nil when
	// the file was not read, and after Release until Content reads it
	// again.
	text []byte
	size int // len(text) as read
	// Set by Release: the hash of the text, the function that reads it
	// again, and whether reading it again failed or found another text.
	sum      uint64
	reread   func() []byte
	released bool
	changed  bool

	// lineStarts holds the byte offset of the first byte of each line,
	// built on first need (lines); [0] when the text is gone.
	lineStarts []int
	bomLen     int // 3 when the file starts with a UTF-8 BOM, else 0

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
	f := &File{Path: path, text: text, size: len(text), stride: stride}
	if bytes.HasPrefix(text, bom) {
		f.bomLen = len(bom)
	}
	return f
}

// lines builds the line index on first need; f.mu is held. Most files
// never need it: only files with findings are asked for positions.
func (f *File) lines() {
	if f.lineStarts != nil {
		return
	}
	text, _ := f.content()
	n := 1 + bytes.Count(text, []byte{'\n'}) + bytes.Count(text, []byte{'\r'}) - bytes.Count(text, []byte("\r\n"))
	f.lineStarts = make([]int, 1, n)
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
}

// Release drops the text (see the package documentation); reread returns
// the file's content when it is needed again, or nil when it cannot be
// read. A file that was not read, or already released, is left as it is.
func (f *File) Release(reread func() []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.text == nil || f.released {
		return
	}
	f.sum = maphash.Bytes(seed, f.text)
	f.reread = reread
	f.released = true
	f.text = nil
}

// Content returns the file's text, exactly as parsed, reading it again
// after Release. It returns false when the file was not read, and when
// the text read again is not the one parsed (Changed then reports true).
func (f *File) Content() ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.content()
}

// content is Content with f.mu held.
func (f *File) content() ([]byte, bool) {
	if f.text != nil || !f.released || f.changed {
		return f.text, f.text != nil
	}
	t := f.reread()
	if t == nil || len(t) != f.size || maphash.Bytes(seed, t) != f.sum {
		f.changed = true
		return nil, false
	}
	f.text = t
	return t, true
}

// Changed reports whether reading the file again after Release failed, or
// found a text other than the one parsed.
func (f *File) Changed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.changed
}

// Size is the length in bytes of the text as read.
func (f *File) Size() int { return f.size }

// LineAt returns the line (1-based) of a byte offset, clamped into the
// file, as PosAt does (1 when the text is gone: Changed).
func (f *File) LineAt(off int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lineAt(off)
}

// lineAt is LineAt with f.mu held.
func (f *File) lineAt(off int) int {
	f.lines()
	off = max(0, min(off, f.size))
	return sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off })
}

// BOMLen is the length in bytes of a leading UTF-8 byte order mark (0 or 3).
func (f *File) BOMLen() int { return f.bomLen }

// LineCount is the number of lines in the file (at least 1).
func (f *File) LineCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lines()
	return len(f.lineStarts)
}

// lineStart is the byte offset where line (1-based) starts, past a BOM on
// line 1: the BOM is invisible in editors and takes no column.
func (f *File) lineStart(line int) int {
	if line == 1 {
		return f.bomLen
	}
	return f.lineStarts[line-1]
}

// lineEnd is the byte offset of the line break ending line (1-based), or the
// end of the file; text is the file's text.
func (f *File) lineEnd(text []byte, line int) int {
	if line >= len(f.lineStarts) {
		return len(text)
	}
	end := f.lineStarts[line] // start of next line
	if end > 0 && text[end-1] == '\n' {
		end--
	}
	if end > 0 && text[end-1] == '\r' {
		end--
	}
	return end
}

// PosAt converts a byte offset into a Pos. Offsets are clamped into the file;
// an offset inside a multi-byte character or inside a CRLF pair points at
// that character. When the text is gone (Changed), the column is 1.
func (f *File) PosAt(off int) Pos {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := f.lineAt(off)
	text, ok := f.content()
	if !ok {
		return Pos{Line: line, Col: 1}
	}
	off = max(0, min(off, len(text)))
	start := f.lineStart(line)
	if off < start { // inside the BOM
		off = start
	}
	if end := f.lineEnd(text, line); off > end {
		off = end
	}
	col, i := 1, start
	if off-start > f.stride {
		cps := f.lineCheckpoints(text)
		if k := sort.Search(len(cps), func(k int) bool { return cps[k].off > off }) - 1; k >= 0 && cps[k].off >= start {
			col, i = 1+cps[k].units, cps[k].off
		}
	}
	for i < off {
		r, size := utf8.DecodeRune(text[i:])
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
// clamped to the line or the file. When the text is gone (Changed), it is
// the start of the line.
func (f *File) Offset(p Pos) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	text, _ := f.content()
	return f.offset(text, p)
}

// offset is Offset on text, the file's text.
func (f *File) offset(text []byte, p Pos) int {
	f.lines()
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lineStarts) {
		return f.size
	}
	if text == nil {
		return f.lineStart(p.Line)
	}
	start, end := f.lineStart(p.Line), f.lineEnd(text, p.Line)
	units := p.Col - 1
	i := start
	if end-start > f.stride && units > 0 {
		cps := f.lineCheckpoints(text)
		lo := sort.Search(len(cps), func(k int) bool { return cps[k].off >= start })
		hi := sort.Search(len(cps), func(k int) bool { return cps[k].off > end })
		if k := lo + sort.Search(hi-lo, func(k int) bool { return cps[lo+k].units > units }) - 1; k >= lo {
			i, units = cps[k].off, units-cps[k].units
		}
	}
	for i < end {
		r, size := utf8.DecodeRune(text[i:end])
		if units < utf16Units(r) { // no room for this character on the way to Col
			break
		}
		units -= utf16Units(r)
		i += size
	}
	return i
}

// lineCheckpoints returns the checkpoints of all long lines of text, the
// file's text, in order, building them on first use.
func (f *File) lineCheckpoints(text []byte) []checkpoint {
	f.once.Do(func() {
		for line := 1; line <= len(f.lineStarts); line++ {
			start, end := f.lineStart(line), f.lineEnd(text, line)
			if end-start <= f.stride {
				continue
			}
			units, next := 0, start+f.stride
			for i := start; i < end; {
				if i >= next {
					f.checkpoints = append(f.checkpoints, checkpoint{off: i, units: units})
					next = i + f.stride
				}
				r, size := utf8.DecodeRune(text[i:end])
				units += utf16Units(r)
				i += size
			}
		}
	})
	return f.checkpoints
}

// LineText returns line (1-based) without its line break, or "" when the
// line does not exist (or the text is gone: Changed).
func (f *File) LineText(line int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	text, ok := f.content()
	f.lines()
	if !ok || line < 1 || line > len(f.lineStarts) {
		return ""
	}
	return string(text[f.lineStart(line):f.lineEnd(text, line)])
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
