package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible returns s with every character that a terminal, a CI log or a
// renderer would act on instead of showing replaced by a visible one, one
// character for one, so that the columns of a code frame's caret stay put:
//
//   - C0 controls except tab, and DEL, become their Unicode control
//     pictures: NUL ␀ (U+2400) … US ␟ (U+241F), DEL ␡ (U+2421); so ESC is
//     shown as ␛, CR as ␍ and a newline as ␊;
//   - C1 controls (U+0080–U+009F), the bidirectional embeddings, overrides
//     and isolates (U+202A–U+202E, U+2066–U+2069) and each byte of invalid
//     UTF-8 become U+FFFD �.
//
// Every human format (text, markdown, the messages of github) renders
// file names, specifiers, messages and source lines through it; JSON and
// SARIF escape control characters by their encoding.
func Visible(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafeASCII(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if hidden(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x7f:
				b.WriteRune('\u2421')
			case unsafeASCII(c):
				b.WriteRune(0x2400 + rune(c))
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if hidden(r, size) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeASCII reports whether c is a C0 control other than tab, or DEL.
func unsafeASCII(c byte) bool { return (c < 0x20 && c != '\t') || c == 0x7f }

// hidden reports whether the non-ASCII rune r (size bytes) is a C1
// control, a bidirectional control or invalid UTF-8.
func hidden(r rune, size int) bool {
	return (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// lineStart makes a displayed path safe at the start of a line: GitHub's
// runner runs a line that starts with "::" (after any white space) as a
// workflow command, and its log viewer formats lines starting with "##[".
// Such a path is shown as "./path", which names the same file.
func lineStart(path string) string {
	r, _ := utf8.DecodeRuneInString(path)
	if r == ':' || r == '#' || unicode.IsSpace(r) {
		return "./" + path
	}
	return path
}
