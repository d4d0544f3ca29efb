package cli

// The names that the Chinese texts of the first half of the rules
// (api-unsupported-in-plugin … invalid-resolve-alias) keep as they are.
func init() {
	addNames(
		// the wx API object, tools, and file types as the platform's docs write them
		"wx", "npm", "esbuild", "js", "wxs", "wxss",
		// JSON literals, the appid key, a button open-type
		"true", "false", "null", "appid", "contact",
	)
}
