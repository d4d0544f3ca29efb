package rules

import "github.com/fpcheck/fpcheck/analyzers/project"

//go:generate sh -c "cd .. && go run ./internal/tools/genpluginapis -typings \"$TYPINGS\" -o rules/plugin_apis_gen.go"

type apiUnsupportedInPlugin struct{}

func init() { register(apiUnsupportedInPlugin{}) }

// pluginAlternatives say what a plugin uses instead of an API it cannot.
var pluginAlternatives = map[string]string{
	"requestPayment": "alt-payment",
	"getUserProfile": "alt-user",
}

var apiUnsupportedInPluginMeta = &Meta{
	ID:       "api-unsupported-in-plugin",
	Severity: Error,
	Title: Text{
		En: "plugin code calls a wx API that plugins cannot use",
		Zh: "插件代码调用了插件中不能使用的 wx API",
	},
	Explanation: Text{
		En: `Plugins run with a restricted API: the official typings (npm miniprogram-api-typings, ` +
			`the table fpcheck generates from them) mark about two hundred wx APIs "在插件中使用：不支持" (not ` +
			`supported in plugins), and calling one from plugin code fails on the phone. Payment goes through ` +
			`wx.requestPluginPayment (or the requestPayment functional page), user information through the user ` +
			`information functional page. Only calls in the plugin's own code are judged; the host mini-program ` +
			`may call them.`,
		Zh: `插件能调用的 API 是受限的：官方类型定义（npm 包 miniprogram-api-typings，fpcheck 据此生成对照表）中` +
			`约有两百个 wx API 标注为“在插件中使用：不支持”，在插件代码中调用它们会在真机上出错。支付请使用 ` +
			`wx.requestPluginPayment（或支付功能页 requestPayment），用户信息请通过用户信息功能页获取。只检查插件自身` +
			`代码中的调用；宿主小程序可以调用这些 API。`,
	},
	Bad:  "plugin/components/pay/pay.js\nwx.requestPayment({ timeStamp, nonceStr, package: pkg, signType, paySign })",
	Good: "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee, paymentArgs, currencyType: 'CNY', version: 'release' })",
	Tags: []string{"plugins", "correctness"},
	Messages: Catalog{
		"unsupported": {
			En: `wx.%s is not supported in plugins (miniprogram-api-typings %s), so this call fails in plugin code%s`,
			Zh: `插件中不支持 wx.%s（miniprogram-api-typings %s），在插件代码中调用会失败%s`,
		},
		"alt-payment": {
			En: `; start payment with wx.requestPluginPayment or the requestPayment functional page`,
			Zh: `；请改用 wx.requestPluginPayment 或支付功能页（requestPayment）发起支付`,
		},
		"alt-user": {
			En: `; use the loginAndGetUserInfo functional page`,
			Zh: `；请改用用户信息功能页（loginAndGetUserInfo）`,
		},
	},
}

func (apiUnsupportedInPlugin) Meta() *Meta { return apiUnsupportedInPluginMeta }

func (apiUnsupportedInPlugin) Check(c *Context) {
	p := c.Project
	if !p.HasPlugin || p.HasMini && p.PluginRoot == p.MiniRoot {
		return
	}
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.JS == nil || !project.Under(rel, p.PluginRoot) || !c.Graph.Loaded(rel) {
			continue
		}
		for _, call := range f.JS.WxCalls {
			if !unsupportedInPlugin[call.Name] {
				continue
			}
			var alt Message
			if key, ok := pluginAlternatives[call.Name]; ok {
				alt = c.Format(key)
			}
			c.Report(f, call.Start, call.End, "unsupported", call.Name, pluginAPIsVersion, alt)
		}
	}
}
