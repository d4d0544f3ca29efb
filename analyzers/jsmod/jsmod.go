// Package jsmod extracts module facts from one JavaScript, WXS or TypeScript
// file of a WeChat mini-program: the modules it depends on (require,
// require.async, requirePlugin, import, export ... from, import()), the
// require calls whose target cannot be known statically, and the names it
// exports with a rough idea of what each one is.
//
// Every fact carries byte offsets into the ORIGINAL file text. Project code
// is only ever parsed, never executed, and nothing is read from disk.
//
// How a file is parsed:
//
//   - A linear scan first estimates how deeply the parsers would recurse
//     and rejects pathological input (see nesting.go): neither parser
//     limits its recursion, and Go cannot recover from a stack overflow.
//   - Plain JavaScript and WXS without import/export keywords go to goja's
//     parser (source maps disabled, so a "//# sourceMappingURL" comment
//     never causes a file read). Its positions are byte offsets into the
//     text, so facts need no mapping.
//   - ES modules of plain JavaScript in the usual forms: the pre-scan
//     reads their import and export statements (specifiers, bindings and
//     exported names at their original offsets) and goja parses the text
//     with those statements blanked to the same length, so offsets and
//     lines stay those of the file (see esm.go). This path gives the
//     facts the esbuild path below gives (FuzzESMPaths compares them);
//     whenever the scan or goja is not certain, the file takes the
//     esbuild path instead.
//   - Other ES modules (goja has no import, export or import()), files goja
//     refuses for another reason, and all TypeScript go through esbuild's
//     transform to CommonJS with an external source map (see parse.go for
//     the target). esbuild's errors become a [SyntaxError]; otherwise goja
//     parses the generated code, the facts are collected there, and every
//     position is mapped back through the source map and checked against
//     the original text (see map.go).
//
// TypeScript follows TypeScript's rules: esbuild erases type-only imports and
// also imports whose bindings are never used as values, so those do not show
// up as dependencies. Top-level await in an ES module cannot be expressed in
// CommonJS and is reported as a [SyntaxError] by esbuild.
package jsmod

import (
	"fmt"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// Options says how to read a file.
type Options struct {
	// TypeScript is set for .ts files: they are read with esbuild's
	// TypeScript loader.
	TypeScript bool
	// esbuildOnly sends every ES module through esbuild (the differential
	// fuzzer compares both paths).
	esbuildOnly bool
}

// SyntaxError is a file that cannot be analyzed: invalid syntax, or input
// nested too deeply to analyze safely.
type SyntaxError = source.Error

// Module holds the facts about one file.
type Module struct {
	// Deps are the static dependencies, in source order.
	Deps []Dep
	// DynamicRequires are the require(...) and require.async(...) calls
	// whose first argument is not a static string: spans of whole calls, in
	// source order.
	DynamicRequires []Span
	// PluginPayments are the wx.requestPluginPayment({…, version: …}) calls
	// whose version is a known string literal: written in the call, in a
	// const it names (top level or in the function), or in the data literal
	// of the Component or Page whose this.data.version it reads (see
	// payment.go). One entry per literal, in source order.
	PluginPayments []PluginPayment
	// WxCalls are the calls wx.NAME(...) of the platform's wx (not a local
	// binding of that name), with the span of NAME, in source order.
	WxCalls []WxCall
	// AppCalls are the spans of the callee of every App(...) call (the
	// global, not a local binding of that name), in source order.
	AppCalls []Span
	// Exports are the named exports that can be determined, in source order.
	Exports []Export
	// OpaqueExports is set when the exports cannot be fully known, e.g.
	// "export * from", "module.exports = someIdentifierOrCall",
	// "Object.assign(module.exports, ...)".
	OpaqueExports bool
	// Comments are the "// ..." and "/* ... */" comments in source order,
	// with offsets into the original text for every kind of file (they come
	// from the pre-scan, not from the parsers; see nesting.go). A line
	// comment ends before its line terminator ("\n", "\r", U+2028 or
	// U+2029). The text of a "//" comment starts after "//", that of a
	// block comment between "/*" and "*/". A "#!" first line is not a
	// comment. Literals that hold "//" or "/*" (strings, templates,
	// regular expressions) yield none.
	Comments []source.Comment
}

// DepKind is the syntax that introduces a dependency.
type DepKind int

// The kinds of dependency.
const (
	// Require is require("x").
	Require DepKind = iota
	// RequireAsync is require.async("x").
	RequireAsync
	// RequireCallback is require("x", cb): a second argument is present.
	RequireCallback
	// RequirePlugin is requirePlugin("x").
	RequirePlugin
	// Import is import ... from "x" or import "x".
	Import
	// ExportFrom is export ... from "x" or export * from "x".
	ExportFrom
	// DynamicImport is import("x").
	DynamicImport
)

var depKindNames = [...]string{
	Require:         "require",
	RequireAsync:    "require.async",
	RequireCallback: "require-callback",
	RequirePlugin:   "requirePlugin",
	Import:          "import",
	ExportFrom:      "export-from",
	DynamicImport:   "dynamic-import",
}

// String returns a stable lower-case name such as "require.async".
func (k DepKind) String() string {
	if k >= 0 && int(k) < len(depKindNames) {
		return depKindNames[k]
	}
	return fmt.Sprintf("DepKind(%d)", int(k))
}

// Dep is one static dependency.
type Dep struct {
	Kind DepKind
	// Specifier is the value of the string literal, e.g. "../utils/a".
	Specifier string
	// Start and End span the string literal in the original text,
	// including its quotes or backticks.
	Start, End int
	// TopLevel is set when the call or statement is not inside any
	// function, arrow or method body (nor a parameter list or class field
	// initializer, which also run later).
	TopLevel bool
}

// Span is a half-open byte range [Start, End) of the original text.
type Span struct{ Start, End int }

// ExportKind is what an exported value is known to be.
type ExportKind int

// The kinds of exported value.
const (
	// ExportUnknown is a value that cannot be resolved: an unresolved
	// identifier, a call result, a member expression, a re-export...
	ExportUnknown ExportKind = iota
	// ExportFunction is a function: a function expression or declaration,
	// an arrow, async or generator function, or an identifier resolved to
	// one of those, or a method.
	ExportFunction
	// ExportValue is definitely not a callable function: a literal number,
	// string, boolean, null, undefined, object, array, template, regular
	// expression, an arithmetic or comparison result, or a class (calling a
	// class without new throws).
	ExportValue
)

var exportKindNames = [...]string{
	ExportUnknown:  "unknown",
	ExportFunction: "function",
	ExportValue:    "value",
}

// String returns "unknown", "function" or "value".
func (k ExportKind) String() string {
	if k >= 0 && int(k) < len(exportKindNames) {
		return exportKindNames[k]
	}
	return fmt.Sprintf("ExportKind(%d)", int(k))
}

// Export is one named export.
type Export struct {
	// Name is the exported name; "default" for export default.
	Name string
	Kind ExportKind
	// Start and End span what defines the export in the original text:
	//   - exports.X = v, module.exports.X = v: the assignment;
	//   - module.exports = {X: v, X() {}, X}: the property;
	//   - Object.defineProperty(exports, "X", {...}): the call;
	//   - export function X() {}, export default class {}: the
	//     declaration, including "export" (and "default");
	//   - export const X = v: the binding "X = v" (a destructuring
	//     binding "{X, Y} = v" for each name it declares);
	//   - export {a as X}: the declaration of a when it is a top-level
	//     declaration of the file;
	//   - export default <expression>: the export default statement;
	//   - export {X} from "m", and the export of an imported binding: the
	//     export or import statement, up to the end of its specifier.
	// Spans of ES module and TypeScript exports come through the source
	// map; a span that cannot be mapped is empty at offset 0.
	Start, End int
	// Params is the number of parameters of an exported function that
	// can be seen (-1 when unknown, or when it has a rest parameter);
	// UsesArguments is set when its body mentions arguments.
	Params        int
	UsesArguments bool
}

// PluginPayment is one wx.requestPluginPayment call with a known version.
type PluginPayment struct {
	// Version is the version's value ("develop", "trial", "release"…).
	Version string
	// Start, End span the version's string literal, quotes included: in
	// the call's object, or in the const declaration it names.
	Start, End int
	// Via is the const name when the call names one ("" for a literal).
	Via string
	// Data is set when the call reads this.data.version (directly or
	// through const {version} = this.data) and the span is the version
	// set in the Component or Page data literal.
	Data bool
}

// WxCall is one wx.NAME(...) call; Start, End span NAME.
type WxCall struct {
	Name       string
	Start, End int
}
