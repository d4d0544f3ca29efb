package rules

type subpackagesKeyConflict struct{}

func init() { register(subpackagesKeyConflict{}) }

var subpackagesKeyConflictMeta = &Meta{
	ID:       "subpackages-key-conflict",
	Severity: Error,
	Title:    Text{En: `app.json has both "subpackages" and "subPackages"`, Zh: `app.json 中同时有 "subpackages" 和 "subPackages"`},
	Explanation: Text{
		En: `app.json accepts the subpackage list under "subpackages" or "subPackages". When both are present ` +
			`the official compiler uses "subpackages" and silently drops "subPackages": every subpackage listed ` +
			`there is missing from the upload, and its pages fail to open. Merge the two lists under one key.`,
		Zh: `app.json 的分包列表可以写在 "subpackages" 或 "subPackages" 下。两者同时存在时，` +
			`官方编译器使用 "subpackages"，并静默忽略 "subPackages"：其中列出的每个分包都不会被上传，` +
			`它们的页面也无法打开。请把两个列表合并到同一个键下。`,
	},
	Bad:  "app.json\n{\n  \"subpackages\": [{\"root\": \"a\", \"pages\": [\"index\"]}],\n  \"subPackages\": [{\"root\": \"b\", \"pages\": [\"index\"]}]\n}",
	Good: "app.json\n{\n  \"subpackages\": [{\"root\": \"a\", \"pages\": [\"index\"]}, {\"root\": \"b\", \"pages\": [\"index\"]}]\n}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"both": {En: `"subPackages" is ignored because "subpackages" is also present; its %d subpackage(s) would be missing from the upload: merge the lists under "subpackages"`, Zh: `"subPackages" 会被忽略，因为同时存在 "subpackages"；其中的 %d 个分包不会被上传：请将两个列表合并到 "subpackages" 下`},
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
