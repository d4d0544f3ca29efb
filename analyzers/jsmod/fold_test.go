package jsmod

import (
	"fmt"
	"strings"
	"testing"
)

// plusChain returns `const x = "s0" + "s1" + … ;` with n operands, each
// made by op.
func plusChain(prefix string, n int, op func(int) string) string {
	var b strings.Builder
	b.WriteString(prefix + "const x = ")
	for i := range n {
		if i > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(op(i))
	}
	b.WriteString(";\n")
	return b.String()
}

func quoted(i int) string { return fmt.Sprintf("%q", fmt.Sprint("s", i)) }

// esbuild joins "a" + "b" + … one operand at a time, copying the whole
// string each time: memory quadratic in the chain (issue 10). A chain
// whose joining would cost too much is refused before esbuild runs, as a
// syntax error at the chain, on the esbuild path only.
func TestLongStringChainRefused(t *testing.T) {
	cases := []struct {
		name string
		src  string
		ts   bool
	}{
		{"ES module", plusChain("export ", 6000, quoted), false},
		{"TypeScript", plusChain("", 6000, quoted), true},
		{"CommonJS goja rejects", plusChain("async function f() { for await (const x of y) {} }\n", 6000, quoted), false},
		{"templates", plusChain("export ", 6000, func(i int) string { return fmt.Sprintf("`t%d${a}`", i) }), false},
		{"numbers after a string", plusChain("export ", 6000, func(i int) string {
			if i == 0 {
				return `""`
			}
			return fmt.Sprint(i)
		}), false},
		{"after an identifier", "export " + plusChain("", 6000, func(i int) string {
			if i == 0 {
				return "a"
			}
			return quoted(i)
		}), false},
	}
	for _, c := range cases {
		m, err := Parse("a.js", []byte(c.src), Options{TypeScript: c.ts})
		if err == nil || err.Message.Key != errFoldTooLong {
			t.Errorf("%s: module %v, error %v; want %q", c.name, m != nil, err, errFoldTooLong)
			continue
		}
		if err.Offset <= 0 || err.Offset >= len(c.src) {
			t.Errorf("%s: offset %d, want inside the chain", c.name, err.Offset)
		}
	}
}

// What esbuild joins cheaply, and what goja parses, is still analyzed.
func TestStringChainAccepted(t *testing.T) {
	long := func(i int) string { return fmt.Sprintf("%q", strings.Repeat("x", 60)+fmt.Sprint(i)) }
	cases := []struct {
		name string
		src  string
		ts   bool
	}{
		{"CommonJS (goja)", plusChain("require('./a');\n", 20000, quoted), false},
		{"moderate ES module chain", plusChain("import './a';\n", 800, long), false},
		{"identifiers (esbuild joins nothing)", plusChain("import './a';\n", 20000, func(i int) string { return fmt.Sprint("a", i) }), false},
		{"alternating", plusChain("import './a';\n", 20000, func(i int) string {
			if i%2 == 0 {
				return "a"
			}
			return quoted(i)
		}), false},
		{"many short chains", "import './a';\n" + strings.Repeat(`x = "a" + "b" + "c" + "d";`+"\n", 20000), true},
	}
	for _, c := range cases {
		m, err := Parse("a.js", []byte(c.src), Options{TypeScript: c.ts})
		if err != nil || len(m.Deps) != 1 {
			t.Errorf("%s: error %v, module %v", c.name, err, m)
		}
	}
}

// enumChain returns an enum whose members each join the one before twice:
// esbuild's value doubles with each member.
func enumChain(n int) string {
	var b strings.Builder
	b.WriteString(`enum E { M0 = "xx"`)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ", M%d = M%d + E.M%d", i, i-1, i-1)
	}
	b.WriteString(" }\nexport const v = E.M1;\n")
	return b.String()
}

// TypeScript enums: esbuild inlines members where they are named and
// folds members from earlier ones, so a few hundred bytes could grow
// exponentially, and a long member named often is copied each time.
func TestEnumBlowUpRefused(t *testing.T) {
	long := `"` + strings.Repeat("x", 100000) + `"`
	cases := map[string]string{
		"doubling members":         enumChain(40),
		"long member named often":  "enum E { A = " + long + " }\n" + strings.Repeat("f(E.A);\n", 2000),
		"named by index, before":   strings.Repeat(`f(E["A"]);`+"\n", 2000) + "enum E { A = " + long + " }\n",
		"joined with +":            "const x = " + strings.Repeat("E.A + ", 300) + "E.A;\nenum E { A = " + long + " }\n",
		"joined in an initializer": "enum E { A = " + long + ", B = (A + A) + (A + A) + (A + A) + (A + A) + (A + A) + (A + A) }\nf(E.B)",
	}
	for name, src := range cases {
		m, err := Parse("a.ts", []byte(src), Options{TypeScript: true})
		if err == nil || err.Message.Key != errFoldTooLong {
			t.Errorf("%s: module %v, error %v; want %q", name, m != nil, err, errFoldTooLong)
		}
	}
}

// Ordinary enums are analyzed.
func TestEnumsAccepted(t *testing.T) {
	src := "import './a';\nenum Color { Red = 'RED', Green = 'GREEN', Both = Red + Green }\n" +
		"const enum N { A, B = 2, C = A | B }\nenum Msg { Hello = `" + strings.Repeat("你好", 500) + "` }\n" +
		strings.Repeat("f(Color.Red, Color.Both, N.C, Msg.Hello);\n", 500)
	m, err := Parse("a.ts", []byte(src), Options{TypeScript: true})
	if err != nil || len(m.Deps) != 1 {
		t.Fatalf("error %v, module %v", err, m)
	}
	if _, err := Parse("a.ts", []byte(enumChain(12)), Options{TypeScript: true}); err != nil {
		t.Errorf("12 doubling members: %v", err)
	}
}
