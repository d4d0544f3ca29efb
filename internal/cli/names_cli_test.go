package cli

// Words the command line's Chinese keeps as they are: subcommands and
// their arguments, tool and format names.
func init() {
	addNames("hook", "install", "uninstall", "run", "graph", "mermaid", "dot",
		"git", "commit", "husky", "glob", "diff", "navigator",
		"text", "json", "sarif", "github", "markdown",
		"gitlab", "junit")
}
