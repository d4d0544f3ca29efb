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
	Title:    Text{En: "a JSON, WXML, WXSS or JS/TS file cannot be parsed", Zh: "JSON、WXML、WXSS 或 JS/TS 文件无法解析"},
	Explanation: Text{
		En: `fpcheck could not parse the file, so the platform's compiler will reject it too, and the checks ` +
			`that need it were skipped for that file (the run goes on with the others). app.json and the other ` +
			`WeChat configuration files must be strict JSON: no comments, no trailing commas (a leading UTF-8 BOM is ` +
			`accepted), and project.config.json, app.json and plugin.json must each hold an object ({…}), not an ` +
			`array, a string or null. tsconfig.json and jsconfig.json, which allow comments, are not checked; neither are files ` +
			`under miniprogram_npm/ (built packages) or node_modules/.`,
		Zh: `fpcheck 无法解析这个文件，平台的编译器也会拒绝它；需要这个文件的检查已对它跳过（其他文件照常检查）。` +
			`app.json 和其他微信配置文件必须是严格的 JSON：不能有注释，不能有末尾逗号（允许开头的 UTF-8 BOM）` +
			`，并且 project.config.json、` +
			`app.json 和 plugin.json 的顶层都必须是对象（{…}），而不是数组、字符串或 null。` +
			`允许注释的 tsconfig.json 和 jsconfig.json 不检查；` +
			`miniprogram_npm/（构建出的包）和 node_modules/ 下的文件也不检查。`,
	},
	Bad:  "app.json\n{\n  \"pages\": [\"pages/index/index\"], // home\n}",
	Good: "app.json\n{\n  \"pages\": [\"pages/index/index\"]\n}",
	Tags: []string{"syntax"},
	Messages: Catalog{
		"syntax":      {En: `%s syntax error: %s`, Zh: `%s 语法错误：%s`},
		"syntax-file": {En: `file syntax error: %s`, Zh: `文件语法错误：%s`},
		"not-object":  {En: `%s must hold a JSON object ({…}) at the top level, found %s: the compiler rejects it`, Zh: `%s 的顶层必须是 JSON 对象（{…}），实际为：%s；编译器会拒绝它`},
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
