package check

import (
	"sort"

	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/rules"
)

// Caps on the findings a run reports. A generated, minified or hostile
// file can hold hundreds of thousands of findings (an 8 MB file gave a
// 200 MB report); past these caps the rest are left out, counted in
// Result.Omitted (so the exit code and --max-warnings do not change), and
// each (file, rule) that lost findings gets one note (rules.TooManyRule).
// Errors are kept first, then warnings, then notes; suppressed findings
// and those the baseline records come last.
const (
	// MaxPerFileRule is how many findings of one rule in one file a run
	// reports.
	MaxPerFileRule = 100
	// MaxPerRun is how many findings a run reports, the notes about left
	// out findings aside.
	MaxPerRun = 5000
	// maxCapNotes is how many of those notes a run gives one by one; one
	// more counts the rest.
	maxCapNotes = 100
)

// Omitted counts the findings the caps left out that would have counted,
// by level.
type Omitted struct{ Errors, Warnings, Notes int }

// add counts f when it counts.
func (o *Omitted) add(f *lint.Finding) {
	if !f.Counts() {
		return
	}
	switch f.Level {
	case lint.Error:
		o.Errors++
	case lint.Warning:
		o.Warnings++
	case lint.Note:
		o.Notes++
	}
}

// groupKey is one rule in one file.
type groupKey struct{ path, rule string }

// capGroup is what the caps did to one group.
type capGroup struct {
	kept, omitted int
	first         int // the smallest start offset of an omitted finding
}

// limit applies the caps to fs and, when note is set, adds the notes
// about what it left out (at the note rule's default level; the caller
// applies the policy).
func limit(fs []lint.Finding, note bool) ([]lint.Finding, Omitted) {
	groups := map[groupKey]*capGroup{}
	over := len(fs) > MaxPerRun
	for i := range fs {
		k := groupKey{fs[i].Path, fs[i].Rule}
		g := groups[k]
		if g == nil {
			g = &capGroup{}
			groups[k] = g
		}
		g.kept++
		over = over || g.kept > MaxPerFileRule
	}
	if !over {
		return fs, Omitted{}
	}
	for _, g := range groups {
		g.kept = 0
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return before(&fs[order[i]], &fs[order[j]]) })
	keep := make([]bool, len(fs))
	var omitted Omitted
	total := 0
	for _, i := range order {
		f := &fs[i]
		g := groups[groupKey{f.Path, f.Rule}]
		if g.kept < MaxPerFileRule && total < MaxPerRun {
			g.kept++
			total++
			keep[i] = true
			continue
		}
		if g.omitted == 0 || f.Start < g.first {
			g.first = f.Start
		}
		g.omitted++
		omitted.add(f)
	}
	out := make([]lint.Finding, 0, total+maxCapNotes+1)
	for i := range fs {
		if keep[i] {
			out = append(out, fs[i])
		}
	}
	if note {
		out = append(out, capNotes(groups)...)
	}
	return out, omitted
}

// before orders findings for the caps: those that count first, then by
// level (errors first), then by place.
func before(a, b *lint.Finding) bool {
	if a.Counts() != b.Counts() {
		return a.Counts()
	}
	if a.Level != b.Level {
		return a.Level > b.Level
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.Rule < b.Rule
}

// capNotes returns one note per group that lost findings, in path and rule
// order, up to maxCapNotes, and one that counts the rest.
func capNotes(groups map[groupKey]*capGroup) []lint.Finding {
	var keys []groupKey
	for k, g := range groups {
		if g.omitted > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].path != keys[j].path {
			return keys[i].path < keys[j].path
		}
		return keys[i].rule < keys[j].rule
	})
	var out []lint.Finding
	for i, k := range keys {
		g := groups[k]
		if i == maxCapNotes {
			rest := 0
			for _, r := range keys[i:] {
				rest += groups[r].omitted
			}
			out = append(out, lint.Finding{
				Rule: rules.TooManyRule, Level: lint.Note, Path: k.path, Start: g.first, End: g.first,
				Message: rules.TooManyMoreMessage(rest, len(keys)-i, MaxPerRun),
			})
			break
		}
		out = append(out, lint.Finding{
			Rule: rules.TooManyRule, Level: lint.Note, Path: k.path, Start: g.first, End: g.first,
			Message: rules.TooManyMessage(g.omitted, k.rule, MaxPerFileRule, MaxPerRun),
		})
	}
	return out
}
