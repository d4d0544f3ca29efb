// Package i18n holds what fpcheck says to people in Chinese and English,
// and renders it late: a finding, a parse error or a label keeps a Message
// (a catalog key, its text in both languages and typed arguments), and
// the output format renders it in the run's language.
//
// It is a leaf package: the analyzers, the rules, the pipeline, the
// reports and the command line all import it, and it imports nothing of
// fpcheck's.
//
// Why a map of Text and not golang.org/x/text/message: fpcheck speaks two
// languages, chooses between them by a fixed rule (any zh* locale is
// Chinese), and has no plural forms to select in Chinese and one English
// plural (the summary line). x/text would add a catalog builder, a
// language matcher and generated tables for that; a Text literal keeps
// both languages of a message side by side in the rule's own file, where
// a reviewer reads them together, and the catalog test (TestCatalogs)
// checks that every key has both with the same arguments.
package i18n

import (
	"fmt"
	"maps"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is a language fpcheck speaks.
type Lang uint8

// The languages, English first (the default).
const (
	En Lang = iota
	Zh
)

// Langs lists every language, for tests and docs.
var Langs = []Lang{En, Zh}

// String is the language's name on the command line and in fpcheck.json.
func (l Lang) String() string {
	if l == Zh {
		return "zh"
	}
	return "en"
}

// Tag is the language's BCP 47 tag (SARIF's run.language, HTML's lang).
func (l Lang) Tag() string {
	if l == Zh {
		return "zh-CN"
	}
	return "en-US"
}

// Parse reads a --lang or "lang" value: zh or en (any case).
func Parse(s string) (Lang, bool) {
	switch strings.ToLower(s) {
	case "zh":
		return Zh, true
	case "en":
		return En, true
	}
	return En, false
}

// FromLocale reads a POSIX locale name (zh_CN.UTF-8, zh_TW, en_US.UTF-8,
// C): any zh* locale is Chinese, any other English. ok is false for "".
func FromLocale(s string) (l Lang, ok bool) {
	if s == "" {
		return En, false
	}
	if len(s) >= 2 && strings.EqualFold(s[:2], "zh") {
		return Zh, true
	}
	return En, true
}

// FromEnv chooses the language of the locale the way POSIX programs do:
// the first of LC_ALL, LC_MESSAGES and LANG that is set decides; English
// when none is.
func FromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l, ok := FromLocale(getenv(k)); ok {
			return l
		}
	}
	return En
}

// Text is one user-visible text in both languages: a fmt format whose
// arguments are the same in each (indexed verbs such as %[2]s let Chinese
// put them in its own order).
type Text struct{ En, Zh string }

// In returns the text in l (English where the Chinese is missing, which
// TestCatalogs does not allow).
func (t Text) In(l Lang) string {
	if l == Zh && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Localizer is an argument rendered in the message's language: a label
// such as a package name or a dependency kind.
type Localizer interface {
	Localize(l Lang) string
}

// Message is a text to be rendered late: the catalog key, its text and
// the typed arguments (strings, numbers, Messages).
type Message struct {
	Key  string
	Text Text
	Args []any
}

// Localize renders m in l; arguments that are Localizers are rendered in
// l first. In Chinese, a label printed with %s gets the space that
// Chinese typography puts between Han characters and Latin words where
// it meets the text around it: 解析到 Worker 目录（workers/）的,
// functional-pages/ 中的, but 解析到主包的 (labelSpacing).
func (m Message) Localize(l Lang) string {
	format := m.Text.In(l)
	if len(m.Args) == 0 && !strings.Contains(format, "%") {
		return format
	}
	var used map[int]rune
	var padded map[int]bool
	if l == Zh && !marked(m.Args) {
		used, padded, _ = verbs(format)
	}
	args := make([]any, len(m.Args))
	var labels []string
	for i, a := range m.Args {
		if loc, ok := a.(Localizer); ok {
			s := loc.Localize(l)
			if v := used[i]; (v == 's' || v == 'v') && !padded[i] && s != "" {
				a = labelMark(len(labels))
				labels = append(labels, s)
			} else {
				a = s
			}
		}
		args[i] = a
	}
	out := fmt.Sprintf(format, args...)
	if labels != nil {
		out = labelSpacing(out, labels)
	}
	return out
}

// marked reports whether a string argument holds what looks like a
// label's mark (a file's text could); its labels are then not spaced.
func marked(args []any) bool {
	for _, a := range args {
		if s, ok := a.(string); ok && strings.Contains(s, markPrefix) {
			return true
		}
	}
	return false
}

const markPrefix = "\x00fpcheck-label-"

// labelMark stands for the i-th label in the formatted text until
// labelSpacing puts the label there.
func labelMark(i int) string { return markPrefix + strconv.Itoa(i) + "\x00" }

// labelSpacing replaces each label's mark in s with the label, with a
// space where a Han character meets a Latin word across its edge.
func labelSpacing(s string, labels []string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, markPrefix)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i+1:], 0)
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.Atoi(s[i+len(markPrefix) : i+1+j])
		if err != nil || n >= len(labels) {
			b.WriteString(s) // cannot happen: marked() saw no mark in the arguments
			return b.String()
		}
		b.WriteString(s[:i])
		label := labels[n]
		rest := s[i+1+j+1:]
		before, _ := utf8.DecodeLastRuneInString(b.String())
		first, _ := utf8.DecodeRuneInString(label)
		if isHan(before) && opensLatin(first) || closesLatin(before) && isHan(first) {
			b.WriteByte(' ')
		}
		b.WriteString(label)
		last, _ := utf8.DecodeLastRuneInString(label)
		after, _ := utf8.DecodeRuneInString(rest)
		if isHan(last) && opensLatin(after) || closesLatin(last) && isHan(after) {
			b.WriteByte(' ')
		}
		s = rest
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// opensLatin and closesLatin are the ASCII characters that begin or end
// a Latin word, a path or a quoted value.
func opensLatin(r rune) bool {
	return r < utf8.RuneSelf && (isAlnum(r) || strings.ContainsRune(`"'<@/.`, r))
}

func closesLatin(r rune) bool {
	return r < utf8.RuneSelf && (isAlnum(r) || strings.ContainsRune(`"'>/).]}`, r))
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// String renders m in English (logs, errors, sorting).
func (m Message) String() string { return m.Localize(En) }

// IsZero reports whether m is no message at all.
func (m Message) IsZero() bool { return m.Key == "" && m.Text == (Text{}) }

// Debug renders m as its key and arguments, the same in every language:
// `cross(kind:require, "../b.js", pkg:main)`. Tests assert this form, so
// that a change of wording touches only the catalog.
func (m Message) Debug() string {
	if len(m.Args) == 0 {
		return m.Key
	}
	var b strings.Builder
	b.WriteString(m.Key)
	b.WriteByte('(')
	for i, a := range m.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		switch a := a.(type) {
		case Message:
			b.WriteString(a.Debug())
		case string:
			b.WriteString(strconv.Quote(a))
		default:
			fmt.Fprint(&b, a)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// Catalog holds messages by key.
type Catalog map[string]Text

// New returns the message key of c with args; a key c does not have is a
// bug in fpcheck, and panics.
func (c Catalog) New(key string, args ...any) Message {
	t, ok := c[key]
	if !ok {
		panic(fmt.Sprintf("i18n: no message %q", key))
	}
	return Message{Key: key, Text: t, Args: args}
}

// Error is an error whose text is a Message, so that the command line
// can print it in the run's language. Error() is English.
type Error struct{ Message }

// Error implements the error interface.
func (e *Error) Error() string { return e.Localize(En) }

// Errorf returns c's message key with args as an error.
func (c Catalog) Errorf(key string, args ...any) error {
	return &Error{c.New(key, args...)}
}

// Raw is a text fpcheck cannot translate (a message from esbuild or from
// the operating system), the same in every language; Debug shows it
// quoted.
func Raw(s string) Message {
	return Message{Key: "raw", Text: Text{En: "%s", Zh: "%s"}, Args: []any{s}}
}

// registry lists the catalogs that are not a rule's, for the
// catalog test.
var registry = map[string]Catalog{}

// Register records a catalog under name (a package's init calls it),
// so that TestCatalogs checks it.
func Register(name string, c Catalog) Catalog {
	if _, dup := registry[name]; dup {
		panic("i18n: catalog " + name + " registered twice")
	}
	registry[name] = c
	return c
}

// Catalogs returns the registered catalogs by name.
func Catalogs() map[string]Catalog {
	return maps.Clone(registry)
}

// RenderError says why m does not render in some language: a missing or
// extra argument, a verb that does not fit its argument ("%!" in the
// text), or nothing at all; nil when it renders in every language. Text
// quoted in the arguments may hold "%!" itself, so the check renders a
// copy with '%' left out of the string arguments. Tests call it on every
// message they see.
func RenderError(m Message) error {
	c := withoutPercent(m)
	for _, l := range Langs {
		if got := c.Localize(l); got == "" || strings.Contains(got, "%!") {
			return fmt.Errorf("%s renders in %s as %q", m.Debug(), l, got)
		}
	}
	return nil
}

// withoutPercent returns m with '%' removed from its string arguments,
// its messages' included.
func withoutPercent(m Message) Message {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch a := a.(type) {
		case string:
			args[i] = strings.ReplaceAll(a, "%", "")
		case Message:
			args[i] = withoutPercent(a)
		default:
			args[i] = a
		}
	}
	m.Args = args
	return m
}
