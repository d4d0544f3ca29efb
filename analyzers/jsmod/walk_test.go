package jsmod

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
)

// walkCorpus holds every kind of node goja produces.
const walkCorpus = `
'use strict';
var a = 1, [b, , ...c] = d, {e, f: {g = 1}, ...h} = i;
let j = function named(k = 1, {l}, [m], ...n) { return k }, o = async (p) => await p;
const q = class Q extends (r ? S : T) { static s = 1; t = 2; #u = 3; static { v() } get w() { return this.#u } set w(x) {} static async *y() { yield* z; yield } [computed]() { super.m(); new.target } };
function* gen() { yield 1 } async function af() { for (const x of await y) {} }
label: for (let i = 0; i < 10; i++) { if (i) continue label; else break label }
for (var k in obj) ; for (const v of arr) {} for (x of y) ; for (x in y) ; for (;;) break;
do { x-- } while (x > 0); while (x) { x++ } with (obj) { p }
switch (x) { case 1: y(); break; case 2: default: z() }
try { throw new Error('x') } catch ({ message }) { debugger } finally { }
try {} catch {}
x = a ? b : c, y += 1, z ||= 2, w ??= 3, v **= 2;
x = a?.b?.[c]?.(d) ?? e; x = !a + -b * ~c / typeof d % void 0 - delete o.p;
x = tag` + "`a${b}c${d}e`" + `; x = ` + "`plain`" + `; x = /re/g; x = 10n; x = null; x = true; x = this;
x = [...a, , b]; x = { a, b: 1, [c]: 2, ...d, get e() { return 1 }, set e(v) {}, f() {}, *g() {}, async h() {} };
x = (a, b); x = a in b; x = a instanceof B; x++; --x; function nt() { return new.target }
class K2 { #p; has(o) { return #p in o } }
if (a) b(); else if (c) d(); else { e() }
;
`

// allNodes collects every node pointer reachable from v by reflection,
// skipping DeclarationList (goja's hoisting lists repeat declarations).
func allNodes(v reflect.Value, out map[ast.Node]bool) {
	switch v.Kind() { //nolint:exhaustive // only containers can hold nodes
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if n, ok := reflect.TypeAssert[ast.Node](v); ok {
			if out[n] {
				return
			}
			out[n] = true
		}
		allNodes(v.Elem(), out)
	case reflect.Interface:
		if !v.IsNil() {
			allNodes(v.Elem(), out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			allNodes(v.Index(i), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && f.Name != "DeclarationList" && f.Name != "File" {
				allNodes(v.Field(i), out)
			}
		}
	}
}

// recorder is a visitor that records the nodes it enters.
type recorder struct{ seen map[ast.Node]bool }

func (r *recorder) enter(n ast.Node, _ *walker) bool {
	r.seen[n] = true
	return true
}

// TestWalkerReachesEveryNode compares the walker with a reflection walk.
func TestWalkerReachesEveryNode(t *testing.T) {
	prog, err := parseJS("corpus.js", walkCorpus)
	if err != nil {
		t.Fatal(err)
	}
	want := map[ast.Node]bool{}
	allNodes(reflect.ValueOf(prog), want)
	r := &recorder{seen: map[ast.Node]bool{}}
	(&walker{v: r}).node(prog)
	types := map[string]bool{}
	for n := range want {
		types[reflect.TypeOf(n).String()] = true
		if !r.seen[n] {
			t.Errorf("walker misses %T at %d", n, n.Idx0())
		}
	}
	t.Logf("%d node types", len(types))
	if len(types) < 60 {
		t.Errorf("corpus covers only %d node types: %v", len(types), types)
	}
}

// TestWalkerLongChains checks that long left-assoc chains are walked
// without deep recursion, and that the depth limit stops pathological trees.
func TestWalkerLongChains(t *testing.T) {
	src := "x = a" + strings.Repeat(" + a", 50000) + " + require('./end')"
	m := mustParse(t, src, false)
	if len(m.Deps) != 1 || m.Deps[0].Specifier != "./end" {
		t.Errorf("deps %+v", m.Deps)
	}
}

// otherNode is a node type the walker does not know.
type otherNode struct{ ast.Identifier }

// TestWalkerSkipsTypedNil checks that nil nodes of any type, the types the
// walker knows and the others, are not entered.
func TestWalkerSkipsTypedNil(t *testing.T) {
	r := &recorder{seen: map[ast.Node]bool{}}
	w := &walker{v: r}
	for _, n := range []ast.Node{
		nil, (*ast.Identifier)(nil), (*ast.BlockStatement)(nil), (*ast.CatchStatement)(nil),
		(*ast.FunctionLiteral)(nil), (*ast.BinaryExpression)(nil), (*ast.Program)(nil),
		(*ast.ParameterList)(nil), (*otherNode)(nil), // (the default case)
		&ast.TryStatement{Body: &ast.BlockStatement{}},
	} {
		w.node(n)
	}
	if len(r.seen) != 2 || w.depth != 0 {
		t.Errorf("entered %v, depth %d", r.seen, w.depth)
	}
}
