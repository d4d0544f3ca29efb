package cli

// The words the parsers' Chinese messages keep as they are: the tool
// whose messages fpcheck relays, JavaScript keywords, JSON's literals and
// CSS's url() function.
func init() {
	addNames("esbuild", "await", "true", "false", "null", "undefined", "url")
}
