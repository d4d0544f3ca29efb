package jsmod

import "testing"

// TestLiteralSearch exercises the fallbacks of mapper.literal when the
// source map says nothing (no mapping at all: the search starts at line 1).
func TestLiteralSearch(t *testing.T) {
	text := []byte("x('./near')\n\n\n\ny('./three')\n\n\n\n\n\n\nz('./far'); w('./near')\nv(\"esc\\x61ped\")\n")
	m := &mapper{orig: text, raw: text, lines: newLineTable(text), used: map[int]bool{}}
	for _, c := range []struct {
		spec string
		lit  string
		nth  int
		ok   bool
	}{
		{"./near", "'./near'", 0, true},   // on the mapped line
		{"./three", "'./three'", 0, true}, // within three lines
		{"./far", "'./far'", 0, true},     // anywhere in the file
		{"./near", "'./near'", 1, true},   // the first one is used already
		{"./gone", "", 0, false},          // nowhere, and no unused literal on line 1
	} {
		start, end, ok := m.literal(0, c.spec)
		if ok != c.ok {
			t.Fatalf("%s: found = %v", c.spec, ok)
		}
		if !ok {
			continue
		}
		want := occurrence(t, string(text), c.lit, c.nth)
		if start != want || end != want+len(c.lit) {
			t.Errorf("%s: [%d,%d), want [%d,%d)", c.spec, start, end, want, want+len(c.lit))
		}
	}
}

func TestLiteralAt(t *testing.T) {
	for _, c := range []struct {
		text, spec string
		end        int
		ok         bool
	}{
		{`'./a'`, "./a", 5, true},
		{`"./\u0061"`, "./a", 10, true},
		{`"./\x61\u{62}"`, "./ab", 14, true},
		{"`./a`", "./a", 5, true},
		{"`./${a}`", "./a", 0, false},
		{"'./a\n'", "./a", 0, false},
		{`'./b'`, "./a", 0, false},
		{`x'./a'`, "./a", 0, false},
		{"'\xa2'", "\ufffd", 3, true},
	} {
		end, ok := literalAt([]byte(c.text), 0, c.spec)
		if end != c.end || ok != c.ok {
			t.Errorf("literalAt(%q, %q) = %d, %v; want %d, %v", c.text, c.spec, end, ok, c.end, c.ok)
		}
	}
}

func TestKindBefore(t *testing.T) {
	for _, c := range []struct {
		text string
		kind DepKind
		stmt int // -1: none
		ok   bool
	}{
		{`import a from "x"`, Import, 0, true},
		{`; import {a as b} from /* c */ "x"`, Import, 2, true},
		{`import "x"`, Import, 0, true},
		{`export * from "x"`, ExportFrom, 0, true},
		{`export { import as y } from "x"`, ExportFrom, 0, true},
		{`import("x")`, DynamicImport, -1, true},
		{`require ( "x"`, Require, -1, true},
		{`require.async("x"`, RequireAsync, -1, true},
		{`requirePlugin("x"`, RequirePlugin, -1, true},
		{`foo.require("x"`, 0, -1, false},
		{`foo.require.async("x"`, 0, -1, false},
		{`x.import("x"`, 0, -1, false},
		{`a; from "x"`, 0, -1, false},
		{`f("x"`, 0, -1, false},
	} {
		kind, stmt, ok := kindBefore([]byte(c.text), lastQuoteStart(c.text))
		if kind != c.kind || stmt != c.stmt || ok != c.ok {
			t.Errorf("kindBefore(%q) = %v, %d, %v; want %v, %d, %v", c.text, kind, stmt, ok, c.kind, c.stmt, c.ok)
		}
	}
}

// lastQuoteStart returns the offset of the opening quote of the last "x".
func lastQuoteStart(s string) int {
	for i := len(s) - 3; i >= 0; i-- {
		if s[i:i+3] == `"x"` {
			return i
		}
	}
	return -1
}

func TestExtendBackAndTokenEnd(t *testing.T) {
	text := []byte("export default /* c */ abstract class A {}; f(`a${`b`}c`, 1.5e3, 'q')")
	if got := extendBack(text, occurrence(t, string(text), "class", 0)); got != 0 {
		t.Errorf("extendBack = %d, want 0", got)
	}
	for _, tok := range []string{"`a${`b`}c`", "1.5e3", "'q'", "abstract", "{"} {
		start := occurrence(t, string(text), tok, 0)
		if got := tokenEnd(text, start); got != start+len(tok) {
			t.Errorf("tokenEnd at %q = %d, want %d", tok, got, start+len(tok))
		}
	}
}
