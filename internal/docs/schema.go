package docs

import (
	"encoding/json"

	"github.com/fpcheck/fpcheck/rules"
)

// ConfigSchema is the JSON Schema of fpcheck.json (schema/fpcheck.schema.json),
// generated from the rule metadata so that editors complete every rule ID.
// internal/config is the authority on what is accepted; this schema says
// the same for editors.
func ConfigSchema() string {
	ids := rules.IDs()
	level := map[string]any{"enum": []string{"off", "note", "warning", "error"}}
	ruleLevels := map[string]any{
		"type":                 "object",
		"description":          "Rule levels by rule ID: off, note, warning or error.",
		"propertyNames":        map[string]any{"enum": ids},
		"additionalProperties": level,
	}
	globs := map[string]any{
		"type":  "array",
		"items": map[string]any{"type": "string", "minLength": 1},
	}
	schema := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://github.com/fpcheck/fpcheck/schema/fpcheck.schema.json",
		"title":                "fpcheck.json",
		"description":          "Settings of fpcheck, the WeChat mini-program and plugin linter. Strict JSON: no comments, no trailing commas.",
		"type":                 "object",
		"additionalProperties": false,
		"properties": map[string]any{
			"$schema": map[string]any{"type": "string"},
			"rules":   ruleLevels,
			"profiles": map[string]any{
				"type":                 "object",
				"additionalProperties": false,
				"properties": map[string]any{
					"submit": withDescription(ruleLevels, "Levels under --submit (the pre-submission gate, 提审); they replace the built-in ones rule by rule."),
				},
			},
			"baseline": map[string]any{"type": "string", "minLength": 1, "description": "A baseline file (written with --write-baseline), relative to this file: only findings it does not record count."},
			"lang":     map[string]any{"enum": []string{"zh", "en"}, "description": "The language of fpcheck's messages and reports (zh: 中文, en: English). --lang overrides it; without either, LC_ALL, LC_MESSAGES or LANG decide (zh* is Chinese)."},
			"ignore":   withDescription(globs, "Files to leave out of the analysis, as globs relative to the project directory (** allowed)."),
			"overrides": map[string]any{
				"type":        "array",
				"description": "Rule levels for some files. \"off\" suppresses the findings there: they stay in SARIF and JSON, dismissed with the reason.",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             []string{"files", "rules", "reason"},
					"properties": map[string]any{
						"files":  withDescription(globs, "Globs relative to the project directory."),
						"rules":  ruleLevels,
						"reason": map[string]any{"type": "string", "minLength": 1, "description": "Why these files are treated differently."},
					},
				},
			},
		},
	}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic(err) // a literal map always marshals
	}
	return string(out) + "\n"
}

func withDescription(m map[string]any, d string) map[string]any {
	out := map[string]any{"description": d}
	for k, v := range m {
		if k != "description" {
			out[k] = v
		}
	}
	return out
}
