package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzVisible: Visible leaves nothing a terminal acts on, keeps one
// character per character (per byte of invalid UTF-8), and is idempotent.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{"", "pages/index.js", hostile, "首页\t\u202e\x00", "\xe4\xb8", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Visible(s)
		if r := rawControl(v); r != -1 {
			t.Fatalf("Visible(%q) = %q keeps %U", s, v, r)
		}
		n := 0
		for range s { // one iteration per rune, and per invalid byte
			n++
		}
		if got := utf8.RuneCountInString(v); got != n {
			t.Fatalf("Visible(%q) = %q: %d characters for %d", s, v, got, n)
		}
		if Visible(v) != v {
			t.Fatalf("Visible is not idempotent on %q", s)
		}
	})
}

// FuzzMarkdownCells: whatever a path or message holds, a table row has its
// four cells, on one line, and the location is one code span of the path.
func FuzzMarkdownCells(f *testing.F) {
	f.Add("a|b`c\\|d\n<e>", "[x](https://e.example) `y` \\| z")
	f.Add("``", "|")
	f.Add(" `x` ", "\\")
	f.Fuzz(func(t *testing.T, path, message string) {
		row := "| " + mdCode(path) + " | " + mdCell(message) + " |"
		if strings.ContainsAny(row, "\n\r") {
			t.Fatalf("row spans lines: %q", row)
		}
		cells := gfmCells(row)
		if len(cells) != 4 {
			t.Fatalf("%d cells in %q", len(cells)-2, row)
		}
		if !codeSpanHolds(t, strings.TrimSpace(cells[1]), Visible(path)) && strings.Trim(Visible(path), " ") != "" {
			t.Fatalf("location %q does not hold %q", cells[1], path)
		}
	})
}
