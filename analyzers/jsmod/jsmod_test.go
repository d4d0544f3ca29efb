package jsmod

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// wantDep is an expected dependency: its literal is the nth (0-based)
// occurrence of lit in the source.
type wantDep struct {
	kind DepKind
	lit  string // the literal as written, with its quotes
	spec string // "" means lit without its quotes
	nth  int
	top  bool
}

// dep expects a top-level dependency whose literal occurs once.
func dep(kind DepKind, lit string) wantDep { return wantDep{kind: kind, lit: lit, top: true} }

// nested expects a dependency inside a function.
func nested(kind DepKind, lit string) wantDep { return wantDep{kind: kind, lit: lit} }

// occurrence returns the offset of the nth occurrence of sub in s.
func occurrence(t *testing.T, s, sub string, nth int) int {
	t.Helper()
	base := 0
	for i := 0; ; i++ {
		k := strings.Index(s[base:], sub)
		if k < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", s, nth, sub)
		}
		if i == nth {
			return base + k
		}
		base += k + 1
	}
}

// mustParse parses src and fails the test on a syntax error.
func mustParse(t *testing.T, src string, ts bool) *Module {
	t.Helper()
	m, err := Parse("pages/index/index.js", []byte(src), Options{TypeScript: ts})
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return m
}

// checkDeps compares m.Deps with want, exactly.
func checkDeps(t *testing.T, src string, m *Module, want []wantDep) {
	t.Helper()
	if len(m.Deps) != len(want) {
		t.Fatalf("got %d deps %+v, want %d", len(m.Deps), m.Deps, len(want))
	}
	for i, w := range want {
		d := m.Deps[i]
		spec := w.spec
		if spec == "" {
			spec = w.lit[1 : len(w.lit)-1]
		}
		start := occurrence(t, src, w.lit, w.nth)
		if d.Kind != w.kind || d.Specifier != spec || d.Start != start || d.End != start+len(w.lit) || d.TopLevel != w.top {
			t.Errorf("dep %d = {%v %q [%d,%d) top=%v}, want {%v %q [%d,%d) top=%v}",
				i, d.Kind, d.Specifier, d.Start, d.End, d.TopLevel, w.kind, spec, start, start+len(w.lit), w.top)
		}
		if got := src[d.Start:d.End]; got != w.lit {
			t.Errorf("dep %d spans %q, want %q", i, got, w.lit)
		}
	}
}

// checkDynamic compares m.DynamicRequires with the texts of the calls.
func checkDynamic(t *testing.T, src string, m *Module, want []string) {
	t.Helper()
	if len(m.DynamicRequires) != len(want) {
		t.Fatalf("got %d dynamic requires %+v, want %d", len(m.DynamicRequires), m.DynamicRequires, len(want))
	}
	for i, w := range want {
		s := m.DynamicRequires[i]
		start := occurrence(t, src, w, 0)
		if s.Start != start || s.End != start+len(w) {
			t.Errorf("dynamic require %d spans %q [%d,%d), want %q [%d,%d)",
				i, src[s.Start:s.End], s.Start, s.End, w, start, start+len(w))
		}
	}
}

// depCase is a file and the dependencies expected in it.
type depCase struct {
	name string
	src  string
	ts   bool
	deps []wantDep
	dyn  []string
}

var depCases = []depCase{{
	name: "plain CommonJS",
	src: "const a = require('./a')\nvar b = require(\"../b.js\"), c = require('c');\n" +
		"require('./side')\nmodule.exports = { a, b, c }\n",
	deps: []wantDep{dep(Require, "'./a'"), dep(Require, `"../b.js"`), dep(Require, "'c'"), dep(Require, "'./side'")},
}, {
	name: "static template literal",
	src:  "const w = require(`./w`)\nrequire.async(`../sub/t`)",
	deps: []wantDep{dep(Require, "`./w`"), dep(RequireAsync, "`../sub/t`")},
}, {
	name: "dynamic requires",
	src: "const a = require('./a' + x)\nconst n = require(name)\nrequire(`./${p}`)\n" +
		"require.async(dir + '/x').then(f)\nrequirePlugin(name)\nrequire()\n",
	dyn: []string{"require('./a' + x)", "require(name)", "require(`./${p}`)", "require.async(dir + '/x')"},
}, {
	name: "async and callback requires",
	src: "require.async('../sub/x').then(m => m.f())\n" +
		"require('../sub/x', mod => mod.f(), err => {})\n",
	deps: []wantDep{dep(RequireAsync, "'../sub/x'"), {kind: RequireCallback, lit: "'../sub/x'", nth: 1, top: true}},
}, {
	name: "requirePlugin top-level and nested",
	src: "const p = requirePlugin('myPlugin')\nfunction f() { return requirePlugin('other') }\n" +
		"Page({ onLoad() { requirePlugin('inPage') }, x: () => requirePlugin('arrow') })\n",
	deps: []wantDep{
		dep(RequirePlugin, "'myPlugin'"), nested(RequirePlugin, "'other'"),
		nested(RequirePlugin, "'inPage'"), nested(RequirePlugin, "'arrow'"),
	},
}, {
	name: "comments and strings are not dependencies",
	src: "// const a = require('./c1')\n/* require('./c2') */\nconst s = \"require('./s1')\"\n" +
		"const t = `import x from './s2'`\nconst r = /require\\('x'\\)/\nrequire('./real')\n",
	deps: []wantDep{dep(Require, "'./real'")},
}, {
	name: "member require is not a dependency",
	src:  "obj.require('x')\nthis.require('y')\na.b.require.async('z')\nrequire('./ok')\n",
	deps: []wantDep{dep(Require, "'./ok'")},
}, {
	name: "minified one line",
	src:  `!function(){var e=require("./a"),t=require("./b");module.exports=function(){return requirePlugin("p")}}();var n=require("./c");`,
	deps: []wantDep{nested(Require, `"./a"`), nested(Require, `"./b"`), nested(RequirePlugin, `"p"`), dep(Require, `"./c"`)},
}, {
	name: "function contexts",
	src: "class A { x = require('./field'); static y = require('./static'); static { require('./block') } m() { require('./m') } }\n" +
		"function f(a = require('./param')) {}\n(function () { require('./iife') })()\n" +
		"label: for (const k of [require('./for')]) { switch (k) { case 1: require('./case'); default: " +
		"try { require('./try') } catch { require('./catch') } finally { require('./fin') } } }\n" +
		"x?.[require('./opt')];\n`${require('./sub')}`;\n[...require('./spread')];\nasync function* g() { yield require('./gen') }\n",
	deps: []wantDep{
		nested(Require, "'./field'"), dep(Require, "'./static'"), dep(Require, "'./block'"),
		nested(Require, "'./m'"), nested(Require, "'./param'"), nested(Require, "'./iife'"),
		dep(Require, "'./for'"), dep(Require, "'./case'"), dep(Require, "'./try'"), dep(Require, "'./catch'"),
		dep(Require, "'./fin'"), dep(Require, "'./opt'"), dep(Require, "'./sub'"), dep(Require, "'./spread'"),
		nested(Require, "'./gen'"),
	},
}, {
	name: "ES module",
	src: "import x from '../utils/x'\nimport {a as b} from \"./ab\"\nimport * as ns from './ns'\nimport './side-effect'\n" +
		"import def, {c} from './mixed'\nexport * from './all'\nexport {d} from './d'\nexport * as nsx from './nsx'\n" +
		"const lazy = () => import('./lazy')\nimport('./top').then(m => m)\nconst r = require('./cjs')\n" +
		"console.log(x, b, ns, def, c)\n",
	deps: []wantDep{
		dep(Import, "'../utils/x'"), dep(Import, `"./ab"`), dep(Import, "'./ns'"),
		dep(Import, "'./side-effect'"), dep(Import, "'./mixed'"), dep(ExportFrom, "'./all'"), dep(ExportFrom, "'./d'"),
		dep(ExportFrom, "'./nsx'"), nested(DynamicImport, "'./lazy'"), dep(DynamicImport, "'./top'"), dep(Require, "'./cjs'"),
	},
}, {
	name: "ES module with unused imports keeps them in JavaScript",
	src:  "import unused from './unused'\nexport const v = 1\n",
	deps: []wantDep{dep(Import, "'./unused'")},
}, {
	name: "dynamic import with template and non-static argument",
	src:  "export const f = () => import(`./t`)\nconst g = (n) => import('./p/' + n)\nrequire(dyn)\n",
	deps: []wantDep{nested(DynamicImport, "`./t`")},
	dyn:  []string{"require(dyn)"},
}, {
	name: "ES module with async and callback requires",
	src:  "import a from './a'\nrequire.async('../sub/x')\nrequire('./cb', m => a(m))\nrequirePlugin('p')\n",
	deps: []wantDep{dep(Import, "'./a'"), dep(RequireAsync, "'../sub/x'"), dep(RequireCallback, "'./cb'"), dep(RequirePlugin, "'p'")},
}, {
	name: "Chinese text and emoji before the specifier",
	src:  "const 中文 = \"你好\"; import a from '../utils/a'\nconst e = '😀😀'; import b from \"./b\"; console.log(a, b)\n",
	deps: []wantDep{dep(Import, "'../utils/a'"), dep(Import, `"./b"`)},
}, {
	name: "Chinese text before a CommonJS require",
	src:  "const 中文 = \"你好\"; const a = require('../utils/a') // 注释 require('x')\n",
	deps: []wantDep{dep(Require, "'../utils/a'")},
}, {
	name: "CRLF CommonJS",
	src:  "// 头\r\nconst a = require('./a')\r\n\r\nconst b = require(\"./b\")\r\n",
	deps: []wantDep{dep(Require, "'./a'"), dep(Require, `"./b"`)},
}, {
	name: "CRLF ES module",
	src:  "// 头\r\nimport a from './a'\r\n\r\nimport b from \"./b\"\r\nconsole.log(a,\r\n b)\r\nrequire('./c')\r\n",
	deps: []wantDep{dep(Import, "'./a'"), dep(Import, `"./b"`), dep(Require, "'./c'")},
}, {
	name: "BOM CommonJS",
	src:  "\ufeffconst a = require('./a')\nrequire('./b')",
	deps: []wantDep{dep(Require, "'./a'"), dep(Require, "'./b'")},
}, {
	name: "BOM ES module",
	src:  "\ufeffimport a from './a'\nimport b from './b'\nconsole.log(a, b)",
	deps: []wantDep{dep(Import, "'./a'"), dep(Import, "'./b'")},
}, {
	name: "BOM TypeScript",
	src:  "\ufeffimport a from './a'\nconst x: number = 1; const c = require('./c')\nconsole.log(a, x)",
	ts:   true,
	deps: []wantDep{dep(Import, "'./a'"), dep(Require, "'./c'")},
}, {
	name: "TypeScript constructs before the dependencies",
	src: "import type { T } from './types'\nimport { type U, V } from './v'\n" +
		"interface I<K extends string> { a: K; b?: Array<Map<K, T>> }\n" +
		"enum Color { Red = 1, Green }\ndeclare const g: any\n" +
		"const x = <T,>(v: T): T => v; const y = (g as I<'a'>).a; const a = require('./a') as typeof import('./t')\n" +
		"type Fn = (err: any, args?: object) => void; let z: Fn = (e) => {}; const b = require(\"./b\")\n" +
		"abstract class Q<T> extends Base<T> implements I<'k'> { private p!: T; constructor(public q: number) { super() } }\n" +
		"namespace N { export const n = 1 }\nconst n = import('./n'); import c from './c'; console.log(V, c)\n" +
		"import d = require('./d')\nexport { e } from './e'\nexport * from './f'\nrequire.async('./g')\n",
	ts: true,
	deps: []wantDep{
		dep(Import, "'./v'"), dep(Require, "'./a'"), dep(Require, `"./b"`), dep(DynamicImport, "'./n'"),
		dep(Import, "'./c'"), dep(Require, "'./d'"), dep(ExportFrom, "'./e'"), dep(ExportFrom, "'./f'"), dep(RequireAsync, "'./g'"),
	},
}, {
	name: "TypeScript drops type-only and unused imports",
	src:  "import type { T } from './types'\nimport { U } from './unused'\nimport V from './v'\nlet t: T\nconsole.log(V)\n",
	ts:   true,
	deps: []wantDep{dep(Import, "'./v'")},
}, {
	name: "TypeScript decorators",
	src:  "function dec(...a: any[]) {}\n@dec class C { @dec m() {} }\nimport x from './x'\nconst y = require('./y'); console.log(x, C)\n",
	ts:   true,
	deps: []wantDep{dep(Import, "'./x'"), dep(Require, "'./y'")},
}, {
	name: "escaped specifier",
	src:  "import a from './\\u0061'\nrequire('./\\x62')\nconsole.log(a)",
	deps: []wantDep{{kind: Import, lit: "'./\\u0061'", spec: "./a", top: true}, {kind: Require, lit: "'./\\x62'", spec: "./b", top: true}},
}, {
	name: "invalid UTF-8 in specifiers",
	src:  "import a from '\xa2'\nrequire(`\xa3`)\nconsole.log(a)",
	deps: []wantDep{{kind: Import, lit: "'\xa2'", spec: "\ufffd", top: true}, {kind: Require, lit: "`\xa3`", spec: "\ufffd", top: true}},
}, {
	name: "invalid UTF-8 in a CommonJS specifier",
	src:  "require('\xa2')",
	deps: []wantDep{{kind: Require, lit: "'\xa2'", spec: "\ufffd", top: true}},
}, {
	name: "comments between the keyword and the specifier",
	src: "import a from /* c */ './a'\nimport b from // line comment\n  './b'\nexport * from // c\n './all'\n" +
		"const l = () => import(// c\n './lazy')\nconst m = import(/* c */ './m')\nconsole.log(a, b)\n",
	deps: []wantDep{
		dep(Import, "'./a'"), dep(Import, "'./b'"), dep(ExportFrom, "'./all'"),
		nested(DynamicImport, "'./lazy'"), dep(DynamicImport, "'./m'"),
	},
}, {
	name: "import and export as names",
	src:  "export { x as import, y as export } from './kw'\nimport { import as z } from './kw2'\nobj.import('./not'); console.log(z)\n",
	deps: []wantDep{dep(ExportFrom, "'./kw'"), dep(Import, "'./kw2'")},
}, {
	name: "same specifier twice",
	src:  "import a from './a'\nconst b = require('./a'); console.log(a, b)\n",
	deps: []wantDep{dep(Import, "'./a'"), {kind: Require, lit: "'./a'", nth: 1, top: true}},
}, {
	name: "modern syntax in plain JavaScript",
	src: "const a = o?.b?.(c) ?? d; x ||= 1; y &&= 2; z ??= 3\nasync function f() { await g() }\n" +
		"class K { x = 1; #p = 2; static s = 3; static { } m() { return this.#p } has(o) { return #p in o } }\n" +
		"const big = 10n ** 2n; function* gen() { yield* [1] }\ntry { f() } catch { }\nconst n = 1_000_000\n" +
		"const { p, ...rest } = { ...o }; const re = /(?<y>\\d{4})/u\nconst m = require('./modern')\n",
	deps: []wantDep{dep(Require, "'./modern'")},
}, {
	name: "a bundle's own require is not the platform's",
	src: "__DEFINE__(1, function(require, module, exports) { var a = require('./a'); require(map[k]) }, " +
		"function(modId) { return __REQUIRE__(map[modId], modId) })\n" +
		"(function e(t,n,r){function s(o){var c='function'==typeof require&&require}return s})({1:[function(require,module,exports){require('./b')},{'./b':2}]})\n" +
		"const h = (require) => require('./c'); function g() { var require = f; require('./d') }\n" +
		"function k() { function require(x) {} require('./e') }\nfunction m({ require }) { require('./f') }\n" +
		"function p() { const requirePlugin = q; requirePlugin('x') }\n" +
		"const real = require('./real'); function n() { return require('./inner') }\n",
	deps: []wantDep{dep(Require, "'./real'"), nested(Require, "'./inner'")},
}, {
	name: "a module-level require binding shadows the whole file",
	src:  "var require = function (x) { return x }\nrequire('./a')\nfunction f() { require('./b') }\n",
}}

func TestDeps(t *testing.T) {
	for _, c := range depCases {
		t.Run(c.name, func(t *testing.T) {
			m := mustParse(t, c.src, c.ts)
			checkDeps(t, c.src, m, c.deps)
			checkDynamic(t, c.src, m, c.dyn)
		})
	}
}

// TestUTF16Columns checks the columns reported for lines with Chinese text
// and emoji before the specifier, through both goja and esbuild.
func TestUTF16Columns(t *testing.T) {
	for _, c := range []struct {
		src string
		ts  bool
		col int // 1-based UTF-16 column of the literal's quote
	}{
		{"const 中文 = \"你好\"; import a from '../utils/a'; console.log(a)", false, 32},
		{"const 中文 = \"你好\"; const a = require('../utils/a')", false, 36},
		{"const e: string = '😀'; const a = require('./a')", true, 43},
		{"\ufeffconst 中 = 1; import a from './a'; console.log(a)", false, 28},
	} {
		m := mustParse(t, c.src, c.ts)
		if len(m.Deps) != 1 {
			t.Fatalf("%q: deps %+v", c.src, m.Deps)
		}
		pos := source.New("a.js", []byte(c.src)).PosAt(m.Deps[0].Start)
		if pos.Line != 1 || pos.Col != c.col {
			t.Errorf("%q: dep at %+v, want 1:%d", c.src, pos, c.col)
		}
	}
}

// TestGojaParsesPlainJavaScript checks that modern plain JavaScript is read
// by goja directly (no esbuild round trip).
func TestGojaParsesPlainJavaScript(t *testing.T) {
	src := "const a = o?.b?.(c) ?? d; x ||= 1\nclass K { #p = 1; static { } }\nconst big = 10n\n" +
		"function* g() {}\ntry {} catch {}\nasync () => { await 1 }\n"
	if _, err := parseJS("a.js", src); err != nil {
		t.Fatalf("goja rejects modern syntax: %v", err)
	}
	if _, err := parseJS("a.js", "import a from 'a'"); err == nil {
		t.Fatalf("goja accepts import: the esbuild path is untested")
	}
}

// syntaxCases are invalid files: the error is at the first occurrence of
// marker, plus delta.
var syntaxCases = []struct {
	name   string
	src    string
	ts     bool
	marker string
	delta  int
}{
	{"JavaScript", "var a = 1;\nvar b = 2;\nconst c = ;\n", false, "= ;", 2},
	{"JavaScript after Chinese", "var 中文 = '你好'; const c = ;", false, "= ;", 2},
	{"ES module", "import a from './a'\n\nconst c = ;\n", false, "= ;", 2},
	{"TypeScript", "interface I { a: string }\nlet x: number = 1\nconst c = ;\n", true, "= ;", 2},
	{"TypeScript only syntax error", "let x: = 1", true, ":", 2},
	{"BOM", "\ufeffconst c = ;", false, "= ;", 2},
	{"BOM ES module", "\ufeffimport a from 'a'; const c = ;", false, "= ;", 2},
	{"CRLF", "var a = 1\r\n\r\nconst c = ;\r\n", false, "= ;", 2},
	{"U+2028 line break", "var a = 1\u2028const c = ;", false, "= ;", 2},
	{"unterminated string", "var a = 'x\n", false, "\n", 0},
	{"top-level await in CommonJS output", "import a from 'a'\nawait a()\n", false, "await", 0},
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range syntaxCases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse("a.js", []byte(c.src), Options{TypeScript: c.ts})
			if err == nil {
				t.Fatalf("no error, module %+v", m)
			}
			want := occurrence(t, c.src, c.marker, 0) + c.delta
			if err.Offset != want || err.Message.IsZero() || !strings.Contains(err.Error(), err.Message.String()) {
				t.Errorf("error %q at %d, want at %d", err.Message, err.Offset, want)
			}
		})
	}
}

// wantExport is an expected export: Start and End span the first
// occurrence of span in the source.
type wantExport struct {
	name string
	kind ExportKind
	span string
	nth  int
}

// exportCase is a file and the exports expected in it.
type exportCase struct {
	name   string
	src    string
	ts     bool
	want   []wantExport
	opaque bool
}

var exportCases = []exportCase{{
	name: "exports.X = function",
	src:  "exports.beforeRequestPayment = function (args, cb) { cb(null, args) }\n",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "exports.beforeRequestPayment = function (args, cb) { cb(null, args) }", 0}},
}, {
	name: "exports.X = async function",
	src:  "exports.beforeRequestPayment = async function (args, cb) {}",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "exports.beforeRequestPayment = async function (args, cb) {}", 0}},
}, {
	name: "module.exports = { X } shorthand",
	src:  "function beforeRequestPayment(a, cb) {}\nmodule.exports = { beforeRequestPayment }\n",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "beforeRequestPayment", 1}},
}, {
	name: "module.exports.X = arrow",
	src:  "module.exports.beforeRequestPayment = (a, cb) => cb()",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "module.exports.beforeRequestPayment = (a, cb) => cb()", 0}},
}, {
	name: "exports.X = 42",
	src:  "exports.beforeRequestPayment = 42",
	want: []wantExport{{"beforeRequestPayment", ExportValue, "exports.beforeRequestPayment = 42", 0}},
}, {
	name: "module.exports = { X: null }",
	src:  "module.exports = { beforeRequestPayment: null }",
	want: []wantExport{{"beforeRequestPayment", ExportValue, "beforeRequestPayment: null", 0}},
}, {
	name: "object literal forms",
	src: "const vv = 1, ff = function () {}\nmodule.exports = { m() {}, async am() {}, *g() {}, 'q': 'x', 7: [1], t: `t`, " +
		"r: /x/, c: class {}, get w() { return 1 }, u: foo.bar, k: make(), vv, ff, a: () => {}, n: -1, s: 'a' + 'b' }",
	want: []wantExport{
		{"m", ExportFunction, "m() {}", 0},
		{"am", ExportFunction, "async am() {}", 0},
		{"g", ExportFunction, "*g() {}", 0},
		{"q", ExportValue, "'q': 'x'", 0},
		{"7", ExportValue, "7: [1]", 0},
		{"t", ExportValue, "t: `t`", 0},
		{"r", ExportValue, "r: /x/", 0},
		{"c", ExportValue, "c: class {}", 0},
		{"w", ExportUnknown, "get w() { return 1 }", 0},
		{"u", ExportUnknown, "u: foo.bar", 0},
		{"k", ExportUnknown, "k: make()", 0},
		{"vv", ExportValue, "vv", 1},
		{"ff", ExportFunction, "ff", 1},
		{"a", ExportFunction, "a: () => {}", 0},
		{"n", ExportValue, "n: -1", 0},
		{"s", ExportValue, "s: 'a' + 'b'", 0},
	},
}, {
	name: "identifiers resolved at top level",
	src: "const pay = async (a, cb) => {}\nfunction g() {}\nvar alias = g\nlet num = 3\nclass C {}\n" +
		"exports.a = pay; exports.b = alias; exports.c = num; exports.d = C; exports.e = unknownThing; exports['f'] = g",
	want: []wantExport{
		{"a", ExportFunction, "exports.a = pay", 0},
		{"b", ExportFunction, "exports.b = alias", 0},
		{"c", ExportValue, "exports.c = num", 0},
		{"d", ExportValue, "exports.d = C", 0},
		{"e", ExportUnknown, "exports.e = unknownThing", 0},
		{"f", ExportFunction, "exports['f'] = g", 0},
	},
}, {
	name: "chained module.exports = exports = {...}",
	src:  "module.exports = exports = { a: 1, b() {} }\nexports.c = exports.d = function* () {}",
	want: []wantExport{
		{"a", ExportValue, "a: 1", 0},
		{"b", ExportFunction, "b() {}", 0},
		{"c", ExportFunction, "exports.c = exports.d = function* () {}", 0},
		{"d", ExportFunction, "exports.d = function* () {}", 0},
	},
}, {
	name: "defineProperty",
	src:  "Object.defineProperty(exports, '__esModule', { value: true })\nObject.defineProperty(exports, 'f', { value: function () {} })",
	want: []wantExport{{"f", ExportFunction, "Object.defineProperty(exports, 'f', { value: function () {} })", 0}},
}, {
	name: "later assignment wins",
	src:  "exports.a = 1\nexports.a = function () {}",
	want: []wantExport{{"a", ExportFunction, "exports.a = function () {}", 0}},
}, {
	name: "single value module",
	src:  "module.exports = function () {}",
}, {
	name:   "module.exports = identifier",
	src:    "const api = { a: 1 }\nmodule.exports = api",
	opaque: true,
}, {
	name:   "module.exports = call",
	src:    "module.exports = factory()",
	opaque: true,
}, {
	name:   "module.exports = require",
	src:    "module.exports = require('./impl')",
	opaque: true,
}, {
	name:   "Object.assign",
	src:    "exports.a = 1\nObject.assign(module.exports, { b: 2 })",
	want:   []wantExport{{"a", ExportValue, "exports.a = 1", 0}},
	opaque: true,
}, {
	name:   "computed member",
	src:    "exports[name] = 1",
	opaque: true,
}, {
	name:   "spread and computed keys",
	src:    "module.exports = { ...base, [k]: 1, ok: 2 }",
	want:   []wantExport{{"ok", ExportValue, "ok: 2", 0}},
	opaque: true,
}, {
	name: "keywords as property names (read through esbuild)",
	src:  "const 中 = require('./z')\nmodule.exports = { import: 1, export() {} }\nexports.x = async function () {}\n",
	want: []wantExport{
		{"import", ExportValue, "import: 1", 0},
		{"export", ExportFunction, "export() {}", 0},
		{"x", ExportFunction, "exports.x = async function () {}", 0},
	},
}, {
	name: "destructured exports",
	src:  "export const { a, b: [c = 1], ...r } = obj\nexport let later; later = () => 1\n",
	want: []wantExport{
		{"a", ExportUnknown, "{ a, b: [c = 1], ...r } = obj", 0},
		{"c", ExportUnknown, "{ a, b: [c = 1], ...r } = obj", 0},
		{"r", ExportUnknown, "{ a, b: [c = 1], ...r } = obj", 0},
		{"later", ExportUnknown, "later", 0},
	},
}, {
	name: "export default identifier",
	src:  "function pay() {}\nexport default pay\n",
	want: []wantExport{{"default", ExportFunction, "export default pay", 0}},
}, {
	name: "non-ASCII identifiers",
	src:  "function 支付() {}\nconst ʐ0 = 1\nmodule.exports = { 支付, ʐ0, 𝒳: ʐ0 }\nexports.y = 支付\nexports.z = a.𝒳\n",
	want: []wantExport{
		{"支付", ExportFunction, "支付", 1},
		{"ʐ0", ExportValue, "ʐ0", 1},
		{"𝒳", ExportValue, "𝒳: ʐ0", 0},
		{"y", ExportFunction, "exports.y = 支付", 0},
		{"z", ExportUnknown, "exports.z = a.𝒳", 0},
	},
}, {
	name: "export function",
	src:  "export function beforeRequestPayment(args, cb) {\n  cb(null, args)\n}\n",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "export function beforeRequestPayment(args, cb) {\n  cb(null, args)\n}", 0}},
}, {
	name: "export const async arrow",
	src:  "export const beforeRequestPayment = async (args, cb) => {\n  await cb()\n}\n",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "beforeRequestPayment = async (args, cb) => {\n  await cb()\n}", 0}},
}, {
	name: "export { pay as X }",
	src:  "function pay(args, cb) { cb() }\nexport { pay as beforeRequestPayment }\n",
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "function pay(args, cb) { cb() }", 0}},
}, {
	name: "export const string",
	src:  "export const beforeRequestPayment = \"x\"",
	want: []wantExport{{"beforeRequestPayment", ExportValue, "beforeRequestPayment = \"x\"", 0}},
}, {
	name: "export default forms",
	src:  "const 中 = 1\nexport default function () { return 中 }\nexport let n = 1, m = () => 1\nexport async function f() {}\nexport function* g() {}\nexport class K { x = 1 }\n",
	want: []wantExport{
		{"default", ExportFunction, "export default function () { return 中 }", 0},
		{"n", ExportValue, "n = 1", 0},
		{"m", ExportFunction, "m = () => 1", 0},
		{"f", ExportFunction, "export async function f() {}", 0},
		{"g", ExportFunction, "export function* g() {}", 0},
		{"K", ExportValue, "export class K { x = 1 }", 0},
	},
}, {
	name: "export default value",
	src:  "export default 42",
	want: []wantExport{{"default", ExportValue, "export default 42", 0}},
}, {
	name: "export default object",
	src:  "export default {\n  onLoad() {}\n}\n",
	want: []wantExport{{"default", ExportValue, "export default {\n  onLoad() {}\n}", 0}},
}, {
	name: "re-exports",
	src:  "export { d, e as f } from './d'\nexport const x = mk()\n",
	want: []wantExport{
		{"d", ExportUnknown, "export { d, e as f } from './d'", 0},
		{"f", ExportUnknown, "export { d, e as f } from './d'", 0},
		{"x", ExportUnknown, "x = mk()", 0},
	},
}, {
	name:   "export star",
	src:    "export * from './all'\nexport const a = 1",
	want:   []wantExport{{"a", ExportValue, "a = 1", 0}},
	opaque: true,
}, {
	name: "TypeScript export function",
	src: "import type { Args } from './types'\ninterface Opts { a: string }\n" +
		"export function beforeRequestPayment(paymentArgs: any, callback: (err: any, args?: object) => void): void {\n" +
		"  callback(null, paymentArgs as Args)\n}\n",
	ts: true,
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "export function beforeRequestPayment(paymentArgs: any, " +
		"callback: (err: any, args?: object) => void): void {\n  callback(null, paymentArgs as Args)\n}", 0}},
}, {
	name: "TypeScript typed const",
	src:  "export const beforeRequestPayment: (a: any) => void = (a) => {}\nexport const v = 42 as number\nexport default class<T> { }\n",
	ts:   true,
	want: []wantExport{
		{"beforeRequestPayment", ExportFunction, "beforeRequestPayment: (a: any) => void = (a) => {}", 0},
		{"v", ExportValue, "v = 42", 0},
		{"default", ExportValue, "export default class<T> { }", 0},
	},
}, {
	name: "TypeScript export =",
	src:  "export = { beforeRequestPayment(a: any) {} }",
	ts:   true,
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "beforeRequestPayment(a: any) {}", 0}},
}, {
	name: "TypeScript CommonJS",
	src:  "const n: number = 1\nexports.beforeRequestPayment = (a: any, cb: Function): void => cb()\n",
	ts:   true,
	want: []wantExport{{"beforeRequestPayment", ExportFunction, "exports.beforeRequestPayment = (a: any, cb: Function): void => cb()", 0}},
}}

func TestExports(t *testing.T) {
	for _, c := range exportCases {
		t.Run(c.name, func(t *testing.T) {
			m := mustParse(t, c.src, c.ts)
			if m.OpaqueExports != c.opaque {
				t.Errorf("OpaqueExports = %v, want %v", m.OpaqueExports, c.opaque)
			}
			if len(m.Exports) != len(c.want) {
				t.Fatalf("got %d exports %+v, want %d", len(m.Exports), m.Exports, len(c.want))
			}
			for i, w := range c.want {
				e := m.Exports[i]
				start := occurrence(t, c.src, w.span, w.nth)
				if e.Name != w.name || e.Kind != w.kind || e.Start != start || e.End != start+len(w.span) {
					t.Errorf("export %d = {%s %v %q}, want {%s %v %q}", i, e.Name, e.Kind, c.src[e.Start:e.End], w.name, w.kind, w.span)
				}
			}
		})
	}
}

// TestSourceMappingURLIsNotRead checks that a sourceMappingURL comment
// never makes the parser read a file: neither a missing file nor a
// malformed one next to the parsed path changes anything.
func TestSourceMappingURLIsNotRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.map"), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.js")
	for _, body := range []string{
		"const a = require('./a')\nexports.f = function () {}\n",
		"import a from './a'\nexport function f() { return a }\n",
	} {
		plain, err := Parse(path, []byte(body), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, url := range []string{"../../../etc/passwd.map", "bad.map", "/nonexistent/x.map", "data:application/json;base64,e30="} {
			got, err := Parse(path, []byte(body+"//# sourceMappingURL="+url+"\n"), Options{})
			if err != nil {
				t.Fatalf("%s: %v", url, err)
			}
			if len(got.Comments) != 1 || got.Comments[0].Start != len(body) {
				t.Errorf("%s: comments %+v, want the sourceMappingURL comment at %d", url, got.Comments, len(body))
			}
			got.Comments = nil
			if !reflect.DeepEqual(got, plain) {
				t.Errorf("%s: module %+v, want %+v", url, got, plain)
			}
		}
	}
}

func TestKindNames(t *testing.T) {
	want := map[DepKind]string{
		Require: "require", RequireAsync: "require.async", RequireCallback: "require-callback",
		RequirePlugin: "requirePlugin", Import: "import", ExportFrom: "export-from", DynamicImport: "dynamic-import", 99: "DepKind(99)",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(k), k.String(), s)
		}
	}
	for k, s := range map[ExportKind]string{ExportUnknown: "unknown", ExportFunction: "function", ExportValue: "value", 7: "ExportKind(7)"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(k), k.String(), s)
		}
	}
}

func TestEmptyAndTrivialFiles(t *testing.T) {
	for _, c := range []struct {
		src string
		ts  bool
	}{
		{"", false},
		{"", true},
		{"\ufeff", false},
		{"// nothing\n", true},
		{"export {}", false},
		{"type T = 1", true},
		// esbuild used to loop forever on a truncated UTF-8 sequence at the end.
		{"// c\xd6", true},
		{"export {} // \xe4\xb8", false},
	} {
		m := mustParse(t, c.src, c.ts)
		if len(m.Deps)+len(m.DynamicRequires)+len(m.Exports) != 0 || m.OpaqueExports {
			t.Errorf("%q: module %+v, want empty", c.src, m)
		}
	}
}

// TestAppCalls finds App(...) calls of the global, in plain JS, ES modules
// and TypeScript, and not calls of a local binding named App.
func TestAppCalls(t *testing.T) {
	for _, tc := range []struct {
		src  string
		ts   bool
		want int
	}{
		{"App({ onLaunch() {} })\n", false, 1},
		{"import x from './x'\n// 启动\nApp({ globalData: x })\n", false, 1},
		{"const a: number = 1\nApp({ a })\n", true, 1},
		{"function App(o) { return o }\nApp({})\n", false, 0},
		{"const app = getApp(); Page({ onLoad() { app.App() } })\n", false, 0},
	} {
		m := mustParse(t, tc.src, tc.ts)
		if len(m.AppCalls) != tc.want {
			t.Errorf("%q: %d App calls %+v, want %d", tc.src, len(m.AppCalls), m.AppCalls, tc.want)
			continue
		}
		for _, s := range m.AppCalls {
			if got := tc.src[s.Start:s.End]; got != "App" {
				t.Errorf("%q: span %q, want App", tc.src, got)
			}
		}
	}
}

// comp is a Component whose data sets version "develop" and whose method
// pay has body.
func comp(body string) string {
	return "Component({ data: { version: 'develop' }, methods: { pay() { " + body + " } } })\n"
}

// TestPluginPayments finds the version of wx.requestPluginPayment as the
// platform's sample writes it: a literal, a const (top level or in the
// function), this.data.version where the data literal sets it; anything
// that cannot be known is left alone.
func TestPluginPayments(t *testing.T) {
	for _, tc := range []struct {
		src, lit, via string
		ts            bool
	}{
		{"wx.requestPluginPayment({ fee: 1, version: 'develop', paymentArgs: {} })\n", "'develop'", "", false},
		{"// 支付\nconst version = \"trial\"\nPage({ pay() { wx.requestPluginPayment({ version, fee }) } })\n", "\"trial\"", "version", false},
		{"import a from './a'\nexport const v = 'develop'\nwx.requestPluginPayment({ 'version': v, a })\n", "'develop'", "v", false},
		{"const fee: number = 1\nwx.requestPluginPayment({ version: 'release', fee })\n", "'release'", "", true},
		{"wx.requestPluginPayment({ version: this.data.version })\n", "", "", false},
		{"let v = 'develop'; v = 'release'\nwx.requestPluginPayment({ version: v })\n", "", "", false},
		{"wx.requestPluginPayment({ [k]: 'develop' })\n", "", "", false},
		// this.data.version of a Component or Page whose data literal sets it.
		{comp("const { fee, version } = this.data; wx.requestPluginPayment({ fee, version })"), "'develop'", "", false},
		{"import a from './a'\n" + comp("const version = this.data.version; wx.requestPluginPayment({ version, a })"), "'develop'", "", false},
		{"const fee: number = 1\n" + comp("setTimeout(() => wx.requestPluginPayment({ fee, version: this.data.version }))"), "'develop'", "", true},
		{"Page({ data: { version: 'develop' }, onLoad() { wx.requestPluginPayment({ version: this.data.version }) } })\n", "'develop'", "", false},
		// a const in the function.
		{"function pay() { const v = 'trial'; wx.requestPluginPayment({ version: v }) }\n", "'trial'", "v", false},
		{"import a from './a'\nexport function pay() { const v = `trial`; if (a) { wx.requestPluginPayment({ version: v }) } }\n", "`trial`", "v", false},
		// what cannot be known, one guard at a time.
		{comp("wx.requestPluginPayment({ version: this.data.version })") + "Component({ methods: { x() { this.setData({ version: 'release' }) } } })\n", "", "", false},
		{comp("wx.requestPluginPayment({ version: this.data.version })") + "function f(o) { o.setData(o) }\n", "", "", false},
		{comp("wx.requestPluginPayment({ version: this.data.version })") + "function f(o) { o.setData({ 'version.x': 1 }) }\n", "", "", false},
		{comp("wx.requestPluginPayment({ version: this.data.version })") + "function f(o) { o.data.version = 'release' }\n", "", "", false},
		{comp("wx.requestPluginPayment({ version: this.data.version })") + "function f(o) { Object.assign(o.data, {}) }\n", "", "", false},
		{"Component({ behaviors: [b], data: { version: 'develop' }, methods: { pay() { wx.requestPluginPayment({ version: this.data.version }) } } })\n", "", "", false},
		{"Component({ properties: { version: String }, data: { version: 'develop' }, methods: { pay() { wx.requestPluginPayment({ version: this.data.version }) } } })\n", "", "", false},
		{"Component({ ...o, data: { version: 'develop' }, methods: { pay() { wx.requestPluginPayment({ version: this.data.version }) } } })\n", "", "", false},
		{"Component({ data: { version: 'develop', ...o }, methods: { pay() { wx.requestPluginPayment({ version: this.data.version }) } } })\n", "", "", false},
		{comp("wx.request({ success: function () { wx.requestPluginPayment({ version: this.data.version }) } })"), "", "", false},
		{"Component({ data: { version: 'develop' }, methods: { pay: () => wx.requestPluginPayment({ version: this.data.version }) } })\n", "", "", false},
		{"function Component(o) {}\n" + comp("wx.requestPluginPayment({ version: this.data.version })"), "", "", false},
		{comp("const { version } = this.data; [1].forEach((version) => wx.requestPluginPayment({ version }))"), "", "", false},
		{"const version = 'develop'\nfunction pay(version) { wx.requestPluginPayment({ version }) }\n", "", "", false},
		{"function pay() { const v = 'trial'; { let v = 'release'; wx.requestPluginPayment({ version: v }) } }\n", "", "", false},
		{"function pay() { { const v = 'trial' } wx.requestPluginPayment({ version: v }) }\n", "", "", false},
	} {
		m := mustParse(t, tc.src, tc.ts)
		if tc.lit == "" {
			if len(m.PluginPayments) != 0 {
				t.Errorf("%q: %+v, want none", tc.src, m.PluginPayments)
			}
			continue
		}
		if len(m.PluginPayments) != 1 {
			t.Errorf("%q: %+v, want one", tc.src, m.PluginPayments)
			continue
		}
		p := m.PluginPayments[0]
		data := strings.Contains(tc.src, "this.data")
		if got := tc.src[p.Start:p.End]; got != tc.lit || p.Via != tc.via || p.Version != tc.lit[1:len(tc.lit)-1] || p.Data != data {
			t.Errorf("%q: %+v spans %q, want %s via %q", tc.src, p, got, tc.lit, tc.via)
		}
	}
}

// TestWxCalls finds wx.NAME(...) calls of the platform's wx with the span
// of NAME, through goja and esbuild, and not those of a local wx.
func TestWxCalls(t *testing.T) {
	for _, tc := range []struct {
		src   string
		ts    bool
		names []string
	}{
		{"wx.requestPayment({}); const p = wx.getSystemInfoSync\nif (wx.canIUse('x')) {}\n", false, []string{"requestPayment", "canIUse"}},
		{"import a from './a'\n// 支付\nexport function pay() { wx.requestPayment(a) }\n", false, []string{"requestPayment"}},
		{"const n: number = 1\nwx.login({ success() {} })\n", true, []string{"login"}},
		{"function f(wx) { wx.requestPayment() }\nconst o = { wx: 1 }; o.wx.login()\n", false, nil},
	} {
		m := mustParse(t, tc.src, tc.ts)
		var got []string
		for _, c := range m.WxCalls {
			if tc.src[c.Start:c.End] != c.Name {
				t.Errorf("%q: %q spans %q", tc.src, c.Name, tc.src[c.Start:c.End])
			}
			got = append(got, c.Name)
		}
		if strings.Join(got, ",") != strings.Join(tc.names, ",") {
			t.Errorf("%q: %v, want %v", tc.src, got, tc.names)
		}
	}
}

// TestExportParams sees the parameters of exported functions in every
// export form, and whether they read arguments.
func TestExportParams(t *testing.T) {
	for _, tc := range []struct {
		src    string
		ts     bool
		params int
		args   bool
	}{
		{"exports.beforeRequestPayment = function (args, callback) { callback() }\n", false, 2, false},
		{"exports.beforeRequestPayment = (args) => {}\n", false, 1, false},
		{"module.exports = { beforeRequestPayment(a) { return arguments[1]() } }\n", false, 1, true},
		{"function beforeRequestPayment(a, cb) {}\nmodule.exports = { beforeRequestPayment }\n", false, 2, false},
		{"import x from './x'\n// 支付\nexport function beforeRequestPayment(args) { x(args) }\n", false, 1, false},
		{"export const beforeRequestPayment = async (a: any, cb: (e: any) => void): Promise<void> => cb(null)\n", true, 2, false},
		{"exports.beforeRequestPayment = function (...all) {}\n", false, -1, false},
		{"exports.beforeRequestPayment = require('./impl')\n", false, -1, false},
	} {
		m := mustParse(t, tc.src, tc.ts)
		var found bool
		for _, e := range m.Exports {
			if e.Name != "beforeRequestPayment" {
				continue
			}
			found = true
			if e.Params != tc.params || e.UsesArguments != tc.args {
				t.Errorf("%q: params %d arguments %v, want %d %v", tc.src, e.Params, e.UsesArguments, tc.params, tc.args)
			}
		}
		if !found && tc.params != -1 {
			t.Errorf("%q: no export", tc.src)
		}
	}
}
