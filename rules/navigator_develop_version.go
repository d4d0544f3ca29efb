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
	Title:          Text{En: "functional-page-navigator left at version develop or trial", Zh: "functional-page-navigator 的 version 仍为 develop 或 trial"},
	Explanation: Text{
		En: `version="develop" (and "trial") make <functional-page-navigator> open the development (or trial) ` +
			`build of the owner mini-program. That is only for testing on a phone: before the plugin is submitted for ` +
			`review (提审) every navigator must use version="release" (or leave version out: release is the default), ` +
			`and the owner mini-program with functional pages switched on must be published. Reviewers otherwise ` +
			`report that the navigator does not open. A bound value such as version="{{v}}" cannot be judged and is ` +
			`left alone. Under --submit this rule is an error.`,
		Zh: `version="develop"（以及 "trial"）` +
			`会让 <functional-page-navigator> 打开插件所有者小程序的开发版（或体验版）。` +
			`这只用于在真机上测试：插件提审前，` +
			`所有 navigator 都必须使用 version="release"（或不写 version，` +
			`默认即为 release），并且开启了插件功能页的插件所有者小程序必须已经发布，` +
			`否则审核会反馈 navigator 无法跳转。绑定的值（如 version="{{v}}"）无法判断，不会报告。` +
			`使用 --submit 时，此规则为错误。`,
	},
	Bad:  "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"develop\" args=\"{{args}}\">",
	Good: "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"release\" args=\"{{args}}\">",
	Tags: []string{"functional-pages", "wxml", "submission"},
	Messages: Catalog{
		"develop": {En: `functional-page-navigator is left at version="%s", which only works on a test phone; set version="release" before submitting for review`, Zh: `functional-page-navigator 仍为 version="%s"，只能在测试用的真机上使用；提审前请改为 version="release"`},
		"fix":     {En: `set %s="%s"`, Zh: `改为 %s="%s"`},
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
