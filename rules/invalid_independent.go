package rules

import "github.com/fpcheck/fpcheck/analyzers/jsonpos"

type invalidIndependent struct{}

func init() { register(invalidIndependent{}) }

var invalidIndependentMeta = &Meta{
	ID:       "invalid-independent",
	Severity: Error,
	Title:    Text{En: `a subpackage's "independent" is not a boolean`},
	Explanation: Text{En: `"independent" in an app.json subpackage must be the boolean true (an independent subpackage, ` +
		`which runs without the main package) or false. The official compiler rejects any other type at ` +
		`upload, such as the string "true". Until it is fixed, fpcheck checks the subpackage as an ordinary one, ` +
		`so the boundary an independent subpackage has is not checked.`},
	Bad:  "app.json\n{\"subpackages\": [{\"root\": \"login\", \"pages\": [\"index\"], \"independent\": \"true\"}]}",
	Good: "app.json\n{\"subpackages\": [{\"root\": \"login\", \"pages\": [\"index\"], \"independent\": true}]}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"type": {En: `"independent" must be true or false, found %s; the compiler rejects this, and fpcheck checks the subpackage as an ordinary one until it is a boolean`},
	},
}

func (invalidIndependent) Meta() *Meta { return invalidIndependentMeta }

func (invalidIndependent) Check(c *Context) {
	app := c.Project.App()
	for _, d := range app.SubpackageDecls {
		v := d.Value.Get("independent")
		if !v.Exists() {
			continue
		}
		if k := v.Kind(); k != jsonpos.True && k != jsonpos.False {
			c.Report(app.File, v.Start(), v.End(), "type", describeJSON(v))
		}
	}
}
