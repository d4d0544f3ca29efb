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
	Title:    Text{En: "functional-page-navigator name is missing or unknown", Zh: "functional-page-navigator 缺少 name 或 name 无效"},
	Explanation: Text{
		En: `The name attribute of <functional-page-navigator> chooses the functional page: loginAndGetUserInfo ` +
			`(user info, like wx.login + wx.getUserInfo), requestPayment (payment, like wx.requestPayment), ` +
			`chooseAddress (address, like wx.chooseAddress), and since base library 2.14.1 chooseInvoice and ` +
			`chooseInvoiceTitle (invoices, like wx.chooseInvoice and wx.chooseInvoiceTitle). Names are case-sensitive. With a missing or wrong name ` +
			`the navigator opens a page with only a back button. A bound value such as name="{{n}}" cannot be judged ` +
			`and is left alone.`,
		Zh: `<functional-page-navigator> 的 name 属性决定跳转到哪个插件功能页：` +
			`loginAndGetUserInfo（用户信息，相当于 wx.login 和 wx.getUserInfo）、` +
			`requestPayment（支付，相当于 wx.requestPayment）、chooseAddress（收货地址，` +
			`相当于 wx.chooseAddress），` +
			`以及基础库 2.14.1 起支持的 chooseInvoice 和 chooseInvoiceTitle（发票，` +
			`相当于 wx.chooseInvoice 和 wx.chooseInvoiceTitle）。name 区分大小写。` +
			`name 缺失或错误时，navigator 会打开一个仅有返回按钮的页面。绑定的值（如 name="{{n}}"）` +
			`无法判断，不会报告。`,
	},
	Bad:  "plugin/components/login/login.wxml\n<functional-page-navigator name=\"getUserInfo\" version=\"release\">",
	Good: "plugin/components/login/login.wxml\n<functional-page-navigator name=\"loginAndGetUserInfo\" version=\"release\">",
	Tags: []string{"functional-pages", "wxml", "correctness"},
	Messages: Catalog{
		"missing": {En: `functional-page-navigator has no name; set name to loginAndGetUserInfo, requestPayment, chooseAddress, chooseInvoice or chooseInvoiceTitle`, Zh: `functional-page-navigator 没有 name；请将 name 设为 loginAndGetUserInfo、requestPayment、chooseAddress、chooseInvoice 或 chooseInvoiceTitle`},
		"unknown": {En: `functional-page-navigator name %q is not a functional page; use loginAndGetUserInfo, requestPayment, chooseAddress, chooseInvoice or chooseInvoiceTitle`, Zh: `functional-page-navigator 的 name %q 不是插件功能页；请使用 loginAndGetUserInfo、requestPayment、chooseAddress、chooseInvoice 或 chooseInvoiceTitle`},
		"fix":     {En: `set %s="%s"`, Zh: `改为 %s="%s"`},
		"case":    {En: `functional-page-navigator name %q is not a functional page; did you mean %q? (names are case-sensitive)`, Zh: `functional-page-navigator 的 name %q 不是插件功能页；是否应为 %q？（name 区分大小写）`},
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
