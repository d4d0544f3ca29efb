package rules

import (
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
)

type navigatorDevelopVersion struct{}

func init() { register(navigatorDevelopVersion{}) }

var navigatorDevelopVersionMeta = &Meta{
	ID:             "navigator-develop-version",
	Severity:       Warning,
	SubmitSeverity: Error,
	Title:          Text{En: "functional-page-navigator left at version develop or trial"},
	Explanation: Text{En: `version="develop" (and "trial") make <functional-page-navigator> open the development (or trial) ` +
		`build of the owner mini-program. That is only for testing on a phone: before the plugin is submitted for ` +
		`review (提审) every navigator must use version="release" (or leave version out: release is the default), ` +
		`and the owner mini-program with functional pages switched on must be published. Reviewers otherwise ` +
		`report that the navigator does not open. A bound value such as version="{{v}}" cannot be judged and is ` +
		`left alone. Under --submit this rule is an error.`},
	Bad:  "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"develop\" args=\"{{args}}\">",
	Good: "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"release\" args=\"{{args}}\">",
	Tags: []string{"functional-pages", "wxml", "submission"},
	Messages: Catalog{
		"develop": {En: `functional-page-navigator is left at version="%s", which only works on a test phone; set version="release" before submitting for review`},
		"fix":     {En: `set %s="%s"`},
	},
}

func (navigatorDevelopVersion) Meta() *Meta { return navigatorDevelopVersionMeta }

func (navigatorDevelopVersion) Check(c *Context) {
	eachNavigator(c.Project, func(f *project.File, el *wxml.Element) {
		a, ok := el.Attr("version")
		if !ok || isDynamic(a.Value) {
			return
		}
		if v := strings.TrimSpace(a.Value); v == "develop" || v == "trial" {
			c.ReportFix(f, a.NameStart, attrEnd(a), setValue(c, a, "release"), "develop", v)
		}
	})
}
