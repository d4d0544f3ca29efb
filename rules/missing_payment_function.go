package rules

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsmod"
	"github.com/fpcheck/fpcheck/analyzers/project"
)

type missingPaymentFunction struct{}

func init() { register(missingPaymentFunction{}) }

// paymentFunction is the function the payment functional page calls.
const paymentFunction = "beforeRequestPayment"

var missingPaymentFunctionMeta = &Meta{
	ID:       "missing-payment-function",
	Severity: Error,
	Title:    Text{En: "functional-pages/request-payment.js does not export beforeRequestPayment", Zh: "functional-pages/request-payment.js 没有导出 beforeRequestPayment"},
	Explanation: Text{
		En: `The payment functional page (支付功能页) calls beforeRequestPayment(paymentArgs, callback), exported ` +
			`from functional-pages/request-payment.js at the root of the owner mini-program (request-payment.ts counts ` +
			`when the TypeScript compiler plugin is on). When the function is missing, or the name is bound to ` +
			`something that is not a function, the payment page exits as soon as the user taps pay; a function that ` +
			`takes fewer than two parameters and never reads arguments cannot call the callback that starts ` +
			`payment. All the usual ` +
			`export forms are recognized: exports.beforeRequestPayment = function…, module.exports = ` +
			`{ beforeRequestPayment }, module.exports.beforeRequestPayment = (a, cb) => …, export function ` +
			`beforeRequestPayment(…), export { pay as beforeRequestPayment }. When the exports cannot be known ` +
			`statically (export * from, module.exports = require(…)), fpcheck stays silent. A project with functional ` +
			`pages but no request-payment file is not reported: login and address pages do not need it.`,
		Zh: `支付功能页会调用插件所有者小程序根目录下 functional-pages/request-payment.js 导出的 beforeRequestPayment(paymentArgs, callback)（开启 TypeScript 编译插件时，` +
			`request-payment.ts 也算）。如果没有这个函数，或者这个名字绑定的不是函数，` +
			`用户点击支付后支付功能页会立刻退出；参数少于两个、又从不读取 arguments 的函数，` +
			`无法调用发起支付的 callback。常见的导出写法都能识别：` +
			`exports.beforeRequestPayment = function…、` +
			`module.exports = { beforeRequestPayment }、` +
			`module.exports.beforeRequestPayment = (a, cb) => …、` +
			`export function beforeRequestPayment(…)、` +
			`export { pay as beforeRequestPayment }。` +
			`导出内容无法静态确定时（export * from、module.exports = require(…)），` +
			`fpcheck 不会报告。有插件功能页但没有 request-payment 文件的项目也不会被报告：` +
			`用户信息功能页和收货地址功能页不需要它。`,
	},
	Bad:  "functional-pages/request-payment.js\nexports.beforeRequestPay = function (args, callback) { /* … */ }",
	Good: "functional-pages/request-payment.js\nexports.beforeRequestPayment = function (paymentArgs, callback) {\n  callback(null, requestPaymentArgs)\n}",
	Tags: []string{"functional-pages", "payment", "correctness"},
	Messages: Catalog{
		"absent":       {En: `%s does not export beforeRequestPayment; the payment functional page exits at once without it`, Zh: `%s 没有导出 beforeRequestPayment；缺少它，支付功能页会立刻退出`},
		"not-function": {En: `beforeRequestPayment is exported as %s, not a function; the payment functional page exits at once`, Zh: `导出的 beforeRequestPayment 是 %s，不是函数；支付功能页会立刻退出`},
		"arity":        {En: `beforeRequestPayment takes %d parameter(s) and never reads arguments, so it cannot call its callback: declare it as beforeRequestPayment(paymentArgs, callback) and call callback to start payment`, Zh: `beforeRequestPayment 只有 %d 个参数，且从不读取 arguments，因此无法调用回调函数：请声明为 beforeRequestPayment(paymentArgs, callback)，并调用 callback 发起支付`},
	},
}

func (missingPaymentFunction) Meta() *Meta { return missingPaymentFunctionMeta }

func (missingPaymentFunction) Check(c *Context) {
	p := c.Project
	if !p.HasMini {
		return
	}
	f := paymentFile(p)
	if f == nil || f.JS == nil {
		return // no file, or a syntax error reported elsewhere
	}
	var last *jsmod.Export
	for i := range f.JS.Exports {
		if f.JS.Exports[i].Name == paymentFunction {
			last = &f.JS.Exports[i]
		}
	}
	switch {
	case last == nil && !f.JS.OpaqueExports:
		c.Report(f, f.BOMLen(), f.BOMLen(), "absent", f.Path)
	case last != nil && last.Kind == jsmod.ExportValue:
		if text, ok := f.Content(); ok { // else changed since it was parsed: the run stops (check.Result.Changed)
			c.Report(f, last.Start, last.End, "not-function", describeValue(text[last.Start:last.End]))
		}
	case last != nil && last.Kind == jsmod.ExportFunction && last.Params >= 0 && last.Params < 2 && !last.UsesArguments:
		c.Report(f, last.Start, last.End, "arity", last.Params)
	}
}

// paymentFile is the request-payment file the platform will load: the .ts
// when the TypeScript plugin is on and it exists, else the .js.
func paymentFile(p *project.Project) *project.File {
	base := path.Join(p.FunctionalPagesDir(), "request-payment")
	if p.TypeScript() {
		if f := p.File(base + ".ts"); f != nil {
			return f
		}
	}
	return p.File(base + ".js")
}

// describeValue shortens a source snippet for a message.
func describeValue(b []byte) string {
	return "`" + shorten(string(b)) + "`"
}
