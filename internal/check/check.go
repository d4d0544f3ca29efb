// Package check is fpcheck's pipeline, written down once: the rules run at
// their default levels, then the policy sets each finding's level (the
// submit profile, the config file), then suppressions mark findings, then
// positions are computed and the findings sorted. The command line, the
// git hook and the tests all run a check through Run.
package check

import (
	"github.com/fpcheck/fpcheck/analyzers/graph"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/lint"
	"github.com/fpcheck/fpcheck/rules"
)

// Policy decides which rules run and at which level.
type Policy struct {
	// Submit applies the submit profile (the pre-submission gate, 提审):
	// each rule's SubmitSeverity, when higher.
	Submit bool
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
	var rs []rules.Rule
	metas := map[string]*lint.Meta{}
	res := &Result{Graph: g}
	for _, r := range rules.All() {
		rs = append(rs, r)
		metas[r.Meta().ID] = r.Meta()
		res.Rules = append(res.Rules, r.Meta())
	}
	fs := rules.Run(p, g, rs)
	for i := range fs {
		f := &fs[i]
		if m := metas[f.Rule]; pol.Submit && m.SubmitSeverity > f.Level {
			f.Level = m.SubmitSeverity
		}
	}
	positions(p, fs)
	res.Findings = lint.Sort(fs)
	return res
}

// positions derives each finding's Range from its byte offsets.
func positions(p *project.Project, fs []lint.Finding) {
	for i := range fs {
		if file := p.File(fs[i].Path); file != nil {
			fs[i].Range = file.RangeAt(fs[i].Start, fs[i].End)
		}
	}
}
