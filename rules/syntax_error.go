package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type syntaxError struct{}

func init() { register(syntaxError{}) }

var syntaxErrorMeta = &Meta{
	ID:       "syntax-error",
	Severity: Error,
	Title:    "a JSON, WXML, WXSS or JS/TS file cannot be parsed",
	Explanation: `fpcheck could not parse the file, so the platform's compiler will reject it too, and the checks ` +
		`that need it were skipped for that file (the run goes on with the others). app.json and the other ` +
		`WeChat configuration files must be strict JSON: no comments, no trailing commas (a leading UTF-8 BOM is ` +
		`accepted). tsconfig.json and jsconfig.json, which allow comments, are not checked; neither are files ` +
		`under miniprogram_npm/ (built packages) or node_modules/.`,
	Bad:  "app.json\n{\n  \"pages\": [\"pages/index/index\"], // home\n}",
	Good: "app.json\n{\n  \"pages\": [\"pages/index/index\"]\n}",
	Tags: []string{"syntax"},
	Messages: map[string]string{
		"syntax": `%s syntax error: %s`,
	},
}

func (syntaxError) Meta() *Meta { return syntaxErrorMeta }

func (syntaxError) Check(c *Context) {
	for _, rel := range c.Project.Paths {
		f := c.Project.Files[rel]
		if f.Err == nil {
			continue
		}
		c.Report(f, f.Err.Offset, f.Err.Offset, "syntax", languageName(f.Kind), f.Err.Message)
	}
}

func languageName(k project.Kind) string {
	switch k {
	case project.KindJSON:
		return "JSON"
	case project.KindWXML:
		return "WXML"
	case project.KindTS:
		return "TypeScript"
	case project.KindWXS:
		return "WXS"
	case project.KindJS:
		return "JavaScript"
	case project.KindWXSS:
		return "WXSS"
	case project.KindOther:
	}
	return "file"
}
