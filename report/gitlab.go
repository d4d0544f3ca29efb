package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/fpcheck/fpcheck/internal/baseline"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// GitLab Code Quality report: a JSON array of issues, the subset of the
// Code Climate spec that GitLab reads (docs.gitlab.com/ci/testing/
// code_quality, "Code Quality report format"). GitLab requires
// description, check_name, fingerprint, severity, location.path and
// location.lines.begin; it compares the fingerprints of the merge
// request's report with the target branch's to say what is new or fixed.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	// Path is relative to the repository root (--path-prefix for a
	// project in a sub-folder), as GitLab links it.
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabSeverity maps a level to GitLab's scale (info, minor, major,
// critical, blocker). An error is "major", not "critical" or "blocker":
// GitLab and the tools that feed it (ESLint's and golangci-lint's GitLab
// formatters) keep those two for security flaws and crashes, and "major"
// still ranks every fpcheck error above its warnings ("minor") and notes
// ("info") in the merge request widget, which sorts by severity.
func gitlabSeverity(l lint.Level) string {
	switch l {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	case lint.Note:
		return "info"
	}
	return "info"
}

// writeGitLab writes the findings that count: Code Quality has no
// suppression or baseline state, so a suppressed finding or one recorded
// in the baseline is left out, as the human formats leave it out.
func writeGitLab(w io.Writer, run *Run) error {
	issues := []gitlabIssue{}
	seen := map[string]int{}
	for _, f := range run.Shown() {
		issues = append(issues, gitlabIssue{
			Description: run.msg(f.Message) + " [" + f.Rule + "]",
			CheckName:   f.Rule,
			Fingerprint: gitlabFingerprint(run, f, seen),
			Severity:    gitlabSeverity(f.Level),
			Location: gitlabLocation{
				Path:  run.path(f),
				Lines: gitlabLines{Begin: max(f.Range.Start.Line, 1)},
			},
		})
	}
	return encodeJSON(w, issues)
}

// gitlabFingerprint identifies a finding across runs and languages: the
// baseline's fingerprint (rule, path and the source text it points at,
// or its English message) with its position, so that two findings of
// one rule on the same text in a file differ. The same input twice (one
// rule reporting the same span twice) is told apart by its occurrence,
// counted in seen, so every fingerprint in a report is unique, and the
// same findings give the same fingerprints on every run.
func gitlabFingerprint(run *Run, f lint.Finding, seen map[string]int) string {
	var text []byte
	if run.Text != nil {
		text = run.Text(f.Path)
	}
	key := fmt.Sprintf("%s\x00%d:%d-%d:%d", baseline.Fingerprint(f.Rule, f.Path, baseline.Snippet(f, text)),
		f.Range.Start.Line, f.Range.Start.Col, f.Range.End.Line, f.Range.End.Col)
	n := seen[key]
	seen[key]++
	if n > 0 {
		key += fmt.Sprintf("\x00%d", n)
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}
