package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
)

type navigatorInvalidVersion struct{}

func init() { register(navigatorInvalidVersion{}) }

// navigatorVersions are the values of functional-page-navigator's version.
var navigatorVersions = []string{"develop", "trial", "release"}

var navigatorInvalidVersionMeta = &Meta{
	ID:             "navigator-invalid-version",
	Severity:       Warning,
	SubmitSeverity: Error,
	Title:          Text{En: "functional-page-navigator version is not develop, trial or release"},
	Explanation: Text{En: `The version attribute of <functional-page-navigator> chooses which build of the owner ` +
		`mini-program opens: develop, trial or release (the default). Values are case-sensitive; any other ` +
		`value, such as "Develop" or "beta", is not one the platform knows, and the compiler accepts it ` +
		`silently. Before submitting for review (提审) use release, or leave version out. A bound value such as ` +
		`version="{{v}}" cannot be judged and is left alone. Under --submit this rule is an error.`},
	Bad:  "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"Release\">",
	Good: "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"release\">",
	Tags: []string{"functional-pages", "wxml", "submission"},
	Messages: Catalog{
		"unknown": {En: `functional-page-navigator version %q is not a version; use release (or develop or trial while testing)`},
		"fix":     {En: `set %s="%s"`},
		"case":    {En: `functional-page-navigator version %q is not a version; did you mean %q? (values are case-sensitive)`},
	},
}

func (navigatorInvalidVersion) Meta() *Meta { return navigatorInvalidVersionMeta }

func (navigatorInvalidVersion) Check(c *Context) {
	eachNavigator(c.Project, func(f *project.File, el *wxml.Element) {
		a, ok := el.Attr("version")
		if !ok {
			return
		}
		checkAttrValue(c, f, a, navigatorVersions)
	})
}
