package source

import (
	"bytes"
	"testing"
)

// releaseTexts are texts whose positions, lines and frames must not depend
// on whether the text was released and read again.
var releaseTexts = []string{
	"",
	"a",
	"\xEF\xBB\xBFconst 中 = 1;\r\nlet x = '𝄞';\rmore\n\n",
	"<view>\n  <text>价格 {{ p }}</text>\n</view>\n",
	string(bytes.Repeat([]byte("中文abc "), 200)) + "\nend",
}

// TestReleaseThenContent: after Release, Content reads the text again, and
// positions, offsets, lines and frames are those of the text parsed.
func TestReleaseThenContent(t *testing.T) {
	for _, text := range releaseTexts {
		kept := New("f", []byte(text))
		released := New("f", []byte(text))
		reads := 0
		released.Release(func() []byte { reads++; return []byte(text) })
		if released.text != nil {
			t.Fatal("Release kept the text")
		}
		for off := -1; off <= len(text)+1; off++ {
			if got, want := released.PosAt(off), kept.PosAt(off); got != want {
				t.Errorf("%q: PosAt(%d) = %v after Release, %v before", text, off, got, want)
			}
			if got, want := released.LineAt(off), kept.PosAt(off).Line; got != want {
				t.Errorf("%q: LineAt(%d) = %d, PosAt says line %d", text, off, got, want)
			}
			r := kept.RangeAt(off, off+3)
			if got, want := released.Frame(r), kept.Frame(r); got != want {
				t.Errorf("%q: Frame(%v) = %q after Release, %q before", text, r, got, want)
			}
			if got, want := released.Offset(r.End), kept.Offset(r.End); got != want {
				t.Errorf("%q: Offset(%v) = %d after Release, %d before", text, r.End, got, want)
			}
		}
		if got, ok := released.Content(); !ok || string(got) != text || released.Changed() {
			t.Errorf("%q: Content = %q, %v; Changed %v", text, got, ok, released.Changed())
		}
		if reads != 1 {
			t.Errorf("%q: read again %d times, want once", text, reads)
		}
	}
}

// TestReleaseChanged: a text read again that is not the one parsed (same
// length, other bytes; another length; unreadable) is not used: Content
// reports false, Changed true, and there is no line, frame or column (the
// line index is built from the text, on first need).
func TestReleaseChanged(t *testing.T) {
	const text = "line one\nline two 中文\n"
	for name, again := range map[string][]byte{
		"same length": []byte("line one\nline 2wo 中文\n"),
		"longer":      []byte(text + "x"),
		"gone":        nil,
	} {
		f := New("f", []byte(text))
		f.Release(func() []byte { return again })
		off := bytes.Index([]byte(text), []byte("two"))
		if got := f.PosAt(off); got != (Pos{Line: 1, Col: 1}) {
			t.Errorf("%s: PosAt = %v, want 1:1 (no line without the text)", name, got)
		}
		if _, ok := f.Content(); ok || !f.Changed() {
			t.Errorf("%s: Content ok %v, Changed %v; want false, true", name, ok, f.Changed())
		}
		if fr := f.Frame(Range{Start: Pos{2, 6}, End: Pos{2, 9}}); fr != "" {
			t.Errorf("%s: Frame = %q, want none", name, fr)
		}
		if lt := f.LineText(2); lt != "" {
			t.Errorf("%s: LineText = %q, want none", name, lt)
		}
	}
}

// TestNeverReadHasNoContent: a file that was not read has no text to give
// and has not changed.
func TestNeverReadHasNoContent(t *testing.T) {
	f := New("f", nil)
	f.Release(func() []byte { t.Fatal("read again"); return nil })
	if _, ok := f.Content(); ok || f.Changed() || f.PosAt(5) != (Pos{1, 1}) {
		t.Errorf("Content ok %v, Changed %v, PosAt %v", ok, f.Changed(), f.PosAt(5))
	}
	if _, ok := New("e", []byte{}).Content(); !ok {
		t.Error("an empty file that was read has no content")
	}
}

// TestLinesOnFirstNeed: New and Release build no line index; a position
// asked after Release builds it from the text read again.
func TestLinesOnFirstNeed(t *testing.T) {
	const text = "第一行\nsecond\r\nthird"
	f := New("f", []byte(text))
	f.Release(func() []byte { return []byte(text) })
	if f.lineStarts != nil {
		t.Fatalf("line index built before it was needed: %v", f.lineStarts)
	}
	if got := f.PosAt(len(text) - 1); got != (Pos{Line: 3, Col: 5}) {
		t.Errorf("PosAt = %v, want 3:5", got)
	}
	if got := f.LineCount(); got != 3 {
		t.Errorf("LineCount = %d, want 3", got)
	}
}
