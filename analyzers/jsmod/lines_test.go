package jsmod

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
)

// naivePos is the reference for lineTable.posUTF16.
func naivePos(text string, off int) (line, col int) {
	line = 1
	start := 0
	for i := 0; i < off; {
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			if i+2 > off {
				return line, col + 1
			}
			i += 2
		case text[i] == '\n' || text[i] == '\r':
			i++
		case strings.HasPrefix(text[i:], "\u2028") || strings.HasPrefix(text[i:], "\u2029"):
			i += 3
		default:
			i++
			continue
		}
		line++
		start = i
	}
	return line, len(utf16.Encode([]rune(text[start:off])))
}

func TestLineTable(t *testing.T) {
	pieces := []string{"a", "b", "\n", "\r\n", "\r", "中", "😀", "\u2028", "\ufeff", "é", "  "}
	r := rand.New(rand.NewSource(1))
	for range 300 {
		var b strings.Builder
		var offs []int
		for k := r.Intn(40); k > 0; k-- {
			offs = append(offs, b.Len())
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		offs = append(offs, b.Len())
		text := b.String()
		lt := newLineTable([]byte(text))
		// Visit offsets in random order to exercise the caches.
		r.Shuffle(len(offs), func(i, j int) { offs[i], offs[j] = offs[j], offs[i] })
		for _, o := range offs {
			if o > 0 && text[o-1] == '\r' && o < len(text) && text[o] == '\n' {
				continue // inside a CRLF pair
			}
			line, col := lt.posUTF16(o)
			wl, wc := naivePos(text, o)
			if line != wl || col != wc {
				t.Fatalf("%q: posUTF16(%d) = %d:%d, want %d:%d", text, o, line, col, wl, wc)
			}
			if back := lt.offsetUTF16(line, col); back != o {
				t.Fatalf("%q: offsetUTF16(%d, %d) = %d, want %d", text, line, col, back, o)
			}
		}
	}
}

func TestLineTableClamps(t *testing.T) {
	lt := newLineTable([]byte("ab\n中😀x\r\n"))
	for _, c := range []struct{ line, col, want int }{
		{0, 0, 0}, {1, 99, 2}, {2, 1, 6}, {2, 2, 6}, {2, 3, 10}, {2, 4, 11}, {2, 99, 11}, {3, 0, 13}, {9, 0, 13},
	} {
		if got := lt.offsetUTF16(c.line, c.col); got != c.want {
			t.Errorf("offsetUTF16(%d, %d) = %d, want %d", c.line, c.col, got, c.want)
		}
	}
	if got := lt.offsetBytes(2, 100); got != 11 {
		t.Errorf("offsetBytes clamps to %d, want 11", got)
	}
}
