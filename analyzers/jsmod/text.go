package jsmod

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// text.go reads small pieces of the original text around mapped positions.
// These helpers are deliberately rough: they only confirm or refine what
// the source map says, and never decide alone what a file contains.

// maxLookBack bounds how far back kindBefore looks for a statement keyword.
const maxLookBack = 4096

// isIdentByte reports whether c can be part of an identifier (every byte of
// a multi-byte character counts).
func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '$' || c >= 0x80
}

// skipBack returns the offset just after the last significant byte before
// i, skipping white space and /* */ comments. The start of a comment is
// looked for at most maxLookBack bytes back: a "*/" that ends no comment
// (in a regular expression) must not make every call read the whole text
// before it. A longer comment counts as a significant "/", which the
// callers read as "nothing clear".
func skipBack(text []byte, i int) int {
	for i > 0 {
		switch c := text[i-1]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i--
		case c == '/' && i >= 2 && text[i-2] == '*':
			start := commentEndingAt(text, i-2)
			if start < 0 {
				return i
			}
			i = start
		default:
			return i
		}
	}
	return 0
}

// commentEndingAt returns the start of the /* */ comment whose "*/" is at
// end, or -1. Comments are found reading forward from maxLookBack bytes
// before it, because only that tells where one starts: they do not nest
// ("/* a /* b */" starts at the first "/*"), and a "*/" that overlaps its
// own "/*" ends nothing ("/*/ a */" is one comment).
func commentEndingAt(text []byte, end int) int {
	pos := max(0, end-maxLookBack)
	for pos < end {
		s := bytes.Index(text[pos:end], []byte("/*"))
		if s < 0 {
			return -1
		}
		s += pos
		e := bytes.Index(text[s+2:end+2], []byte("*/"))
		if e < 0 {
			return -1 // the "*/" at end overlaps the "/*" at s
		}
		if e += s + 2; e == end {
			return s
		}
		pos = e + 2
	}
	return -1
}

// wordBefore returns the identifier that ends at i and where it starts.
func wordBefore(text []byte, i int) (string, int) {
	k := i
	for k > 0 && isIdentByte(text[k-1]) {
		k--
	}
	return string(text[k:i]), k
}

// precededByDot reports whether a member dot comes before offset i.
func precededByDot(text []byte, i int) bool {
	p := skipBack(text, i)
	return p > 0 && text[p-1] == '.' && (p < 2 || text[p-2] != '.')
}

// kindBefore reads the kind of the dependency whose literal starts at lit
// from the original text before it, and the start of its import/export
// statement (or -1). ok is false when the text says nothing clear.
func kindBefore(text []byte, lit int) (kind DepKind, stmt int, ok bool) {
	p := skipBack(text, lit)
	if p > 0 && text[p-1] == '(' {
		return callKind(text, p-1)
	}
	w, k := wordBefore(text, p)
	switch {
	case w == "import" && !precededByDot(text, k):
		return Import, k, true
	case w == "from":
		return statementKind(text, k)
	}
	return 0, -1, false
}

// callKind reads the callee before the "(" at paren.
func callKind(text []byte, paren int) (DepKind, int, bool) {
	w, k := wordBefore(text, skipBack(text, paren))
	switch {
	case precededByDot(text, k):
		if w == "async" {
			q := skipBack(text, k)
			if r, rk := wordBefore(text, skipBack(text, q-1)); r == "require" && !precededByDot(text, rk) {
				return RequireAsync, -1, true
			}
		}
	case w == "import":
		return DynamicImport, -1, true
	case w == "require":
		return Require, -1, true
	case w == "requirePlugin":
		return RequirePlugin, -1, true
	}
	return 0, -1, false
}

// statementKind finds the import or export keyword that starts the
// statement holding the "from" at from.
func statementKind(text []byte, from int) (DepKind, int, bool) {
	depth := 0
	for i := from; i > 0 && from-i < maxLookBack; {
		c := text[i-1]
		switch {
		case c == '}':
			depth++
		case c == '{':
			depth--
		case c == ';':
			return 0, -1, false
		case isIdentByte(c):
			w, k := wordBefore(text, i)
			if depth == 0 && !precededByDot(text, k) {
				switch w {
				case "import":
					return Import, k, true
				case "export":
					return ExportFrom, k, true
				}
			}
			i = k
			continue
		}
		i--
	}
	return 0, -1, false
}

// extendBack moves the start of an ES module declaration back over the
// keywords that esbuild's mapping leaves out: "export", "default" and
// "abstract".
func extendBack(text []byte, start int) int {
	for {
		w, k := wordBefore(text, skipBack(text, start))
		switch w {
		case "default", "abstract":
			start = k
		case "export":
			return k
		default:
			return start
		}
	}
}

// hasWordAt reports whether the identifier w starts at i.
func hasWordAt(text []byte, i int, w string) bool {
	return i >= 0 && i+len(w) <= len(text) && string(text[i:i+len(w)]) == w &&
		(i+len(w) == len(text) || !isIdentByte(text[i+len(w)]))
}

// literalAt reports whether a string literal or a template literal without
// substitutions holding spec starts at o, and where it ends.
func literalAt(text []byte, o int, spec string) (int, bool) {
	end, ok := literalEnd(text, o)
	if !ok {
		return 0, false
	}
	raw := string(text[o+1 : end-1])
	if raw == spec {
		return end, true
	}
	if text[o] == '`' {
		raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	}
	if v, ok := unescapeJS(raw); ok && (v == spec || replaceInvalid(v) == spec) {
		return end, true
	}
	return 0, false
}

// replaceInvalid replaces each byte of s that is not part of valid UTF-8
// with U+FFFD, as esbuild does.
func replaceInvalid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// literalEnd returns the end of the string literal or substitution-free
// template literal starting at o.
func literalEnd(text []byte, o int) (int, bool) {
	if o < 0 || o >= len(text) {
		return 0, false
	}
	q := text[o]
	if q != '"' && q != '\'' && q != '`' {
		return 0, false
	}
	for i := o + 1; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\':
			i++
		case c == q:
			return i + 1, true
		case q != '`' && (c == '\n' || c == '\r'):
			return 0, false
		case q == '`' && c == '$' && i+1 < len(text) && text[i+1] == '{':
			return 0, false
		}
	}
	return 0, false
}

// tokenEnd returns the end of the token starting at o: an identifier, a
// number, a string or template literal, or else one byte.
func tokenEnd(text []byte, o int) int {
	if o >= len(text) {
		return len(text)
	}
	switch c := text[o]; {
	case c == '"' || c == '\'':
		if e, ok := literalEnd(text, o); ok {
			return e
		}
	case c == '`':
		return templateEnd(text, o)
	case isIdentByte(c) || c == '#' || c == '.' && o+1 < len(text) && isDigit(text[o+1]):
		i := o + 1
		for i < len(text) && (isIdentByte(text[i]) || text[i] == '.' && isDigit(text[o])) {
			i++
		}
		return i
	}
	return o + 1
}

// templateEnd returns the end of the template literal starting at o,
// counting braces in its substitutions roughly.
func templateEnd(text []byte, o int) int {
	depth := 0
	for i := o + 1; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\':
			i++
		case depth == 0 && c == '`':
			return i + 1
		case c == '$' && i+1 < len(text) && text[i+1] == '{':
			depth++
			i++
		case depth > 0 && c == '{':
			depth++
		case depth > 0 && c == '}':
			depth--
		}
	}
	return len(text)
}

// unescapeJS decodes the escape sequences of a JavaScript string literal's
// raw text.
func unescapeJS(raw string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			b.WriteByte(raw[i])
			continue
		}
		i++
		if i >= len(raw) {
			return "", false
		}
		n, ok := unescapeOne(raw[i:], &b)
		if !ok {
			return "", false
		}
		i += n - 1
	}
	return b.String(), true
}

// simpleEscapes are the one-character escapes.
var simpleEscapes = map[byte]string{
	'n': "\n", 'r': "\r", 't': "\t", 'b': "\b", 'f': "\f", 'v': "\v", '0': "\x00",
	'\n': "", '\r': "",
}

// unescapeOne decodes the escape whose text (after the backslash) starts s,
// writes it to b and returns how many bytes of s it used.
func unescapeOne(s string, b *strings.Builder) (int, bool) {
	switch c := s[0]; {
	case c == 'x' && len(s) >= 3:
		v, err := strconv.ParseUint(s[1:3], 16, 8)
		b.WriteRune(rune(v))
		return 3, err == nil
	case c == 'u' && strings.HasPrefix(s, "u{"):
		k := strings.IndexByte(s, '}')
		if k < 0 {
			return 0, false
		}
		v, err := strconv.ParseUint(s[2:k], 16, 32)
		b.WriteRune(rune(v))
		return k + 1, err == nil
	case c == 'u' && len(s) >= 5:
		v, err := strconv.ParseUint(s[1:5], 16, 16)
		b.WriteRune(rune(v))
		return 5, err == nil
	case c == '\r' && len(s) > 1 && s[1] == '\n':
		return 2, true
	}
	if e, ok := simpleEscapes[s[0]]; ok {
		b.WriteString(e)
		return 1, true
	}
	_, size := utf8.DecodeRuneInString(s)
	b.WriteString(s[:size])
	return size, true
}
