package jsmod

import (
	"strings"
	"testing"
	"time"
)

// slowLimit is how long one pathological or near-limit input may take. The
// slowest near-limit input (2,000 nested TypeScript type arguments) takes
// about 0.4 s; the margin is for the race detector and loaded machines.
const slowLimit = 5 * time.Second

// pathological inputs that would make goja or esbuild overflow the stack
// or take very long; each must be rejected quickly.
var pathological = map[string]string{
	"parens":      strings.Repeat("(", 5<<20),
	"brackets":    strings.Repeat("[", 1<<20),
	"braces":      "x = " + strings.Repeat("{a:", 1<<20),
	"templates":   strings.Repeat("`${", 1<<20),
	"not":         strings.Repeat("!", 1<<20) + "a",
	"minus":       strings.Repeat("- ", 1<<20) + "a",
	"typeof":      strings.Repeat("typeof ", 1<<18) + "a",
	"new":         strings.Repeat("new ", 1<<18) + "a",
	"await":       "async function f() {" + strings.Repeat("await ", 1<<18) + "a }",
	"assign":      strings.Repeat("a=", 1<<20) + "a",
	"conditional": strings.Repeat("a?b:", 1<<20) + "a",
	"arrows":      strings.Repeat("x=>", 1<<17) + "a",
	"exponent":    strings.Repeat("a**", 1<<20) + "a",
	"spread":      "f(" + strings.Repeat("...", 1<<18) + "a)",
	"if":          strings.Repeat("if(a)", 1<<20) + ";",
	"while":       strings.Repeat("while(a)", 1<<18) + ";",
	"else if":     "if(a){}" + strings.Repeat("else if(a){}", 1<<18),
	"else if ;":   "if(a) f=function(){},0; " + strings.Repeat("else if(a) f=function(){},0; ", 1<<16),
	"labels":      strings.Repeat("a:", 1<<20) + ";",
	"member":      "a" + strings.Repeat(".b", 1<<20),
	"calls":       "a" + strings.Repeat("(b)", 1<<20),
	"methods":     "a" + strings.Repeat(".b(c)", 1<<19),
	"assign obj":  "a" + strings.Repeat("={}", 1<<20),
	"newlines":    strings.Repeat("a=\n", 1<<20) + "a",
	"else ;":      "if(a) b;" + strings.Repeat(" else if(a) b;", 1<<18),
	"import":      "import a from 'a'\n" + strings.Repeat("!", 1<<18) + "a",
	"relational":  "x = " + strings.Repeat("a<", 1<<20) + "a",
	"instanceof":  "x = " + strings.Repeat("a instanceof ", 1<<18) + "a",
	"in":          "x = " + strings.Repeat("a in ", 1<<18) + "a",
	"array types": "let x: A" + strings.Repeat("[]", 1<<19),
}

func TestPathologicalNesting(t *testing.T) {
	for name, src := range pathological {
		for _, ts := range []bool{false, true} {
			start := time.Now()
			m, err := Parse("deep.js", []byte(src), Options{TypeScript: ts})
			if err == nil || err.Message.Key != errTooDeep {
				t.Errorf("%s (ts=%v): module %v, error %v; want %q", name, ts, m != nil, err, errTooDeep)
				continue
			}
			if err.Offset < 0 || err.Offset > len(src) {
				t.Errorf("%s: offset %d outside the text", name, err.Offset)
			}
			if d := time.Since(start); d > slowLimit {
				t.Errorf("%s (ts=%v): took %v", name, ts, d)
			}
		}
	}
}

// nearLimit are inputs just below the limit: the parsers must handle them
// quickly (this measures the worst cases the limit lets through).
var nearLimit = map[string]string{
	"parens":       strings.Repeat("(", 1990) + "a" + strings.Repeat(")", 1990),
	"not":          strings.Repeat("!", 1990) + "a",
	"arrows":       strings.Repeat("x=>", maxNesting/arrowWeight-1) + "a",
	"paren arrows": strings.Repeat("(x)=>", maxNesting/(arrowWeight+1)-1) + "a",
	"if":           strings.Repeat("if(a)", 1990) + ";",
	"else if":      "if(a){}" + strings.Repeat("else if(a){}", 1990),
	"methods":      "a" + strings.Repeat(".b(c)", 990),
	"conditional":  strings.Repeat("a?b:", 990) + "a",
	"generics":     "let x: " + strings.Repeat("A<", 1990) + "b" + strings.Repeat(">", 1990),
	"type args":    "f" + strings.Repeat("<a", 1990) + "(x)",
}

func TestNearLimitNesting(t *testing.T) {
	for name, src := range nearLimit {
		for _, ts := range []bool{false, true} {
			start := time.Now()
			_, err := Parse("deep.js", []byte(src), Options{TypeScript: ts})
			if err != nil && err.Message.Key == errTooDeep {
				t.Errorf("%s (ts=%v) rejected at %d", name, ts, err.Offset)
			}
			if d := time.Since(start); d > slowLimit {
				t.Errorf("%s (ts=%v): took %v", name, ts, d)
			}
		}
	}
}

// TestOrdinaryCodeIsNotTooDeep checks that long but flat code passes.
func TestOrdinaryCodeIsNotTooDeep(t *testing.T) {
	inputs := map[string]string{
		"many statements without semicolons": strings.Repeat("const a = require('./a')\nif (a) { b() }\nx = y ? 1 : 2\n", 3000),
		"long else-if chain":                 "if (a) {}" + strings.Repeat(" else if (a === 1) { f() }", 900),
		"long concatenation":                 "x = 'a'" + strings.Repeat(" + 'b' + -c", 1000),
		"promise chain":                      "p" + strings.Repeat(".then((x) => x + 1)", 400),
		"minified":                           strings.Repeat("var a=1,b=!0,c=function(){return a?b:c};if(a)b();else c();", 3000),
		"regexps and strings":                strings.Repeat("x = /[(]{/g; y = '(((' + \"[[[\" + `{{{${a}`;\n", 2000),
		"object literal":                     "module.exports = {" + strings.Repeat("a: 1, b: () => 2, c: !0,\n", 3000) + "}",
	}
	for name, src := range inputs {
		if at := checkNesting([]byte(src), false); at >= 0 {
			t.Errorf("%s: rejected at %d: %q", name, at, src[max(0, at-40):min(len(src), at+40)])
		}
	}
}

func TestModuleSyntaxDetection(t *testing.T) {
	for src, want := range map[string]bool{
		"import a from 'a'":               true,
		"export const a = 1":              true,
		"x = import('a')":                 true,
		"a.import('x'); b?.export":        false,
		"s = 'import x'; // export\n":     false,
		"/* import */ exports.a = 1":      false,
		"t = `${a}import`; r = /export/g": false,
	} {
		if got := scanText([]byte(src), false).moduleSyntax; got != want {
			t.Errorf("%q: moduleSyntax = %v, want %v", src, got, want)
		}
	}
}

// BenchmarkScan measures the pre-scan alone on each kind of file.
func BenchmarkScan(b *testing.B) {
	for _, kind := range []string{"cjs", "esm", "ts"} {
		text := benchFile(kind)
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if s := scanText(text, kind == "ts"); s.tooDeep >= 0 {
					b.Fatal("too deep")
				}
			}
		})
	}
}
