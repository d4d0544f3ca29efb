package report

import (
	"io"
	"net/url"
	"strings"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// InformationURI is where users learn about fpcheck.
const InformationURI = "https://github.com/fpcheck/fpcheck"

// SARIF 2.1.0 structures: only what fpcheck writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
	// Language is the language of the log's messages (BCP 47).
	Language string `json:"language"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifHelp      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags            []string `json:"tags"`
	Precision       string   `json:"precision"`
	ProblemSeverity string   `json:"problem.severity"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	// Suppressions marks a finding silenced by an inline directive
	// ("inSource") or the config ("external"); code scanning shows it as
	// dismissed.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	// Fixes are the safe fixes (what --fix applies).
	Fixes []sarifFix `json:"fixes,omitempty"`
	// BaselineState is "new" or "unchanged" when the run compared with a
	// baseline.
	BaselineState string `json:"baselineState,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func writeSARIF(w io.Writer, run *Run) error {
	metas := sortedRules(run.Rules)
	index := map[string]int{}
	driver := sarifDriver{
		Name:            run.Tool,
		Version:         run.Version,
		SemanticVersion: semver(run.Version),
		InformationURI:  InformationURI,
		Rules:           []sarifRule{},
	}
	for i, m := range metas {
		index[m.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(m, run.Submit, run.Lang))
	}
	results := []sarifResult{}
	for _, f := range run.Findings {
		reg := sarifRegion{StartLine: f.Range.Start.Line, StartColumn: f.Range.Start.Col}
		if f.Range.Start.Before(f.Range.End) {
			reg.EndLine, reg.EndColumn = f.Range.End.Line, f.Range.End.Col
		}
		res := sarifResult{
			RuleID:        f.Rule,
			RuleIndex:     index[f.Rule],
			BaselineState: f.BaselineState,
			Level:         f.Level.String(),
			Message:       sarifText{Text: sentence(run.msg(f.Message), run.Lang)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: sarifURI(run.path(f)), URIBaseID: "%SRCROOT%"},
				Region:           reg,
			}}},
		}
		if s := f.Suppressed; s != nil {
			res.Suppressions = []sarifSuppression{{Kind: s.Kind, Justification: s.Justification}}
		}
		for _, fx := range f.Fixes {
			change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: sarifURI(run.path(f)), URIBaseID: "%SRCROOT%"}}
			for _, e := range fx.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion: sarifRegion{
						StartLine: e.Range.Start.Line, StartColumn: e.Range.Start.Col,
						EndLine: e.Range.End.Line, EndColumn: e.Range.End.Col,
					},
					InsertedContent: sarifText{Text: e.New},
				})
			}
			res.Fixes = append(res.Fixes, sarifFix{Description: sarifText{Text: sentence(run.msg(fx.Message), run.Lang)}, ArtifactChanges: []sarifArtifactChange{change}})
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "utf16CodeUnits", Language: run.Lang.Tag()}},
	}
	return encodeJSON(w, log)
}

func sarifRuleOf(m *lint.Meta, submit bool, l i18n.Lang) sarifRule {
	level := m.LevelFor(submit)
	return sarifRule{
		ID:                   m.ID,
		Name:                 pascal(m.ID),
		ShortDescription:     sarifText{Text: sentence(m.Title.In(l), l)},
		FullDescription:      sarifText{Text: m.Explanation.In(l)},
		Help:                 sarifHelp{Text: helpText(m, l), Markdown: helpMarkdown(m, l)},
		HelpURI:              InformationURI + "/blob/main/" + rulesDoc(l) + "#" + m.ID,
		DefaultConfiguration: sarifRuleLevel{Level: level.String()},
		Properties: sarifRuleProps{
			Tags:            m.Tags,
			Precision:       "very-high",
			ProblemSeverity: problemSeverity(level),
		},
	}
}

// problemSeverity is GitHub's "problem.severity" property.
func problemSeverity(s lint.Level) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Note:
		return "recommendation"
	}
	return "recommendation"
}

func helpText(m *lint.Meta, l i18n.Lang) string {
	return m.Explanation.In(l) + "\n\n" + texts.New("help.bad", firstLine(m.Bad)).Localize(l) + "\n" + rest(m.Bad) +
		"\n\n" + texts.New("help.good", firstLine(m.Good)).Localize(l) + "\n" + rest(m.Good)
}

func helpMarkdown(m *lint.Meta, l i18n.Lang) string {
	return "# " + m.Title.In(l) + "\n\n" + m.Explanation.In(l) +
		"\n\n" + texts.New("md.bad", firstLine(m.Bad)).Localize(l) + "\n\n```\n" + rest(m.Bad) + "\n```\n" +
		"\n" + texts.New("md.good", firstLine(m.Good)).Localize(l) + "\n\n```\n" + rest(m.Good) + "\n```\n"
}

func firstLine(s string) string { first, _, _ := strings.Cut(s, "\n"); return first }
func rest(s string) string      { _, r, _ := strings.Cut(s, "\n"); return r }

// pascal turns "legacy-functional-pages" into "LegacyFunctionalPages".
func pascal(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// sarifURI percent-encodes each segment of a relative path, as a SARIF
// uri-reference requires: non-ASCII (Chinese page folders), spaces, "#",
// "[", "]" and "%" are escaped, and so is ":", which in a first segment
// would read as a URI scheme (GitHub's validator then skips the whole log).
func sarifURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// semver returns v when it looks like a semantic version (1.2.3), else "".
func semver(v string) string {
	v = strings.TrimPrefix(v, "v")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) != 3 || parts[0] == "" || strings.Trim(parts[0], "0123456789") != "" {
		return ""
	}
	return v
}
