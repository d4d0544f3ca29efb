package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

type invalidFunctionalPages struct{}

func init() { register(invalidFunctionalPages{}) }

var invalidFunctionalPagesMeta = &Meta{
	ID:       "invalid-functional-pages",
	Severity: Error,
	Title: Text{
		En: `app.json "functionalPages" has a value the compiler rejects`,
		Zh: `app.json 中 "functionalPages" 的值会被编译器拒绝`,
	},
	Explanation: Text{
		En: `"functionalPages" accepts {"independent": true} (current), true (legacy), {"independent": false} ` +
			`(on, not loaded on their own) and false (off). The official compiler rejects anything else with an ` +
			`error: a string such as "true", null, an empty object, a non-boolean "independent", or keys other than ` +
			`"independent".`,
		Zh: `"functionalPages" 可以是 {"independent": true}（当前写法）、true（旧式写法）、{"independent": false}` +
			`（开启，但不独立加载）或 false（关闭）。其他值官方编译器都会报错拒绝：例如字符串 "true"、null、空对象、` +
			`不是布尔值的 "independent"，或 "independent" 以外的字段。`,
	},
	Bad:  "app.json\n{\n  \"functionalPages\": {\"independent\": \"yes\", \"pages\": []}\n}",
	Good: "app.json\n{\n  \"functionalPages\": {\"independent\": true}\n}",
	Tags: []string{"functional-pages", "config"},
	Messages: Catalog{
		"type": {
			En: `"functionalPages" must be {"independent": true} (or the legacy true), found %s`,
			Zh: `"functionalPages" 必须是 {"independent": true}（或旧式写法 true），实际为%s`,
		},
		"empty": {
			En: `"functionalPages" is an empty object; write {"independent": true}`,
			Zh: `"functionalPages" 是空对象；请写成 {"independent": true}`,
		},
		"independent": {
			En: `"independent" must be the boolean true, found %s`,
			Zh: `"independent" 必须是布尔值 true，实际为%s`,
		},
		"unknown-key": {
			En: `unknown key %q in "functionalPages"; the only key allowed is "independent"`,
			Zh: `"functionalPages" 中有未知字段 %q；只允许 "independent"`,
		},
	},
}

func (invalidFunctionalPages) Meta() *Meta { return invalidFunctionalPagesMeta }

func (invalidFunctionalPages) Check(c *Context) {
	app := c.Project.App()
	if app.Mode != project.FPInvalid {
		return
	}
	v, f := app.FunctionalPages, app.File
	if v.Kind() != jsonpos.Object {
		c.Report(f, v.Start(), v.End(), "type", describeJSON(v))
		return
	}
	members := v.Members()
	if len(members) == 0 {
		c.Report(f, v.Start(), v.End(), "empty")
		return
	}
	for _, m := range members {
		if m.Key != "independent" {
			c.Report(f, m.KeyStart, m.KeyEnd, "unknown-key", m.Key)
			continue
		}
		if _, ok := m.Value.Bool(); !ok {
			c.Report(f, m.Value.Start(), m.Value.End(), "independent", describeJSON(m.Value))
		}
	}
}

// jsonValues names a JSON value in a message that says what was found
// instead ("found %s"), for every rule that checks a value's type. The
// Chinese starts with the kind of value, so that "实际为%s" reads as one.
var jsonValues = i18n.Register("rules.json", Catalog{
	"json:string": {En: `the string %s`, Zh: `字符串 %s`},
	"json:number": {En: `the number %s`, Zh: `数字 %s`},
	"json:array":  {En: `an array`, Zh: `数组`},
	"json:object": {En: `an object`, Zh: `对象`},
	"json:true":   {En: `true`, Zh: `布尔值 true`},
	"json:false":  {En: `false`, Zh: `布尔值 false`},
	"json:null":   {En: `null`, Zh: `空值 null`},
	"json:none":   {En: `%s`, Zh: `%s`},
})

// describeJSON names a value for a message: `the string "true"`, `null`…
// (字符串 "true"、空值 null…), quoting at most maxQuoted characters of it.
func describeJSON(v jsonpos.Value) Message {
	raw := shorten(v.Raw())
	switch v.Kind() {
	case jsonpos.String:
		return jsonValues.New("json:string", raw)
	case jsonpos.Number:
		return jsonValues.New("json:number", raw)
	case jsonpos.Array:
		return jsonValues.New("json:array")
	case jsonpos.Object:
		return jsonValues.New("json:object")
	case jsonpos.True:
		return jsonValues.New("json:true")
	case jsonpos.False:
		return jsonValues.New("json:false")
	case jsonpos.Null:
		return jsonValues.New("json:null")
	case jsonpos.Missing:
	}
	return jsonValues.New("json:none", raw)
}
