package jsmod

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// esm.go reads the ES modules of plain JavaScript without esbuild.
//
// The module syntax of a mini-program file is a handful of import and
// export statements; the rest is JavaScript goja parses. The pre-scan (see
// nesting.go) recognizes those statements at the top level of the file and
// records their specifiers, bindings and exported names with their offsets
// (esmScan). The text goja parses is the original one with every module
// statement blanked to the same length: its bytes become spaces, line
// terminators stay, and a ";" ends each blanked statement so that the
// code around it parses as it did (automatic semicolon insertion). What
// follows "export" in a declaration ("export const x = 1", "export function
// f() {}", "export class C {}") stays. "export default" becomes the
// same-length "var $fpc_dflt=", or, before an anonymous function or class,
// "function $fpc_dflt" (so that it stays a declaration), and the "import"
// of import(x) becomes the identifier "$fpc_i". Offsets and lines are
// unchanged, so the facts goja's tree gives need no mapping; the module
// statements' facts (dependencies, exports) come from the scan and are
// resolved against the tree as esbuild's output would be.
//
// The path is taken only when it is certain to give what the esbuild path
// gives; otherwise the file goes through esbuild as before (see
// parseTransformed), which also reports the syntax errors of malformed
// module statements with esbuild's messages and positions. So the scan
// gives up (esmScan.unsure) on anything but the plain forms: import and
// export away from the top level or not at a statement boundary,
// import.meta, import attributes, non-ASCII or reserved binding names,
// duplicate bindings or exports, export {x} of a name the file does not
// declare once at its top level, a file that already holds "$fpc_", a
// BOM or a "#!" line, a private name (goja accepts "#0", and private
// names outside their class). After goja has parsed the blanked text, the path
// also gives up when goja refuses it, when a blanked statement is not
// where the tree says, and on what a module's strict mode forbids and
// goja (which does not implement strict mode) accepts: with, legacy octal
// literals and escapes, delete of a name, duplicate parameters, reserved
// words of strict mode and await as names, eval and arguments as targets;
// on "const x" without a value, which goja accepts; and on a "+" of
// constants holding a string, or a template whose substitutions are all
// constants, which esbuild folds into one string: require('./a' + '.js')
// is a dependency on the esbuild path (strictFinder).

// One difference is intentional: goja's parser does not make some checks
// esbuild makes (redeclared names, two constructors in a class,
// new.target or super out of place, a repeated __proto__, a function
// declaration as the body of an if, an unterminated regular expression, a
// shorthand default "{a = 1}" outside a pattern...). The plain JavaScript
// path has always accepted such files; the ES module path now accepts them
// too, where the esbuild path reported a syntax error. FuzzESMPaths lists
// these errors (gojaLenient) and compares everything else. Another: the
// esbuild path ends some export spans early (a regular expression or a
// template literal ends at a source map segment inside it, and esbuild
// prints {a: a} as {a}); the ES module path ends them where the node ends,
// as the plain JavaScript path does.

// esmStmtKind is the form of one module statement.
type esmStmtKind int

const (
	esmImport        esmStmtKind = iota // import ... from "x", import "x"
	esmExportFrom                       // export {...} from "x"
	esmExportStar                       // export * from "x"
	esmExportStarAs                     // export * as ns from "x"
	esmExportList                       // export {...}
	esmExportDecl                       // export var|let|const|function|async function|class
	esmExportDefault                    // export default <expression>
	esmExportDefDecl                    // export default function|class (named or not)
)

// esmName is one binding of an import ("local", imported) or one name of an
// export list (local, "exported").
type esmName struct{ local, exported string }

// esmStmt is one module statement found by the scan.
type esmStmt struct {
	kind esmStmtKind
	// start and end span the statement; end is after its ";" when it has
	// one. For esmExportDecl, esmExportDefault and esmExportDefDecl, end
	// is the end of the blanked prefix ("export", "export default").
	start, end int
	// spec and lit are the specifier and its literal (import, from).
	spec string
	lit  Span
	// names are the bindings of an import or the names of an export list.
	names []esmName
	// declAt is the offset of the declaration after the prefix.
	declAt int
	// rename is the replacement of the prefix ("" blanks it).
	rename string
}

// esmScan is what the pre-scan found of the module statements.
type esmScan struct {
	stmts []esmStmt
	// dyn are the offsets of the "import" of import(x).
	dyn []int
	// unsure is set when the esbuild path must read the file.
	unsure bool
}

// The names the blanked text introduces; a file holding esmReserved is
// left to esbuild.
const (
	esmReserved   = "$fpc_"
	esmDefaultVar = "$fpc_dflt"
	esmImportName = "$fpc_i"
)

// strictReserved reports whether w is one of the names strict mode code
// (every module) may not bind or reference. (A switch: strictFinder asks
// for every identifier, and hashing for a map cost more.)
func strictReserved(w string) bool {
	switch w {
	case "await", "yield", "let", "static", "implements", "interface", "package",
		"private", "protected", "public", "eval", "arguments":
		return true
	}
	return false
}

// jsReserved are the reserved words, which are no binding names.
var jsReserved = map[string]bool{
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
func (s *nestScanner) esmWord(t nestTok, newline bool) bool {
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
	// What reading a statement changes before it fails (see below).
	i, prev, prevFlags, seenTok := s.i, s.prev, s.prevFlags, s.seenTok
	nComments := len(s.comments)
	atStmt := len(s.levels) == 1 && (!s.seenTok || s.prev == prevSemi ||
		newline && (s.prev == prevEnd || s.prev == prevBrace))
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
		// esbuild reads the file; the scan goes on after the word. A
		// statement that fails has moved only through esmTok, skipSpace
		// and next (s.i, s.prev, s.comments): no level, chain or estimate.
		s.i, s.prev, s.prevFlags, s.seenTok = i, prev, prevFlags, seenTok
		s.comments, s.esm.unsure = s.comments[:nComments], true
		return false
	}
	return true
}

// peekByte returns the first byte after white space and comments, without
// moving (0 at the end of the text).
func (s *nestScanner) peekByte() byte {
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
func (s *nestScanner) esmTok() (t nestTok, newline, ok bool) {
	newline = s.skipSpace()
	if s.i >= len(s.text) {
		return nestTok{}, newline, false
	}
	s.prev = prevStart
	return s.next(), newline, true
}

// esmIdent reads a plain ASCII identifier (reserved words included).
func (s *nestScanner) esmIdent() (string, bool) {
	t, _, ok := s.esmTok()
	if !ok || t.kind != tokWord || !plainIdent(t.text) {
		return "", false
	}
	return t.text, true
}

// plainIdent reports whether w is an ASCII identifier.
func plainIdent(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$'
		if !letter && (i == 0 || !isDigit(c)) {
			return false
		}
	}
	return w != ""
}

// bindingName reports whether w can be bound by a module.
func bindingName(w string) bool {
	return plainIdent(w) && !jsReserved[w] && !strictReserved(w)
}

// esmString reads a string literal; it returns its value and span.
func (s *nestScanner) esmString() (string, Span, bool) {
	t, _, ok := s.esmTok()
	if !ok {
		return "", Span{}, false
	}
	return s.stringValue(t)
}

// stringValue decodes the string literal token t that was just read.
func (s *nestScanner) stringValue(t nestTok) (string, Span, bool) {
	if t.kind != tokValue || t.text != "'" {
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
func (s *nestScanner) esmEnd() (int, bool) {
	last := s.i
	i, n := s.i, len(s.comments)
	t, newline, ok := s.esmTok()
	switch {
	case !ok:
		return last, true
	case t.kind == tokPunct && t.text == ";":
		return s.i, true
	case newline && (t.kind != tokWord || t.text != "with" && t.text != "assert"):
		s.i, s.comments = i, s.comments[:n]
		return last, true
	}
	return 0, false
}

// esmImport reads an import statement starting at start.
func (s *nestScanner) esmImport(start int) bool {
	st := esmStmt{kind: esmImport, start: start}
	t, _, ok := s.esmTok()
	if !ok {
		return false
	}
	if t.kind != tokValue || t.text != "'" {
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
func (s *nestScanner) importClause(t nestTok, st *esmStmt) bool {
	if t.kind == tokWord {
		if !bindingName(t.text) {
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
func (s *nestScanner) namedOrStar(t nestTok, st *esmStmt) bool {
	if t.kind != tokPunct {
		return false
	}
	switch t.text {
	case "*":
		if w, ok := s.esmIdent(); !ok || w != "as" {
			return false
		}
		ns, ok := s.esmIdent()
		if !ok || !bindingName(ns) {
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
			if !bindingName(n.exported) {
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
func (s *nestScanner) braceList() ([]esmName, bool) {
	var list []esmName
	for {
		t, _, ok := s.esmTok()
		if !ok {
			return nil, false
		}
		if t.kind == tokPunct && t.text == "}" {
			return list, true
		}
		first, ok := s.listName(t)
		if !ok {
			return nil, false
		}
		second := first
		t, _, ok = s.esmTok()
		if ok && t.kind == tokWord && t.text == "as" {
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
		case !ok || t.kind != tokPunct:
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
func (s *nestScanner) listName(t nestTok) (string, bool) {
	if t.kind == tokWord {
		return t.text, plainIdent(t.text)
	}
	v, _, ok := s.stringValue(t)
	if !ok || strings.HasPrefix(v, "'") {
		return "", false
	}
	return "'" + v, true
}

// isStringName reports whether a brace list name was a string.
func isStringName(n string) bool { return strings.HasPrefix(n, "'") }

// finish ends a statement and records it.
func (s *nestScanner) finish(st esmStmt) bool {
	end, ok := s.esmEnd()
	if !ok {
		return false
	}
	st.end = end
	s.esm.stmts = append(s.esm.stmts, st)
	s.prev, s.prevFlags, s.seenTok = prevSemi, 0, true
	return true
}

// esmExport reads an export statement starting at start.
func (s *nestScanner) esmExport(start int) bool {
	at := s.i
	t, _, ok := s.esmTok()
	if !ok {
		return false
	}
	switch {
	case t.kind == tokPunct && t.text == "*":
		return s.exportStar(start)
	case t.kind == tokPunct && t.text == "{":
		return s.exportList(start)
	case t.kind == tokWord && t.text == "default":
		return s.exportDefault(start)
	case t.kind == tokWord && (t.text == "var" || t.text == "let" || t.text == "const" ||
		t.text == "function" || t.text == "class"):
	case t.kind == tokWord && t.text == "async":
		if nt, newline, ok := s.esmTok(); !ok || newline || nt.kind != tokWord || nt.text != "function" {
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
func (s *nestScanner) declaration(st esmStmt, at int) {
	s.esm.stmts = append(s.esm.stmts, st)
	s.i = at
	for len(s.comments) > 0 && s.comments[len(s.comments)-1].Start >= at {
		s.comments = s.comments[:len(s.comments)-1]
	}
	s.prev, s.prevFlags, s.seenTok = prevSemi, 0, true
}

// exportStar reads the rest of "export * from 'x'" or "export * as ns from 'x'".
func (s *nestScanner) exportStar(start int) bool {
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
func (s *nestScanner) exportList(start int) bool {
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
			if isStringName(n.local) || !bindingName(n.local) {
				return false
			}
		}
	}
	return s.finish(st)
}

// exportDefault reads what follows "export default" (which ends at s.i).
func (s *nestScanner) exportDefault(start int) bool {
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
	case t.kind == tokWord && (t.text == "function" || t.text == "class"):
		keyword = t.text
	case t.kind == tokWord && t.text == "async" && !newline:
		if nt, nl, ok := s.esmTok(); ok && !nl && nt.kind == tokWord && nt.text == "function" {
			keyword = "async function"
		}
	}
	if keyword == "" { // an expression
		s.i, s.comments = i, s.comments[:n]
		s.esm.stmts = append(s.esm.stmts, st)
		s.prev, s.prevFlags, s.seenTok = prevStart, 0, true
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

// blank returns the text goja reads (see the comment at the top).
func (e *esmScan) blank(text []byte) []byte {
	out := slices.Clone(text)
	for _, st := range e.stmts {
		for i := st.start; i < st.end; i++ {
			switch c := out[i]; {
			case c == '\n' || c == '\r':
			case c == 0xE2 && lineTerminatorLen(out[i:]) == 3:
				i += 2
			default:
				out[i] = ' '
			}
		}
		switch st.kind {
		case esmExportDecl:
		case esmExportDefault, esmExportDefDecl:
			copy(out[st.start:], st.rename)
		case esmImport, esmExportFrom, esmExportStar, esmExportStarAs, esmExportList:
			out[st.end-1] = ';'
		}
	}
	for _, at := range e.dyn {
		copy(out[at:], esmImportName)
	}
	return out
}

// check rejects what the scan cannot handle alone: it reports false when
// the file must go to esbuild.
func (e *esmScan) check(text []byte) bool {
	if e.unsure || bytes.Contains(text, []byte(esmReserved)) ||
		bytes.HasPrefix(text, utf8BOM) || bytes.HasPrefix(text, []byte("#!")) {
		return false
	}
	locals := map[string]bool{}
	exported := map[string]bool{}
	for _, st := range e.stmts {
		for _, n := range st.names {
			if st.kind == esmImport {
				if locals[n.local] || isStringName(n.exported) {
					return false
				}
				locals[n.local] = true
				continue
			}
			name := strings.TrimPrefix(n.exported, "'")
			if exported[name] {
				return false
			}
			exported[name] = true
		}
		if st.kind == esmExportDefault || st.kind == esmExportDefDecl {
			if exported["default"] {
				return false
			}
			exported["default"] = true
		}
	}
	return true
}

// parseESM reads a plain JavaScript ES module through the blanked text.
// It returns nil (and no error) when the esbuild path must read the file.
func parseESM(path string, text []byte, e *esmScan) *Module {
	if !e.check(text) {
		return nil
	}
	prog, err := parseJS(path, string(e.blank(text)))
	if err != nil {
		return nil
	}
	return esmModule(text, e, prog)
}

// esmModule builds the module of an ES module whose blanked text goja
// parsed into prog, or returns nil when the esbuild path must read it.
func esmModule(text []byte, e *esmScan, prog *ast.Program) *Module {
	var imports []string
	for _, st := range e.stmts {
		if st.kind == esmImport {
			for _, n := range st.names {
				imports = append(imports, n.local)
			}
		}
	}
	c, ok := collectModule(prog, imports)
	if !ok || c.dynCalls != len(e.dyn) {
		return nil
	}
	m := moduleOf(c)
	exps, deps, ok := e.facts(text, prog, c)
	if !ok {
		return nil
	}
	m.Deps = append(m.Deps, deps...)
	sort.SliceStable(m.Deps, func(i, j int) bool { return m.Deps[i].Start < m.Deps[j].Start })
	// esbuild's __export lists the module's exports by name, before the
	// file's own code; the esbuild path then orders by position and keeps
	// the last definition of each name.
	sort.SliceStable(exps, func(i, j int) bool { return exps[i].Name < exps[j].Name })
	all := slices.Concat(exps, m.Exports)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	m.Exports = dedupeExports(all)
	for _, st := range e.stmts {
		if st.kind == esmExportStar {
			m.OpaqueExports = true
		}
	}
	return m
}

// facts returns the exports and dependencies of the module statements,
// resolved against prog; false when something is not as the scan expected.
func (e *esmScan) facts(text []byte, prog *ast.Program, c *collector) ([]Export, []Dep, bool) {
	at := map[int]ast.Statement{}
	for _, st := range prog.Body {
		at[off(st.Idx0())] = st
	}
	importStmt := map[string]esmStmt{}
	for _, st := range e.stmts {
		if st.kind == esmImport {
			for _, n := range st.names {
				importStmt[n.local] = st
			}
		}
	}
	var exps []Export
	var deps []Dep
	for _, st := range e.stmts {
		switch st.kind {
		case esmImport:
			if !betweenStatements(prog, st.end-1) {
				return nil, nil, false
			}
			deps = append(deps, Dep{Kind: Import, Specifier: st.spec, Start: st.lit.Start, End: st.lit.End, TopLevel: true})
		case esmExportFrom, esmExportStar, esmExportStarAs:
			if !betweenStatements(prog, st.end-1) {
				return nil, nil, false
			}
			deps = append(deps, Dep{Kind: ExportFrom, Specifier: st.spec, Start: st.lit.Start, End: st.lit.End, TopLevel: true})
			for _, n := range st.names {
				exps = append(exps, Export{Name: strings.TrimPrefix(n.exported, "'"), Kind: ExportUnknown, Start: st.start, End: st.lit.End, Params: -1})
			}
		case esmExportList:
			if !betweenStatements(prog, st.end-1) {
				return nil, nil, false
			}
			for _, n := range st.names {
				x, ok := c.localExport(text, n.local, importStmt)
				if !ok {
					return nil, nil, false
				}
				x.Name = strings.TrimPrefix(n.exported, "'")
				exps = append(exps, x)
			}
		case esmExportDecl, esmExportDefDecl:
			declAt := st.declAt
			if st.rename != "" {
				declAt = st.start
			}
			list, ok := c.declExports(text, at[declAt], st)
			if !ok {
				return nil, nil, false
			}
			exps = append(exps, list...)
		case esmExportDefault:
			vs, ok := at[st.start].(*ast.VariableStatement)
			if !ok || len(vs.List) != 1 || vs.List[0].Initializer == nil {
				return nil, nil, false
			}
			x := Export{Name: "default", Kind: c.resolve(esmDefaultVar, 0), Start: st.start, End: nodeEnd(vs.List[0].Initializer)}
			x.setFunction(c.functionOf(identOf(esmDefaultVar), 0))
			exps = append(exps, x)
		}
	}
	return exps, deps, true
}

// localExport is the export of the top-level name local ("export {local}").
func (c *collector) localExport(text []byte, local string, imports map[string]esmStmt) (Export, bool) {
	if st, ok := imports[local]; ok {
		return Export{Kind: ExportUnknown, Start: st.start, End: st.lit.End, Params: -1}, true
	}
	d := c.top[local]
	if d == nil || d.count != 1 || d.node == nil {
		return Export{}, false
	}
	x := Export{Kind: c.resolve(local, 0)}
	x.setFunction(c.functionOf(identOf(local), 0))
	s := nodeSpan(d.node)
	x.Start, x.End = extendBack(text, s.start), s.end
	return x, true
}

// declExports returns the exports of the declaration n that follows an
// export prefix.
func (c *collector) declExports(text []byte, n ast.Statement, st esmStmt) ([]Export, bool) {
	one := func(name string) (Export, bool) {
		d := c.top[name]
		if d == nil || d.count != 1 {
			return Export{}, false
		}
		x := Export{Name: name, Kind: c.resolve(name, 0)}
		x.setFunction(c.functionOf(identOf(name), 0))
		s := nodeSpan(d.node)
		x.Start, x.End = extendBack(text, s.start), s.end
		if st.kind == esmExportDefDecl {
			x.Name, x.Start = "default", st.start
		}
		return x, true
	}
	var names []string
	switch n := n.(type) {
	case *ast.FunctionDeclaration:
		if n.Function.Name == nil {
			return nil, false
		}
		names = []string{n.Function.Name.Name.String()}
	case *ast.ClassDeclaration:
		if n.Class.Name == nil {
			return nil, false
		}
		names = []string{n.Class.Name.Name.String()}
	case *ast.VariableStatement:
		names = bindingNames(n.List)
	case *ast.LexicalDeclaration:
		names = bindingNames(n.List)
	default:
		return nil, false
	}
	if st.kind == esmExportDefDecl && len(names) != 1 {
		return nil, false
	}
	var out []Export
	for _, name := range names {
		x, ok := one(name)
		if !ok {
			return nil, false
		}
		out = append(out, x)
	}
	return out, true
}

// bindingNames lists the names a declaration binds.
func bindingNames(list []*ast.Binding) []string {
	var names []string
	for _, b := range list {
		names = patternNames(b.Target, names)
	}
	return names
}

// identOf returns an identifier expression naming name.
func identOf(name string) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString(name)}
}

// strictFinder looks for what a module's strict mode forbids that goja's
// parser accepts (see the comment at the top), or that goja accepts wrongly
// in any mode ("const x" without a value). It sees every node of the tree
// until it finds one (see moduleVisitor).
type strictFinder struct {
	found bool
	// konst memoizes constantString for "+" expressions.
	konst map[*ast.BinaryExpression]constKind
}

// constKind is what constantString found of an expression.
type constKind uint8

const (
	notConst    constKind = iota + 1 // holds something that is not a literal
	constOther                       // a constant without a string
	constString                      // a constant holding a string or template
)

// constant classifies e: esbuild folds a "+" of constants holding a
// string (and a template whose substitutions are constants) into one
// string, which the path of esm.go, reading what goja reads, does not.
func (f *strictFinder) constant(e ast.Expression) constKind {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return constString
	case *ast.TemplateLiteral:
		if e.Tag != nil {
			return notConst
		}
		for _, x := range e.Expressions {
			if f.constant(x) == notConst {
				return notConst
			}
		}
		return constString
	case *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return constOther
	case *ast.Identifier:
		if w := e.Name.String(); w == "undefined" || w == "NaN" || w == "Infinity" {
			return constOther
		}
	case *ast.UnaryExpression:
		if k := f.constant(e.Operand); k != notConst {
			return constOther
		}
	case *ast.BinaryExpression:
		return f.binaryConst(e)
	}
	return notConst
}

// binaryConst classifies a binary expression, walking its left spine
// without recursion and remembering each node.
func (f *strictFinder) binaryConst(e *ast.BinaryExpression) constKind {
	if k, ok := f.konst[e]; ok {
		return k
	}
	if f.konst == nil {
		f.konst = map[*ast.BinaryExpression]constKind{}
	}
	spine := []*ast.BinaryExpression{e}
	for {
		l, ok := spine[len(spine)-1].Left.(*ast.BinaryExpression)
		if !ok {
			break
		}
		if _, done := f.konst[l]; done {
			break
		}
		spine = append(spine, l)
	}
	for _, b := range slices.Backward(spine) {
		left, right := f.constant(b.Left), f.constant(b.Right)
		k := notConst
		switch {
		case left == notConst || right == notConst:
		case left == constString || right == constString:
			k = constString
		default:
			k = constOther
		}
		f.konst[b] = k
	}
	return f.konst[e]
}

func (f *strictFinder) enter(n ast.Node, _ *walker) bool {
	switch n := n.(type) {
	case *ast.BinaryExpression:
		f.found = f.found || n.Operator == token.PLUS && f.constant(n) == constString
	case *ast.TemplateLiteral:
		f.found = f.found || len(n.Expressions) > 0 && f.constant(n) == constString
	case *ast.WithStatement:
		f.found = true
	case *ast.LexicalDeclaration:
		// goja accepts "const x" without a value.
		for _, b := range n.List {
			f.found = f.found || n.Token == token.CONST && b.Initializer == nil
		}
	case *ast.Identifier:
		if !f.found && n != nil {
			name := n.Name.String()
			f.found = strictReserved(name) && name != "arguments"
		}
	case *ast.NumberLiteral:
		f.found = f.found || len(n.Literal) > 1 && n.Literal[0] == '0' && isDigit(n.Literal[1])
	case *ast.StringLiteral:
		f.found = f.found || octalEscape(n.Literal)
	case *ast.UnaryExpression:
		if _, ok := n.Operand.(*ast.Identifier); ok && n.Operator.String() == "delete" {
			f.found = true
		}
		f.found = f.found || (n.Operator.String() == "++" || n.Operator.String() == "--") && isIdent(n.Operand, "arguments")
	case *ast.AssignExpression:
		f.found = f.found || isIdent(n.Left, "arguments")
	case *ast.Binding:
		f.found = f.found || isIdent(n.Target, "arguments")
	case *ast.CatchStatement:
		f.found = f.found || isIdent(n.Parameter, "arguments")
	case *ast.ForIntoExpression:
		f.found = f.found || isIdent(n.Expression, "arguments")
	case *ast.FunctionLiteral:
		f.found = f.found || n.Name != nil && n.Name.Name.String() == "arguments" || duplicateParams(n.ParameterList)
	case *ast.ArrowFunctionLiteral:
		f.found = f.found || duplicateParams(n.ParameterList)
	case *ast.ClassLiteral:
		f.found = f.found || n.Name != nil && n.Name.Name.String() == "arguments"
	}
	return !f.found
}

// moduleVisitor is the visitor of the one walk of an ES module's blanked
// text: strictFinder's checks on every node, the collector's on those it
// walks. Once strictFinder finds something the walk stops (the file goes to
// esbuild and the collector's facts are not used). Where the collector
// skips a node's children (import(x)), strictFinder still walks them.
type moduleVisitor struct {
	strict strictFinder
	c      *collector
}

func (v *moduleVisitor) enter(n ast.Node, w *walker) bool {
	if !v.strict.enter(n, w) {
		return false
	}
	if v.c.enter(n, w) {
		return true
	}
	// (The walk enters n again, at its depth: strictFinder's checks of n
	// have no effect the second time.)
	sub := walker{v: &v.strict, depth: w.depth - 1}
	sub.node(n)
	w.tooDeep = w.tooDeep || sub.tooDeep
	return false
}

// octalEscape reports whether the raw string literal lit holds a legacy
// octal escape ("\1", "\01") or "\8", "\9".
func octalEscape(lit string) bool {
	for i := 0; i+1 < len(lit); i++ {
		if lit[i] != '\\' {
			continue
		}
		c := lit[i+1]
		if c >= '1' && c <= '9' || c == '0' && i+2 < len(lit) && isDigit(lit[i+2]) {
			return true
		}
		i++
	}
	return false
}

// duplicateParams reports whether a parameter list binds a name twice.
func duplicateParams(p *ast.ParameterList) bool {
	if p == nil {
		return false
	}
	if len(p.List) == 0 && p.Rest == nil {
		return false
	}
	var buf [8]string
	names := buf[:0]
	for _, b := range p.List {
		names = patternNames(b, names)
	}
	names = patternNames(p.Rest, names)
	if len(names) <= len(buf) {
		// Few names (nearly every function): compare them pairwise.
		for i, n := range names {
			if slices.Contains(names[:i], n) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

// betweenStatements reports whether offset o lies outside every top-level
// statement of prog: the ";" that ends a blanked statement is an empty
// statement or ends the statement before it, never part of one.
func betweenStatements(prog *ast.Program, o int) bool {
	body := prog.Body
	k := sort.Search(len(body), func(i int) bool { return off(body[i].Idx1()) > o })
	return k == len(body) || off(body[k].Idx0()) > o || off(body[k].Idx0()) == o && isEmpty(body[k])
}

// isEmpty reports whether st is an empty statement.
func isEmpty(st ast.Statement) bool {
	_, ok := st.(*ast.EmptyStatement)
	return ok
}
