package rules

import (
	"path"
	"slices"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

type fileNotRead struct{}

func init() { register(fileNotRead{}) }

var fileNotReadMeta = &Meta{
	ID:       "file-not-read",
	Severity: Note,
	Title: Text{
		En: "a file or folder under a code root could not be read, so it was not checked",
		Zh: "代码目录下有文件或文件夹无法读取，因此未检查",
	},
	Explanation: Text{
		En: `fpcheck never skips a file silently. A file it cannot read (its permissions, an I/O error), a file ` +
			`larger than 8 MiB (listed, so requires of it resolve, but not parsed), a folder whose entries cannot be ` +
			`listed, a symbolic link (fpcheck never follows one, so that nothing outside the project is read), and a ` +
			`file past a bound fpcheck keeps on its own work (nesting deeper than its parsers allow, a string ` +
			`concatenation or TypeScript enum that esbuild would expand without bound) are each reported, and counted in the summary. It is a note, except for the files the checks need ` +
			`(project.config.json, app.json, plugin.json, functional-pages/request-payment.js or .ts, or a folder ` +
			`holding one of them): without them the run cannot vouch for the project, so it is an error. Make the ` +
			`file readable, or leave it out with --ignore.`,
		Zh: `fpcheck 从不悄悄跳过文件。以下情况都会逐一报告，并计入汇总：无法读取的文件（权限不足、I/O 错误）；` +
			`大于 8 MiB 的文件（会列出，因此对它的 require 能够解析，但不解析文件内容）；无法列出内容的文件夹；` +
			`符号链接（fpcheck 从不跟随符号链接，以免读到项目以外的内容）；以及超出 fpcheck 自身处理上限的文件` +
			`（嵌套层数超过解析器的限制，或 esbuild 会无限展开的字符串拼接、TypeScript 枚举）。这些问题是提示，` +
			`但检查所需的文件除外（project.config.json、app.json、plugin.json、functional-pages/request-payment.js ` +
			`或 .ts，以及包含它们的文件夹）：缺少这些文件，这次检查就无法为项目作保证，因此是错误。请让文件可读，` +
			`或用 --ignore 排除它。`,
	},
	Bad:  "$ ls -l functional-pages/request-payment.js\n---------- 1 ci ci 812 request-payment.js",
	Good: "$ ls -l functional-pages/request-payment.js\n-rw-r--r-- 1 ci ci 812 request-payment.js",
	Tags: []string{"coverage"},
	Messages: Catalog{
		"unreadable": {
			En: `this file could not be read (%s), so it was not checked`,
			Zh: `无法读取此文件（%s），因此未检查`,
		},
		"too-large": {
			En: `this file is larger than %d MiB, so it was not parsed or checked`,
			Zh: `此文件大于 %d MiB，因此未解析，也未检查`,
		},
		"not-analyzed": {
			En: `this file was not analyzed (%s: a bound fpcheck keeps on its own work, not an error in the file), so the checks that need it were skipped`,
			Zh: `此文件未分析（%s：这是 fpcheck 对自身处理量设的上限，并非文件有错），依赖它的检查已跳过`,
		},
		"symlink": {
			En: `%s is a symbolic link, which fpcheck never follows, so it was not checked`,
			Zh: `%s 是符号链接，fpcheck 从不跟随符号链接，因此未检查`,
		},
		"folder": {
			En: `folder %s could not be read (%s), so the files in it were not listed or checked`,
			Zh: `无法读取文件夹 %s（%s），其中的文件未列出，也未检查`,
		},
		"unknown-reason": {En: `unknown reason`, Zh: `原因未知`},
		"not-regular":    {En: project.DetailNotRegular, Zh: `不是普通文件`},
		"gone":           {En: project.DetailGone, Zh: `文件已不存在`},
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
			c.ReportLevel(level, f, 0, 0, "unreadable", detail(c, f.SkipDetail))
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
			c.ReportLevel(level, at, 0, 0, "folder", s.Path+"/", detail(c, s.Detail))
		case project.SymbolicLink:
			c.ReportLevel(level, at, 0, 0, "symlink", s.Path)
		case project.NotSkipped, project.Unreadable, project.TooLarge:
		}
	}
}

// detail is the system's reason a file or folder could not be read, as
// the system gave it (it cannot be translated), or "unknown reason".
func detail(c *Context, s string) Message {
	switch s {
	case "":
		return c.Format("unknown-reason")
	case project.DetailNotRegular:
		return c.Format("not-regular")
	case project.DetailGone:
		return c.Format("gone")
	}
	return i18n.Raw(s)
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
