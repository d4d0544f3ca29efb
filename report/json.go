package report

import (
	"encoding/json"
	"io"
)

// JSONSchemaVersion is bumped on any incompatible change to the JSON output.
const JSONSchemaVersion = 1

// jsonReport is the documented, stable JSON output (see README.md).
type jsonReport struct {
	SchemaVersion int           `json:"schemaVersion"`
	Tool          jsonTool      `json:"tool"`
	Findings      []jsonFinding `json:"findings"`
	Summary       jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	Rule      string `json:"rule"`
	Level     string `json:"level"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

type jsonSummary struct {
	Files    int  `json:"files"`
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	Notes    int  `json:"notes"`
	Submit   bool `json:"submit"`
}

func writeJSON(w io.Writer, run *Run) error {
	c := Count(run.Findings)
	out := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool:          jsonTool{Name: run.Tool, Version: run.Version},
		Findings:      []jsonFinding{},
		Summary:       jsonSummary{Files: run.Files, Errors: c.Errors, Warnings: c.Warnings, Notes: c.Notes, Submit: run.Submit},
	}
	for _, f := range run.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Rule: f.Rule, Level: f.Level.String(), Path: run.path(f),
			Line: f.Range.Start.Line, Column: f.Range.Start.Col,
			EndLine: f.Range.End.Line, EndColumn: f.Range.End.Col,
			Message: f.Message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
