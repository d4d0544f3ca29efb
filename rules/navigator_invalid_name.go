package rules

import (
	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
)

type navigatorInvalidName struct{}

func init() { register(navigatorInvalidName{}) }

// functionalPageNames are the functional pages the platform has
// (chooseInvoice and chooseInvoiceTitle since base library 2.14.1).
var functionalPageNames = []string{"loginAndGetUserInfo", "requestPayment", "chooseAddress", "chooseInvoice", "chooseInvoiceTitle"}

var navigatorInvalidNameMeta = &Meta{
	ID:       "navigator-invalid-name",
	Severity: Error,
	Title:    Text{En: "functional-page-navigator name is missing or unknown"},
	Explanation: Text{En: `The name attribute of <functional-page-navigator> chooses the functional page: loginAndGetUserInfo ` +
		`(user info, like wx.login + wx.getUserInfo), requestPayment (payment, like wx.requestPayment), ` +
		`chooseAddress (address, like wx.chooseAddress), and since base library 2.14.1 chooseInvoice and ` +
		`chooseInvoiceTitle (invoices, like wx.chooseInvoice and wx.chooseInvoiceTitle). Names are case-sensitive. With a missing or wrong name ` +
		`the navigator opens a page with only a back button. A bound value such as name="{{n}}" cannot be judged ` +
		`and is left alone.`},
	Bad:  "plugin/components/login/login.wxml\n<functional-page-navigator name=\"getUserInfo\" version=\"release\">",
	Good: "plugin/components/login/login.wxml\n<functional-page-navigator name=\"loginAndGetUserInfo\" version=\"release\">",
	Tags: []string{"functional-pages", "wxml", "correctness"},
	Messages: Catalog{
		"missing": {En: `functional-page-navigator has no name; set name to loginAndGetUserInfo, requestPayment, chooseAddress, chooseInvoice or chooseInvoiceTitle`},
		"unknown": {En: `functional-page-navigator name %q is not a functional page; use loginAndGetUserInfo, requestPayment, chooseAddress, chooseInvoice or chooseInvoiceTitle`},
		"fix":     {En: `set %s="%s"`},
		"case":    {En: `functional-page-navigator name %q is not a functional page; did you mean %q? (names are case-sensitive)`},
	},
}

func (navigatorInvalidName) Meta() *Meta { return navigatorInvalidNameMeta }

func (navigatorInvalidName) Check(c *Context) {
	eachNavigator(c.Project, func(f *project.File, el *wxml.Element) {
		a, ok := el.Attr("name")
		if !ok {
			c.Report(f, el.NameStart, el.NameEnd, "missing")
			return
		}
		checkAttrValue(c, f, a, functionalPageNames)
	})
}
