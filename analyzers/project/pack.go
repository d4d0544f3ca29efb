package project

import (
	"path"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// packFilter decides which files the upload leaves out, as
// packOptions.ignore and packOptions.include do: rules are case-insensitive
// and relative to the mini-program root; include beats ignore.
type packFilter struct {
	root            string
	ignore, include []compiledRule
}

type compiledRule struct {
	typ, value string
	re         *regexp.Regexp
}

func newPackFilter(root string, ignore, include []PackRule) *packFilter {
	return &packFilter{root: root, ignore: compileRules(ignore), include: compileRules(include)}
}

func compileRules(rules []PackRule) []compiledRule {
	var out []compiledRule
	for _, r := range rules {
		c := compiledRule{typ: r.Type, value: strings.ToLower(strings.Trim(strings.TrimPrefix(r.Value, "./"), "/"))}
		if r.Type == "regexp" {
			re, err := regexp.Compile("(?i)" + r.Value)
			if err != nil {
				continue // the official tool rejects it; nothing to apply
			}
			c.re = re
		}
		out = append(out, c)
	}
	return out
}

// ignored reports whether rel (relative to DIR) is left out of the upload.
func (f *packFilter) ignored(rel string) bool {
	if f == nil || len(f.ignore) == 0 {
		return false
	}
	inRoot := rel
	if f.root != "" {
		if !strings.HasPrefix(rel, f.root+"/") {
			return false
		}
		inRoot = rel[len(f.root)+1:]
	}
	lower := strings.ToLower(inRoot)
	return anyMatch(f.ignore, lower, inRoot) && !anyMatch(f.include, lower, inRoot)
}

func anyMatch(rules []compiledRule, lower, orig string) bool {
	for _, r := range rules {
		if r.matches(lower, orig) {
			return true
		}
	}
	return false
}

func (r compiledRule) matches(lower, orig string) bool {
	switch r.typ {
	case "file":
		return lower == r.value
	case "folder":
		return strings.HasPrefix(lower, r.value+"/")
	case "suffix":
		return strings.HasSuffix(lower, r.value)
	case "prefix":
		return strings.HasPrefix(path.Base(lower), r.value)
	case "glob":
		ok, err := doublestar.Match(r.value, lower)
		return err == nil && ok
	case "regexp":
		return r.re != nil && r.re.MatchString(orig)
	}
	return false
}
