package fix

import (
	"bytes"
	"slices"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// fuzzFixes decodes data as edits, 4 bytes each: fix, start, end, text.
// Offsets run from -1 to len(text)+1 so invalid edits occur too.
func fuzzFixes(text, data []byte) []lint.Fix {
	news := []string{"", "x", "yy", "\n", "\r\n", "é", "中"}
	fixes := make([]lint.Fix, 4)
	for i := range fixes {
		fixes[i].Message = i18n.Raw(string(rune('a' + i)))
	}
	for ; len(data) >= 4; data = data[4:] {
		f := &fixes[int(data[0])%len(fixes)]
		f.Edits = append(f.Edits, lint.Edit{
			Start: int(data[1])%(len(text)+3) - 1,
			End:   int(data[2])%(len(text)+3) - 1,
			New:   news[int(data[3])%len(news)],
		})
	}
	return fixes
}

func FuzzApply(f *testing.F) {
	f.Add([]byte("hello world"), []byte{0, 1, 3, 1, 1, 2, 5, 2})
	f.Add([]byte("a\r\nb中c"), []byte{0, 3, 3, 1, 1, 3, 3, 2, 2, 4, 7, 0, 3, 5, 5, 1})
	f.Add([]byte("\uFEFFabc"), []byte{0, 2, 2, 1, 0, 2, 2, 1, 1, 4, 6, 3})
	f.Fuzz(func(t *testing.T, text, data []byte) {
		if len(text) > 200 || len(data) > 200 {
			return
		}
		fixes := fuzzFixes(text, data)
		out, applied, skipped := Apply(text, fixes)
		if len(applied)+len(skipped) != len(fixes) {
			t.Fatalf("%d applied + %d skipped != %d fixes", len(applied), len(skipped), len(fixes))
		}
		// The applied set's distinct edits, pairwise non-overlapping.
		var edits []lint.Edit
		for _, fx := range applied {
			for _, e := range fx.Edits {
				if e.Start < 0 || e.Start > e.End || e.End > len(text) || splits(text, e.Start) || splits(text, e.End) {
					t.Fatalf("applied invalid edit %+v", e)
				}
				if (e.Start != e.End || e.New != "") && !slices.Contains(edits, e) {
					edits = append(edits, e)
				}
			}
		}
		for i, a := range edits {
			for _, b := range edits[i+1:] {
				if naiveOverlap(a, b) {
					t.Fatalf("applied edits overlap: %+v %+v", a, b)
				}
			}
		}
		// Each skipped fix is invalid or conflicts with the applied set.
		for _, fx := range skipped {
			if !naiveBad(text, fx, edits) {
				t.Fatalf("fix %+v skipped for no reason (applied %+v)", fx, edits)
			}
		}
		// Manual application: splice from the end; at equal starts the
		// replacement first, so an insertion ends up before it.
		want := slices.Clone(text)
		slices.SortFunc(edits, func(a, b lint.Edit) int {
			if a.Start != b.Start {
				return b.Start - a.Start
			}
			return b.End - a.End
		})
		for _, e := range edits {
			want = slices.Concat(want[:e.Start], []byte(e.New), want[e.End:])
		}
		if !bytes.Equal(out, want) {
			t.Fatalf("out = %q, want %q", out, want)
		}
	})
}

// naiveOverlap is the overlap rule of Apply, spelled out.
func naiveOverlap(a, b lint.Edit) bool {
	if a == b {
		return false
	}
	aIns, bIns := a.Start == a.End, b.Start == b.End
	switch {
	case aIns && bIns:
		return a.Start == b.Start
	case aIns:
		return b.Start < a.Start && a.Start < b.End
	case bIns:
		return a.Start < b.Start && b.Start < a.End
	}
	return max(a.Start, b.Start) < min(a.End, b.End)
}

func naiveBad(text []byte, fx lint.Fix, accepted []lint.Edit) bool {
	var own []lint.Edit
	for _, e := range fx.Edits {
		if e.Start < 0 || e.Start > e.End || e.End > len(text) || splits(text, e.Start) || splits(text, e.End) {
			return true
		}
		if e.Start != e.End || e.New != "" {
			own = append(own, e)
		}
	}
	for i, a := range own {
		for _, b := range own[i+1:] {
			if naiveOverlap(a, b) {
				return true
			}
		}
		for _, b := range accepted {
			if naiveOverlap(a, b) {
				return true
			}
		}
	}
	return false
}

func FuzzDiff(f *testing.F) {
	f.Add([]byte("a\nb\nc\n"), []byte("a\nB\nc\n"))
	f.Add([]byte("a\r\nb"), []byte("a\r\nb\r\n"))
	f.Add([]byte("你好\n世界"), []byte(""))
	f.Add([]byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"), []byte("X\n2\n3\n4\n5\n6\n7\n8\nY\n10\n11\n"))
	f.Fuzz(func(t *testing.T, oldText, newText []byte) {
		// The full diff, and the fallback (a budget of 1 gives up at once).
		for _, budget := range []int{diffBudget, 1} {
			var buf bytes.Buffer
			if err := diff(&buf, "p/x.wxml", oldText, newText, budget); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(oldText, newText) {
				if buf.Len() != 0 {
					t.Fatalf("diff of equal texts: %q", buf.Bytes())
				}
				return
			}
			got, err := patch(oldText, buf.Bytes())
			if err != nil {
				t.Fatalf("budget %d: patch: %v\n%s", budget, err, buf.Bytes())
			}
			if !bytes.Equal(got, newText) {
				t.Fatalf("budget %d: patch = %q, want %q\n%s", budget, got, newText, buf.Bytes())
			}
		}
	})
}
