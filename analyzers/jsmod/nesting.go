package jsmod

import (
	"bytes"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// Guard against pathological nesting.
//
// goja's and esbuild's parsers are recursive descent parsers without a depth
// limit, and Go cannot recover from a stack overflow. Experiments found that
// esbuild overflows its 1 GB stack on 100,000 nested "!", "if (a)" or
// ".b(c)" links (a 500 KB file), goja on 1,000,000 nested "(" (goja also
// parses "a < b < c ..." and "instanceof"/"in" chains recursively), and
// that esbuild needs time that grows with the cube of the depth of nested
// arrows ("x=>x=>..."). So before parsing, a cheap linear scan estimates how
// deeply the parsers will recurse and rejects the file when the estimate
// exceeds maxNesting.
//
// The estimate is the bracket depth ( "(", "[", "{" and "${" ) plus, for
// every open bracket level, the length of the chains of tokens that make the
// parsers recurse without brackets:
//
//   - expression chains: prefix operators, assignment operators, "?", ":",
//     "**", "...", "=>" (weighted, see arrowWeight), relational operators
//     ("<" also nests TypeScript type arguments), member accesses, calls,
//     index operations and tagged templates, "typeof", "void", "delete",
//     "await", "new", "yield", "extends", "instanceof", "in", and in
//     TypeScript "keyof", "infer", "readonly", "unique"; reset by ";" and
//     "," and at statement boundaries;
//   - statement chains: "if", "for", "while", "with", "do", "else" ("else
//     if" counts once); reset at statement boundaries only, so that
//     "if (a) b; else if (c) d; else ..." keeps growing.
//
// A statement boundary is a token that can start a statement (a word other
// than else/in/instanceof/of/as/satisfies/extends/implements, "{", a number
// or a string) right after ";", after "}", or after a line break that
// follows the end of an expression (automatic semicolon insertion). In each
// of these cases the parsers really have finished the statement, so the
// reset cannot hide recursion. Left-associative operators ("+", "&&", ","
// ...) are parsed iteratively by both parsers and walked iteratively here,
// so they do not count. Strings, comments, template text and regular
// expressions are skipped; the scan never fails, it only measures.
//
// The scan also records the comments of the file (Module.Comments): it is
// the one pass over the original text, whereas ES modules and TypeScript
// are parsed only after esbuild's transform, which drops comments. So the
// tokens that may hold "//" or "/*" are skipped as a lexer would: string
// literals (with line continuations, CRLF ones included), template text,
// and regular expression literals, told from division by the previous
// token: "/" starts a regular expression unless it follows a value, a
// name, ")" or "]" (a ")" closing an if/for/while/with header, a "}" and
// keywords such as "return" or "typeof" do not count as values; a keyword
// after "." or "?." is a property name and does; in TypeScript so does a
// non-null "!" right after a value). The one guess is "}": a "/" after it
// is taken to start a regular expression, right after a block and wrong
// after an object literal or function expression, where a division is
// rare. A leading BOM and a "#!" line are skipped.
//
// The scan also estimates what esbuild spends joining string
// concatenations (see fold.go): it joins "a" + "b" + … one operand at a
// time, copying the string built so far each time, which is quadratic in
// the length of the chain. Files that goja parses never reach esbuild, so
// that estimate only refuses files on the esbuild path (scanResult.tooCostly).

const (
	// maxNesting bounds the estimated recursion depth of the parsers. At
	// esbuild's worst measured cost (about 10 KB of stack per level) it
	// keeps the stack far below Go's 1 GB limit, and it is far above what
	// hand-written or generated code needs.
	maxNesting = 2000
	// arrowWeight is what one "=>" adds: esbuild takes cubic time in the
	// depth of nested arrows (1000 levels take seconds), so at most
	// maxNesting/arrowWeight nested arrows are accepted.
	arrowWeight = 10
)

// errTooDeep is the message key of the SyntaxError for rejected input.
const errTooDeep = "js.too-deep"

// errFoldTooLong is the message key of the SyntaxError for a file whose
// string concatenations esbuild cannot join at a bounded cost.
const errFoldTooLong = "js.fold-too-long"

// scanResult is what the scan found.
type scanResult struct {
	// tooDeep is the offset at which the text nests too deeply to be
	// parsed safely, or -1.
	tooDeep int
	// moduleSyntax is set when an "import" or "export" keyword was seen
	// (not as a property name after "."): goja would reject the file.
	moduleSyntax bool
	// comments are the line and block comments in source order, with
	// offsets into the text; an unterminated block comment is left out.
	// They are complete only when tooDeep is -1.
	comments []source.Comment
	// esm holds the module statements of JavaScript (nil in TypeScript and
	// in files without import or export); see esm.go.
	esm *esmScan
	// tooCostly is the offset of the string concatenation at which the
	// estimated cost of esbuild's joining exceeds maxFoldCost, or -1.
	tooCostly int
	// src is the text as a string, for the parser.
	src string
}

// scanText measures the nesting of text; see the comment at the top.
func scanText(text []byte, typeScript bool) scanResult {
	src := string(text)
	s := scanPass(text, src, typeScript, nil)
	if s.tooDeep < 0 && s.foldAt < 0 && s.enum != nil && s.enum.inlineCost() > maxFoldCost {
		s.foldAt = s.enum.costliest()
	}
	if s.tooDeep < 0 && s.foldAt < 0 && s.enum != nil && s.enum.long() {
		// Members may be used before their enum: estimate the joining
		// again, knowing every member's length from the start.
		s.foldAt = scanPass(text, src, typeScript, s.enum.bounds).foldAt
	}
	if s.esm != nil && s.privateName {
		s.esm.unsure = true
	}
	return scanResult{tooDeep: s.tooDeep, moduleSyntax: s.moduleSyntax, comments: s.comments, tooCostly: s.foldAt, esm: s.esm, src: src}
}

// scanPass runs the scan once; known, when set, holds the estimated
// lengths of the enum members of a previous pass.
func scanPass(text []byte, src string, typeScript bool, known map[string]int) *nestScanner {
	s := &nestScanner{text: text, src: src, ts: typeScript, tooDeep: -1, foldAt: -1}
	s.levels = s.levelBuf[:1]
	s.fold = typeScript || needFold(text)
	if typeScript {
		s.enum = newEnumScan(known)
	}
	s.skipPrologue()
	for s.tooDeep < 0 {
		// White space inline, comments through skipSpace.
		i, newline := s.i, false
	space:
		for i < len(text) {
			switch byteClass[text[i]] {
			case cSpace:
				i++
			case cNewline:
				newline = true
				i++
			case cE2, cSlash:
				s.i = i
				if s.skipSpace() {
					newline = true
				}
				i = s.i
				break space
			default:
				break space
			}
		}
		s.i = i
		if i >= len(text) {
			break
		}
		t := s.next()
		s.measure(t, newline)
	}
	s.endChain(&s.levels[len(s.levels)-1])
	return s
}

// skipPrologue skips a leading BOM and a "#!" line after it.
func (s *nestScanner) skipPrologue() {
	if bytes.HasPrefix(s.text, utf8BOM) {
		s.i = len(utf8BOM)
	}
	if bytes.HasPrefix(s.text[s.i:], []byte("#!")) {
		for s.i < len(s.text) && lineTerminatorLen(s.text[s.i:]) == 0 {
			s.i++
		}
	}
}

// lineTerminatorLen returns the length of the JavaScript line terminator
// at the start of b ("\n", "\r", U+2028 or U+2029), or 0. "\r\n" counts
// as "\r".
func lineTerminatorLen(b []byte) int {
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

// checkNesting returns the offset at which text nests too deeply to be
// parsed safely, or -1 when it does not.
func checkNesting(text []byte, typeScript bool) int {
	return scanText(text, typeScript).tooDeep
}

// nestLevel is one open bracket with its chains.
// (The fields are ordered so that the bytes pack together: a level is
// written at every bracket.)
type nestLevel struct {
	expr int // length of the expression chain
	stmt int // length of the statement chain
	// fold is the string concatenation in progress at this level.
	fold foldChain
	// refs sums the estimated lengths of the enum members named inside
	// the level (see enum.go).
	refs int
	kind byte // '(', '[', '{', '$' (template substitution) or 0 (file)
	// header marks a "(" opened right after if/for/while/with.
	header bool
	// enum marks the body of a TypeScript enum.
	enum bool
}

// prevClass classifies the previous significant token.
type prevClass int

const (
	prevStart  prevClass = iota // start of file, or an operator-like token
	prevEnd                     // ends an expression: a value, ")", "]"
	prevHeader                  // ")" closing an if/for/while/with header
	prevSemi                    // ";"
	prevBrace                   // "}"
)

// tokKind is the kind of a token seen by the nesting scanner.
type tokKind uint8

const (
	tokWord     tokKind = iota // identifier or keyword
	tokValue                   // number, string, regular expression, whole template
	tokTmplHead                // "`...${" or "}...${" (template text before a substitution)
	tokTmplTail                // "}...`" (template text after the last substitution)
	tokPunct                   // punctuator
)

// nestTok is one token: its kind, text (words and punctuators) and offset.
// It has at most four fields, so that the compiler keeps it in registers
// (a larger struct goes through memory, with a store-forwarding stall
// where it is copied).
type nestTok struct {
	text  string
	start int
	kind  tokKind
	// code is the punctuator of a tokPunct (op) or the classes of a
	// tokWord (flags).
	code uint16
}

// op is the punctuator of a tokPunct.
func (t nestTok) op() punct { return punct(t.code) }

// flags are the classes of a tokWord (wordFlags).
func (t nestTok) flags() wordFlag { return wordFlag(t.code) }

// template reports whether t is a whole template literal.
func (t nestTok) template() bool { return t.kind == tokValue && t.text == "`" }

// nestScanner measures nesting; see the comment at the top of the file.
type nestScanner struct {
	text []byte
	// src is text as a string: words are slices of it, not copies (keep
	// a word past the scan with strings.Clone).
	src    string
	ts     bool
	i      int
	levels []nestLevel
	// levelBuf holds the first levels (no allocation of their own).
	levelBuf [8]nestLevel
	total    int // the estimate: bracket depth plus all chains
	prev     prevClass
	// prevFlags are the classes of the previous token when it was a
	// word, else 0.
	prevFlags wordFlag
	tooDeep   int // offset where the estimate first exceeded maxNesting, or -1
	// moduleSyntax: see scanResult.
	moduleSyntax bool
	// afterDot is set when the previous token was "." or "?.".
	afterDot bool
	// fold is set when the string concatenations are followed (see
	// needFold); otherwise foldAt stays -1 whatever they are.
	fold bool
	// comments: see scanResult.
	comments []source.Comment
	// foldCost is the estimated cost of esbuild's string joining so far;
	// foldAt is where it first exceeded maxFoldCost, or -1.
	foldCost, foldAt int
	// enum follows TypeScript enums (nil in JavaScript); see enum.go.
	enum *enumScan
	// privateName is set by a word starting with "#": goja accepts "#0"
	// and private names outside their class (see esm.go).
	privateName bool
	// seenTok is set once a token has been measured.
	seenTok bool
	// esm: see scanResult.
	esm *esmScan
}

// wordFlag classifies keywords for the scan (wordFlags).
type wordFlag uint16

const (
	// wordContinuing words continue an expression or statement rather
	// than start a new one ("else" continues an if statement).
	wordContinuing wordFlag = 1 << iota
	// wordExprChain words make the parsers recurse within an expression.
	wordExprChain
	// wordStmtChain words make the parsers recurse from statement to
	// statement.
	wordStmtChain
	// wordTSChain words are TypeScript type operators that nest.
	wordTSChain
	// wordHeader words are followed by a parenthesized header.
	wordHeader
	// wordOperator words are keywords after which an expression is
	// expected, so a "/" after them starts a regular expression.
	wordOperator
	// wordModule: "import" and "export".
	wordModule
	// wordElse: "else"; wordIf: "if".
	wordElse
	wordIf
	// wordRelation: "in" and "instanceof", which end a string
	// concatenation (fold.go).
	wordRelation
	// wordTypeAfter: "as" and "satisfies", after which a TypeScript type
	// follows (fold.go).
	wordTypeAfter
	// wordFoldLiteral words are turned into strings by esbuild or leave a
	// constant a constant (fold.go).
	wordFoldLiteral
)

// wordFlags returns the classes of word w (a switch: no hashing on the
// scan's hot path).
func wordFlags(w string) wordFlag {
	if len(w) < 2 || len(w) > 10 || !keywordStart[w[0]] {
		return 0
	}
	switch w {
	case "as":
		return wordContinuing | wordOperator | wordTypeAfter | wordFoldLiteral
	case "await":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "case":
		return wordOperator
	case "catch":
		return wordOperator
	case "class":
		return wordOperator
	case "const":
		return wordOperator
	case "default":
		return wordOperator
	case "delete":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "do":
		return wordStmtChain | wordOperator
	case "else":
		return wordContinuing | wordStmtChain | wordOperator | wordElse
	case "export":
		return wordOperator | wordModule
	case "extends":
		return wordContinuing | wordExprChain | wordOperator
	case "finally":
		return wordOperator
	case "for":
		return wordStmtChain | wordHeader | wordOperator
	case "function":
		return wordOperator
	case "if":
		return wordStmtChain | wordHeader | wordOperator | wordIf
	case "implements":
		return wordContinuing
	case "import":
		return wordOperator | wordModule
	case "in":
		return wordContinuing | wordExprChain | wordOperator | wordRelation
	case "infer":
		return wordTSChain
	case "instanceof":
		return wordContinuing | wordExprChain | wordOperator | wordRelation
	case "keyof":
		return wordTSChain | wordOperator
	case "let":
		return wordOperator
	case "new":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "of":
		return wordContinuing | wordOperator
	case "readonly":
		return wordTSChain
	case "return":
		return wordOperator
	case "satisfies":
		return wordContinuing | wordTypeAfter | wordFoldLiteral
	case "switch":
		return wordOperator
	case "throw":
		return wordOperator
	case "try":
		return wordOperator
	case "typeof":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "unique":
		return wordTSChain
	case "var":
		return wordOperator
	case "void":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "while":
		return wordStmtChain | wordHeader | wordOperator
	case "with":
		return wordStmtChain | wordHeader | wordOperator
	case "yield":
		return wordExprChain | wordOperator | wordFoldLiteral
	case "true", "false", "null", "undefined", "NaN", "Infinity":
		return wordFoldLiteral
	}
	return 0
}

// measure updates the estimate for token t; newline tells whether a line
// break precedes it. (One function for every kind of token: the calls
// cost more than their work.)
func (s *nestScanner) measure(t nestTok, newline bool) {
	if t.kind == tokWord && t.flags()&wordModule != 0 && !s.ts && !s.afterDot {
		s.moduleSyntax = true
		if s.esmWord(t, newline) {
			s.afterDot = false
			return
		}
	}
	// A statement boundary: see the comment at the top.
	if s.prev == prevSemi || s.prev == prevBrace || newline && s.prev == prevEnd {
		if s.startsStatement(t) {
			s.resetExpr()
			s.resetStmt()
		}
	}
	if s.fold {
		s.foldToken(t)
	}
	if s.enum != nil {
		s.enumToken(t)
	}
	s.seenTok = true
	switch t.kind {
	case tokWord:
		// Keywords that nest grow a chain.
		flags := t.flags()
		if t.text[0] == '#' {
			s.privateName = true
		}
		afterDot := s.afterDot
		s.afterDot = false
		if flags != 0 {
			if flags&wordModule != 0 && !afterDot {
				s.moduleSyntax = true
			}
			switch {
			case flags&wordIf != 0 && s.prevFlags&wordElse != 0:
				// "else if" recurses once, counted at "else".
			case flags&wordStmtChain != 0:
				s.growStmt(t.start)
			case flags&wordExprChain != 0, s.ts && flags&wordTSChain != 0:
				s.growExpr(1, t.start)
			}
		}
		s.prev = prevEnd
		if flags&wordOperator != 0 && !afterDot {
			s.prev = prevStart
		}
		s.prevFlags = flags
		return
	case tokPunct:
		s.afterDot = false
		s.measurePunct(t, newline)
	case tokValue:
		s.afterDot = false
		if s.prev == prevEnd && t.text == "`" {
			s.growExpr(1, t.start) // tagged template in a chain
		}
		s.prev = prevEnd
	case tokTmplHead:
		s.afterDot = false
		if t.text == "`" && s.prev == prevEnd {
			s.growExpr(1, t.start)
		}
		if t.text == "}" {
			s.pop()
		}
		s.push('$', false, t.start)
		s.prev = prevStart
	case tokTmplTail:
		s.afterDot = false
		s.pop()
		s.prev = prevEnd
	}
	s.prevFlags = 0
}

// startsStatement reports whether t can start a statement.
func (s *nestScanner) startsStatement(t nestTok) bool {
	switch t.kind {
	case tokWord:
		return t.flags()&wordContinuing == 0
	case tokValue:
		return t.text != "`" && t.text != "/"
	case tokPunct:
		return t.op() == pLBrace
	default:
		return false
	}
}

// measurePunct measures a punctuator: brackets open and close levels,
// ";" and "," end expression chains, operators that nest grow them.
func (s *nestScanner) measurePunct(t nestTok, newline bool) {
	wasEnd := s.prev == prevEnd
	switch op := t.op(); op {
	case pLParen, pLBrack:
		if wasEnd {
			s.growExpr(1, t.start) // a call or index operation in a chain
		}
		s.push(t.text[0], op == pLParen && s.prevFlags&wordHeader != 0, t.start)
		s.prev = prevStart
	case pLBrace:
		s.push('{', false, t.start)
		s.prev = prevStart
		if s.enum != nil && s.enum.next {
			s.enumBody()
		}
	case pRParen, pRBrack, pRBrace:
		header := s.popHeader()
		s.prev = prevEnd
		if header {
			s.prev = prevHeader
		} else if op == pRBrace {
			s.prev = prevBrace
		}
	case pSemi:
		s.resetExpr()
		s.prev = prevSemi
	case pComma:
		s.resetExpr()
		s.prev = prevStart
	case pInc, pDec:
		// Postfix after a value, prefix before one: the class stays.
	case pDot, pOptDot:
		s.growExpr(1, t.start)
		s.prev = prevStart
		s.afterDot = true
	default:
		if n := opWeight(op, wasEnd); n > 0 {
			s.growExpr(n, t.start)
		}
		s.prev = prevStart
		if s.ts && op == pNot && wasEnd && !newline {
			s.prev = prevEnd // a TypeScript non-null assertion: "a! / 2"
		}
	}
}

// opWeight is what operator op adds to the chain; afterValue tells whether
// it follows a value (so "+" and "-" are binary).
func opWeight(op punct, afterValue bool) int {
	if (op == pPlus || op == pMinus) && !afterValue {
		return 1
	}
	return int(punctWeight[op]) // goja parses relational chains recursively; TS type arguments nest
}

// resetExpr ends the expression chain of the current level.
func (s *nestScanner) resetExpr() {
	top := &s.levels[len(s.levels)-1]
	if s.fold {
		s.endChain(top)
	}
	s.total -= top.expr
	top.expr = 0
}

// resetStmt ends the statement chain of the current level.
func (s *nestScanner) resetStmt() {
	top := &s.levels[len(s.levels)-1]
	s.total -= top.stmt
	top.stmt = 0
}

// growExpr adds n to the current level's expression chain.
func (s *nestScanner) growExpr(n, at int) {
	s.levels[len(s.levels)-1].expr += n
	s.total += n
	if s.total > maxNesting {
		s.check(at)
	}
}

// growStmt adds one to the current level's statement chain.
func (s *nestScanner) growStmt(at int) {
	s.levels[len(s.levels)-1].stmt++
	s.total++
	if s.total > maxNesting {
		s.check(at)
	}
}

// check records at as the offending offset once the estimate is too high.
func (s *nestScanner) check(at int) {
	if s.total > maxNesting && s.tooDeep < 0 {
		s.tooDeep = at
	}
}

// push opens a bracket level.
func (s *nestScanner) push(kind byte, header bool, at int) {
	s.levels = append(s.levels, nestLevel{kind: kind, header: header})
	s.total++
	if s.total > maxNesting {
		s.check(at)
	}
}

// pop closes the innermost bracket; an unbalanced closing bracket closes
// nothing.
func (s *nestScanner) pop() {
	s.popHeader()
}

// popHeader closes the innermost bracket like pop and reports whether it
// was a header's "(".
func (s *nestScanner) popHeader() bool {
	n := len(s.levels) - 1
	if n == 0 {
		return false
	}
	top := &s.levels[n]
	if s.fold {
		s.endChain(top)
	}
	header, refs := top.header, top.refs
	s.total -= 1 + top.expr + top.stmt
	s.levels = s.levels[:n]
	if refs > 0 { // the group is part of an operand of its parent
		parent := &s.levels[n-1]
		parent.fold.extra = saturate(parent.fold.extra + refs)
		parent.refs = saturate(parent.refs + refs)
	}
	return header
}

// skipSpace skips white space and comments, recording the comments, and
// reports whether they hold a line break.
func (s *nestScanner) skipSpace() bool {
	text := s.text
	i := s.i
	newline := false
	for i < len(text) {
		switch byteClass[text[i]] {
		case cSpace:
			i++
		case cNewline:
			newline = true
			i++
		case cE2:
			if !isLineSep(text, i) {
				s.i = i
				return newline
			}
			newline = true
			i += 3
		case cSlash:
			if i+1 >= len(text) {
				s.i = i
				return newline
			}
			switch text[i+1] {
			case '/':
				start := i
				i += 2
				for i < len(text) {
					if c := text[i]; commentStop[c] && (c != 0xE2 || isLineSep(text, i)) {
						break
					}
					i++
				}
				s.comments = append(s.comments, source.Comment{Start: start, End: i, TextStart: start + 2, TextEnd: i})
			case '*':
				start := i
				k := bytes.Index(text[i+2:], []byte("*/"))
				if k < 0 {
					s.i = len(text) // unterminated: a syntax error
					return true
				}
				textEnd := i + 2 + k
				newline = newline || hasLineBreak(text[i+2:textEnd])
				i = textEnd + 2
				s.comments = append(s.comments, source.Comment{Start: start, End: i, TextStart: start + 2, TextEnd: textEnd})
			default:
				s.i = i
				return newline
			}
		default:
			s.i = i
			return newline
		}
	}
	s.i = i
	return newline
}

// next reads the token at s.i.
func (s *nestScanner) next() nestTok {
	text := s.text
	start := s.i
	c := text[start]
	switch byteClass[c] {
	case cWord, cE2:
		i := start + 1
		for i < len(text) && wordPart[text[i]] {
			i++
		}
		s.i = i
		w := s.src[start:i]
		return nestTok{kind: tokWord, text: w, start: start, code: uint16(wordFlags(w))}
	case cQuote:
		s.skipString(c)
		return nestTok{kind: tokValue, text: "'", start: start}
	case cBacktick:
		s.i++
		return s.templateText(start, "`")
	case cSingle:
		s.i = start + 1
		return nestTok{kind: tokPunct, text: s.src[start : start+1], start: start, code: uint16(singlePunct[c])}
	case cBrace:
		s.i = start + 1
		if s.levels[len(s.levels)-1].kind == '$' {
			return s.templateText(start, "}")
		}
		return nestTok{kind: tokPunct, text: s.src[start : start+1], start: start, code: uint16(pRBrace)}
	case cSlash:
		if s.prev != prevEnd {
			s.skipRegExp()
			return nestTok{kind: tokValue, text: "/", start: start}
		}
	case cDigit:
		s.skipNumber()
		return nestTok{kind: tokValue, text: "0", start: start}
	case cDot:
		if start+1 < len(text) && isDigit(text[start+1]) {
			s.skipNumber()
			return nestTok{kind: tokValue, text: "0", start: start}
		}
	}
	op, n := punctAt(text[start:])
	s.i = start + n
	return nestTok{kind: tokPunct, text: s.src[start:s.i], start: start, code: uint16(op)}
}

// skipNumber skips a number (with the words and dots that follow it).
func (s *nestScanner) skipNumber() {
	i := s.i
	for i < len(s.text) && numberPart[s.text[i]] {
		i++
	}
	s.i = i
}

// skipString skips a '...' or "..." literal; a line break ends an
// unterminated one.
func (s *nestScanner) skipString(quote byte) {
	text := s.text
	i := s.i + 1
	for i < len(text) {
		c := text[i]
		if !stringStop[c] {
			i++
			continue
		}
		switch c {
		case quote:
			s.i = i + 1
			return
		case '\\':
			if i+2 < len(text) && text[i+1] == '\r' && text[i+2] == '\n' {
				i++ // a CRLF line continuation
			}
			i += 2
		case '\n', '\r':
			s.i = i
			return
		default:
			i++
		}
	}
	s.i = i
}

// templateText skips template text after "`" or "}" (open is which) up to
// the closing "`" or the next "${".
func (s *nestScanner) templateText(start int, open string) nestTok {
	text := s.text
	i := s.i
	for i < len(text) {
		if !templateStop[text[i]] {
			i++
			continue
		}
		switch text[i] {
		case '\\':
			i += 2
			continue
		case '`':
			s.i = i + 1
			if open == "`" {
				return nestTok{kind: tokValue, text: "`", start: start}
			}
			return nestTok{kind: tokTmplTail, text: open, start: start}
		case '$':
			if i+1 < len(text) && text[i+1] == '{' {
				s.i = i + 2
				return nestTok{kind: tokTmplHead, text: open, start: start}
			}
		}
		i++
	}
	s.i = len(text)
	if open == "`" {
		return nestTok{kind: tokValue, text: "`", start: start}
	}
	return nestTok{kind: tokTmplTail, text: open, start: start}
}

// skipRegExp skips a regular expression literal and its flags; a line break
// ends an unterminated one.
func (s *nestScanner) skipRegExp() {
	text := s.text
	i := s.i + 1
	inClass := false
loop:
	for i < len(text) {
		switch text[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				i++
				break loop
			}
		case '\n', '\r':
			s.i = i
			return
		}
		i++
	}
	for i < len(text) && isWordByte(text[i]) {
		i++
	}
	s.i = i
}

// isWordByte reports whether c can be part of an identifier (digits aside):
// ASCII letters, '_', '$', '\\' (escapes), '#' (private names) and every
// byte of a multi-byte UTF-8 sequence.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' ||
		c == '\\' || c == '#' || c >= 0x80
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
