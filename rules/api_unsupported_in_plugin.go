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
	Title:    Text{En: "plugin code calls a wx API that plugins cannot use"},
	Explanation: Text{En: `Plugins run with a restricted API: the official typings (npm miniprogram-api-typings, ` +
		`the table fpcheck generates from them) mark about two hundred wx APIs "在插件中使用：不支持" (not ` +
		`supported in plugins), and calling one from plugin code fails on the phone. Payment goes through ` +
		`wx.requestPluginPayment (or the requestPayment functional page), user information through the user ` +
		`information functional page. Only calls in the plugin's own code are judged; the host mini-program ` +
		`may call them.`},
	Bad:  "plugin/components/pay/pay.js\nwx.requestPayment({ timeStamp, nonceStr, package: pkg, signType, paySign })",
	Good: "plugin/components/pay/pay.js\nwx.requestPluginPayment({ fee, paymentArgs, currencyType: 'CNY', version: 'release' })",
	Tags: []string{"plugins", "correctness"},
	Messages: Catalog{
		"unsupported": {En: `wx.%s is not supported in plugins (miniprogram-api-typings %s), so this call fails in plugin code%s`},
		"alt-payment": {En: `; start payment with wx.requestPluginPayment or the requestPayment functional page`},
		"alt-user":    {En: `; use the loginAndGetUserInfo functional page`},
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
