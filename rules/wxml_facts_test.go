package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/wxml"
)

// wxmlReaders are the packages that read WXML elements: the rules, the
// dependency graph and the loader (inline <wxs> bodies).
var wxmlReaders = []string{".", "../analyzers/graph", "../analyzers/project"}

// TestKeptCoversReads: wxml.Parse keeps only a fixed list of elements and
// attributes (wxml.Keeps). This reads the code that uses WXML facts and
// checks that every element name it compares a WXML element's Name with
// (el.Name == "x", switch el.Name { case "x" }, slices.Contains(list,
// el.Name), through constants and []string variables of the package) and
// every attribute it looks up (el.Attr("x")) is kept, and that every kept
// element is read somewhere. The convention it relies on: a variable
// holding a *wxml.Element is named el.
func TestKeptCoversReads(t *testing.T) {
	elements, attrs := map[string]bool{}, map[string]bool{}
	for _, dir := range wxmlReaders {
		els, as := wxmlReads(t, dir)
		for _, e := range els {
			elements[e] = true
		}
		for _, a := range as {
			attrs[a] = true
		}
	}
	for e := range elements {
		if !wxml.Keeps(e, "") {
			t.Errorf("<%s> is read but wxml.Parse does not keep it: add it to wxml's kept list", e)
		}
	}
	for a := range attrs {
		keptBySome := false
		for e := range elements {
			keptBySome = keptBySome || wxml.Keeps(e, a)
		}
		if !keptBySome {
			t.Errorf("attribute %q is read but no element read keeps it: add it to wxml's kept list", a)
		}
	}
	for _, e := range wxml.Kept() {
		if !elements[e] {
			t.Errorf("wxml.Parse keeps <%s> but nothing reads it: drop it from wxml's kept list", e)
		}
	}
	t.Logf("elements read: %v; attributes read: %v", elements, attrs)
	if len(elements) < 7 || len(attrs) < 4 {
		t.Errorf("found only elements %v and attributes %v: is the scan still seeing the code?", elements, attrs)
	}
}

// wxmlReads returns the element names compared with el.Name and the
// attribute names passed to .Attr in the non-test Go files of dir.
func wxmlReads(t *testing.T, dir string) (elements, attrs []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	strs := map[string][]string{} // package-level string and []string values by name
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range gd.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						strs[n.Name] = literals(vs.Values[i], nil)
					}
				}
			}
		}
	}
	isElName := func(e ast.Expr) bool {
		s, ok := e.(*ast.SelectorExpr)
		if !ok || s.Sel.Name != "Name" {
			return false
		}
		id, ok := s.X.(*ast.Ident)
		return ok && id.Name == "el"
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					if isElName(n.X) {
						elements = append(elements, literals(n.Y, strs)...)
					}
					if isElName(n.Y) {
						elements = append(elements, literals(n.X, strs)...)
					}
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && isElName(n.Tag) {
					for _, s := range n.Body.List {
						for _, e := range s.(*ast.CaseClause).List {
							elements = append(elements, literals(e, strs)...)
						}
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if sel.Sel.Name == "Attr" && len(n.Args) == 1 {
					attrs = append(attrs, literals(n.Args[0], strs)...)
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "slices" && sel.Sel.Name == "Contains" && len(n.Args) == 2 && isElName(n.Args[1]) {
					elements = append(elements, literals(n.Args[0], strs)...)
				}
			}
			return true
		})
	}
	return elements, attrs
}

// literals returns the strings e spells: a string literal, a composite
// literal of them, or a name of strs.
func literals(e ast.Expr, strs map[string][]string) []string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil && e.Kind == token.STRING {
			return []string{s}
		}
	case *ast.CompositeLit:
		var out []string
		for _, x := range e.Elts {
			out = append(out, literals(x, strs)...)
		}
		return out
	case *ast.Ident:
		return slices.Clone(strs[e.Name])
	}
	return nil
}
