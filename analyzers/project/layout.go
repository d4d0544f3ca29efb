package project

import "path/filepath"

// Discover returns the layout that Load finds in dir (from
// dir/project.config.json, or the conventional places of app.json and
// plugin.json) without listing or parsing any other file. It lets a caller
// that has to materialize the project first (the pre-commit hook, from the
// git index) write only what Load reads: the code roots, and the few files
// at DIR that Load names (project.config.json, package.json, .gitmodules,
// Config.PackNpmPackageJSON).
func Discover(dir string) (Layout, error) {
	var cfgText []byte
	if text, ok := readRegular(filepath.Join(dir, "project.config.json")); ok {
		cfgText = text
	}
	return discover(dir, dir, cfgText)
}
