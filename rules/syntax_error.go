package rules

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type syntaxError struct{}

func init() { register(syntaxError{}) }

var syntaxErrorMeta = &Meta{
	ID:       "syntax-error",
	Severity: Error,
	Title:    Text{En: "a JSON, WXML, WXSS or JS/TS file cannot be parsed"},
	Explanation: Text{En: `fpcheck could not parse the file, so the platform's compiler will reject it too, and the checks ` +
		`that need it were skipped for that file (the run goes on with the others). app.json and the other ` +
		`WeChat configuration files must be strict JSON: no comments, no trailing commas (a leading UTF-8 BOM is ` +
		`accepted), and project.config.json, app.json and plugin.json must each hold an object ({…}), not an ` +
		`array, a string or null. tsconfig.json and jsconfig.json, which allow comments, are not checked; neither are files ` +
		`under miniprogram_npm/ (built packages) or node_modules/.`},
	Bad:  "app.json\n{\n  \"pages\": [\"pages/index/index\"], // home\n}",
	Good: "app.json\n{\n  \"pages\": [\"pages/index/index\"]\n}",
	Tags: []string{"syntax"},
	Messages: Catalog{
		"syntax":      {En: `%s syntax error: %s`},
		"syntax-file": {En: `file syntax error: %s`},
		"not-object":  {En: `%s must hold a JSON object ({…}) at the top level, found %s: the compiler rejects it`},
	},
}

func (syntaxError) Meta() *Meta { return syntaxErrorMeta }

func (syntaxError) Check(c *Context) {
	for _, rel := range c.Project.Paths {
		f := c.Project.Files[rel]
		if f.Err == nil || f.Err.Limit {
			continue // a file over fpcheck's own bounds: file-not-read says so
		}
		if lang, ok := languageName(f.Kind); ok {
			c.Report(f, f.Err.Offset, f.Err.Offset, "syntax", lang, f.Err.Message)
		} else {
			c.Report(f, f.Err.Offset, f.Err.Offset, "syntax-file", f.Err.Message)
		}
	}
	for _, f := range []*project.File{c.Project.ConfigFile, c.Project.App().File, c.Project.Plugin().File} {
		if f == nil || f.JSON == nil {
			continue
		}
		if v := f.JSON.Root(); v.Kind() != jsonpos.Object {
			c.Report(f, v.Start(), v.End(), "not-object", path.Base(f.Path), describeJSON(v))
		}
	}
}

// languageName names the language of a file of kind k in a message
// ("JSON", "WXML"…, the same in every language); ok is false for a kind
// that has none, whose syntax errors the rule's "syntax-file" message
// reports.
func languageName(k project.Kind) (name string, ok bool) {
	switch k {
	case project.KindJSON:
		return "JSON", true
	case project.KindWXML:
		return "WXML", true
	case project.KindTS:
		return "TypeScript", true
	case project.KindWXS:
		return "WXS", true
	case project.KindJS:
		return "JavaScript", true
	case project.KindWXSS:
		return "WXSS", true
	case project.KindOther:
	}
	return "", false
}
