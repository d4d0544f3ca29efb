package jsmod

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// FuzzParse checks that no input makes Parse panic or report a span outside
// the text. The first byte selects the loader: odd means TypeScript.
func FuzzParse(f *testing.F) {
	seed := func(src string, ts bool) {
		flag := byte(0)
		if ts {
			flag = 1
		}
		f.Add(append([]byte{flag}, src...))
		f.Add(append([]byte{flag ^ 1}, src...))
	}
	for _, c := range depCases {
		seed(c.src, c.ts)
	}
	for _, c := range exportCases {
		seed(c.src, c.ts)
	}
	for _, c := range syntaxCases {
		seed(c.src, c.ts)
	}
	for _, c := range commentCases {
		seed(c.src, c.ts)
	}
	seed(walkCorpus, false)
	seed("import a from './a'\n//# sourceMappingURL=../../../etc/passwd.map\n", false)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		text := data[1:]
		m, err := Parse("fuzz.js", text, Options{TypeScript: data[0]&1 == 1})
		if err != nil {
			if err.Offset < 0 || err.Offset > len(text) || err.Message.IsZero() {
				t.Fatalf("error %q at %d outside [0,%d]", err.Message, err.Offset, len(text))
			}
			if e := i18n.RenderError(err.Message); e != nil { // esbuild may quote a "%!" of the text
				t.Fatal(e)
			}
			return
		}
		if msg := checkModule(m, text); msg != "" {
			t.Fatal(msg)
		}
	})
}

// checkModule returns what is wrong with the spans of m, or "".
func checkModule(m *Module, text []byte) string {
	inside := func(start, end int) bool { return 0 <= start && start <= end && end <= len(text) }
	for _, d := range m.Deps {
		if !inside(d.Start, d.End) || d.End-d.Start < 2 {
			return fmt.Sprintf("dep %+v outside the text (%d bytes)", d, len(text))
		}
		q := text[d.Start]
		if !strings.ContainsRune("'\"`", rune(q)) || text[d.End-1] != q {
			return fmt.Sprintf("dep %+v spans %q, not a literal", d, text[d.Start:d.End])
		}
	}
	for _, s := range m.DynamicRequires {
		if !inside(s.Start, s.End) || s.Start == s.End {
			return fmt.Sprintf("dynamic require %+v outside the text (%d bytes)", s, len(text))
		}
	}
	for _, e := range m.Exports {
		if !inside(e.Start, e.End) {
			return fmt.Sprintf("export %+v outside the text (%d bytes)", e, len(text))
		}
	}
	return checkComments(m, text)
}

// checkComments returns what is wrong with the comments of m, or "": each
// lies within the text after the previous one, is delimited by "//" (up to
// a line terminator) or by "/*" and "*/", and overlaps no dependency's
// string literal.
func checkComments(m *Module, text []byte) string {
	prevEnd := 0
	for i, c := range m.Comments {
		if c.Start < prevEnd || c.TextStart != c.Start+2 || c.TextEnd < c.TextStart || c.End > len(text) {
			return fmt.Sprintf("comment %d: bad offsets %+v (previous ended at %d, len %d)", i, c, prevEnd, len(text))
		}
		body := string(text[c.TextStart:c.TextEnd])
		switch {
		case strings.HasPrefix(string(text[c.Start:]), "//"):
			if c.End != c.TextEnd || strings.ContainsAny(body, "\n\r\u2028\u2029") ||
				c.End < len(text) && lineTerminatorLen(text[c.End:]) == 0 {
				return fmt.Sprintf("line comment %d: %+v spans %q", i, c, text[c.Start:c.End])
			}
		case strings.HasPrefix(string(text[c.Start:]), "/*"):
			if c.End != c.TextEnd+2 || string(text[c.TextEnd:c.End]) != "*/" || strings.Contains(body, "*/") {
				return fmt.Sprintf("block comment %d: %+v spans %q", i, c, text[c.Start:c.End])
			}
		default:
			return fmt.Sprintf("comment %d: %+v spans %q, not a comment", i, c, text[c.Start:c.End])
		}
		for _, d := range m.Deps {
			if c.Start < d.End && d.Start < c.End {
				return fmt.Sprintf("comment %d %q overlaps the literal of dep %+v", i, text[c.Start:c.End], d)
			}
		}
		prevEnd = c.End
	}
	return ""
}

// benchFile builds a CommonJS, ES module or TypeScript file of about 50 KB.
func benchFile(kind string) []byte {
	var b strings.Builder
	for i := 0; b.Len() < 50<<10; i++ {
		switch kind {
		case "cjs":
			fmt.Fprintf(&b, "const m%d = require('../utils/m%d') // 模块 %d\n", i, i, i)
			fmt.Fprintf(&b, "exports.f%d = function (a, cb) { if (a > %d) { cb(m%d.x(a)) } else { requirePlugin('p') } }\n", i, i, i)
		case "esm":
			fmt.Fprintf(&b, "import m%d from '../utils/m%d' // 模块 %d\n", i, i, i)
			fmt.Fprintf(&b, "export function f%d(a, cb) { if (a > %d) { cb(m%d.x(a)) } else { return import('./lazy%d') } }\n", i, i, i, i)
		case "ts":
			fmt.Fprintf(&b, "import m%d from '../utils/m%d' // 模块 %d\ninterface I%d { a: number; cb: (e: any) => void }\n", i, i, i, i)
			fmt.Fprintf(&b, "export function f%d(a: I%d, cb: (x: any) => void): void { if (a.a > %d) { cb(m%d.x(a as any)) } }\n", i, i, i, i)
		}
	}
	return []byte(b.String())
}

// BenchmarkParse measures Parse on each kind of file; "esm-esbuild" is the
// ES module file read by the esbuild path (as every ES module was before
// esm.go).
func BenchmarkParse(b *testing.B) {
	for _, kind := range []string{"cjs", "esm", "esm-esbuild", "ts"} {
		opt := Options{TypeScript: kind == "ts", esbuildOnly: kind == "esm-esbuild"}
		text := benchFile(strings.TrimSuffix(kind, "-esbuild"))
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m, err := Parse("bench.js", text, opt)
				if err != nil || len(m.Deps) == 0 || len(m.Exports) == 0 {
					b.Fatalf("Parse: %v, %+v", err, m)
				}
			}
		})
	}
}

// TestBenchFiles checks the benchmark inputs give the expected facts.
func TestBenchFiles(t *testing.T) {
	for _, kind := range []string{"cjs", "esm", "ts"} {
		text := benchFile(kind)
		m, err := Parse("bench.js", text, Options{TypeScript: kind == "ts"})
		if err != nil {
			t.Fatal(err)
		}
		n := strings.Count(string(text), "\n") / map[string]int{"cjs": 2, "esm": 2, "ts": 3}[kind]
		wantDeps := map[string]int{"cjs": 2 * n, "esm": 2 * n, "ts": n}[kind]
		if len(m.Deps) != wantDeps || len(m.Exports) != n {
			t.Errorf("%s: %d deps, %d exports; want %d, %d", kind, len(m.Deps), len(m.Exports), wantDeps, n)
		}
		if msg := checkModule(m, text); msg != "" {
			t.Error(msg)
		}
		for _, e := range m.Exports {
			if e.Kind != ExportFunction || !strings.HasPrefix(string(text[e.Start:e.End]), map[string]string{"cjs": "exports.", "esm": "export function", "ts": "export function"}[kind]) {
				t.Fatalf("%s: export %+v spans %q", kind, e, text[e.Start:e.End])
			}
		}
	}
}
