// Package fix applies the text edits of findings' fixes (--fix) and prints
// what they would change as a unified diff (--fix-dry-run).
//
// It is byte-exact: it never normalises line endings, a byte order mark or
// encoding; every byte outside an accepted edit is kept.
package fix

import (
	"cmp"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/internal/lint"
)

// Apply applies fixes to one file's text and returns the new text, the
// fixes that were applied and the fixes that were skipped, each in the
// order given. The text is not modified.
//
// Each fix is all-or-nothing, and fixes are considered in the order given,
// so an earlier fix wins a conflict. A fix is skipped when any of its
// edits
//   - is out of range (Start < 0, End > len(text)) or inverted (Start > End);
//   - has a boundary that splits a UTF-8 sequence or a CRLF pair;
//   - overlaps another of its own edits or an edit already accepted.
//
// Two edits overlap when their spans [Start, End) share a byte, when an
// insertion (Start == End) lies strictly inside the other's span, or when
// both are insertions at the same offset (their order would be ambiguous).
// An insertion at the start or at the end of a replaced span is not an
// overlap: the insertion goes before (at the start) or after (at the end)
// the replacement. Edits that touch (one ends where the other starts) do
// not overlap. Identical edits (same span, same New), whether in one fix or
// in two (two findings proposing the same change), count once and never
// conflict. A no-op edit (Start == End, New == "") is checked for range
// and ignored. A fix without edits is applied and changes nothing.
//
// Apply is not idempotent by itself: the offsets of the fixes refer to
// text, so applying the same fixes again to out would edit the wrong bytes
// (or insert the text a second time). Re-running the rules on out and
// applying the fixes they report is the caller's job.
func Apply(text []byte, fixes []lint.Fix) (out []byte, applied, skipped []lint.Fix) {
	var accepted []lint.Edit // sorted by (Start, End), pairwise non-overlapping
	for _, f := range fixes {
		edits, ok := prepare(text, f.Edits)
		if ok {
			ok = !conflicts(accepted, edits)
		}
		if !ok {
			skipped = append(skipped, f)
			continue
		}
		for _, e := range edits {
			i, found := slices.BinarySearchFunc(accepted, e, compareSpan)
			if !found { // found: an identical edit is already accepted
				accepted = slices.Insert(accepted, i, e)
			}
		}
		applied = append(applied, f)
	}
	return build(text, accepted), applied, skipped
}

// prepare validates a fix's edits and returns them sorted by span without
// duplicates and no-ops; ok is false when the fix must be skipped.
func prepare(text []byte, edits []lint.Edit) ([]lint.Edit, bool) {
	out := make([]lint.Edit, 0, len(edits))
	for _, e := range edits {
		if e.Start < 0 || e.Start > e.End || e.End > len(text) ||
			splits(text, e.Start) || splits(text, e.End) {
			return nil, false
		}
		if e.Start == e.End && e.New == "" {
			continue
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b lint.Edit) int {
		if c := compareSpan(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a.New, b.New)
	})
	out = slices.Compact(out)
	// Sorted by span, a set overlaps if and only if two neighbors do.
	for i := 1; i < len(out); i++ {
		if overlaps(out[i-1], out[i]) {
			return nil, false
		}
	}
	return out, true
}

// conflicts reports whether an edit of edits overlaps an accepted one.
func conflicts(accepted, edits []lint.Edit) bool {
	for _, e := range edits {
		// accepted's ends are non-decreasing too: start at the first edit
		// that ends at or after e starts; stop past e's end.
		i := sort.Search(len(accepted), func(i int) bool { return accepted[i].End >= e.Start })
		for ; i < len(accepted) && accepted[i].Start <= e.End; i++ {
			if accepted[i] != e && overlaps(accepted[i], e) {
				return true
			}
		}
	}
	return false
}

// overlaps reports whether two different edits conflict (see Apply).
func overlaps(a, b lint.Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

func compareSpan(a, b lint.Edit) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.End, b.End)
}

// splits reports whether offset p, inside text, falls between the bytes of
// a valid UTF-8 sequence or between the \r and \n of a CRLF pair. Invalid
// bytes are single units and may be cut anywhere.
func splits(text []byte, p int) bool {
	if p <= 0 || p >= len(text) {
		return false
	}
	if text[p-1] == '\r' && text[p] == '\n' {
		return true
	}
	if utf8.RuneStart(text[p]) {
		return false
	}
	for q := p - 1; q >= 0 && q >= p-(utf8.UTFMax-1); q-- {
		if utf8.RuneStart(text[q]) {
			r, size := utf8.DecodeRune(text[q:])
			valid := r != utf8.RuneError || size > 1
			return valid && q+size > p
		}
	}
	return false
}

// build applies sorted, non-overlapping edits.
func build(text []byte, edits []lint.Edit) []byte {
	n := len(text)
	for _, e := range edits {
		n += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, n)
	last := 0
	for _, e := range edits {
		out = append(out, text[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, text[last:]...)
}
