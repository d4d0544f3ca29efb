package rules

import "github.com/fpcheck/fpcheck/analyzers/jsonpos"

type invalidIndependent struct{}

func init() { register(invalidIndependent{}) }

var invalidIndependentMeta = &Meta{
	ID:       "invalid-independent",
	Severity: Error,
	Title: Text{
		En: `a subpackage's "independent" is not a boolean`,
		Zh: `分包的 "independent" 不是布尔值`,
	},
	Explanation: Text{
		En: `"independent" in an app.json subpackage must be the boolean true (an independent subpackage, ` +
			`which runs without the main package) or false. The official compiler rejects any other type at ` +
			`upload, such as the string "true". Until it is fixed, fpcheck checks the subpackage as an ordinary one, ` +
			`so the boundary an independent subpackage has is not checked.`,
		Zh: `app.json 分包配置中的 "independent" 必须是布尔值 true（独立分包，不依赖主包即可运行）或 false。其他类型` +
			`的值（例如字符串 "true"）官方编译器会在上传时拒绝。在改正之前，fpcheck 把这个分包当作普通分包检查，` +
			`因此不会检查独立分包才有的边界。`,
	},
	Bad:  "app.json\n{\"subpackages\": [{\"root\": \"login\", \"pages\": [\"index\"], \"independent\": \"true\"}]}",
	Good: "app.json\n{\"subpackages\": [{\"root\": \"login\", \"pages\": [\"index\"], \"independent\": true}]}",
	Tags: []string{"subpackages", "config"},
	Messages: Catalog{
		"type": {
			En: `"independent" must be true or false, found %s; the compiler rejects this, and fpcheck checks the subpackage as an ordinary one until it is a boolean`,
			Zh: `"independent" 必须是 true 或 false，实际为%s；编译器会拒绝，在改为布尔值之前，fpcheck 把该分包当作普通分包检查`,
		},
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
