package rules

type subpackagesKeyConflict struct{}

func init() { register(subpackagesKeyConflict{}) }

var subpackagesKeyConflictMeta = &Meta{
	ID:       "subpackages-key-conflict",
	Severity: Error,
	Title:    Text{En: `app.json has both "subpackages" and "subPackages"`},
	Explanation: Text{En: `app.json accepts the subpackage list under "subpackages" or "subPackages". When both are present ` +
		`the official compiler uses "subpackages" and silently drops "subPackages": every subpackage listed ` +
		`there is missing from the upload, and its pages fail to open. Merge the two lists under one key.`},
	Bad:  "app.json\n{\n  \"subpackages\": [{\"root\": \"a\", \"pages\": [\"index\"]}],\n  \"subPackages\": [{\"root\": \"b\", \"pages\": [\"index\"]}]\n}",
	Good: "app.json\n{\n  \"subpackages\": [{\"root\": \"a\", \"pages\": [\"index\"]}, {\"root\": \"b\", \"pages\": [\"index\"]}]\n}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"both": {En: `"subPackages" is ignored because "subpackages" is also present; its %d subpackage(s) would be missing from the upload: merge the lists under "subpackages"`},
	},
}

func (subpackagesKeyConflict) Meta() *Meta { return subpackagesKeyConflictMeta }

func (subpackagesKeyConflict) Check(c *Context) {
	app := c.Project.App()
	if !app.BothSubpackageKeys {
		return
	}
	for _, m := range app.File.JSON.Root().Members() {
		if m.Key == "subPackages" && !m.Duplicate {
			c.Report(app.File, m.KeyStart, m.KeyEnd, "both", len(m.Value.Elements()))
		}
	}
}
