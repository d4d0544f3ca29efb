package jsmod

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// diffPaths parses text (JavaScript) on the ES module path of esm.go and on
// the esbuild path, and describes how their facts differ ("" when they
// agree). fast reports whether the ES module path read the file itself.
func diffPaths(text []byte) (diff string, fast bool) {
	m1, e1 := Parse("fuzz.js", text, Options{})
	m2, e2 := Parse("fuzz.js", text, Options{esbuildOnly: true})
	scan := scanText(text, false)
	fast = scan.moduleSyntax && scan.esm != nil && scan.tooDeep < 0 && parseESM("fuzz.js", text, scan.esm) != nil
	switch {
	case e1 == nil && e2 != nil && gojaLeniency(e2.Message.String()):
		return "", fast
	case (e1 == nil) != (e2 == nil):
		return fmt.Sprintf("errors differ: %v vs esbuild %v", e1, e2), fast
	case e1 != nil:
		if e1.Offset != e2.Offset || e1.Limit != e2.Limit || e1.Message.Debug() != e2.Message.Debug() {
			return fmt.Sprintf("errors differ: %+v vs esbuild %+v", *e1, *e2), fast
		}
		return "", fast
	}
	if len(m1.Exports) == len(m2.Exports) {
		// The one intentional difference: the esbuild path ends some
		// export spans early (a regular expression or a template literal
		// ends at its first character or at a source map segment inside
		// it; esbuild prints {a: a} as {a}). The ES module path ends them
		// where the node ends, as the plain JavaScript path does.
		for i, x := range m1.Exports {
			if y := m2.Exports[i]; x.End > y.End && y.End > y.Start {
				m1.Exports[i].End = y.End
			}
		}
	}
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"Deps", m1.Deps, m2.Deps},
		{"Exports", m1.Exports, m2.Exports},
		{"OpaqueExports", m1.OpaqueExports, m2.OpaqueExports},
		{"DynamicRequires", m1.DynamicRequires, m2.DynamicRequires},
		{"AppCalls", m1.AppCalls, m2.AppCalls},
		{"PluginPayments", m1.PluginPayments, m2.PluginPayments},
		{"WxCalls", m1.WxCalls, m2.WxCalls},
		{"Comments", m1.Comments, m2.Comments},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			return fmt.Sprintf("%s differ:\n  fast    %+v\n  esbuild %+v", f.name, f.a, f.b), fast
		}
	}
	return "", fast
}

// gojaLenient are the esbuild errors of checks goja's parser does not make
// (scopes, classes, object literals, regular expressions), which the ES
// module path, like the plain JavaScript path, does not report: the one
// intentional difference in what the two paths accept (see esm.go).
var gojaLenient = []string{
	"has already been declared",
	"Classes cannot contain more than one constructor",
	`Cannot use "new.target" here`,
	`Unexpected "super"`,
	`Cannot specify the "__proto__" property more than once per object`,
	"Function declarations inside if statements cannot be used in an ECMAScript module",
	`Cannot use an unparenthesized optional chain inside the target of "new"`,
	"Legacy HTML single-line comments are not allowed in ECMAScript modules",
	`Cannot use a "use strict" directive in a function with a non-simple parameter list`,
	"Unterminated regular expression",
	`Unexpected "="`,
}

// gojaLeniency reports whether esbuild's error msg is one of gojaLenient.
func gojaLeniency(msg string) bool {
	for _, m := range gojaLenient {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// esmSeeds returns the JavaScript and TypeScript files of the repository's
// test data: the members of every txtar fixture and the files beside them,
// plus, when FPCHECK_ESM_SEEDS names a directory, every .js, .mjs and .ts
// file under it (e.g. the ES modules of the real-world repositories).
func esmSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var seeds [][]byte
	add := func(name string, data []byte) {
		if strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".ts") || strings.HasSuffix(name, ".mjs") {
			seeds = append(seeds, data)
		}
	}
	walk := func(root string) {
		walkFiles(tb, root, func(path string, data []byte) {
			if strings.HasSuffix(path, ".txtar") {
				for name, member := range txtarMembers(data) {
					add(name, member)
				}
				return
			}
			add(path, data)
		})
	}
	walk(filepath.Join("..", "..", "testdata"))
	walk("testdata")
	if dir := os.Getenv("FPCHECK_ESM_SEEDS"); dir != "" {
		walk(dir)
	}
	return seeds
}

// txtarMembers splits a txtar archive into its files.
func txtarMembers(data []byte) map[string][]byte {
	out := map[string][]byte{}
	name := ""
	var body []byte
	flush := func() {
		if name != "" {
			out[name] = body
		}
	}
	for line := range bytes.Lines(data) {
		t := bytes.TrimRight(line, "\r\n")
		if bytes.HasPrefix(t, []byte("-- ")) && bytes.HasSuffix(t, []byte(" --")) && len(t) > 6 {
			flush()
			name, body = string(t[3:len(t)-3]), nil
			continue
		}
		body = append(body, line...)
	}
	flush()
	return out
}

// esmCases are ES modules in the forms the path of esm.go reads itself.
var esmCases = []string{
	"export function f(a, b) { return arguments }",
	"export const x = 1, y = () => 2;",
	"export let {a, b: [c]} = obj",
	"export default function (a) {}",
	"export default function g(a) {}",
	"export default function* (a) {}",
	"export default async function (a, b) {}",
	"export default class {}",
	"export default class extends Base {}",
	"export default 1 + 2;",
	"export default async (a, b) => {}",
	"function beforeRequestPayment(a, cb) {}\nexport default beforeRequestPayment",
	"const q = 1; function h(z){}\nexport { q, h as hh, q as \"str name\" }",
	"export { a as b, default as c } from './m'",
	"export * from './star'",
	"export * as ns from './ns'",
	"import x, {a as b, c} from './y'\nimport * as z from './z'\nimport './side'\nexport { x, b, z }",
	"import wx from './wx'\nwx.request({})\nApp({})",
	"import require from './r'\nrequire('./not-a-dep')",
	"function f() { return import('./lazy') }\nimport('./top')\nimport(foo)",
	"import {version} from './v'\nwx.requestPluginPayment({version})",
	"export var v = require('./r'), w",
	"import a from 'b'\na = 1",
	"export class K {}\nexport async function af(a,b,...c) {}\nexport function* gen() {}",
	"export function beforeRequestPayment(a, cb) { cb() }\nexport const f = (a, b) => a",
	"foo()\nimport a from 'a'\n(bar)",
	"import a from 'a'; import b from \"b\"; export {a}; export {b as default}",
	"let x = 1\nexport {x}\nexports.y = 2\nmodule.exports.z = function () {}",
	"/* c */ import /* d */ a /* e */ from /* f */ 'a' // g\n",
	"Page({ data: { version: 'develop' }, pay() { wx.requestPluginPayment({ version: this.data.version }) } })\nexport {}",
	"export const version = 'trial'\nwx.requestPluginPayment({version})",
}

// FuzzESMPaths requires the ES module path of esm.go and the esbuild path
// to give the same facts and the same errors for any JavaScript text.
func FuzzESMPaths(f *testing.F) {
	for _, src := range esmCases {
		f.Add([]byte(src))
	}
	for _, c := range depCases {
		f.Add([]byte(c.src))
	}
	for _, c := range exportCases {
		f.Add([]byte(c.src))
	}
	for _, s := range esmSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		if d, _ := diffPaths(text); d != "" {
			t.Fatalf("%q:\n%s", clip(text), d)
		}
	})
}

// TestESMPathTaken checks that the path of esm.go reads the plain forms
// itself (and agrees with esbuild on them).
func TestESMPathTaken(t *testing.T) {
	for _, src := range esmCases {
		d, fast := diffPaths([]byte(src))
		if d != "" {
			t.Errorf("%q:\n%s", src, d)
		}
		if !fast {
			t.Errorf("%q: read by esbuild", src)
		}
	}
}

// clip shortens a failing input for the message.
func clip(text []byte) []byte {
	if len(text) > 400 {
		return append(text[:400:400], "…"...)
	}
	return text
}

// TestESMFallback checks that what the path of esm.go cannot be sure of
// goes to esbuild, with the same result.
func TestESMFallback(t *testing.T) {
	for _, src := range []string{
		"with (a) {}\nexport {}",
		"await foo()\nexport {}",
		"await (foo)\nexport {}",
		"export {u}",
		"import {a} from 'x'\nvar a\n",
		"export const A0",
		"import'0';import\"0\";#00000",
		"({0(){wx.#A({A:1})}})\nexport{}",
		"const u = new URL(import.meta.url)\nexport {}",
		"import a from 'a' with { type: 'json' }",
		"x = import('a', {with: {type: 'json'}})\nexport {}",
		"export { x as y }\nvar x = 1, x = 2",
		"export const enum = 1",
		"if (a) import b from 'b'",
		"{ export const a = 1 }",
		"a = export default 1",
		"export default a, b",
		"import a from 'a' import b from 'b'",
		"x = {} import a from 'a'",
		"'\\01'\nexport {}",
		"010\nexport {}",
		"function f(a, a) {}\nexport {}",
		"delete x\nexport {}",
		"var $fpc_i = 1\nexport {}",
		"export {a, a}\nvar a",
		"export default 1\nexport default 2",
		"var a\nexport {a as 'b', a as b}",
		"0import\"\\",  // found by FuzzParse: a string ending in a backslash at the end of the text
		"import(''+0)", // found by FuzzESMPaths: esbuild folds it
		"require('./a' + '.js')\nexport {}",
		"require(`./a${1}`)\nexport {}",
		"wx.requestPluginPayment({version: 'dev' + 'elop'})\nexport {}",
		"x = import(010)\nexport {}",                  // in an argument the collector does not walk
		"x = import(function (a, a) {})\nexport {}",   // the same
		"x = import(import(`./${'a'}`))\nexport {}",   // the same, nested
		"x = import(a + b, arguments = 1)\nexport {}", // two arguments: not import(x), but walked
	} {
		d, fast := diffPaths([]byte(src))
		if d != "" {
			t.Errorf("%q:\n%s", src, d)
		}
		if fast {
			t.Errorf("%q: read without esbuild", src)
		}
	}
}
