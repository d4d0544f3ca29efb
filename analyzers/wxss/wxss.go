// Package wxss finds the @import rules of WXSS, the style sheet language of
// WeChat mini-programs, with exact byte offsets for each imported path.
//
// WXSS is CSS with a few extensions (rpx units, the import of other .wxss
// files); only its lexical structure matters here. The scanner tokenizes the
// way CSS Syntax Level 3 does, as far as needed to tell a real @import from
// text that merely looks like one:
//
//   - Comments "/* ... */" and string literals '...' and "..." are skipped,
//     so "@import" inside them is not a rule. Comments are recorded in
//     [Sheet.Comments]. A backslash escapes the next
//     character, also outside strings ("\@import" is not an at-rule).
//   - "@import" is an at-rule only when it is a whole at-keyword, matched
//     ASCII case-insensitively ("@IMPORT" counts, "@imports" does not), and
//     starts a statement: it is the first token of the file (after an
//     optional BOM) or follows ';' or '}', with only white space and
//     comments in between. "x@import" and "a: b @import" are not rules.
//   - Only top-level rules count. An @import nested in a block, as in
//     "@media screen { @import 'a.wxss'; }", is invalid CSS and imports
//     nothing, so it is not reported. Braces are counted to know the depth,
//     but unbalanced braces are not errors: a stray '}' at the top level is
//     ignored.
//   - The path is a string literal or a url(...) function, "url" matched
//     case-insensitively. What follows the path up to the next ';', such as
//     a media query list, is scanned as ordinary tokens.
//   - An unquoted url( ... ) is one raw token up to its closing ')', so the
//     quotes, semicolons and braces of a data URI in it are not syntax.
//     Parentheses inside it nest, so that "url(data:...fill='rgb(0,0,0)'...)"
//     is one token. When the parentheses after a url( never balance, it
//     and every later unquoted url( end at their first ')' instead, which
//     keeps the scan linear; with no ')' left, a url( runs to the end of
//     the text.
//   - Import.Path is the decoded value: CSS escapes ("\"", "\\", "\6f ")
//     are resolved and an escaped line break inside a string is removed.
//     Import.Start and Import.End delimit the raw literal in the text.
//
// An @import after style rules, which browsers ignore, is still reported:
// it names a file the author meant to depend on.
//
// Parse reports only errors that certainly break compilation: an
// unterminated comment, an unterminated string (a raw line break inside a
// string also ends it as an error), and a top-level @import with nothing
// before the next ';' or the end of the text, or with an empty "url()". An
// @import followed by anything else that is not a path, such as
// "@import foo;" or "@import {}", is not an import and not an error. The
// first error ends the scan.
//
// Parse is linear in the size of its input and never recurses. Offsets are
// byte offsets into the text passed to Parse, BOM included.
package wxss

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// Sheet is the result of scanning one WXSS file.
type Sheet struct {
	// Imports holds the top-level @import rules in source order.
	Imports []Import
	// Comments holds every "/* ... */" comment found in source order:
	// Start at "/*", End just past "*/", the text between them. A "/*"
	// inside a string or an unquoted url(...) is not a comment. Comments
	// after the first SyntaxError are not scanned, and an unterminated
	// comment, being an error, is not listed.
	Comments []source.Comment
}

// Import is one top-level @import rule.
type Import struct {
	// Path is the imported path as written, with CSS escapes decoded, for
	// example "../../styles/common.wxss" or "/app-base.wxss".
	Path string
	// Start and End delimit the path's string literal including its quotes,
	// or for url(...) without quotes the raw path without the surrounding
	// white space.
	Start, End int
	// RuleStart is the offset of the rule's '@'.
	RuleStart int
}

// SyntaxError reports text that cannot be compiled, such as an unterminated
// comment or string.
type SyntaxError = source.Error

// Parse scans a WXSS file for its @import rules. It never panics and always
// returns a Sheet. When the text is broken it also returns the first
// *SyntaxError, and the Sheet holds the imports found before it.
//
// The error is a concrete pointer: compare it with nil before storing it in
// an error interface.
func Parse(text []byte) (*Sheet, *SyntaxError) {
	s := &scanner{text: text}
	err := s.run()
	// A copy: a pointer into s would keep the scanner, and the text it
	// refers to, alive as long as the sheet.
	sheet := s.sheet
	return &sheet, err
}

// scanner holds the state of one Parse call.
type scanner struct {
	text  []byte
	sheet Sheet
	// naiveURL is set once an unquoted url( has no matching ')': from then
	// on an unquoted url( ends at its first ')'.
	naiveURL bool
}

// special marks the bytes the main loop must look at; runs of other bytes
// are skipped in one go.
var special = func() (tab [256]bool) {
	for _, c := range []byte(" \t\n\r\f/\"'{};@uU\\") {
		tab[c] = true
	}
	return tab
}()

// run scans the text from the start.
func (s *scanner) run() *SyntaxError {
	t := s.text
	i := 0
	if hasAt(t, 0, "\ufeff") {
		i = len("\ufeff")
	}
	depth := 0
	// atStart is true while only white space and comments separate i from
	// the start of the file or the last ';', '{' or '}'.
	atStart := true
	for i < len(t) {
		c := t[i]
		if !special[c] {
			for i < len(t) && !special[t[i]] {
				i++
			}
			atStart = false
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			i++
			continue
		case '/':
			if !hasAt(t, i, "/*") {
				i++
				break
			}
			end, err := s.comment(i)
			if err != nil {
				return err
			}
			i = end
			continue
		case '"', '\'':
			end, _, err := stringEnd(t, i)
			if err != nil {
				return err
			}
			i = end
		case '{':
			depth++
			i++
			atStart = true
			continue
		case '}':
			if depth > 0 {
				depth--
			}
			i++
			atStart = true
			continue
		case ';':
			i++
			atStart = true
			continue
		case '@':
			if depth == 0 && atStart && isImportKeyword(t, i) {
				next, err := s.importRule(i)
				if err != nil {
					return err
				}
				i = next
			} else {
				i++
			}
		case 'u', 'U':
			if isURLFunc(t, i) {
				i = s.skipURL(i)
			} else {
				i++
			}
		case '\\':
			i = min(i+2, len(t)) // an escaped character outside a string
		}
		atStart = false
	}
	return nil
}

const importKeyword = "import"

// isImportKeyword reports whether the '@' at i starts the at-keyword
// "@import", in any case, not followed by more of an identifier.
func isImportKeyword(t []byte, i int) bool {
	end := i + 1 + len(importKeyword)
	return hasFoldAt(t, i+1, importKeyword) && (end >= len(t) || !isIdentByte(t[end]))
}

// isURLFunc reports whether t holds "url(" at i, in any case, as a whole
// function name.
func isURLFunc(t []byte, i int) bool {
	return hasFoldAt(t, i, "url(") && (i == 0 || !isIdentByte(t[i-1]))
}

// importRule scans the @import rule whose '@' is at at. It records the
// import and returns the offset just past its path, or, when no path
// follows, the offset of the token that follows the keyword.
func (s *scanner) importRule(at int) (int, *SyntaxError) {
	t := s.text
	kwEnd := at + 1 + len(importKeyword)
	j, err := s.skipSpaceAndComments(kwEnd)
	if err != nil {
		return 0, err
	}
	noPath := func() *SyntaxError {
		return &SyntaxError{Offset: at, Message: msgs.New("wxss.no-path", string(t[at:kwEnd]))}
	}
	switch {
	case j >= len(t) || t[j] == ';':
		return 0, noPath()
	case t[j] == '"' || t[j] == '\'':
		return s.quotedPath(at, j)
	case isURLFunc(t, j):
		k := skipSpace(t, j+len("url("))
		if k < len(t) && (t[k] == '"' || t[k] == '\'') {
			return s.quotedPath(at, k)
		}
		closeAt := s.rawURLEnd(k)
		end := closeAt
		for end > k && isSpace(t[end-1]) {
			end--
		}
		if end == k {
			return 0, &SyntaxError{Offset: at, Message: msgs.New("wxss.empty-url", string(t[at:kwEnd]))}
		}
		s.add(Import{Path: decode(t[k:end], false), Start: k, End: end, RuleStart: at})
		return min(closeAt+1, len(t)), nil
	}
	return j, nil // not a path: an invalid rule, but not a lexical error
}

// quotedPath records the import whose rule starts at at and whose path is
// the string literal with its opening quote at q.
func (s *scanner) quotedPath(at, q int) (int, *SyntaxError) {
	t := s.text
	end, escaped, err := stringEnd(t, q)
	if err != nil {
		return 0, err
	}
	raw := t[q+1 : end-1]
	path := string(raw)
	if escaped {
		path = decode(raw, true)
	}
	s.add(Import{Path: path, Start: q, End: end, RuleStart: at})
	return end, nil
}

func (s *scanner) add(imp Import) {
	s.sheet.Imports = append(s.sheet.Imports, imp)
}

// skipURL skips the url( function whose 'u' is at i. With a quoted
// argument it returns the offset of the quote, for the main loop to scan
// the string; otherwise it returns the offset just past the closing ')'.
func (s *scanner) skipURL(i int) int {
	t := s.text
	k := skipSpace(t, i+len("url("))
	if k < len(t) && (t[k] == '"' || t[k] == '\'') {
		return k
	}
	return min(s.rawURLEnd(k)+1, len(t))
}

// rawURLEnd returns the offset of the ')' closing an unquoted url( whose
// content starts at k, or len(t) when there is none. Nested parentheses
// are matched until one url( has no match; see the package comment.
func (s *scanner) rawURLEnd(k int) int {
	t := s.text
	if !s.naiveURL {
		depth, first := 0, -1
		for j := k; j < len(t); j++ {
			switch t[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					return j
				}
				if first < 0 {
					first = j
				}
				depth--
			}
		}
		s.naiveURL = true
		if first < 0 {
			return len(t)
		}
		return first
	}
	for j := k; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case ')':
			return j
		}
	}
	return len(t)
}

// comment records the comment whose "/*" is at i and returns the offset
// just past it.
func (s *scanner) comment(i int) (int, *SyntaxError) {
	t := s.text
	k := bytes.Index(t[i+2:], []byte("*/"))
	if k < 0 {
		return 0, &SyntaxError{Offset: i, Message: msgs.New("wxss.comment")}
	}
	end := i + 2 + k + 2
	s.sheet.Comments = append(s.sheet.Comments, source.Comment{Start: i, End: end, TextStart: i + 2, TextEnd: end - 2})
	return end, nil
}

// skipSpaceAndComments returns the first offset at or after i that is
// neither white space nor inside a comment, recording the comments.
func (s *scanner) skipSpaceAndComments(i int) (int, *SyntaxError) {
	t := s.text
	for {
		i = skipSpace(t, i)
		if !hasAt(t, i, "/*") {
			return i, nil
		}
		end, err := s.comment(i)
		if err != nil {
			return 0, err
		}
		i = end
	}
}

// stringEnd returns the offset just past the string literal whose opening
// quote is at q, and whether the literal holds a backslash.
func stringEnd(t []byte, q int) (end int, escaped bool, err *SyntaxError) {
	quote := t[q]
	for j := q + 1; j < len(t); {
		switch t[j] {
		case quote:
			return j + 1, escaped, nil
		case '\\':
			escaped = true
			j = escapeEnd(t, j, true)
		case '\n', '\r', '\f':
			return 0, false, &SyntaxError{Offset: q, Message: msgs.New("wxss.string-line", rune(quote))}
		default:
			j++
		}
	}
	return 0, false, &SyntaxError{Offset: q, Message: msgs.New("wxss.string", rune(quote))}
}

// escapeEnd returns the offset just past the escape whose backslash is at
// j: up to six hex digits and one optional white space character (CRLF
// counting as one), or a single character. Inside a string a backslash
// before a line break is a line continuation; elsewhere it escapes nothing.
func escapeEnd(t []byte, j int, inString bool) int {
	j++
	switch {
	case j >= len(t):
		return j
	case isHex(t[j]):
		for n := 0; n < 6 && j < len(t) && isHex(t[j]); n++ {
			j++
		}
		return spaceEnd(t, j)
	case isNewline(t[j]):
		if !inString {
			return j
		}
		return spaceEnd(t, j)
	}
	_, size := utf8.DecodeRune(t[j:])
	return j + size
}

// spaceEnd returns the offset just past one white space character at j,
// CRLF counting as one, or j when there is none.
func spaceEnd(t []byte, j int) int {
	switch {
	case hasAt(t, j, "\r\n"):
		return j + 2
	case j < len(t) && isSpace(t[j]):
		return j + 1
	}
	return j
}

// decode resolves the CSS escapes of the raw content of a string literal
// (inString) or of an unquoted url. Invalid UTF-8 is kept as is; an escape
// of U+0000, of a surrogate or beyond U+10FFFF yields U+FFFD.
func decode(raw []byte, inString bool) string {
	var b strings.Builder
	b.Grow(len(raw))
	for j := 0; j < len(raw); {
		c := raw[j]
		if c != '\\' {
			b.WriteByte(c)
			j++
			continue
		}
		next := escapeEnd(raw, j, inString)
		switch {
		case next == j+1 && (j+1 >= len(raw) || !inString):
			// A trailing backslash, or one before a line break outside a
			// string: not an escape, kept as written.
			b.WriteByte('\\')
		case isHex(raw[j+1]):
			var r rune
			for k := j + 1; k < next && isHex(raw[k]); k++ {
				r = r<<4 | rune(hexVal(raw[k]))
			}
			if r == 0 || r > utf8.MaxRune || (0xD800 <= r && r <= 0xDFFF) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		case isNewline(raw[j+1]):
			// A line continuation inside a string: removed.
		default:
			b.Write(raw[j+1 : next])
		}
		j = next
	}
	return b.String()
}

// skipSpace returns the first offset at or after i that is not white space.
func skipSpace(t []byte, i int) int {
	for i < len(t) && isSpace(t[i]) {
		i++
	}
	return i
}

// hasAt reports whether t holds s at offset i.
func hasAt(t []byte, i int, s string) bool {
	return i >= 0 && i <= len(t) && len(t)-i >= len(s) && string(t[i:i+len(s)]) == s
}

// hasFoldAt reports whether t holds s at offset i, ignoring ASCII case; s
// must be lower case.
func hasFoldAt(t []byte, i int, s string) bool {
	if i < 0 || len(t)-i < len(s) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := t[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[k] {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isNewline(c byte) bool {
	return c == '\n' || c == '\r' || c == '\f'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// isIdentByte reports whether c may continue a CSS identifier: ASCII
// letters and digits, '-', '_', any non-ASCII byte, and '\' (taken to
// start an escape).
func isIdentByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '\\' || c >= 0x80
}
