package cli

// The words the Chinese texts of the second half of the rules
// (legacy-functional-pages … worker-boundary) keep as they are.
func init() {
	addNames(
		// JSON keys and values: app.json, plugin.json, page data
		"true", "null", "root", "pages", "provider", "appid", "data", "behaviors", "properties",
		// attributes and values of <functional-page-navigator> and wx.requestPluginPayment
		"name", "version", "develop", "trial", "release", "navigator", "fee",
		// code: beforeRequestPayment's parameters, export and require forms
		"function", "arguments", "callback", "cb", "pay", "as", "const", "path",
		// file types, tools and commands
		"wxss", "npm", "git", "submodule", "update",
		// SARIF's state of a suppressed result
		"dismissed",
	)
}
