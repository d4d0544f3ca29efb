package fix

import (
	"sort"

	"github.com/fpcheck/fpcheck/internal/lint"
)

// Change is what the fixes of one file do to it.
type Change struct {
	Path     string
	Old, New []byte
	// Applied counts the findings whose fix went in; Skipped those whose
	// fix conflicted with an earlier one (a second --fix run takes them).
	Applied, Skipped int
}

// Files applies the fixes of findings, file by file, to the texts read
// returns; suppressed findings are left alone. Changes come sorted by path,
// and only for files that change.
func Files(findings []lint.Finding, read func(path string) ([]byte, bool)) []Change {
	byPath := map[string][]lint.Fix{}
	for _, f := range findings {
		if f.Suppressed != nil || len(f.Fixes) == 0 {
			continue
		}
		byPath[f.Path] = append(byPath[f.Path], f.Fixes[0]) // the first fix is the safe one
	}
	var out []Change
	for path, fixes := range byPath {
		text, ok := read(path)
		if !ok {
			continue
		}
		updated, applied, skipped := Apply(text, fixes)
		if string(updated) == string(text) {
			continue
		}
		out = append(out, Change{Path: path, Old: text, New: updated, Applied: len(applied), Skipped: len(skipped)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
