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
	Title:          Text{En: "functional-page-navigator version is not develop, trial or release", Zh: "functional-page-navigator 的 version 不是 develop、trial 或 release"},
	Explanation: Text{
		En: `The version attribute of <functional-page-navigator> chooses which build of the owner ` +
			`mini-program opens: develop, trial or release (the default). Values are case-sensitive; any other ` +
			`value, such as "Develop" or "beta", is not one the platform knows, and the compiler accepts it ` +
			`silently. Before submitting for review (提审) use release, or leave version out. A bound value such as ` +
			`version="{{v}}" cannot be judged and is left alone. Under --submit this rule is an error.`,
		Zh: `<functional-page-navigator> 的 version 属性决定打开插件所有者小程序的哪个版本：` +
			`develop（开发版）、trial（体验版）或 release（正式版，默认值）。取值区分大小写；` +
			`其他值（如 "Develop" 或 "beta"）平台并不认识，编译器却会静默接受。提审前请使用 release，` +
			`或不写 version。绑定的值（如 version="{{v}}"）无法判断，不会报告。使用 --submit 时，` +
			`此规则为错误。`,
	},
	Bad:  "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"Release\">",
	Good: "plugin/components/pay/pay.wxml\n<functional-page-navigator name=\"requestPayment\" version=\"release\">",
	Tags: []string{"functional-pages", "wxml", "submission"},
	Messages: Catalog{
		"unknown": {En: `functional-page-navigator version %q is not a version; use release (or develop or trial while testing)`, Zh: `functional-page-navigator 的 version %q 不是有效的版本；请使用 release（测试时可用 develop 或 trial）`},
		"fix":     {En: `set %s="%s"`, Zh: `改为 %s="%s"`},
		"case":    {En: `functional-page-navigator version %q is not a version; did you mean %q? (values are case-sensitive)`, Zh: `functional-page-navigator 的 version %q 不是有效的版本；是否应为 %q？（取值区分大小写）`},
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
