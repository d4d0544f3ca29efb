package jsonpos

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

// MaxDepth is the deepest nesting of objects and arrays that Parse accepts.
// The top-level object or array is at depth 1.
const MaxDepth = 1000

// maxTokenQuote bounds how many bytes of an offending token an error
// message quotes.
const maxTokenQuote = 40

const bom = "\xEF\xBB\xBF"

// SyntaxError is the first violation of strict JSON found in a text.
type SyntaxError = source.Error

// What the parser expects at a point; used in messages as "expected <ctx>".
var (
	ctxTop          = msgs.New("json.ctx.top")
	ctxValue        = msgs.New("json.ctx.value")
	ctxValueOrClose = msgs.New("json.ctx.value-or-close")
	ctxKey          = msgs.New("json.ctx.key")
	ctxKeyOrClose   = msgs.New("json.ctx.key-or-close")
	ctxColon        = msgs.New("json.ctx.colon")
	ctxAfterMember  = msgs.New("json.ctx.after-member")
	ctxAfterElement = msgs.New("json.ctx.after-element")
)

// ctx is what the parser expects at a point: one of the ctx messages.
type ctx = i18n.Message

// frame is an open object or array.
type frame struct {
	kind Kind
	node int32 // index in parser.nodes, or -1 when not building
}

// parser validates a text and, when build is set, records every value in
// nodes in document order (pre-order). It is iterative: nesting is kept in
// stack, which MaxDepth bounds.
type parser struct {
	s     string
	build bool
	nodes []node
	stack []frame

	// The key of the member whose value comes next.
	hasKey        bool
	keyStart      int
	keyEnd        int
	keyHasEscapes bool
}

// errorf returns the error at off with the message key of msgs.
func (p *parser) errorf(off int, key string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: off, Message: msgs.New(key, args...)}
}

// eof reports the end of input where want was expected.
func (p *parser) eof(want ctx) *SyntaxError {
	return p.errorf(len(p.s), "json.eof", want)
}

// parse validates p.s, skipping one leading BOM.
func (p *parser) parse() *SyntaxError {
	i := 0
	if strings.HasPrefix(p.s, bom) {
		i = len(bom)
	}
	if enc, ok := utf16Encoding(p.s); ok {
		return p.errorf(0, "json.utf16", enc)
	}
	i, err := p.space(i)
	if err != nil {
		return err
	}
	if i == len(p.s) {
		return p.errorf(len(p.s), "json.empty")
	}
	want := ctxTop
	for {
		var complete bool
		i, complete, want, err = p.startValue(i, want)
		if err != nil {
			return err
		}
		if !complete {
			continue
		}
		var done bool
		i, done, want, err = p.endValue(i)
		if err != nil || done {
			return err
		}
	}
}

// space skips JSON whitespace from i and reports comments.
func (p *parser) space(i int) (int, *SyntaxError) {
	s := p.s
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case '/':
			if i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '*') {
				return i, p.errorf(i, "json.comment")
			}
		}
		break
	}
	return i, nil
}

// startValue parses the value that starts at i (after whitespace), where want
// describes what is expected. A scalar or an empty object or array is
// parsed entirely and complete is true. Otherwise an object or array is
// opened, and next is the start of its first value (after the first key, for
// objects) with nextCtx describing it.
func (p *parser) startValue(i int, want ctx) (next int, complete bool, nextCtx ctx, err *SyntaxError) {
	s := p.s
	if i == len(s) {
		return i, false, ctx{}, p.eof(want)
	}
	switch c := s[i]; {
	case c == '{' || c == '[':
		if len(p.stack) == MaxDepth {
			e := p.errorf(i, "json.too-deep", MaxDepth)
			e.Limit = true
			return i, false, ctx{}, e
		}
		kind, closer := Object, byte('}')
		if c == '[' {
			kind, closer = Array, ']'
		}
		n := p.push(kind, i, false)
		p.stack = append(p.stack, frame{kind: kind, node: n})
		if i, err = p.space(i + 1); err != nil {
			return i, false, ctx{}, err
		}
		if i < len(s) && s[i] == closer {
			p.pop(i + 1)
			return i + 1, true, ctx{}, nil
		}
		if kind == Array {
			return i, false, ctxValueOrClose, nil
		}
		i, err = p.key(i, ctxKeyOrClose)
		return i, false, ctxValue, err
	case c == '"':
		end, esc, err := p.str(i)
		if err != nil {
			return i, false, ctx{}, err
		}
		p.leaf(String, i, end, esc)
		return end, true, ctx{}, nil
	case c == '-' || isDigit(c):
		end, err := p.number(i, want)
		if err != nil {
			return i, false, ctx{}, err
		}
		p.leaf(Number, i, end, false)
		return end, true, ctx{}, nil
	case c == 't' || c == 'f' || c == 'n':
		word := p.word(i)
		var kind Kind
		switch word {
		case "true":
			kind = True
		case "false":
			kind = False
		case "null":
			kind = Null
		default:
			return i, false, ctx{}, p.badValue(i, want)
		}
		p.leaf(kind, i, i+len(word), false)
		return i + len(word), true, ctx{}, nil
	}
	return i, false, ctx{}, p.badValue(i, want)
}

// endValue runs after a complete value that ended at i: it closes the
// objects and arrays that end there and finds the next value. done reports
// that the top-level value is complete and followed only by whitespace.
func (p *parser) endValue(i int) (next int, done bool, nextCtx ctx, err *SyntaxError) {
	s := p.s
	for {
		if i, err = p.space(i); err != nil {
			return i, false, ctx{}, err
		}
		if len(p.stack) == 0 {
			if i < len(s) {
				return i, false, ctx{}, p.errorf(i, "json.after-top", p.describe(i))
			}
			return i, true, ctx{}, nil
		}
		top := p.stack[len(p.stack)-1]
		want, closer := ctxAfterElement, byte(']')
		if top.kind == Object {
			want, closer = ctxAfterMember, '}'
		}
		if i == len(s) {
			return i, false, ctx{}, p.eof(want)
		}
		switch s[i] {
		case closer:
			i++
			p.pop(i)
			continue
		case ',':
			comma := i
			if i, err = p.space(i + 1); err != nil {
				return i, false, ctx{}, err
			}
			if i < len(s) && s[i] == closer {
				return i, false, ctx{}, p.errorf(comma, "json.trailing", string(closer))
			}
			if top.kind == Array {
				return i, false, ctxValue, nil
			}
			i, err = p.key(i, ctxKey)
			return i, false, ctxValue, err
		}
		return i, false, ctx{}, p.errorf(i, "json.expected", want, p.describe(i))
	}
}

// key parses an object key at i (after whitespace), the colon after it and
// the whitespace after the colon; it returns the start of the value.
func (p *parser) key(i int, want ctx) (int, *SyntaxError) {
	s := p.s
	if i == len(s) {
		return i, p.eof(want)
	}
	if s[i] != '"' {
		return i, p.badKey(i, want)
	}
	end, esc, err := p.str(i)
	if err != nil {
		return i, err
	}
	p.hasKey, p.keyStart, p.keyEnd, p.keyHasEscapes = true, i, end, esc
	if i, err = p.space(end); err != nil {
		return i, err
	}
	if i == len(s) {
		return i, p.eof(ctxColon)
	}
	if s[i] != ':' {
		return i, p.errorf(i, "json.expected", ctxColon, p.describe(i))
	}
	return p.space(i + 1)
}

// str scans the string whose opening quote is at i. It returns the offset
// after the closing quote and whether the string has escapes.
func (p *parser) str(i int) (end int, escapes bool, err *SyntaxError) {
	s := p.s
	j := i + 1
	for j < len(s) {
		// Fast path: plain printable ASCII.
		for j < len(s) && plainStringByte[s[j]] {
			j++
		}
		if j == len(s) {
			break
		}
		c := s[j]
		switch {
		case c == '"':
			return j + 1, escapes, nil
		case c == '\\':
			escapes = true
			if j+1 == len(s) {
				return j, escapes, p.unterminated(i)
			}
			switch s[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				for k := j + 2; k < j+6; k++ {
					if k == len(s) {
						return j, escapes, p.unterminated(i)
					}
					if !isHex(s[k]) {
						return j, escapes, p.errorf(j, "json.escape-u", showEscape(s[j:k+1]))
					}
				}
				j += 6
			default:
				_, size := utf8.DecodeRuneInString(s[j+1:])
				return j, escapes, p.errorf(j, "json.escape", showEscape(s[j:j+1+size]))
			}
		case c < 0x20:
			return j, escapes, p.errorf(j, "json.control", controlName(c), escapeHint(c))
		case c < utf8.RuneSelf:
			j++
		default:
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && size == 1 {
				return j, escapes, p.errorf(j, "json.bad-utf8", c)
			}
			j += size
		}
	}
	return j, escapes, p.unterminated(i)
}

// plainStringByte marks the bytes that stand for themselves in a string:
// printable ASCII other than '"' and '\\'.
var plainStringByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (p *parser) unterminated(quote int) *SyntaxError {
	return p.errorf(quote, "json.unterminated")
}

// number scans the number at i, which starts with '-' or a digit.
func (p *parser) number(i int, want ctx) (int, *SyntaxError) {
	s := p.s
	j := i
	if s[j] == '-' {
		j++
		if j == len(s) || !isDigit(s[j]) {
			if w := p.word(j); w == "Infinity" || w == "NaN" {
				return i, p.errorf(i, "json.expected-hint", want, quoteToken(s[i:j+len(w)]), msgs.New("json.hint.nan"))
			}
			return i, p.badNumber(i, msgs.New("json.number.minus"))
		}
	}
	if s[j] == '0' {
		j++
		if j < len(s) {
			switch {
			case isDigit(s[j]):
				return i, p.badNumber(i, msgs.New("json.number.leading-zero"))
			case s[j] == 'x' || s[j] == 'X':
				return i, p.badNumber(i, msgs.New("json.number.hex"))
			}
		}
	} else {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j < len(s) && s[j] == '.' {
		j++
		if j == len(s) || !isDigit(s[j]) {
			return i, p.badNumber(i, msgs.New("json.number.fraction"))
		}
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j == len(s) || !isDigit(s[j]) {
			return i, p.badNumber(i, msgs.New("json.number.exponent"))
		}
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j < len(s) && isNumberChar(s[j]) {
		return i, p.badNumber(i, msgs.New("json.number.unexpected", string(s[j])))
	}
	return j, nil
}

// badNumber reports the malformed number token at i.
func (p *parser) badNumber(i int, why i18n.Message) *SyntaxError {
	j := i
	for j < len(p.s) && isNumberChar(p.s[j]) {
		j++
	}
	return p.errorf(i, "json.number", quoteToken(p.s[i:j]), why)
}

// badValue reports the token at i, which cannot start a value.
func (p *parser) badValue(i int, want ctx) *SyntaxError {
	s := p.s
	switch c := s[i]; c {
	case '\'':
		return p.errorf(i, "json.single-string", p.describeSingleQuoted(i))
	case '+', '.':
		if w := p.word(i + 1); c == '+' && (w == "Infinity" || w == "NaN") {
			return p.errorf(i, "json.expected-hint", want, quoteToken(s[i:i+1+len(w)]), msgs.New("json.hint.nan"))
		}
		if i+1 < len(s) && isDigit(s[i+1]) {
			if c == '+' {
				return p.badNumber(i, msgs.New("json.number.plus"))
			}
			return p.badNumber(i, msgs.New("json.number.integer"))
		}
	}
	w := p.word(i)
	if w == "" {
		return p.errorf(i, "json.expected", want, p.describe(i))
	}
	if i+len(w) == len(s) {
		for _, lit := range []string{"true", "false", "null"} {
			if len(w) < len(lit) && strings.HasPrefix(lit, w) {
				return p.errorf(len(p.s), "json.eof-word", lit)
			}
		}
	}
	hint := ""
	switch {
	case w == "NaN" || w == "Infinity":
		hint = "json.hint.nan"
	case w == "undefined":
		hint = "json.hint.undefined"
	case strings.EqualFold(w, "true") || strings.EqualFold(w, "false") || strings.EqualFold(w, "null"):
		hint = "json.hint.case"
	}
	if hint == "" {
		return p.errorf(i, "json.expected", want, quoteToken(w))
	}
	return p.errorf(i, "json.expected-hint", want, quoteToken(w), msgs.New(hint))
}

// badKey reports the token at i, which is not a double-quoted key.
func (p *parser) badKey(i int, want ctx) *SyntaxError {
	if p.s[i] == '\'' {
		return p.errorf(i, "json.single-key", p.describeSingleQuoted(i))
	}
	if w := p.word(i); w != "" && !isDigit(w[0]) {
		return p.errorf(i, "json.unquoted-key", quoteToken(w))
	}
	return p.errorf(i, "json.expected", want, p.describe(i))
}

// word returns the identifier-like run (letters, digits, '_', '$') at i.
func (p *parser) word(i int) string {
	s := p.s
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isDigit(c) || c == '_' || c == '$' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += size
	}
	return s[i:j]
}

// describe quotes the token at i for an error message: a whole string, a
// whole word or number, or a single character with a hint for characters
// that look like JSON punctuation or whitespace but are not. It is the
// quoted token (a string), or a message where words describe it.
func (p *parser) describe(i int) any {
	s := p.s
	if i >= len(s) {
		return msgs.New("json.found.eof")
	}
	c := s[i]
	switch {
	case c == '"':
		j := i + 1
		for j < len(s) && s[j] != '"' && s[j] >= 0x20 {
			if s[j] == '\\' && j+1 < len(s) {
				j++
			}
			j++
		}
		if j < len(s) && s[j] == '"' {
			j++
		}
		return quoteToken(s[i:j])
	case c == '-' || isDigit(c):
		j := i + 1
		for j < len(s) && isNumberChar(s[j]) {
			j++
		}
		return quoteToken(s[i:j])
	case c == '\'':
		return p.describeSingleQuoted(i)
	}
	if w := p.word(i); w != "" {
		return quoteToken(w)
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return msgs.New("json.found.bad-utf8", c)
	}
	if name, ok := confusables[r]; ok {
		return msgs.New("json.found.confusable", strconv.Quote(string(r)), msgs.New(name), r)
	}
	if r >= utf8.RuneSelf && !unicode.IsPrint(r) {
		return msgs.New("json.found.invisible", strconv.Quote(string(r)), r)
	}
	return strconv.Quote(string(r))
}

// describeSingleQuoted quotes the single-quoted string at i.
func (p *parser) describeSingleQuoted(i int) string {
	s := p.s
	j := i + 1
	for j < len(s) && s[j] != '\'' && s[j] != '\n' && s[j] != '\r' {
		j++
	}
	if j < len(s) && s[j] == '\'' {
		j++
	}
	return quoteToken(s[i:j])
}

// confusables names (by message key) characters that users, particularly
// those typing with a Chinese input method, put where JSON punctuation or
// whitespace belongs.
var confusables = map[rune]string{
	'\u00A0': "json.char.no-break-space",
	'\u200B': "json.char.zero-width-space",
	'\u2018': "json.char.left-single-quote",
	'\u2019': "json.char.right-single-quote",
	'\u201C': "json.char.left-double-quote",
	'\u201D': "json.char.right-double-quote",
	'\u3000': "json.char.ideographic-space",
	'\u3001': "json.char.ideographic-comma",
	'\uFEFF': "json.char.bom",
	'\uFF02': "json.char.full-width-quote",
	'\uFF0C': "json.char.full-width-comma",
	'\uFF1A': "json.char.full-width-colon",
	'\uFF3B': "json.char.full-width-left-sq",
	'\uFF3D': "json.char.full-width-right-sq",
	'\uFF5B': "json.char.full-width-left-cur",
	'\uFF5D': "json.char.full-width-right-cur",
}

// quoteToken quotes tok for a message, cutting it on a rune boundary when
// longer than maxTokenQuote bytes.
func quoteToken(tok string) string {
	if len(tok) <= maxTokenQuote {
		return strconv.Quote(tok)
	}
	cut := maxTokenQuote
	for cut > 0 && !utf8.RuneStart(tok[cut]) {
		cut--
	}
	return strconv.Quote(tok[:cut]) + "…"
}

// controlNames names (by message key) the control characters that have a
// name.
var controlNames = map[byte]string{0: "json.char.nul", '\b': "json.char.bs", '\t': "json.char.tab", '\n': "json.char.lf", '\f': "json.char.ff", '\r': "json.char.cr"}

var shortEscapes = map[byte]string{'\b': `\b`, '\t': `\t`, '\n': `\n`, '\f': `\f`, '\r': `\r`}

// showEscape shows the bad escape sequence esc as written when it is
// printable (\x rather than "\\x"), else quoted. It is a copy: the
// message must not keep the text in memory.
func showEscape(esc string) string {
	if utf8.ValidString(esc) && strings.IndexFunc(esc, func(r rune) bool { return !unicode.IsPrint(r) }) < 0 {
		return strings.Clone(esc)
	}
	return strconv.Quote(esc)
}

// controlName names a control character, e.g. "U+000A (line feed)".
func controlName(c byte) i18n.Message {
	if n, ok := controlNames[c]; ok {
		return msgs.New("json.char.named", c, msgs.New(n))
	}
	return msgs.New("json.char.code", c)
}

// escapeHint says how to write control character c inside a JSON string.
func escapeHint(c byte) i18n.Message {
	e, ok := shortEscapes[c]
	if !ok {
		e = fmt.Sprintf(`\u%04x`, c)
	}
	if c == '\n' || c == '\r' {
		return msgs.New("json.write-line", e)
	}
	return msgs.New("json.write", e)
}

// push records a new value starting at start, as a child of the innermost
// open object or array; it returns the value's node index.
func (p *parser) push(kind Kind, start int, escapes bool) int32 {
	if !p.build {
		p.hasKey = false
		return -1
	}
	n := node{start: int32(start), keyStart: -1, keyEnd: -1, kind: kind, escapes: escapes}
	if p.hasKey {
		n.keyStart, n.keyEnd, n.keyEscapes = int32(p.keyStart), int32(p.keyEnd), p.keyHasEscapes
		p.hasKey = false
	}
	if len(p.stack) > 0 {
		p.nodes[p.stack[len(p.stack)-1].node].count++
	}
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

// leaf records a scalar spanning [start, end).
func (p *parser) leaf(kind Kind, start, end int, escapes bool) {
	if n := p.push(kind, start, escapes); n >= 0 {
		p.nodes[n].end = int32(end)
		p.nodes[n].next = n + 1
	}
}

// pop closes the innermost object or array, which ends at end.
func (p *parser) pop(end int) {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if f.node >= 0 {
		p.nodes[f.node].end = int32(end)
		p.nodes[f.node].next = int32(len(p.nodes))
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// isNumberChar reports bytes that continue a number-like token.
func isNumberChar(c byte) bool {
	return isDigit(c) || c == '.' || c == '+' || c == '-' || c == '_' || c == '$' ||
		('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// utf16Encoding names the UTF-16 encoding s is in ("UTF-16 (little-endian,
// with a byte order mark)"); ok is false when it is not: a UTF-16 byte
// order mark, or, since a JSON text starts with an ASCII character, a zero
// byte beside a non-zero one in the first two bytes.
func utf16Encoding(s string) (enc i18n.Message, ok bool) {
	switch {
	case strings.HasPrefix(s, "\xff\xfe"):
		return msgs.New("json.enc.le-bom"), true
	case strings.HasPrefix(s, "\xfe\xff"):
		return msgs.New("json.enc.be-bom"), true
	case len(s) >= 2 && s[0] != 0 && s[1] == 0:
		return msgs.New("json.enc.le"), true
	case len(s) >= 2 && s[0] == 0 && s[1] != 0:
		return msgs.New("json.enc.be"), true
	}
	return i18n.Message{}, false
}
