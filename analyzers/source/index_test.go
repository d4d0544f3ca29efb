package source

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePosAt and naiveOffset are PosAt and Offset without checkpoints:
// they walk the line from its start.
func naivePosAt(f *File, off int) Pos {
	f.lines()
	off = max(0, min(off, len(f.text)))
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off })
	start := f.lineStart(line)
	if off < start {
		off = start
	}
	if end := f.lineEnd(f.text, line); off > end {
		off = end
	}
	col := 1
	for i := start; i < off; {
		r, size := utf8.DecodeRune(f.text[i:])
		if i+size > off {
			break
		}
		col += utf16Units(r)
		i += size
	}
	return Pos{Line: line, Col: col}
}

func naiveOffset(f *File, p Pos) int {
	f.lines()
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lineStarts) {
		return len(f.text)
	}
	start, end := f.lineStart(p.Line), f.lineEnd(f.text, p.Line)
	units := p.Col - 1
	i := start
	for i < end {
		r, size := utf8.DecodeRune(f.text[i:end])
		if units < utf16Units(r) {
			break
		}
		units -= utf16Units(r)
		i += size
	}
	return i
}

// checkIndex compares PosAt and Offset with checkpoints every stride
// bytes against the naive walk, for every offset and every column.
func checkIndex(t *testing.T, text string, stride int) {
	t.Helper()
	f := newFile("f", []byte(text), stride)
	for off := -1; off <= len(text)+1; off++ {
		if got, want := f.PosAt(off), naivePosAt(f, off); got != want {
			t.Fatalf("stride %d, %q: PosAt(%d) = %+v, want %+v", stride, text, off, got, want)
		}
	}
	for line := 0; line <= f.LineCount()+1; line++ {
		for col := -1; col <= len(text)+2; col++ {
			p := Pos{Line: line, Col: col}
			if got, want := f.Offset(p), naiveOffset(f, p); got != want {
				t.Fatalf("stride %d, %q: Offset(%+v) = %d, want %d", stride, text, p, got, want)
			}
		}
	}
}

// Checkpoints on long lines give exactly the columns of a walk from the
// line start: Chinese text (3 bytes, 1 unit), astral characters (4 bytes,
// 2 units) and invalid bytes around the checkpoints, a BOM, CRLF.
func TestCheckpointsMatchWalk(t *testing.T) {
	texts := []string{
		strings.Repeat("中文a𝄞", 40),
		"\xEF\xBB\xBF" + strings.Repeat("𝄞中", 30) + "\r\n" + strings.Repeat("ab", 50) + "\n短\r" + strings.Repeat("😀x", 40),
		strings.Repeat("\xff中\xe4\xb8", 30) + "\n" + strings.Repeat("a", 300),
		strings.Repeat("require('./缺');", 30),
	}
	for _, text := range texts {
		for _, stride := range []int{1, 2, 3, 4, 5, 7, 16, checkpointStride} {
			checkIndex(t, text, stride)
		}
	}
}

func FuzzCheckpoints(f *testing.F) {
	for _, s := range []string{
		strings.Repeat("中文a𝄞", 20),
		"\xEF\xBB\xBF" + strings.Repeat("𝄞中", 10) + "\r\n" + strings.Repeat("ab", 20),
		strings.Repeat("\xff中\xe4\xb8😀", 10) + "\n\r\n" + strings.Repeat("a", 40),
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, stride int) {
		if len(text) > 512 {
			return
		}
		checkIndex(t, text, 1+abs(stride)%16)
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// On a long line the frame shows a window around the finding, with the
// caret under it, wherever the checkpoints fall; a long span is cut too.
func TestFrameOnLongLineWithCJK(t *testing.T) {
	line := strings.Repeat("中文𝄞;", 300) + "require('./缺')" + strings.Repeat("😀b", 300)
	f := New("min.js", []byte(line))
	start := strings.Index(line, "'./缺'")
	got := f.Frame(f.RangeAt(start, start+len("'./缺'")))
	rows := strings.Split(got, "\n")
	if !strings.Contains(rows[0], "require('./缺')") || !strings.HasPrefix(rows[0], "1 | …") || !strings.HasSuffix(rows[0], "…") {
		t.Fatalf("frame line = %q", rows[0])
	}
	// Columns: "…" takes one, 中 and 文 two each, 𝄞 one.
	caret := strings.Index(rows[1], "^")
	shown := []rune(rows[0])
	col := 0
	for i, r := range shown {
		if col == caret {
			if string(shown[i:i+5]) != "'./缺'" {
				t.Errorf("caret under %q", string(shown[i:i+5]))
			}
			break
		}
		col += runeWidth(r)
	}
	if n := strings.Count(rows[1], "~"); n != 5 {
		t.Errorf("underline %q: %d ~, want 5 (6 columns: 缺 takes two)", rows[1], n)
	}
	long := f.Frame(f.RangeAt(10, len(line)-10))
	if rows := strings.Split(long, "\n"); displayWidth(rows[0]) > 2*maxFrameWidth+10 || !strings.HasSuffix(rows[0], "…") {
		t.Errorf("frame of a long span not cut: %d columns", displayWidth(rows[0]))
	}
}
