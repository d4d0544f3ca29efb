package rules

import (
	"slices"
	"strings"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/analyzers/wxml"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// navigatorTag is the component that opens a plugin functional page.
const navigatorTag = "functional-page-navigator"

// eachNavigator calls fn for every <functional-page-navigator> start tag in
// the project's WXML files.
func eachNavigator(p *project.Project, fn func(f *project.File, el *wxml.Element)) {
	for _, rel := range p.Paths {
		f := p.Files[rel]
		if f.WXML == nil {
			continue
		}
		for i := range f.WXML.Elements {
			if el := &f.WXML.Elements[i]; el.Name == navigatorTag {
				fn(f, el)
			}
		}
	}
}

// isDynamic reports whether an attribute value is a data binding, whose
// value fpcheck cannot know.
func isDynamic(value string) bool { return strings.Contains(value, "{{") }

// attrEnd is the end of an attribute including its closing quote.
func attrEnd(a wxml.Attr) int {
	if a.Quote != 0 {
		return a.ValueEnd + 1
	}
	return a.ValueEnd
}

// checkAttrValue judges a navigator attribute that takes one of allowed
// (case-sensitive): a value that differs only in case is reported with the
// rule's "case" message (value, the right one), any other with "unknown"
// (value). Surrounding spaces are allowed; a binding is left alone.
func checkAttrValue(c *Context, f *project.File, a wxml.Attr, allowed []string) {
	if isDynamic(a.Value) {
		return
	}
	v := strings.TrimSpace(a.Value)
	if slices.Contains(allowed, v) {
		return
	}
	for _, n := range allowed {
		if strings.EqualFold(v, n) {
			c.ReportFix(f, a.NameStart, attrEnd(a), setValue(c, a, n), "case", v, n)
			return
		}
	}
	c.Report(f, a.NameStart, attrEnd(a), "unknown", v)
}

// setValue is the fix that replaces an attribute's value (inside its
// quotes) with v; the rule's "fix" message (the attribute, v) says so.
func setValue(c *Context, a wxml.Attr, v string) lint.Fix {
	return lint.Fix{Message: c.Format("fix", a.Name, v), Edits: []lint.Edit{{Start: a.ValueStart, End: a.ValueEnd, New: v}}}
}
