package source

import (
	"strings"
	"testing"
)

func TestPosAtCountsUTF16(t *testing.T) {
	// "中文" is 2 UTF-16 units but 6 UTF-8 bytes; "𝄞" (U+1D11E) is 2 units, 4 bytes.
	text := "ab\n中文x\n𝄞y"
	f := New("a.txt", []byte(text))
	tests := []struct {
		sub  string
		want Pos
	}{
		{"a", Pos{1, 1}},
		{"b", Pos{1, 2}},
		{"中", Pos{2, 1}},
		{"x", Pos{2, 3}},
		{"y", Pos{3, 3}},
	}
	for _, tc := range tests {
		off := strings.Index(text, tc.sub)
		if got := f.PosAt(off); got != tc.want {
			t.Errorf("PosAt(%q) = %+v, want %+v", tc.sub, got, tc.want)
		}
		if back := f.Offset(tc.want); back != off {
			t.Errorf("Offset(%+v) = %d, want %d", tc.want, back, off)
		}
	}
}

func TestCRLFAndLoneCRMatchLF(t *testing.T) {
	lf := New("lf", []byte("one\ntwo\nthree"))
	crlf := New("crlf", []byte("one\r\ntwo\r\nthree"))
	cr := New("cr", []byte("one\rtwo\rthree"))
	for _, f := range []*File{lf, crlf, cr} {
		off := strings.Index(string(f.text), "three")
		if got := f.PosAt(off); got != (Pos{3, 1}) {
			t.Errorf("%s: PosAt(three) = %+v, want 3:1", f.Path, got)
		}
		if got := f.LineText(2); got != "two" {
			t.Errorf("%s: LineText(2) = %q, want %q", f.Path, got, "two")
		}
		if f.LineCount() != 3 {
			t.Errorf("%s: LineCount = %d, want 3", f.Path, f.LineCount())
		}
	}
	// An offset pointing at the \r of a CRLF pair is the end of that line.
	if got := crlf.PosAt(3); got != (Pos{1, 4}) {
		t.Errorf("PosAt(\\r) = %+v, want 1:4", got)
	}
}

func TestBOMTakesNoColumn(t *testing.T) {
	f := New("bom.json", []byte("\xEF\xBB\xBF{\"a\": 1}"))
	if f.BOMLen() != 3 {
		t.Fatalf("BOMLen = %d, want 3", f.BOMLen())
	}
	if got := f.PosAt(3); got != (Pos{1, 1}) {
		t.Errorf("PosAt(first char after BOM) = %+v, want 1:1", got)
	}
	if got := f.PosAt(0); got != (Pos{1, 1}) {
		t.Errorf("PosAt(inside BOM) = %+v, want 1:1", got)
	}
	if got := f.LineText(1); got != `{"a": 1}` {
		t.Errorf("LineText(1) = %q", got)
	}
	if got := f.Offset(Pos{1, 2}); got != 4 {
		t.Errorf("Offset(1:2) = %d, want 4", got)
	}
}

func TestPosAtClamps(t *testing.T) {
	f := New("x", []byte("ab\ncd"))
	if got := f.PosAt(-5); got != (Pos{1, 1}) {
		t.Errorf("PosAt(-5) = %+v", got)
	}
	if got := f.PosAt(100); got != (Pos{2, 3}) {
		t.Errorf("PosAt(100) = %+v", got)
	}
	if got := f.Offset(Pos{9, 1}); got != 5 {
		t.Errorf("Offset(9:1) = %d, want 5", got)
	}
	if got := f.Offset(Pos{1, 99}); got != 2 {
		t.Errorf("Offset(1:99) = %d, want 2 (clamped to line end)", got)
	}
}

func TestFrameUnderlinesByDisplayWidth(t *testing.T) {
	text := `<view>中文</view><functional-page-navigator version="develop"/>`
	f := New("a.wxml", []byte(text))
	start := strings.Index(text, `version`)
	end := start + len(`version="develop"`)
	r := f.RangeAt(start, end)
	// 6 ("<view>") + 2 ("中文") + 7 ("</view>") + 27 ("<functional-page-navigator ") = 42 units before it.
	if r.Start != (Pos{1, 43}) {
		t.Fatalf("start = %+v, want 1:43", r.Start)
	}
	want := "1 | " + text + "\n" +
		"  | " + strings.Repeat(" ", 6+4+7+27) + "^" + strings.Repeat("~", len(`version="develop"`)-1) + "\n"
	if got := f.Frame(r); got != want {
		t.Errorf("Frame =\n%s\nwant\n%s", got, want)
	}
}

func TestFrameCutsLongLines(t *testing.T) {
	line := strings.Repeat("a", 500) + "require('x')" + strings.Repeat("b", 500)
	f := New("min.js", []byte(line))
	start := strings.Index(line, "'x'")
	got := f.Frame(f.RangeAt(start, start+3))
	lines := strings.Split(got, "\n")
	if len(lines[0]) > 200 {
		t.Errorf("frame line not cut: %d bytes", len(lines[0]))
	}
	if !strings.Contains(lines[0], "require('x')") || !strings.HasPrefix(lines[0], "1 | …") || !strings.HasSuffix(lines[0], "…") {
		t.Errorf("frame line = %q", lines[0])
	}
	// "…" is one terminal column but three bytes: compare in columns.
	shown := strings.ReplaceAll(lines[0], "…", ".")
	caret := strings.Index(lines[1], "^")
	if shown[caret:caret+3] != "'x'" {
		t.Errorf("caret under %q, want 'x'", shown[caret:caret+3])
	}
	if f.Frame(Range{Start: Pos{7, 1}}) != "" {
		t.Error("Frame of a missing line should be empty")
	}
}

func FuzzPosAtOffsetRoundTrip(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\xEF\xBB\xBF中\r\nx", "\r\r\n\n", "𝄞\xff\xfe"} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, text string, off int) {
		file := New("f", []byte(text))
		p := file.PosAt(off)
		if p.Line < 1 || p.Line > file.LineCount() || p.Col < 1 {
			t.Fatalf("PosAt(%d) = %+v out of range", off, p)
		}
		back := file.Offset(p)
		if back < 0 || back > len(text) {
			t.Fatalf("Offset(%+v) = %d out of range", p, back)
		}
		if again := file.PosAt(back); again != p {
			t.Fatalf("PosAt(Offset(%+v)) = %+v", p, again)
		}
		_ = file.Frame(Range{Start: p, End: p})
	})
}

// A file whose text was not read (a note about an unparsed file) or is
// empty has no line to show: no frame.
func TestFrameOfNoText(t *testing.T) {
	for _, text := range [][]byte{nil, {}} {
		f := New("a.ts", text)
		if got := f.Frame(f.RangeAt(0, 0)); got != "" {
			t.Errorf("Frame of %q = %q, want none", text, got)
		}
	}
}
