package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type independentSubpackageMisuse struct{}

func init() { register(independentSubpackageMisuse{}) }

var independentSubpackageMisuseMeta = &Meta{
	ID:       "independent-subpackage-misuse",
	Severity: Error,
	Title: Text{
		En: "App() is defined in an independent subpackage, or plugins are declared on one",
		Zh: "独立分包中定义了 App()，或在独立分包上声明了插件",
	},
	Explanation: Text{
		En: `The independent subpackage guide says: App can only be defined in the main package; an ` +
			`independent subpackage must not define App, which causes unpredictable behavior (an error). Use ` +
			`getApp({allowDefault: true}) there instead. It also says plugins are not supported in independent ` +
			`subpackages for now, so a "plugins" key on one is a warning.`,
		Zh: `独立分包的文档中写道：App 只能在主包内定义，独立分包中不能定义 App，会造成无法预期的行为（错误）。在独立` +
			`分包中请改用 getApp({allowDefault: true})。文档还写道，独立分包中暂时不支持使用插件，因此独立分包上的 ` +
			`"plugins" 字段报告为警告。`,
	},
	Bad:  "login/pages/login/login.js\nApp({ globalData: {} })",
	Good: "login/pages/login/login.js\nconst app = getApp({ allowDefault: true })",
	Tags: []string{"subpackages", "correctness"},
	Messages: Catalog{
		"app": {
			En: `App() is defined in independent subpackage %q; only the main package may define App (use getApp({allowDefault: true}) here)`,
			Zh: `独立分包 %q 中定义了 App()；只有主包可以定义 App（这里请改用 getApp({allowDefault: true})）`,
		},
		"plugins": {
			En: `plugins are declared on independent subpackage %q, which the platform does not support yet; declare them on the main package or an ordinary subpackage`,
			Zh: `独立分包 %q 上声明了插件，平台暂不支持；请在主包或普通分包上声明`,
		},
	},
}

func (independentSubpackageMisuse) Meta() *Meta { return independentSubpackageMisuseMeta }

func (independentSubpackageMisuse) Check(c *Context) {
	p := c.Project
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JS == nil || len(f.JS.AppCalls) == 0 {
			continue
		}
		if pkg := p.PackageOf(rel); pkg != nil && pkg.Kind == project.IndependentSubpackage {
			for _, s := range f.JS.AppCalls {
				c.Report(f, s.Start, s.End, "app", pkg.Name)
			}
		}
	}
	app := p.App()
	for _, pkg := range app.Packages {
		if pkg.Kind != project.IndependentSubpackage {
			continue
		}
		if v := pkg.Decl.Get("plugins"); v.Exists() && len(v.Members()) > 0 {
			for _, m := range pkg.Decl.Members() {
				if m.Key == "plugins" && !m.Duplicate {
					c.ReportLevel(Warning, app.File, m.KeyStart, m.KeyEnd, "plugins", pkg.Name)
				}
			}
		}
	}
}
