package project

import (
	"path"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
)

// Plugin is the facts fpcheck reads from plugin.json, once, with positions.
type Plugin struct {
	// File is plugin.json; nil when the project has no plugin root.
	// File.JSON is nil when it could not be parsed.
	File *File
	// Main is the "main" value (may not exist).
	Main jsonpos.Value
	// PublicComponents and Pages are the "publicComponents" and "pages"
	// entries: names and paths relative to the plugin root.
	PublicComponents []jsonpos.Member
	Pages            []jsonpos.Member
}

// Plugin returns the facts of plugin.json; computed once by Load.
func (p *Project) Plugin() *Plugin { return p.plugin }

func (p *Project) readPlugin() {
	pl := &Plugin{}
	p.plugin = pl
	if !p.HasPlugin {
		return
	}
	pl.File = p.Files[path.Join(p.PluginRoot, "plugin.json")]
	if pl.File == nil || pl.File.JSON == nil {
		return
	}
	root := pl.File.JSON.Root()
	pl.Main = root.Get("main")
	pl.PublicComponents = root.Get("publicComponents").Members()
	pl.Pages = root.Get("pages").Members()
}
