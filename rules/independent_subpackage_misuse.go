package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type independentSubpackageMisuse struct{}

func init() { register(independentSubpackageMisuse{}) }

var independentSubpackageMisuseMeta = &Meta{
	ID:       "independent-subpackage-misuse",
	Severity: Error,
	Title:    Text{En: "App() is defined in an independent subpackage, or plugins are declared on one"},
	Explanation: Text{En: `The independent subpackage guide says: App can only be defined in the main package; an ` +
		`independent subpackage must not define App, which causes unpredictable behavior (an error). Use ` +
		`getApp({allowDefault: true}) there instead. It also says plugins are not supported in independent ` +
		`subpackages for now, so a "plugins" key on one is a warning.`},
	Bad:  "login/pages/login/login.js\nApp({ globalData: {} })",
	Good: "login/pages/login/login.js\nconst app = getApp({ allowDefault: true })",
	Tags: []string{"subpackages", "correctness"},
	Messages: Catalog{
		"app":     {En: `App() is defined in independent subpackage %q; only the main package may define App (use getApp({allowDefault: true}) here)`},
		"plugins": {En: `plugins are declared on independent subpackage %q, which the platform does not support yet; declare them on the main package or an ordinary subpackage`},
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
