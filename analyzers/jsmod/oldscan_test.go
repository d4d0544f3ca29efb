package jsmod

// oldscan_test.go keeps the pre-scan as it was before it was made faster
// (nesting.go, fold.go, enum.go and the scanner half of esm.go at commit
// 0d035a9), verbatim but for the names, so that FuzzScanOld and
// TestScanMatchesOld can compare the two on any input. Do not edit it: it
// is the reference.

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// oldScanText measures the nesting of text; see the comment at the top.
func oldScanText(text []byte, typeScript bool) scanResult {
	src := string(text)
	s := oldScanPass(text, src, typeScript, nil)
	if s.tooDeep < 0 && s.foldAt < 0 && s.enum != nil && s.enum.inlineCost() > maxFoldCost {
		s.foldAt = s.enum.costliest()
	}
	if s.tooDeep < 0 && s.foldAt < 0 && s.enum != nil && s.enum.long() {
		// Members may be used before their enum: estimate the joining
		// again, knowing every member's length from the start.
		s.foldAt = oldScanPass(text, src, typeScript, s.enum.bounds).foldAt
	}
	if s.esm != nil && s.privateName {
		s.esm.unsure = true
	}
	return scanResult{tooDeep: s.tooDeep, moduleSyntax: s.moduleSyntax, comments: s.comments, tooCostly: s.foldAt, esm: s.esm, src: src}
}

// oldScanPass runs the scan once; known, when set, holds the estimated
// lengths of the enum members of a previous pass.
func oldScanPass(text []byte, src string, typeScript bool, known map[string]int) *oldNestScanner {
	s := &oldNestScanner{text: text, src: src, ts: typeScript, levels: []oldNestLevel{{}}, tooDeep: -1, foldAt: -1}
	if typeScript {
		s.enum = oldNewEnumScan(known)
	}
	s.skipPrologue()
	for s.tooDeep < 0 {
		newline := s.skipSpace()
		if s.i >= len(s.text) {
			break
		}
		t := s.next()
		s.measure(t, newline)
	}
	s.endChain(&s.levels[len(s.levels)-1])
	return s
}

// skipPrologue skips a leading BOM and a "#!" line after it.
func (s *oldNestScanner) skipPrologue() {
	if bytes.HasPrefix(s.text, utf8BOM) {
		s.i = len(utf8BOM)
	}
	if bytes.HasPrefix(s.text[s.i:], []byte("#!")) {
		for s.i < len(s.text) && oldLineTerminatorLen(s.text[s.i:]) == 0 {
			s.i++
		}
	}
}

// oldLineTerminatorLen returns the length of the JavaScript line terminator
// at the start of b ("\n", "\r", U+2028 or U+2029), or 0. "\r\n" counts
// as "\r".
func oldLineTerminatorLen(b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case b[0] == '\n' || b[0] == '\r':
		return 1
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9):
		return 3
	}
	return 0
}

// oldNestLevel is one open bracket with its chains.
type oldNestLevel struct {
	kind byte // '(', '[', '{', '$' (template substitution) or 0 (file)
	expr int  // length of the expression chain
	stmt int  // length of the statement chain
	// header marks a "(" opened right after if/for/while/with.
	header bool
	// fold is the string concatenation in progress at this level.
	fold oldFoldChain
	// enum marks the body of a TypeScript enum; refs sums the estimated
	// lengths of the enum members named inside the level (see enum.go).
	enum bool
	refs int
}

// oldPrevClass classifies the previous significant token.
type oldPrevClass int

const (
	oldPrevStart  oldPrevClass = iota // start of file, or an operator-like token
	oldPrevEnd                        // ends an expression: a value, ")", "]"
	oldPrevHeader                     // ")" closing an if/for/while/with header
	oldPrevSemi                       // ";"
	oldPrevBrace                      // "}"
)

// oldTokKind is the kind of a token seen by the nesting scanner.
type oldTokKind uint8

const (
	oldTokWord     oldTokKind = iota // identifier or keyword
	oldTokValue                      // number, string, regular expression, whole template
	oldTokTmplHead                   // "`...${" or "}...${" (template text before a substitution)
	oldTokTmplTail                   // "}...`" (template text after the last substitution)
	oldTokPunct                      // punctuator
)

// oldNestTok is one token: its kind, text (words and oldPunctuators) and offset.
type oldNestTok struct {
	text  string
	start int
	kind  oldTokKind
	// template is set for a oldTokValue that is a whole template literal.
	template bool
}

// oldNestScanner measures nesting; see the comment at the top of the file.
type oldNestScanner struct {
	text []byte
	// src is text as a string: words are slices of it, not copies (keep
	// a word past the scan with strings.Clone).
	src      string
	ts       bool
	i        int
	levels   []oldNestLevel
	total    int // the estimate: bracket depth plus all chains
	prev     oldPrevClass
	prevWord string // the previous token when it was a word, else ""
	tooDeep  int    // offset where the estimate first exceeded maxNesting, or -1
	// moduleSyntax: see scanResult.
	moduleSyntax bool
	// afterDot is set when the previous token was "." or "?.".
	afterDot bool
	// comments: see scanResult.
	comments []source.Comment
	// foldCost is the estimated cost of esbuild's string joining so far;
	// foldAt is where it first exceeded maxFoldCost, or -1.
	foldCost, foldAt int
	// enum follows TypeScript enums (nil in JavaScript); see enum.go.
	enum *oldEnumScan
	// privateName is set by a word starting with "#": goja accepts "#0"
	// and private names outside their class (see esm.go).
	privateName bool
	// seenTok is set once a token has been measured.
	seenTok bool
	// esm: see scanResult.
	esm *esmScan
}

// oldWordFlag classifies keywords for the scan (oldWordFlags).
type oldWordFlag uint8

const (
	// oldWordContinuing words continue an expression or statement rather
	// than start a new one ("else" continues an if statement).
	oldWordContinuing oldWordFlag = 1 << iota
	// oldWordExprChain words make the parsers recurse within an expression.
	oldWordExprChain
	// oldWordStmtChain words make the parsers recurse from statement to
	// statement.
	oldWordStmtChain
	// oldWordTSChain words are TypeScript type operators that nest.
	oldWordTSChain
	// oldWordHeader words are followed by a parenthesized header.
	oldWordHeader
	// oldWordOperator words are keywords after which an expression is
	// expected, so a "/" after them starts a regular expression.
	oldWordOperator
)

// oldWordFlags returns the classes of word w (a switch: no hashing on the
// scan's hot path).
func oldWordFlags(w string) oldWordFlag {
	switch w {
	case "as":
		return oldWordContinuing | oldWordOperator
	case "await":
		return oldWordExprChain | oldWordOperator
	case "case":
		return oldWordOperator
	case "catch":
		return oldWordOperator
	case "class":
		return oldWordOperator
	case "const":
		return oldWordOperator
	case "default":
		return oldWordOperator
	case "delete":
		return oldWordExprChain | oldWordOperator
	case "do":
		return oldWordStmtChain | oldWordOperator
	case "else":
		return oldWordContinuing | oldWordStmtChain | oldWordOperator
	case "export":
		return oldWordOperator
	case "extends":
		return oldWordContinuing | oldWordExprChain | oldWordOperator
	case "finally":
		return oldWordOperator
	case "for":
		return oldWordStmtChain | oldWordHeader | oldWordOperator
	case "function":
		return oldWordOperator
	case "if":
		return oldWordStmtChain | oldWordHeader | oldWordOperator
	case "implements":
		return oldWordContinuing
	case "import":
		return oldWordOperator
	case "in":
		return oldWordContinuing | oldWordExprChain | oldWordOperator
	case "infer":
		return oldWordTSChain
	case "instanceof":
		return oldWordContinuing | oldWordExprChain | oldWordOperator
	case "keyof":
		return oldWordTSChain | oldWordOperator
	case "let":
		return oldWordOperator
	case "new":
		return oldWordExprChain | oldWordOperator
	case "of":
		return oldWordContinuing | oldWordOperator
	case "readonly":
		return oldWordTSChain
	case "return":
		return oldWordOperator
	case "satisfies":
		return oldWordContinuing
	case "switch":
		return oldWordOperator
	case "throw":
		return oldWordOperator
	case "try":
		return oldWordOperator
	case "typeof":
		return oldWordExprChain | oldWordOperator
	case "unique":
		return oldWordTSChain
	case "var":
		return oldWordOperator
	case "void":
		return oldWordExprChain | oldWordOperator
	case "while":
		return oldWordStmtChain | oldWordHeader | oldWordOperator
	case "with":
		return oldWordStmtChain | oldWordHeader | oldWordOperator
	case "yield":
		return oldWordExprChain | oldWordOperator
	}
	return 0
}

// measure updates the estimate for token t; newline tells whether a line
// break precedes it.
func (s *oldNestScanner) measure(t oldNestTok, newline bool) {
	if !s.ts && t.kind == oldTokWord && (t.text == "import" || t.text == "export") && !s.afterDot {
		s.moduleSyntax = true
		if s.esmWord(t, newline) {
			s.afterDot = false
			return
		}
	}
	s.measureToken(t, newline)
	s.afterDot = t.kind == oldTokPunct && (t.text == "." || t.text == "?.")
	s.seenTok = true
}

// measureToken does the work of measure.
func (s *oldNestScanner) measureToken(t oldNestTok, newline bool) {
	if s.startsStatement(t) && s.atBoundary(newline) {
		s.resetExpr()
		s.resetStmt()
	}
	s.foldToken(t)
	if s.enum != nil {
		s.enumToken(t)
	}
	switch t.kind {
	case oldTokWord:
		s.measureWord(t)
		return
	case oldTokValue:
		if t.template && s.prev == oldPrevEnd {
			s.growExpr(1, t.start) // tagged template in a chain
		}
		s.prev = oldPrevEnd
	case oldTokTmplHead:
		if t.text == "`" && s.prev == oldPrevEnd {
			s.growExpr(1, t.start)
		}
		if t.text == "}" {
			s.pop()
		}
		s.push('$', false, t.start)
		s.prev = oldPrevStart
	case oldTokTmplTail:
		s.pop()
		s.prev = oldPrevEnd
	case oldTokPunct:
		wasEnd := s.prev == oldPrevEnd
		s.measurePunct(t)
		if s.ts && t.text == "!" && wasEnd && !newline {
			s.prev = oldPrevEnd // a TypeScript non-null assertion: "a! / 2"
		}
	}
	s.prevWord = ""
}

// startsStatement reports whether t can start a statement.
func (s *oldNestScanner) startsStatement(t oldNestTok) bool {
	switch t.kind {
	case oldTokWord:
		return oldWordFlags(t.text)&oldWordContinuing == 0
	case oldTokValue:
		return !t.template && t.text != "/"
	case oldTokPunct:
		return t.text == "{"
	default:
		return false
	}
}

// atBoundary reports whether a statement ends before the current token,
// given that it can start one.
func (s *oldNestScanner) atBoundary(newline bool) bool {
	return s.prev == oldPrevSemi || s.prev == oldPrevBrace || newline && s.prev == oldPrevEnd
}

// measureWord measures a word: keywords that nest grow a chain.
func (s *oldNestScanner) measureWord(t oldNestTok) {
	w := t.text
	flags := oldWordFlags(w)
	if w[0] == '#' {
		s.privateName = true
	}
	if (w == "import" || w == "export") && !s.afterDot {
		s.moduleSyntax = true
	}
	switch {
	case w == "if" && s.prevWord == "else":
		// "else if" recurses once, counted at "else".
	case flags&oldWordStmtChain != 0:
		s.growStmt(t.start)
	case flags&oldWordExprChain != 0, s.ts && flags&oldWordTSChain != 0:
		s.growExpr(1, t.start)
	}
	s.prev = oldPrevEnd
	if flags&oldWordOperator != 0 && !s.afterDot {
		s.prev = oldPrevStart
	}
	s.prevWord = w
}

// measurePunct measures a punctuator: brackets open and close levels,
// ";" and "," end expression chains, operators that nest grow them.
func (s *oldNestScanner) measurePunct(t oldNestTok) {
	switch op := t.text; op {
	case "(", "[":
		if s.prev == oldPrevEnd {
			s.growExpr(1, t.start) // a call or index operation in a chain
		}
		s.push(op[0], op == "(" && oldWordFlags(s.prevWord)&oldWordHeader != 0, t.start)
		s.prev = oldPrevStart
	case "{":
		s.push('{', false, t.start)
		s.prev = oldPrevStart
		if s.enum != nil && s.enum.next {
			s.enumBody()
		}
	case ")", "]", "}":
		top := s.pop()
		s.prev = oldPrevEnd
		if top.header {
			s.prev = oldPrevHeader
		} else if op == "}" {
			s.prev = oldPrevBrace
		}
	case ";":
		s.resetExpr()
		s.prev = oldPrevSemi
	case ",":
		s.resetExpr()
		s.prev = oldPrevStart
	case "++", "--":
		// Postfix after a value, prefix before one: the class stays.
	default:
		if n := oldOpWeight(op, s.prev == oldPrevEnd); n > 0 {
			s.growExpr(n, t.start)
		}
		s.prev = oldPrevStart
	}
}

// oldOpWeight is what operator op adds to the chain; afterValue tells whether
// it follows a value (so "+" and "-" are binary).
func oldOpWeight(op string, afterValue bool) int {
	switch op {
	case "=>":
		return arrowWeight
	case "!", "~", "?", ":", "**", "...", ".", "?.",
		"=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=",
		"&=", "|=", "^=", "&&=", "||=", "??=":
		return 1
	case "+", "-":
		if !afterValue {
			return 1
		}
	case "<", ">", "<=", ">=":
		return 1 // goja parses relational chains recursively; TS type arguments nest
	}
	return 0
}

// resetExpr ends the expression chain of the current level.
func (s *oldNestScanner) resetExpr() {
	top := &s.levels[len(s.levels)-1]
	s.endChain(top)
	s.total -= top.expr
	top.expr = 0
}

// resetStmt ends the statement chain of the current level.
func (s *oldNestScanner) resetStmt() {
	top := &s.levels[len(s.levels)-1]
	s.total -= top.stmt
	top.stmt = 0
}

// growExpr adds n to the current level's expression chain.
func (s *oldNestScanner) growExpr(n, at int) {
	s.levels[len(s.levels)-1].expr += n
	s.total += n
	s.check(at)
}

// growStmt adds one to the current level's statement chain.
func (s *oldNestScanner) growStmt(at int) {
	s.levels[len(s.levels)-1].stmt++
	s.total++
	s.check(at)
}

// check records at as the offending offset once the estimate is too high.
func (s *oldNestScanner) check(at int) {
	if s.total > maxNesting && s.tooDeep < 0 {
		s.tooDeep = at
	}
}

// push opens a bracket level.
func (s *oldNestScanner) push(kind byte, header bool, at int) {
	s.levels = append(s.levels, oldNestLevel{kind: kind, header: header})
	s.total++
	s.check(at)
}

// pop closes the innermost bracket and returns it; an unbalanced closing
// bracket closes nothing.
func (s *oldNestScanner) pop() oldNestLevel {
	if len(s.levels) == 1 {
		return oldNestLevel{}
	}
	s.endChain(&s.levels[len(s.levels)-1])
	top := s.levels[len(s.levels)-1]
	s.levels = s.levels[:len(s.levels)-1]
	if top.refs > 0 { // the group is part of an operand of its parent
		parent := &s.levels[len(s.levels)-1]
		parent.fold.extra = oldSaturate(parent.fold.extra + top.refs)
		parent.refs = oldSaturate(parent.refs + top.refs)
	}
	s.total -= 1 + top.expr + top.stmt
	return top
}

// skipSpace skips white space and comments, recording the comments, and
// reports whether they hold a line break.
func (s *oldNestScanner) skipSpace() bool {
	newline := false
	for s.i < len(s.text) {
		switch c := s.text[s.i]; {
		case c == '\n' || c == '\r':
			newline = true
			s.i++
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			s.i++
		case c == 0xE2 && oldLineTerminatorLen(s.text[s.i:]) == 3:
			newline = true
			s.i += 3
		case c == '/' && s.peek() == '/':
			start := s.i
			s.i += 2
			for s.i < len(s.text) && oldLineTerminatorLen(s.text[s.i:]) == 0 {
				s.i++
			}
			s.comments = append(s.comments, source.Comment{Start: start, End: s.i, TextStart: start + 2, TextEnd: s.i})
		case c == '/' && s.peek() == '*':
			start := s.i
			k := bytes.Index(s.text[s.i+2:], []byte("*/"))
			if k < 0 {
				s.i = len(s.text) // unterminated: a syntax error
				return true
			}
			textEnd := s.i + 2 + k
			newline = newline || bytes.ContainsAny(s.text[s.i+2:textEnd], "\n\r\u2028\u2029")
			s.i = textEnd + 2
			s.comments = append(s.comments, source.Comment{Start: start, End: s.i, TextStart: start + 2, TextEnd: textEnd})
		default:
			return newline
		}
	}
	return newline
}

// peek returns the byte after the current one, or 0.
func (s *oldNestScanner) peek() byte {
	if s.i+1 < len(s.text) {
		return s.text[s.i+1]
	}
	return 0
}

// next reads the token at s.i.
func (s *oldNestScanner) next() oldNestTok {
	start := s.i
	c := s.text[s.i]
	switch {
	case c == '\'' || c == '"':
		s.skipString(c)
		return oldNestTok{kind: oldTokValue, text: "'", start: start}
	case c == '`':
		s.i++
		return s.templateText(start, "`")
	case c == '}' && s.levels[len(s.levels)-1].kind == '$':
		s.i++
		return s.templateText(start, "}")
	case c == '/' && s.prev != oldPrevEnd:
		s.skipRegExp()
		return oldNestTok{kind: oldTokValue, text: "/", start: start}
	case oldIsWordByte(c):
		for s.i < len(s.text) && (oldIsWordByte(s.text[s.i]) || oldIsDigit(s.text[s.i])) {
			s.i++
		}
		return oldNestTok{kind: oldTokWord, text: s.src[start:s.i], start: start}
	case oldIsDigit(c) || c == '.' && oldIsDigit(s.peek()):
		for s.i < len(s.text) && (oldIsWordByte(s.text[s.i]) || oldIsDigit(s.text[s.i]) || s.text[s.i] == '.') {
			s.i++
		}
		return oldNestTok{kind: oldTokValue, text: "0", start: start}
	}
	op := oldPunctAt(s.text[s.i:], s.src[s.i:])
	s.i += len(op)
	return oldNestTok{kind: oldTokPunct, text: op, start: start}
}

// skipString skips a '...' or "..." literal; a line break ends an
// unterminated one.
func (s *oldNestScanner) skipString(quote byte) {
	s.i++
	for s.i < len(s.text) {
		switch s.text[s.i] {
		case quote:
			s.i++
			return
		case '\\':
			if oldHasPrefixAt(s.text, s.i+1, "\r\n") {
				s.i++ // a CRLF line continuation
			}
			s.i += 2
		case '\n', '\r':
			return
		default:
			s.i++
		}
	}
}

// oldHasPrefixAt reports whether b holds p at offset i.
func oldHasPrefixAt(b []byte, i int, p string) bool {
	return i <= len(b) && bytes.HasPrefix(b[i:], []byte(p))
}

// templateText skips template text after "`" or "}" (open is which) up to
// the closing "`" or the next "${".
func (s *oldNestScanner) templateText(start int, open string) oldNestTok {
	for s.i < len(s.text) {
		switch s.text[s.i] {
		case '\\':
			s.i += 2
			continue
		case '`':
			s.i++
			if open == "`" {
				return oldNestTok{kind: oldTokValue, text: "`", start: start, template: true}
			}
			return oldNestTok{kind: oldTokTmplTail, text: open, start: start}
		case '$':
			if s.peek() == '{' {
				s.i += 2
				return oldNestTok{kind: oldTokTmplHead, text: open, start: start}
			}
		}
		s.i++
	}
	s.i = len(s.text)
	if open == "`" {
		return oldNestTok{kind: oldTokValue, text: "`", start: start, template: true}
	}
	return oldNestTok{kind: oldTokTmplTail, text: open, start: start}
}

// skipRegExp skips a regular expression literal and its flags; a line break
// ends an unterminated one.
func (s *oldNestScanner) skipRegExp() {
	s.i++
	inClass := false
loop:
	for s.i < len(s.text) {
		switch s.text[s.i] {
		case '\\':
			s.i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				s.i++
				break loop
			}
		case '\n', '\r':
			return
		}
		s.i++
	}
	for s.i < len(s.text) && oldIsWordByte(s.text[s.i]) {
		s.i++
	}
}

// oldPunctuators lists the multi-byte oldPunctuators by their first byte,
// longest first.
var oldPunctuators = [256][]string{
	'>': {">>>=", ">>>", ">>=", ">=", ">>"},
	'<': {"<<=", "<=", "<<"},
	'=': {"===", "=>", "=="},
	'!': {"!==", "!="},
	'*': {"**=", "**", "*="},
	'&': {"&&=", "&&", "&="},
	'|': {"||=", "||", "|="},
	'?': {"??=", "??", "?."},
	'.': {"..."},
	'+': {"++", "+="},
	'-': {"--", "-="},
	'/': {"/="},
	'%': {"%="},
	'^': {"^="},
}

// oldPunctAt returns the punctuator at the start of b (a single byte when no
// longer one matches).
func oldPunctAt(b []byte, src string) string {
	for _, p := range oldPunctuators[b[0]] {
		if strings.HasPrefix(src, p) {
			return p
		}
	}
	return src[:1]
}

// oldIsWordByte reports whether c can be part of an identifier (digits aside):
// ASCII letters, '_', '$', '\\' (escapes), '#' (private names) and every
// byte of a multi-byte UTF-8 sequence.
func oldIsWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' ||
		c == '\\' || c == '#' || c >= 0x80
}

// oldIsDigit reports whether c is an ASCII digit.
func oldIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// oldFoldChain is the string concatenation in progress at one level.
type oldFoldChain struct {
	inOperand bool // an operand has started
	opStart   int  // the offset of its first token
	opaque    bool // it holds an identifier: esbuild does not fold it
	typeMode  bool // TypeScript: a type after "as"/"satisfies" follows
	run       int  // the length of the run of constants joined so far
	extra     int  // TypeScript: the lengths of the enum members it names
}

// oldFoldLiteralWord reports whether w is a word that esbuild turns into a
// string, or an operator that leaves a constant a constant ("void 0" is
// undefined; an identifier after them still marks the operand).
func oldFoldLiteralWord(w string) bool {
	switch w {
	case "true", "false", "null", "undefined", "NaN", "Infinity",
		"typeof", "void", "delete", "new", "await", "yield", "as", "satisfies":
		return true
	}
	return false
}

// oldFoldNeutral reports whether punctuator op binds at least as tightly as
// "+" or is part of an operand: it neither ends a chain nor an operand.
func oldFoldNeutral(op string) bool {
	switch op {
	case "(", "[", "{", ".", "?.", "!", "~", "++", "--", "*", "/", "%", "**", "-", "+":
		return true
	}
	return false
}

// foldToken accounts token t (before it updates s.prev) to the chain of
// the current level.
func (s *oldNestScanner) foldToken(t oldNestTok) {
	lv := &s.levels[len(s.levels)-1]
	c := &lv.fold
	switch t.kind {
	case oldTokTmplTail:
		return // closes an inner level, which pop ended
	case oldTokTmplHead:
		if t.text == "}" {
			return
		}
	case oldTokPunct:
		switch op := t.text; {
		case op == ")" || op == "]" || op == "}":
			return
		case op == "+" && s.prev == oldPrevEnd:
			s.foldOperand(c, t.start, t.start)
			c.typeMode = false
			return
		case c.typeMode || oldFoldNeutral(op):
		default:
			s.endChain(lv)
			return
		}
	case oldTokWord:
		w := t.text
		switch {
		case s.afterDot || c.typeMode:
		case w == "in" || w == "instanceof":
			s.endChain(lv)
			return
		case s.ts && (w == "as" || w == "satisfies"):
			c.typeMode = true
		case !oldFoldLiteralWord(w) && !s.ts:
			s.startOperand(c, t.start)
			c.opaque = true
			return
		}
	case oldTokValue:
	}
	s.startOperand(c, t.start)
	if s.enum != nil {
		if b := s.enum.boundOf(s.tokenName(t)); b > 0 {
			c.extra = oldSaturate(c.extra + b)
			lv.refs = oldSaturate(lv.refs + b)
		}
	}
}

// startOperand starts an operand at offset at unless one is in progress.
func (s *oldNestScanner) startOperand(c *oldFoldChain, at int) {
	if !c.inOperand {
		c.inOperand, c.opStart, c.opaque, c.extra = true, at, false, 0
	}
}

// foldOperand ends the operand that ends at offset end; at is where a
// refusal is reported.
func (s *oldNestScanner) foldOperand(c *oldFoldChain, end, at int) {
	if !c.inOperand {
		return
	}
	c.inOperand = false
	if c.opaque {
		c.run = 0
		return
	}
	n := oldSaturate(end - c.opStart + foldOperandCost + c.extra)
	if c.run > 0 {
		s.foldCost = oldSaturate(s.foldCost + c.run + n)
		if s.foldCost > maxFoldCost && s.foldAt < 0 {
			s.foldAt = at
		}
	}
	c.run = oldSaturate(c.run + n)
}

// endChain ends the chain in progress at level lv: its last operand is
// joined as well.
func (s *oldNestScanner) endChain(lv *oldNestLevel) {
	c := &lv.fold
	if c.inOperand && c.run > 0 {
		s.foldOperand(c, min(s.i, len(s.text)), c.opStart)
	}
	lv.fold = oldFoldChain{}
}

// oldSaturate caps an estimate just over maxFoldCost, so that sums of
// estimates cannot overflow.
func oldSaturate(n int) int { return min(n, maxFoldCost+1) }

// oldEnumScan follows the enums of one pass of the scan.
type oldEnumScan struct {
	known  map[string]int // the estimates of the previous pass, or nil
	bounds map[string]int // the estimates of the members seen so far
	at     map[string]int // the offset of each member's name
	refs   map[string]int // how often each word and string occurs (first pass only)

	next     bool   // "enum" was seen: the next "{" opens its body
	level    []int  // the indexes in levels of the open enum bodies
	expect   bool   // a member's name comes next
	name     string // the member being read
	nameAt   int
	init     bool // its initializer is being read
	acc      int  // the estimate of its value so far
	costlyAt int  // where the costliest inlining is (set by inlineCost)
}

// oldNewEnumScan starts following enums; known holds the estimates of a
// previous pass, if any.
func oldNewEnumScan(known map[string]int) *oldEnumScan {
	e := &oldEnumScan{known: known, bounds: map[string]int{}, at: map[string]int{}}
	if known == nil {
		e.refs = map[string]int{}
	}
	return e
}

// boundOf is the estimated length of the member name, or 0.
func (e *oldEnumScan) boundOf(name string) int {
	if name == "" {
		return 0
	}
	if e.known != nil {
		return e.known[name]
	}
	return e.bounds[name]
}

// long reports whether a member is estimated longer than longMember.
func (e *oldEnumScan) long() bool {
	for _, b := range e.bounds {
		if b > longMember {
			return true
		}
	}
	return false
}

// inlineCost is the estimated length of all the inlined member values.
func (e *oldEnumScan) inlineCost() int {
	total, best := 0, -1
	for name, b := range e.bounds {
		n := e.refs[name]
		c := maxFoldCost + 1
		if n <= (maxFoldCost+1)/max(b, 1) {
			c = n * b
		}
		total = oldSaturate(total + c)
		if c > best || c == best && e.at[name] < e.costlyAt {
			best, e.costlyAt = c, e.at[name]
		}
	}
	return total
}

// costliest is the offset of the member whose inlining costs most (valid
// after inlineCost).
func (e *oldEnumScan) costliest() int { return e.costlyAt }

// tokenName is the name token t gives: a word, or a string's content.
func (s *oldNestScanner) tokenName(t oldNestTok) string {
	switch {
	case t.kind == oldTokWord:
		return t.text
	case t.kind == oldTokValue && t.text == "'" && s.i-t.start >= 2:
		return string(s.text[t.start+1 : s.i-1])
	}
	return ""
}

// enumBody marks the level just opened as the body of an enum.
func (s *oldNestScanner) enumBody() {
	e := s.enum
	e.next = false
	s.levels[len(s.levels)-1].enum = true
	e.level = append(e.level, len(s.levels)-1)
	e.expect, e.init, e.name = true, false, ""
}

// enumToken follows token t (after it was read, before the levels change).
func (s *oldNestScanner) enumToken(t oldNestTok) {
	e := s.enum
	name := s.tokenName(t)
	if e.refs != nil && name != "" {
		e.refs[name]++
	}
	if t.kind == oldTokWord && t.text == "enum" && !s.afterDot {
		e.next = true
		return
	}
	if e.next && t.kind == oldTokPunct && t.text != "{" {
		e.next = false // "enum" was a name after all
	}
	if len(e.level) == 0 {
		return
	}
	top := len(s.levels) - 1
	inner := e.level[len(e.level)-1]
	if top < inner { // the body was closed by a stray bracket
		e.level = e.level[:len(e.level)-1]
		return
	}
	if top == inner {
		switch {
		case t.kind == oldTokPunct && (t.text == "," || t.text == "}"):
			s.endMember()
			e.expect = true
			if t.text == "}" {
				e.level = e.level[:len(e.level)-1]
			}
			return
		case e.expect:
			e.expect, e.name, e.nameAt = false, name, t.start
			return
		case t.kind == oldTokPunct && t.text == "=" && !e.init:
			e.init, e.acc = true, 0
			return
		}
	}
	if !e.init {
		return
	}
	switch {
	case t.kind == oldTokValue && (t.text == "'" || t.template):
		e.acc = oldSaturate(e.acc + s.i - t.start)
	case t.kind == oldTokTmplHead || t.kind == oldTokTmplTail:
		e.acc = oldSaturate(e.acc + s.i - t.start)
	case t.kind == oldTokValue:
		e.acc = oldSaturate(e.acc + enumNumber)
	case t.kind == oldTokWord:
		b := e.boundOf(t.text)
		if b == 0 {
			b = e.bounds[t.text] // an earlier member of this pass
		}
		if b == 0 {
			b = enumName
		}
		e.acc = oldSaturate(e.acc + b)
	}
}

// endMember records the estimate of the member just read.
func (s *oldNestScanner) endMember() {
	e := s.enum
	if e.name == "" {
		e.init = false
		return
	}
	b := enumNumber
	if e.init {
		b = e.acc
	}
	if b > e.bounds[e.name] {
		e.bounds[e.name] = b
	}
	if _, ok := e.at[e.name]; !ok {
		e.at[e.name] = e.nameAt
	}
	if b > maxEnumValue && s.foldAt < 0 {
		s.foldAt = e.nameAt
	}
	e.name, e.init = "", false
}

// oldStrictReserved are the names strict mode code (every module) may not
// bind or reference.
var oldStrictReserved = map[string]bool{
	"await": true, "yield": true, "let": true, "static": true, "implements": true,
	"interface": true, "package": true, "private": true, "protected": true, "public": true,
	"eval": true, "arguments": true,
}

// oldJsReserved are the reserved words, which are no binding names.
var oldJsReserved = map[string]bool{
	"break": true, "case": true, "catch": true, "class": true, "const": true, "continue": true,
	"debugger": true, "default": true, "delete": true, "do": true, "else": true, "enum": true,
	"export": true, "extends": true, "false": true, "finally": true, "for": true, "function": true,
	"if": true, "import": true, "in": true, "instanceof": true, "new": true, "null": true,
	"return": true, "super": true, "switch": true, "this": true, "throw": true, "true": true,
	"try": true, "typeof": true, "var": true, "void": true, "while": true, "with": true,
	"undefined": true, "NaN": true, "Infinity": true,
}

// esmWord handles an "import" or "export" word t of JavaScript (not after
// "." or "?."); newline tells whether a line break precedes it. It reports
// whether it consumed the statement (the caller then measures nothing).
func (s *oldNestScanner) esmWord(t oldNestTok, newline bool) bool {
	if s.esm == nil {
		s.esm = &esmScan{}
	}
	e := s.esm
	if e.unsure {
		return false
	}
	if t.text == "import" && s.peekByte() == '(' {
		e.dyn = append(e.dyn, t.start)
		return false
	}
	saved := *s
	nComments := len(s.comments)
	atStmt := len(s.levels) == 1 && (!s.seenTok || s.prev == oldPrevSemi ||
		newline && (s.prev == oldPrevEnd || s.prev == oldPrevBrace))
	if !atStmt {
		e.unsure = true
		return false
	}
	var ok bool
	if t.text == "import" {
		ok = s.esmImport(t.start)
	} else {
		ok = s.esmExport(t.start)
	}
	if !ok {
		// esbuild reads the file; the scan goes on after the word.
		comments := s.comments[:nComments]
		*s = saved
		s.comments, s.esm.unsure = comments, true
		return false
	}
	return true
}

// peekByte returns the first byte after white space and comments, without
// moving (0 at the end of the text).
func (s *oldNestScanner) peekByte() byte {
	i, n := s.i, len(s.comments)
	s.skipSpace()
	c := byte(0)
	if s.i < len(s.text) {
		c = s.text[s.i]
	}
	s.i, s.comments = i, s.comments[:n]
	return c
}

// esmTok reads the next token inside a module statement; ok is false at
// the end of the text.
func (s *oldNestScanner) esmTok() (t oldNestTok, newline, ok bool) {
	newline = s.skipSpace()
	if s.i >= len(s.text) {
		return oldNestTok{}, newline, false
	}
	s.prev = oldPrevStart
	return s.next(), newline, true
}

// esmIdent reads a plain ASCII identifier (reserved words included).
func (s *oldNestScanner) esmIdent() (string, bool) {
	t, _, ok := s.esmTok()
	if !ok || t.kind != oldTokWord || !oldPlainIdent(t.text) {
		return "", false
	}
	return t.text, true
}

// oldPlainIdent reports whether w is an ASCII identifier.
func oldPlainIdent(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
		if !letter && (i == 0 || !oldIsDigit(c)) {
			return false
		}
	}
	return w != ""
}

// oldBindingName reports whether w can be bound by a module.
func oldBindingName(w string) bool {
	return oldPlainIdent(w) && !oldJsReserved[w] && !oldStrictReserved[w]
}

// esmString reads a string literal; it returns its value and span.
func (s *oldNestScanner) esmString() (string, Span, bool) {
	t, _, ok := s.esmTok()
	if !ok {
		return "", Span{}, false
	}
	return s.stringValue(t)
}

// stringValue decodes the string literal token t that was just read.
func (s *oldNestScanner) stringValue(t oldNestTok) (string, Span, bool) {
	if t.kind != oldTokValue || t.text != "'" {
		return "", Span{}, false
	}
	start, end := t.start, s.i
	if end > len(s.text) || end-start < 2 || s.text[end-1] != s.text[start] {
		// (skipString steps past the end after a final backslash.)
		return "", Span{}, false
	}
	raw := s.text[start+1 : end-1]
	if !utf8.Valid(raw) || bytes.ContainsAny(raw, "\\\n\r") {
		return "", Span{}, false // escapes and invalid UTF-8: esbuild decides
	}
	return string(raw), Span{Start: start, End: end}, true
}

// esmEnd ends a statement after its last token: a ";" is consumed, else
// the next token must be on a later line (or the text must end). It
// returns the end of the statement.
func (s *oldNestScanner) esmEnd() (int, bool) {
	last := s.i
	i, n := s.i, len(s.comments)
	t, newline, ok := s.esmTok()
	switch {
	case !ok:
		return last, true
	case t.kind == oldTokPunct && t.text == ";":
		return s.i, true
	case newline && (t.kind != oldTokWord || t.text != "with" && t.text != "assert"):
		s.i, s.comments = i, s.comments[:n]
		return last, true
	}
	return 0, false
}

// esmImport reads an import statement starting at start.
func (s *oldNestScanner) esmImport(start int) bool {
	st := esmStmt{kind: esmImport, start: start}
	t, _, ok := s.esmTok()
	if !ok {
		return false
	}
	if t.kind != oldTokValue || t.text != "'" {
		if !s.importClause(t, &st) {
			return false
		}
		if w, isWord := s.esmIdent(); !isWord || w != "from" {
			return false
		}
		t, _, ok = s.esmTok()
		if !ok {
			return false
		}
	}
	spec, lit, ok := s.stringValue(t)
	if !ok {
		return false
	}
	st.spec, st.lit = spec, lit
	return s.finish(st)
}

// importClause reads the bindings of an import, t being its first token.
func (s *oldNestScanner) importClause(t oldNestTok, st *esmStmt) bool {
	if t.kind == oldTokWord {
		if !oldBindingName(t.text) {
			return false
		}
		st.names = append(st.names, esmName{local: t.text, exported: "default"})
		if s.peekByte() != ',' {
			return true
		}
		s.esmTok() // ","
		next, _, ok := s.esmTok()
		return ok && s.namedOrStar(next, st)
	}
	return s.namedOrStar(t, st)
}

// namedOrStar reads "* as ns" or "{a, b as c}" of an import.
func (s *oldNestScanner) namedOrStar(t oldNestTok, st *esmStmt) bool {
	if t.kind != oldTokPunct {
		return false
	}
	switch t.text {
	case "*":
		if w, ok := s.esmIdent(); !ok || w != "as" {
			return false
		}
		ns, ok := s.esmIdent()
		if !ok || !oldBindingName(ns) {
			return false
		}
		st.names = append(st.names, esmName{local: ns, exported: "*"})
		return true
	case "{":
		list, ok := s.braceList()
		if !ok {
			return false
		}
		for _, n := range list {
			// In an import, {imported as local}.
			if !oldBindingName(n.exported) {
				return false
			}
			st.names = append(st.names, esmName{local: n.exported, exported: n.local})
		}
		return true
	}
	return false
}

// braceList reads "a, b as c, 'd' as e}" after "{": each entry as (first
// name, second name). String names are allowed on both sides; the callers
// check where they may be.
func (s *oldNestScanner) braceList() ([]esmName, bool) {
	var list []esmName
	for {
		t, _, ok := s.esmTok()
		if !ok {
			return nil, false
		}
		if t.kind == oldTokPunct && t.text == "}" {
			return list, true
		}
		first, ok := s.listName(t)
		if !ok {
			return nil, false
		}
		second := first
		t, _, ok = s.esmTok()
		if ok && t.kind == oldTokWord && t.text == "as" {
			t, _, ok = s.esmTok()
			if !ok {
				return nil, false
			}
			if second, ok = s.listName(t); !ok {
				return nil, false
			}
			t, _, ok = s.esmTok()
		}
		list = append(list, esmName{local: first, exported: second})
		switch {
		case !ok || t.kind != oldTokPunct:
			return nil, false
		case t.text == "}":
			return list, true
		case t.text != ",":
			return nil, false
		}
	}
}

// listName reads one name of a brace list: an ASCII identifier or a
// string without escapes (marked by a leading quote, kept in the value).
func (s *oldNestScanner) listName(t oldNestTok) (string, bool) {
	if t.kind == oldTokWord {
		return t.text, oldPlainIdent(t.text)
	}
	v, _, ok := s.stringValue(t)
	if !ok || strings.HasPrefix(v, "'") {
		return "", false
	}
	return "'" + v, true
}

// oldIsStringName reports whether a brace list name was a string.
func oldIsStringName(n string) bool { return strings.HasPrefix(n, "'") }

// finish ends a statement and records it.
func (s *oldNestScanner) finish(st esmStmt) bool {
	end, ok := s.esmEnd()
	if !ok {
		return false
	}
	st.end = end
	s.esm.stmts = append(s.esm.stmts, st)
	s.prev, s.prevWord, s.seenTok = oldPrevSemi, "", true
	return true
}

// esmExport reads an export statement starting at start.
func (s *oldNestScanner) esmExport(start int) bool {
	at := s.i
	t, _, ok := s.esmTok()
	if !ok {
		return false
	}
	switch {
	case t.kind == oldTokPunct && t.text == "*":
		return s.exportStar(start)
	case t.kind == oldTokPunct && t.text == "{":
		return s.exportList(start)
	case t.kind == oldTokWord && t.text == "default":
		return s.exportDefault(start)
	case t.kind == oldTokWord && (t.text == "var" || t.text == "let" || t.text == "const" ||
		t.text == "function" || t.text == "class"):
	case t.kind == oldTokWord && t.text == "async":
		if nt, newline, ok := s.esmTok(); !ok || newline || nt.kind != oldTokWord || nt.text != "function" {
			return false
		}
	default:
		return false
	}
	s.declaration(esmStmt{kind: esmExportDecl, start: start, end: at, declAt: t.start}, t.start)
	return true
}

// declaration records an export prefix whose declaration follows at at:
// the scan goes on there.
func (s *oldNestScanner) declaration(st esmStmt, at int) {
	s.esm.stmts = append(s.esm.stmts, st)
	s.i = at
	for len(s.comments) > 0 && s.comments[len(s.comments)-1].Start >= at {
		s.comments = s.comments[:len(s.comments)-1]
	}
	s.prev, s.prevWord, s.seenTok = oldPrevSemi, "", true
}

// exportStar reads the rest of "export * from 'x'" or "export * as ns from 'x'".
func (s *oldNestScanner) exportStar(start int) bool {
	st := esmStmt{kind: esmExportStar, start: start}
	w, ok := s.esmIdent()
	if ok && w == "as" {
		t, _, more := s.esmTok()
		if !more {
			return false
		}
		name, valid := s.listName(t)
		if !valid {
			return false
		}
		st.kind = esmExportStarAs
		st.names = []esmName{{local: "*", exported: name}}
		w, ok = s.esmIdent()
	}
	if !ok || w != "from" {
		return false
	}
	spec, lit, ok := s.esmString()
	if !ok {
		return false
	}
	st.spec, st.lit = spec, lit
	return s.finish(st)
}

// exportList reads the rest of "export {a, b as c}" or "export {…} from 'x'".
func (s *oldNestScanner) exportList(start int) bool {
	st := esmStmt{kind: esmExportList, start: start}
	list, ok := s.braceList()
	if !ok {
		return false
	}
	st.names = list
	if s.peekByte() == 'f' {
		if w, ok := s.esmIdent(); !ok || w != "from" {
			return false
		}
		spec, lit, ok := s.esmString()
		if !ok {
			return false
		}
		st.kind, st.spec, st.lit = esmExportFrom, spec, lit
	} else {
		for _, n := range list {
			if oldIsStringName(n.local) || !oldBindingName(n.local) {
				return false
			}
		}
	}
	return s.finish(st)
}

// exportDefault reads what follows "export default" (which ends at s.i).
func (s *oldNestScanner) exportDefault(start int) bool {
	prefixEnd := s.i
	if bytes.ContainsAny(s.text[start:prefixEnd], "\n\r\u2028\u2029") {
		return false
	}
	i, n := s.i, len(s.comments)
	t, newline, ok := s.esmTok()
	if !ok {
		return false
	}
	st := esmStmt{kind: esmExportDefault, start: start, end: prefixEnd, declAt: t.start, rename: "var " + esmDefaultVar + "="}
	keyword := ""
	switch {
	case t.kind == oldTokWord && (t.text == "function" || t.text == "class"):
		keyword = t.text
	case t.kind == oldTokWord && t.text == "async" && !newline:
		if nt, nl, ok := s.esmTok(); ok && !nl && nt.kind == oldTokWord && nt.text == "function" {
			keyword = "async function"
		}
	}
	if keyword == "" { // an expression
		s.i, s.comments = i, s.comments[:n]
		s.esm.stmts = append(s.esm.stmts, st)
		s.prev, s.prevWord, s.seenTok = oldPrevStart, "", true
		return true
	}
	st.kind = esmExportDefDecl
	if keyword != "class" && s.peekByte() == '*' {
		s.esmTok()
		keyword = strings.Replace(keyword, "function", "function*", 1)
	}
	kwEnd := s.i
	if c := s.peekByte(); c == '(' || keyword == "class" && (c == '{' || c == 'e') {
		// Anonymous: name it, keeping a declaration.
		if bytes.ContainsAny(s.text[start:kwEnd], "\n\r\u2028\u2029") {
			return false
		}
		if c == 'e' {
			if w, ok := s.esmIdent(); !ok || w != "extends" {
				return false
			}
		}
		st.end, st.rename = kwEnd, keyword+" "+esmDefaultVar
	} else {
		st.rename = ""
	}
	s.declaration(st, t.start)
	return true
}
