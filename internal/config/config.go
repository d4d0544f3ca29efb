// Package config reads fpcheck.json, the project's fpcheck settings: rule
// levels, the submit profile, ignored files and per-path overrides with a
// reason. It is strict JSON, like project.config.json, read with fpcheck's
// own parser so that every mistake has a position and a code frame; unknown
// keys, unknown rule IDs and bad values are errors, never ignored.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/fpcheck/fpcheck/analyzers/jsonpos"
	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// FileName is the config file fpcheck looks for.
const FileName = "fpcheck.json"

// SchemaPath is where the JSON Schema of the file lives in this repository.
const SchemaPath = "schema/fpcheck.schema.json"

// Setting is a rule's level in the config, or off.
type Setting struct {
	Level lint.Level
	Off   bool
}

// Override applies rule settings to the files matching any of its globs
// (relative to DIR). An "off" in an override suppresses the finding with
// the override's reason (it stays in SARIF and JSON, as dismissed).
type Override struct {
	Files  []string
	Rules  map[string]Setting
	Reason string
}

// Config is one fpcheck.json.
type Config struct {
	// Path is the file as found or named.
	Path string
	// Rules sets levels by rule ID.
	Rules map[string]Setting
	// Submit is the submit profile's entries ("profiles": {"submit": …}),
	// which replace the built-in ones.
	Submit map[string]Setting
	// Ignore holds globs of files to leave out, relative to DIR.
	Ignore    []string
	Overrides []Override
	// Baseline is the baseline file, relative to the config file's
	// directory ("" when none).
	Baseline string
	// Lang is the language of fpcheck's output ("lang": "zh" or "en"),
	// when HasLang; --lang overrides it, and it overrides the locale.
	Lang    i18n.Lang
	HasLang bool
}

// Error is a mistake in the config file, at a byte offset of it.
type Error struct {
	File       *source.File
	Start, End int
	Message    i18n.Message
}

// Error is the mistake in English, after its position.
func (e *Error) Error() string { return e.Localize(i18n.En) }

// Localize is the mistake in l, after its position (file:line:col).
func (e *Error) Localize(l i18n.Lang) string {
	r := e.File.RangeAt(e.Start, e.End)
	return fmt.Sprintf("%s:%d:%d: %s", e.File.Path, r.Start.Line, r.Start.Col, e.Message.Localize(l))
}

// Frame is the code frame of the mistake.
func (e *Error) Frame() string { return e.File.Frame(e.File.RangeAt(e.Start, e.End)) }

// Find looks for fpcheck.json in dir and its parents up to the repository's
// root (the directory holding .git), or up to ceiling when it is set; ""
// when there is none. Outside a repository only dir itself is looked at.
// Symbolic links are not followed.
func Find(dir, ceiling string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	top := repoRoot(dir)
	if ceiling != "" {
		if top, err = filepath.Abs(ceiling); err != nil {
			return ""
		}
	}
	for {
		p := filepath.Join(dir, FileName)
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if top == "" || dir == top || parent == dir || !strings.HasPrefix(dir, top) {
			return ""
		}
		dir = parent
	}
}

// repoRoot is the nearest directory at or above dir holding .git, "" when
// there is none.
func repoRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// maxSize bounds the config file.
const maxSize = 1 << 20

// Load reads the config at path; ruleIDs are the rules that exist. display
// is the path to show in messages.
func Load(path, display string, ruleIDs []string) (*Config, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, readError(display, err)
	}
	if !info.Mode().IsRegular() || info.Size() > maxSize {
		return nil, texts.Errorf("not-regular", display)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, readError(display, err)
	}
	return Parse(display, text, ruleIDs)
}

// Parse reads config text; display names the file in messages.
func Parse(display string, text []byte, ruleIDs []string) (*Config, error) {
	p := &parser{file: source.New(display, text), ids: ruleIDs}
	doc, serr := jsonpos.Parse(text)
	if serr != nil {
		return nil, &Error{File: p.file, Start: serr.Offset, End: serr.Offset, Message: texts.New("syntax", serr.Message)}
	}
	c := &Config{Path: display, Rules: map[string]Setting{}, Submit: map[string]Setting{}}
	root := doc.Root()
	if root.Kind() != jsonpos.Object {
		return nil, p.errAt(root, "top.object", FileName)
	}
	for _, m := range root.Members() {
		switch m.Key {
		case "$schema":
			if m.Value.Kind() != jsonpos.String {
				return nil, p.errAt(m.Value, "schema.string")
			}
		case "rules":
			if err := p.rules(m.Value, c.Rules); err != nil {
				return nil, err
			}
		case "profiles":
			if err := p.profiles(m.Value, c); err != nil {
				return nil, err
			}
		case "ignore":
			globs, err := p.globs(m.Value, "ignore")
			if err != nil {
				return nil, err
			}
			c.Ignore = globs
		case "overrides":
			if err := p.overrides(m.Value, c); err != nil {
				return nil, err
			}
		case "lang":
			l, ok := i18n.Parse(m.Value.Str())
			if m.Value.Kind() != jsonpos.String || !ok {
				return nil, p.errAt(m.Value, "lang")
			}
			c.Lang, c.HasLang = l, true
		case "baseline":
			if m.Value.Kind() != jsonpos.String || strings.TrimSpace(m.Value.Str()) == "" {
				return nil, p.errAt(m.Value, "baseline")
			}
			c.Baseline = m.Value.Str()
		default:
			return nil, p.unknownKey(m, texts.New("in.file", FileName), topKeys)
		}
	}
	return c, nil
}

var (
	topKeys      = []string{"$schema", "rules", "profiles", "ignore", "overrides", "baseline", "lang"}
	profileKeys  = []string{"submit"}
	overrideKeys = []string{"files", "rules", "reason"}
	levelNames   = []string{"off", "note", "warning", "error"}
)

type parser struct {
	file *source.File
	ids  []string
}

// errAt is the mistake key (with args) at the value v.
func (p *parser) errAt(v jsonpos.Value, key string, args ...any) *Error {
	return &Error{File: p.file, Start: v.Start(), End: v.End(), Message: texts.New(key, args...)}
}

// unknownKey is the mistake of an unknown key in where (an "in.…"
// message).
func (p *parser) unknownKey(m jsonpos.Member, where i18n.Message, allowed []string) *Error {
	msg := texts.New("unknown-key", m.Key, where, strings.Join(allowed, ", "))
	if s := lint.Suggest(m.Key, allowed); s != "" {
		msg = texts.New("unknown-key.suggest", m.Key, where, s)
	}
	return &Error{File: p.file, Start: m.KeyStart, End: m.KeyEnd, Message: msg}
}

func (p *parser) rules(v jsonpos.Value, into map[string]Setting) error {
	if v.Kind() != jsonpos.Object {
		return p.errAt(v, "rules.object", strings.Join(levelNames, ", "))
	}
	for _, m := range v.Members() {
		if !slices.Contains(p.ids, m.Key) {
			msg := texts.New("unknown-rule", m.Key)
			if s := lint.Suggest(m.Key, p.ids); s != "" {
				msg = texts.New("unknown-rule.suggest", m.Key, s)
			}
			return &Error{File: p.file, Start: m.KeyStart, End: m.KeyEnd, Message: msg}
		}
		if m.Value.Kind() != jsonpos.String {
			return p.errAt(m.Value, "level.string", m.Key, strings.Join(levelNames, ", "))
		}
		level, off, ok := lint.ParseLevel(m.Value.Str())
		if !ok {
			return p.errAt(m.Value, "level.unknown", m.Value.Str(), m.Key, strings.Join(levelNames, ", "))
		}
		into[m.Key] = Setting{Level: level, Off: off}
	}
	return nil
}

func (p *parser) profiles(v jsonpos.Value, c *Config) error {
	if v.Kind() != jsonpos.Object {
		return p.errAt(v, "profiles.object")
	}
	for _, m := range v.Members() {
		if m.Key != "submit" {
			return p.unknownKey(m, texts.New("in.profiles"), profileKeys)
		}
		if err := p.rules(m.Value, c.Submit); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) globs(v jsonpos.Value, key string) ([]string, error) {
	if v.Kind() != jsonpos.Array {
		return nil, p.errAt(v, "globs.array", key)
	}
	var out []string
	for _, e := range v.Elements() {
		if e.Kind() != jsonpos.String || strings.TrimSpace(e.Str()) == "" {
			return nil, p.errAt(e, "globs.string", key)
		}
		if !doublestar.ValidatePattern(e.Str()) {
			return nil, p.errAt(e, "globs.invalid", e.Str())
		}
		out = append(out, e.Str())
	}
	return out, nil
}

func (p *parser) overrides(v jsonpos.Value, c *Config) error {
	if v.Kind() != jsonpos.Array {
		return p.errAt(v, "overrides.array")
	}
	for _, e := range v.Elements() {
		if e.Kind() != jsonpos.Object {
			return p.errAt(e, "override.object")
		}
		o := Override{Rules: map[string]Setting{}}
		for _, m := range e.Members() {
			switch m.Key {
			case "files":
				globs, err := p.globs(m.Value, "files")
				if err != nil {
					return err
				}
				o.Files = globs
			case "rules":
				if err := p.rules(m.Value, o.Rules); err != nil {
					return err
				}
			case "reason":
				if m.Value.Kind() != jsonpos.String {
					return p.errAt(m.Value, "reason.string")
				}
				o.Reason = strings.TrimSpace(m.Value.Str())
			default:
				return p.unknownKey(m, texts.New("in.override"), overrideKeys)
			}
		}
		switch {
		case len(o.Files) == 0:
			return p.errAt(e, "override.files")
		case len(o.Rules) == 0:
			return p.errAt(e, "override.rules")
		case o.Reason == "":
			return p.errAt(e, "override.reason")
		}
		c.Overrides = append(c.Overrides, o)
	}
	return nil
}

// Matches reports whether the project-relative path rel is one of the
// override's files.
func (o *Override) Matches(rel string) bool {
	for _, g := range o.Files {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}
