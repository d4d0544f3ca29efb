package rules

import "github.com/fpcheck/fpcheck/internal/lint"

type paymentDevelopVersion struct{}

func init() { register(paymentDevelopVersion{}) }

var paymentDevelopVersionMeta = &Meta{
	ID:             "payment-develop-version",
	Severity:       Warning,
	SubmitSeverity: Error,
	Title:          Text{En: "wx.requestPluginPayment left at version develop or trial"},
	Explanation: Text{En: `Since base library 2.22.1 plugins start payment with wx.requestPluginPayment({fee, paymentArgs, ` +
		`currencyType, version, …}) instead of the requestPayment functional-page-navigator. Its version has the ` +
		`same meaning as the navigator's: "develop" and "trial" open the development or trial build of the owner ` +
		`mini-program, which only works on a test phone; before the plugin is submitted for review (提审) use ` +
		`"release" or leave version out. fpcheck follows the value the way the platform's sample writes it: a ` +
		`literal in the call, a const (top level or in the same function), and this.data.version (directly or ` +
		`through const { version } = this.data) in a Component or Page method when the data literal sets it. A ` +
		`value it cannot know (a parameter, data that setData, behaviors or properties may change) is left ` +
		`alone. Under --submit this rule is an error.`},
	Bad:  "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee: 1, paymentArgs: {}, version: 'develop' })",
	Good: "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee: 1, paymentArgs: {}, version: 'release' })",
	Tags: []string{"functional-pages", "plugins", "submission"},
	Messages: Catalog{
		"develop":      {En: `wx.requestPluginPayment is called with version %q, which only works on a test phone; set version "release" before submitting for review`},
		"develop-via":  {En: `wx.requestPluginPayment is called with version %q (the const %s), which only works on a test phone; set it to "release" before submitting for review`},
		"develop-data": {En: `wx.requestPluginPayment is called with this.data.version, which the data here sets to %q; that only works on a test phone, so set it to "release" before submitting for review`},
		"fix":          {En: `set version "release"`},
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
