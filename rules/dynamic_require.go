package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

type dynamicRequire struct{}

func init() { register(dynamicRequire{}) }

var dynamicRequireMeta = &Meta{
	ID:       "dynamic-require",
	Severity: Warning,
	Title:    Text{En: "require with a computed path inside functional-pages/"},
	Explanation: Text{En: `A require whose argument is not a string literal (require(base + name), require(path)) cannot be ` +
		`followed statically, so neither fpcheck nor the platform's dependency analyser can tell whether it stays ` +
		`inside functional-pages/, and the analyser may leave the target out of the functional-pages package. ` +
		`Inside functional-pages/ (when functional pages are switched on) use string literals.`},
	Bad:  "functional-pages/request-payment.js\nconst api = require('./api/' + env)",
	Good: "functional-pages/request-payment.js\nconst api = env === 'prod' ? require('./api/prod') : require('./api/test')",
	Tags: []string{"functional-pages", "dependencies"},
	Messages: Catalog{
		"dynamic": {En: `require with a computed path in functional-pages/: fpcheck cannot check that it stays inside the directory; use a string literal`},
	},
}

func (dynamicRequire) Meta() *Meta { return dynamicRequireMeta }

func (dynamicRequire) Check(c *Context) {
	p := c.Project
	if !p.HasMini || !p.App().Mode.Enabled() {
		return
	}
	dir := p.FunctionalPagesDir()
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JS == nil || f.Root != p.MiniRoot || !project.Under(rel, dir) {
			continue
		}
		for _, s := range f.JS.DynamicRequires {
			c.Report(f, s.Start, s.End, "dynamic")
		}
	}
}
