// Package check is fpcheck's pipeline, written down once: the rules run at
// their default levels, then the policy sets each finding's level (the
// submit profile, the config file), then suppressions mark findings, then
// positions are computed and the findings sorted. The command line, the
// git hook and the tests all run a check through Run.
package check

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/directive"
	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/baseline"
	"github.com/fpcheck/fpcheck/internal/config"
	"github.com/fpcheck/fpcheck/internal/fix"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/rules"
)

// Policy decides which rules run and at which level.
type Policy struct {
	// Submit applies the submit profile (the pre-submission gate, 提审):
	// each rule's SubmitSeverity, replaced by the config's
	// "profiles": {"submit": …} entries.
	Submit bool
	// Config is the project's fpcheck.json; nil when there is none.
	Config *config.Config
	// Only, when not empty, runs just these rules (--rule); Disable turns
	// rules off (--disable). The command line wins over the config.
	Only, Disable []string
	// Files, when not empty, keeps the findings in these project-relative
	// files or directories (PATH arguments); the whole project is still
	// analyzed, since boundaries need the whole graph.
	Files []string
	// Baseline, when set, marks the findings it records as unchanged: only
	// new ones count.
	Baseline *baseline.File
	// NoCap reports every finding (writing a baseline records them all,
	// so that a later run under the caps matches them).
	NoCap bool
}

// Result is what one check found.
type Result struct {
	Graph    *graph.Graph
	Findings []lint.Finding
	// Rules are the rules that ran.
	Rules []*lint.Meta
	// BaselineGone counts the baseline's findings that are fixed since.
	BaselineGone int
	// Omitted counts the findings the caps (MaxPerFileRule, MaxPerRun)
	// left out of Findings that would have counted: the exit code and
	// --max-warnings add them.
	Omitted Omitted
	// Changed lists the files that changed (or vanished) on disk between
	// being parsed and being read again for their findings' positions,
	// frames or fixes (see package source). When it is not empty, the
	// findings of those files have no exact positions: report none of
	// them, say that the files changed, and stop.
	Changed []string
}

// Run checks the loaded project p under pol.
func Run(p *project.Project, pol Policy) *Result {
	g := graph.Build(p)
	cfg := pol.Config
	if cfg == nil {
		cfg = &config.Config{}
	}
	profile := submitProfile(cfg)
	var rs []rules.Rule
	res := &Result{Graph: g}
	for _, r := range rules.All() {
		if pol.enabled(r.Meta().ID, cfg) {
			rs = append(rs, r)
			res.Rules = append(res.Rules, r.Meta())
		}
	}
	fs := rules.Run(p, g, rs)
	for i := range fs {
		pol.apply(&fs[i], cfg, profile)
	}
	ran := map[string]bool{}
	for _, m := range res.Rules {
		ran[m.ID] = true
	}
	for _, u := range suppress(p, fs, ran) {
		pol.apply(&u, cfg, profile)
		fs = append(fs, u)
	}
	fs = narrow(fs, pol.Files)
	if b := pol.Baseline; b != nil {
		if len(pol.Files) > 0 {
			kept := *b
			kept.Findings = nil
			for _, e := range b.Findings {
				if inFiles(e.Path, pol.Files) {
					kept.Findings = append(kept.Findings, e)
				}
			}
			b = &kept
		}
		res.BaselineGone = baseline.Match(b, fs, func(path string) []byte { return Text(p, path) })
	}
	if !pol.NoCap {
		fs, res.Omitted = limit(fs, ran[rules.TooManyRule])
	}
	for i := range fs {
		if fs[i].Rule == rules.TooManyRule {
			pol.apply(&fs[i], cfg, profile)
		}
	}
	positions(p, fs)
	res.Findings = lint.Sort(fs)
	res.Changed = changed(p)
	return res
}

// Text is the text of the file at path as it was parsed (see
// source.File.Content), nil when there is none.
func Text(p *project.Project, path string) []byte {
	if f := p.File(path); f != nil {
		text, _ := f.Content()
		return text
	}
	return nil
}

// changed lists the files whose text was needed again after parsing and
// could not be read again unchanged.
func changed(p *project.Project) []string {
	var out []string
	for _, rel := range p.Paths {
		if p.Files[rel].Changed() {
			out = append(out, rel)
		}
	}
	return out
}

// narrow keeps the findings in files (project-relative files or
// directories); all of them when files is empty.
func narrow(fs []lint.Finding, files []string) []lint.Finding {
	if len(files) == 0 {
		return fs
	}
	var out []lint.Finding
	for _, f := range fs {
		if inFiles(f.Path, files) {
			out = append(out, f)
		}
	}
	return out
}

// inFiles reports whether path is one of files or inside one of them.
func inFiles(path string, files []string) bool {
	for _, p := range files {
		if p == "." || path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// apply sets f's level from the config and, under --submit, the submit
// profile, and marks it suppressed when a matching override turns its rule
// off there.
func (pol Policy) apply(f *lint.Finding, cfg *config.Config, profile map[string]config.Setting) {
	if s, ok := cfg.Rules[f.Rule]; ok && !s.Off {
		f.Level = s.Level
	}
	if s, ok := profile[f.Rule]; ok && pol.Submit && !s.Off {
		f.Level = s.Level
	}
	for _, o := range cfg.Overrides {
		s, ok := o.Rules[f.Rule]
		if !ok || !o.Matches(f.Path) {
			continue
		}
		if s.Off {
			f.Suppressed = &lint.Suppression{Kind: "external", Justification: o.Reason}
		} else {
			f.Level = s.Level
		}
	}
}

// suppress marks the findings that an inline directive silences
// (fpcheck-disable-next-line, -line, and the whole-file form) and returns a
// finding for each rule of a valid directive that silenced nothing (when
// that rule ran, and the suppression rule is on).
func suppress(p *project.Project, fs []lint.Finding, ran map[string]bool) []lint.Finding {
	type use struct {
		d    *project.Directive
		rule int
	}
	used := map[use]bool{}
	for i := range fs {
		f := &fs[i]
		file := p.File(f.Path)
		if file == nil || len(file.Directives) == 0 || f.Rule == rules.SuppressionRule {
			continue
		}
		line := file.LineAt(f.Start)
		for di := range file.Directives {
			d := &file.Directives[di]
			k := slices.Index(d.Rules, f.Rule)
			if k < 0 || !rules.Valid(*d) || !covers(file, d, line) {
				continue
			}
			used[use{d, k}] = true
			if f.Suppressed == nil {
				f.Suppressed = &lint.Suppression{Kind: "inSource", Justification: d.Reason}
			}
		}
	}
	var unused []lint.Finding
	if !ran[rules.SuppressionRule] {
		return nil
	}
	for _, rel := range p.Paths {
		file := p.Files[rel]
		for di := range file.Directives {
			d := &file.Directives[di]
			if !rules.Valid(*d) {
				continue
			}
			for k, r := range d.Rules {
				if used[use{d, k}] || !ran[r] {
					continue
				}
				unused = append(unused, lint.Finding{
					Rule: rules.SuppressionRule, Level: lint.Warning, Path: rel,
					Start: d.RuleSpans[k].Start, End: d.RuleSpans[k].End,
					Message: rules.UnusedMessage(*d, r),
				})
			}
		}
	}
	return unused
}

// covers reports whether directive d applies to a finding on line.
func covers(file *project.File, d *project.Directive, line int) bool {
	end := file.LineAt(max(d.Comment.Start, d.Comment.End-1))
	switch d.Kind {
	case directive.File:
		return true
	case directive.NextLine:
		return line == end+1
	case directive.SameLine:
		return line == end
	case directive.Unknown:
	}
	return false
}

// enabled reports whether the rule id runs.
func (pol Policy) enabled(id string, cfg *config.Config) bool {
	if len(pol.Only) > 0 && !slices.Contains(pol.Only, id) || slices.Contains(pol.Disable, id) {
		return false
	}
	on := !cfg.Rules[id].Off
	if s, ok := cfg.Submit[id]; ok && pol.Submit {
		on = !s.Off // only the config's own profile turns a rule back on
	}
	return on
}

// submitProfile is the submit profile as data: the rules' SubmitSeverity,
// then the config's entries.
func submitProfile(cfg *config.Config) map[string]config.Setting {
	out := map[string]config.Setting{}
	for _, r := range rules.All() {
		if m := r.Meta(); m.SubmitSeverity > m.Severity {
			out[m.ID] = config.Setting{Level: m.SubmitSeverity}
		}
	}
	maps.Copy(out, cfg.Submit)
	return out
}

// positions derives each finding's Range, and its fixes' edit ranges, from
// their byte offsets.
func positions(p *project.Project, fs []lint.Finding) {
	for i := range fs {
		f := &fs[i]
		file := p.File(f.Path)
		if file == nil {
			continue
		}
		f.Range = file.RangeAt(f.Start, f.End)
		for j := range f.Fixes {
			for k := range f.Fixes[j].Edits {
				e := &f.Fixes[j].Edits[k]
				e.Range = file.RangeAt(e.Start, e.End)
			}
		}
	}
}

// ChangedError says files changed while fpcheck checked them (see
// Result.Changed).
type ChangedError struct{ Paths []string }

// Error is the message in English.
func (e *ChangedError) Error() string { return e.Localize(i18n.En) }

// Localize is the message in l.
func (e *ChangedError) Localize(l i18n.Lang) string {
	return texts.New("changed", strings.Join(e.Paths, ", ")).Localize(l)
}

// texts are the check's own messages, in both languages.
var texts = i18n.Register("check", i18n.Catalog{
	"changed": {
		En: "changed on disk while fpcheck was checking the project (the text is no longer the one parsed): %s; nothing was reported: run fpcheck again",
		Zh: "fpcheck 检查项目期间，这些文件在磁盘上被修改了（内容已与解析时不同）：%s；没有报告任何问题，请重新运行 fpcheck",
	},
})

// maxFixPasses bounds --fix: a fix can make another finding fixable
// (version="Develop" → "develop" → "release"), so fixing repeats, as
// ESLint does, until nothing changes or this many passes ran.
const maxFixPasses = 10

// Fix applies the safe fixes of the findings of the project load returns,
// writes each changed file with write, and repeats on the result until
// nothing changes. It returns, by path, the text before the first pass and
// after the last, and how many fixes went in.
func Fix(load func() (*project.Project, error), pol Policy, write func(path string, text []byte) error) ([]fix.Change, error) {
	byPath := map[string]*fix.Change{}
	for range maxFixPasses {
		p, err := load()
		if err != nil {
			return nil, err
		}
		res := Run(p, pol)
		if len(res.Changed) > 0 {
			return nil, &ChangedError{Paths: res.Changed}
		}
		changes := fix.Files(res.Findings, func(path string) ([]byte, bool) {
			text := Text(p, path)
			return text, text != nil
		})
		if len(changes) == 0 {
			break
		}
		for _, ch := range changes {
			if err := write(ch.Path, ch.New); err != nil {
				return nil, err
			}
			if prev := byPath[ch.Path]; prev != nil {
				prev.New, prev.Applied, prev.Skipped = ch.New, prev.Applied+ch.Applied, ch.Skipped
				continue
			}
			c := ch
			byPath[ch.Path] = &c
		}
	}
	out := make([]fix.Change, 0, len(byPath))
	for _, ch := range byPath {
		out = append(out, *ch)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
