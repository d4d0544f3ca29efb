// Package check is fpcheck's pipeline, written down once: the rules run at
// their default levels, then the policy sets each finding's level (the
// submit profile, the config file), then suppressions mark findings, then
// positions are computed and the findings sorted. The command line, the
// git hook and the tests all run a check through Run.
package check

import (
	"maps"
	"slices"

	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/config"
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
}

// Result is what one check found.
type Result struct {
	Graph    *graph.Graph
	Findings []lint.Finding
	// Rules are the rules that ran.
	Rules []*lint.Meta
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
		f := &fs[i]
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
	positions(p, fs)
	res.Findings = lint.Sort(fs)
	return res
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

// positions derives each finding's Range from its byte offsets.
func positions(p *project.Project, fs []lint.Finding) {
	for i := range fs {
		if file := p.File(fs[i].Path); file != nil {
			fs[i].Range = file.RangeAt(fs[i].Start, fs[i].End)
		}
	}
}
