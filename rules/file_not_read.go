package rules

import (
	"path"
	"slices"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

type fileNotRead struct{}

func init() { register(fileNotRead{}) }

var fileNotReadMeta = &Meta{
	ID:       "file-not-read",
	Severity: Note,
	Title:    Text{En: "a file or folder under a code root could not be read, so it was not checked"},
	Explanation: Text{En: `fpcheck never skips a file silently. A file it cannot read (its permissions, an I/O error), a file ` +
		`larger than 8 MiB (listed, so requires of it resolve, but not parsed), a folder whose entries cannot be ` +
		`listed, a symbolic link (fpcheck never follows one, so that nothing outside the project is read), and a ` +
		`file past a bound fpcheck keeps on its own work (nesting deeper than its parsers allow, a string ` +
		`concatenation or TypeScript enum that esbuild would expand without bound) are each reported, and counted in the summary. It is a note, except for the files the checks need ` +
		`(project.config.json, app.json, plugin.json, functional-pages/request-payment.js or .ts, or a folder ` +
		`holding one of them): without them the run cannot vouch for the project, so it is an error. Make the ` +
		`file readable, or leave it out with --ignore.`},
	Bad:  "$ ls -l functional-pages/request-payment.js\n---------- 1 ci ci 812 request-payment.js",
	Good: "$ ls -l functional-pages/request-payment.js\n-rw-r--r-- 1 ci ci 812 request-payment.js",
	Tags: []string{"coverage"},
	Messages: Catalog{
		"unreadable":   {En: `this file could not be read (%s), so it was not checked`},
		"too-large":    {En: `this file is larger than %d MiB, so it was not parsed or checked`},
		"not-analyzed": {En: `this file was not analyzed (%s: a bound fpcheck keeps on its own work, not an error in the file), so the checks that need it were skipped`},
		"symlink":      {En: `%s is a symbolic link, which fpcheck never follows, so it was not checked`},
		"folder":       {En: `folder %s could not be read (%s), so the files in it were not listed or checked`},
	},
}

func (fileNotRead) Meta() *Meta { return fileNotReadMeta }

func (fileNotRead) Check(c *Context) {
	p := c.Project
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.Skip == project.NotSkipped && (f.Err == nil || !f.Err.Limit) {
			continue // read and analyzed: the usual case, decided cheaply
		}
		level := Note
		if needed(p, rel) {
			level = Error
		}
		if f.Err != nil && f.Err.Limit {
			c.ReportLevel(level, f, f.Err.Offset, f.Err.Offset, "not-analyzed", f.Err.Message)
		}
		switch f.Skip {
		case project.Unreadable:
			c.ReportLevel(level, f, 0, 0, "unreadable", detail(f.SkipDetail))
		case project.TooLarge:
			c.ReportLevel(level, f, 0, 0, "too-large", project.MaxParseSize>>20)
		case project.SymbolicLink:
			c.ReportLevel(level, f, 0, 0, "symlink", rel)
		case project.NotSkipped, project.UnreadableFolder:
		}
	}
	for _, s := range p.Skipped {
		at := rootEntry(p, s.Root)
		if at == nil {
			continue
		}
		level := Note
		if needed(p, s.Path) || s.Reason == project.UnreadableFolder && holdsNeeded(p, s.Path) {
			level = Error
		}
		switch s.Reason {
		case project.UnreadableFolder:
			c.ReportLevel(level, at, 0, 0, "folder", s.Path+"/", detail(s.Detail))
		case project.SymbolicLink:
			c.ReportLevel(level, at, 0, 0, "symlink", s.Path)
		case project.NotSkipped, project.Unreadable, project.TooLarge:
		}
	}
}

func detail(s string) string {
	if s == "" {
		return "unknown reason"
	}
	return s
}

// neededFiles are the files the checks cannot do without.
func neededFiles(p *project.Project) []string {
	out := []string{"project.config.json"}
	if p.HasMini {
		fp := p.FunctionalPagesDir()
		out = append(out, path.Join(p.MiniRoot, "app.json"), path.Join(fp, "request-payment.js"), path.Join(fp, "request-payment.ts"))
	}
	if p.HasPlugin {
		out = append(out, path.Join(p.PluginRoot, "plugin.json"))
	}
	return out
}

func needed(p *project.Project, rel string) bool {
	return slices.Contains(neededFiles(p), rel)
}

// holdsNeeded reports whether the folder dir holds a needed file.
func holdsNeeded(p *project.Project, dir string) bool {
	for _, n := range neededFiles(p) {
		if project.Under(n, dir) {
			return true
		}
	}
	return false
}

// rootEntry is the file a finding about something under root that is not
// a file of the project is reported at: the root's app.json or plugin.json,
// else project.config.json.
func rootEntry(p *project.Project, root string) *project.File {
	if p.HasPlugin && root == p.PluginRoot {
		if f := p.Plugin().File; f != nil {
			return f
		}
	}
	if f := p.App().File; f != nil {
		return f
	}
	if f := p.Plugin().File; f != nil {
		return f
	}
	if p.ConfigFile != nil {
		return p.ConfigFile
	}
	if len(p.Paths) > 0 {
		return p.Files[p.Paths[0]]
	}
	return nil
}
