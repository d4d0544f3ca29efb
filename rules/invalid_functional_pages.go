package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type invalidFunctionalPages struct{}

func init() { register(invalidFunctionalPages{}) }

var invalidFunctionalPagesMeta = &Meta{
	ID:       "invalid-functional-pages",
	Severity: Error,
	Title:    Text{En: `app.json "functionalPages" has a value the compiler rejects`},
	Explanation: Text{En: `"functionalPages" accepts {"independent": true} (current), true (legacy), {"independent": false} ` +
		`(on, not loaded on their own) and false (off). The official compiler rejects anything else with an ` +
		`error: a string such as "true", null, an empty object, a non-boolean "independent", or keys other than ` +
		`"independent".`},
	Bad:  "app.json\n{\n  \"functionalPages\": {\"independent\": \"yes\", \"pages\": []}\n}",
	Good: "app.json\n{\n  \"functionalPages\": {\"independent\": true}\n}",
	Tags: []string{"functional-pages", "config"},
	Messages: Catalog{
		"type":        {En: `"functionalPages" must be {"independent": true} (or the legacy true), found %s`},
		"empty":       {En: `"functionalPages" is an empty object; write {"independent": true}`},
		"independent": {En: `"independent" must be the boolean true, found %s`},
		"unknown-key": {En: `unknown key %q in "functionalPages"; the only key allowed is "independent"`},
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

// describeJSON names a value for a message: `the string "true"`, `null`…
func describeJSON(v jsonpos.Value) string {
	raw := shorten(v.Raw())
	switch v.Kind() {
	case jsonpos.String:
		return "the string " + raw
	case jsonpos.Number:
		return "the number " + raw
	case jsonpos.Array:
		return "an array"
	case jsonpos.Object:
		return "an object"
	case jsonpos.Null, jsonpos.True, jsonpos.False, jsonpos.Missing:
		return raw
	}
	return raw
}
