//go:build stress

package jsmod

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
}

// growth checks that the work of f on the input of size n and of 4n grows
// about linearly: at most 8 times (quadratic would be 16) and at most
// perByte bytes allocated per input byte.
func growth(t *testing.T, name string, perByte uint64, gen func(n int) string, n int, f func(src string)) {
	t.Helper()
	small, big := gen(n), gen(4*n)
	a := allocated(func() { f(small) })
	b := allocated(func() { f(big) })
	t.Logf("%s: %d bytes: %d MB allocated; %d bytes: %d MB", name, len(small), a>>20, len(big), b>>20)
	if b > 8*a+1<<20 {
		t.Errorf("%s: allocation grows from %d to %d for 4 times the input", name, a, b)
	}
	if b > perByte*uint64(len(big)) {
		t.Errorf("%s: %d bytes allocated for %d bytes of input", name, b, len(big))
	}
}

// TestStressStringChain: "s0" + "s1" + … in an ES module or TypeScript
// made esbuild allocate quadratic memory (a 349 KB file: 8.7 GB).
func TestStressStringChain(t *testing.T) {
	for _, c := range []struct {
		name, prefix string
		ts           bool
	}{{"ES module", "export ", false}, {"TypeScript", "", true}} {
		gen := func(n int) string { return plusChain(c.prefix, n, quoted) }
		growth(t, c.name, 64, gen, 20000, func(src string) {
			if _, err := Parse("a.js", []byte(src), Options{TypeScript: c.ts}); err == nil || err.Message.Key != errFoldTooLong {
				t.Errorf("%s: %d bytes: error %v, want %q", c.name, len(src), err, errFoldTooLong)
			}
		})
	}
	// Chains esbuild does not join stay linear and are analyzed.
	ids := func(n int) string {
		return plusChain("import './a';\n", n, func(i int) string { return fmt.Sprint("a", i) })
	}
	growth(t, "identifiers", 4096, ids, 10000, func(src string) {
		if m, err := Parse("a.js", []byte(src), Options{}); err != nil || len(m.Deps) != 1 {
			t.Errorf("identifiers: %d bytes: error %v", len(src), err)
		}
	})
}

// nsPerByte is the time Parse takes per input byte.
func nsPerByte(src string, ts bool) float64 {
	r := testing.Benchmark(func(b *testing.B) {
		b.Helper()
		for range b.N {
			if _, err := Parse("a.js", []byte(src), Options{TypeScript: ts}); err != nil {
				b.Fatal(err)
			}
		}
	})
	return float64(r.NsPerOp()) / float64(len(src))
}

// timeGrowth checks that Parse's time per byte does not grow much from
// the input of size n to that of 4n (quadratic would be 4 times; linear is
// about 1.2 with the fixed costs). Each side is the best of three runs and
// the bound is 3 times, so that a busy machine does not fail it.
func timeGrowth(t *testing.T, name string, gen func(n int) string, n int) {
	t.Helper()
	small, big := bestOf3(func() float64 { return nsPerByte(gen(n), false) }), bestOf3(func() float64 { return nsPerByte(gen(4*n), false) })
	t.Logf("%s: %.0f ns per byte with n=%d, %.0f ns with 4n", name, small, n, big)
	if big > 3*small {
		t.Errorf("%s: time per byte grows from %.0f ns to %.0f ns for 4 times the input", name, small, big)
	}
}

// TestStressCommentsBeforeImports: reading the kind of each dependency
// searched back for the start of a "/**/" before it by copying the whole
// text before it (80k imports: 15 s).
func TestStressCommentsBeforeImports(t *testing.T) {
	for _, form := range []string{
		"/**/import \"./m%d.js\";\n",
		"/**/require(\"./m%d.js\");\n",
		"x = /a*/\nrequire(\"./m%d.js\");\n", // "*/" that ends no comment
		"import \"./m%d.js\";\n",
	} {
		gen := func(n int) string {
			var b strings.Builder
			b.WriteString("export {}\n")
			for i := range n {
				fmt.Fprintf(&b, form, i)
			}
			return b.String()
		}
		timeGrowth(t, form, gen, 8000)
	}
}

// TestStressEnums: esbuild inlines TypeScript enum members and folds them
// from earlier ones: a 452-byte file of doubling members took 2.8 s and
// 480 MB (and twice as much per member more), a 116 KB long member named
// 2000 times 20 s and 2.5 GB.
func TestStressEnums(t *testing.T) {
	long := `"` + strings.Repeat("x", 100000) + `"`
	named := func(n int) string { return "enum E { A = " + long + " }\n" + strings.Repeat("f(E.A);\n", n) }
	growth(t, "long member named often", 64, named, 2000, func(src string) {
		if _, err := Parse("a.ts", []byte(src), Options{TypeScript: true}); err == nil || err.Message.Key != errFoldTooLong {
			t.Errorf("%d bytes: error %v, want %q", len(src), err, errFoldTooLong)
		}
	})
	growth(t, "doubling members", 4096, enumChain, 40, func(src string) {
		if _, err := Parse("a.ts", []byte(src), Options{TypeScript: true}); err == nil || err.Message.Key != errFoldTooLong {
			t.Errorf("%d bytes: error %v, want %q", len(src), err, errFoldTooLong)
		}
	})
}

// bestOf3 is the least of three measurements.
func bestOf3(measure func() float64) float64 {
	return min(measure(), measure(), measure())
}

// TestStressModuleStatements: thousands of import and export statements
// read by the ES module path of esm.go stay linear.
func TestStressModuleStatements(t *testing.T) {
	gen := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "import a%d, {b%d as c%d} from './m%d'\nexport const d%d = (x, y) => import('./n%d')\nexport {c%d}\n", i, i, i, i, i, i, i)
		}
		return b.String()
	}
	growth(t, "module statements", 4096, gen, 2000, func(src string) {
		text := []byte(src)
		scan := scanText(text, false)
		if scan.esm == nil || parseESM("a.js", text, scan.esm) == nil {
			t.Errorf("%d bytes: read by esbuild", len(src))
		}
	})
}
