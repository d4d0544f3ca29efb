package rules

import "github.com/fpcheck/fpcheck/internal/lint"

type paymentDevelopVersion struct{}

func init() { register(paymentDevelopVersion{}) }

var paymentDevelopVersionMeta = &Meta{
	ID:             "payment-develop-version",
	Severity:       Warning,
	SubmitSeverity: Error,
	Title:          Text{En: "wx.requestPluginPayment left at version develop or trial", Zh: "wx.requestPluginPayment 的 version 仍为 develop 或 trial"},
	Explanation: Text{
		En: `Since base library 2.22.1 plugins start payment with wx.requestPluginPayment({fee, paymentArgs, ` +
			`currencyType, version, …}) instead of the requestPayment functional-page-navigator. Its version has the ` +
			`same meaning as the navigator's: "develop" and "trial" open the development or trial build of the owner ` +
			`mini-program, which only works on a test phone; before the plugin is submitted for review (提审) use ` +
			`"release" or leave version out. fpcheck follows the value the way the platform's sample writes it: a ` +
			`literal in the call, a const (top level or in the same function), and this.data.version (directly or ` +
			`through const { version } = this.data) in a Component or Page method when the data literal sets it. A ` +
			`value it cannot know (a parameter, data that setData, behaviors or properties may change) is left ` +
			`alone. Under --submit this rule is an error.`,
		Zh: `从基础库 2.22.1 起，` +
			`插件使用 wx.requestPluginPayment({fee, paymentArgs, currencyType, version, …}) 发起支付，` +
			`不再使用 name 为 requestPayment 的 functional-page-navigator。` +
			`其中 version 的含义与 navigator 的相同：` +
			`"develop" 和 "trial" 会打开插件所有者小程序的开发版或体验版，只能在测试用的真机上使用；` +
			`插件提审前请使用 "release"，或不写 version。fpcheck 按平台示例的写法追踪这个值：` +
			`调用中的字面量、const 常量（顶层或同一函数内），` +
			`以及 Component 或 Page 方法中的 this.data.version（直接读取，` +
			`或通过 const { version } = this.data），前提是 data 字面量设置了它。` +
			`无法确定的值（参数，或可能被 setData、behaviors、properties 改变的 data）不会报告。` +
			`使用 --submit 时，此规则为错误。`,
	},
	Bad:  "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee: 1, paymentArgs: {}, version: 'develop' })",
	Good: "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee: 1, paymentArgs: {}, version: 'release' })",
	Tags: []string{"functional-pages", "plugins", "submission"},
	Messages: Catalog{
		"develop":      {En: `wx.requestPluginPayment is called with version %q, which only works on a test phone; set version "release" before submitting for review`, Zh: `调用 wx.requestPluginPayment 时 version 为 %q，只能在测试用的真机上使用；提审前请将 version 设为 "release"`},
		"develop-via":  {En: `wx.requestPluginPayment is called with version %q (the const %s), which only works on a test phone; set it to "release" before submitting for review`, Zh: `调用 wx.requestPluginPayment 时 version 为 %q（常量 %s），只能在测试用的真机上使用；提审前请将其改为 "release"`},
		"develop-data": {En: `wx.requestPluginPayment is called with this.data.version, which the data here sets to %q; that only works on a test phone, so set it to "release" before submitting for review`, Zh: `调用 wx.requestPluginPayment 时传入了 this.data.version，而这里的 data 将它设为 %q，只能在测试用的真机上使用；提审前请将其改为 "release"`},
		"fix":          {En: `set version "release"`, Zh: `将 version 改为 "release"`},
	},
}

func (paymentDevelopVersion) Meta() *Meta { return paymentDevelopVersionMeta }

func (paymentDevelopVersion) Check(c *Context) {
	for _, rel := range c.Project.Paths {
		f := c.Project.Files[rel]
		if f.JS == nil {
			continue
		}
		for _, p := range f.JS.PluginPayments {
			if p.Version != "develop" && p.Version != "trial" {
				continue
			}
			text, ok := f.Content()
			if !ok {
				continue // changed since it was parsed: the run stops (check.Result.Changed)
			}
			quote := string(text[p.Start])
			fix := lint.Fix{Message: c.Format("fix"), Edits: []lint.Edit{{Start: p.Start, End: p.End, New: quote + "release" + quote}}}
			switch {
			case p.Data:
				c.ReportFix(f, p.Start, p.End, fix, "develop-data", p.Version)
			case p.Via != "":
				c.ReportFix(f, p.Start, p.End, fix, "develop-via", p.Version, p.Via)
			default:
				c.ReportFix(f, p.Start, p.End, fix, "develop", p.Version)
			}
		}
	}
}
