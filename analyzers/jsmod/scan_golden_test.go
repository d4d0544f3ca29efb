package jsmod

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// The pre-scan must give exactly the same results whatever is done to make
// it faster. scanGolden holds the results of scanText, as it was at commit
// 0d035a9, on a fixed set of inputs (kept in the file with the results):
// the scripts of a generated 200-page project, every file under the test
// data folders (the members of txtar archives, the fuzz corpora decoded),
// the inputs of the package's tests and every string literal of its test
// files. TestScanGolden compares; -update-scan-golden rewrites the file
// (only ever from a scanner known to be right). TestScanMatchesOld and
// FuzzScanOld compare with the old scanner kept in oldscan_test.go.

const scanGolden = "testdata/scan_golden.jsonl.gz"

var updateScanGolden = flag.Bool("update-scan-golden", false, "rewrite "+scanGolden+" from the current scanner")

// scanInput is one input of the golden.
type scanInput struct {
	Name string
	Src  string
}

// scanRecord is one line of the golden: an input (Src quoted as a Go
// string, since JSON cannot hold invalid UTF-8) and the scan's results on
// it as JavaScript and as TypeScript.
type scanRecord struct {
	Name    string       `json:"name"`
	Src     string       `json:"src"`
	Results [2]scanFacts `json:"results"`
}

// scanFacts is everything a scanResult says, in a form JSON can hold.
type scanFacts struct {
	TooDeep      int       `json:"tooDeep"`
	ModuleSyntax bool      `json:"moduleSyntax"`
	TooCostly    int       `json:"tooCostly"`
	Comments     [][4]int  `json:"comments"`
	SrcSame      bool      `json:"srcSame"`
	ESM          *esmFacts `json:"esm,omitempty"`
}

// esmFacts is an esmScan in a form JSON can hold.
type esmFacts struct {
	Stmts  []stmtFact `json:"stmts"`
	Dyn    []int      `json:"dyn"`
	Unsure bool       `json:"unsure"`
}

// stmtFact is an esmStmt in a form JSON can hold.
type stmtFact struct {
	Kind   esmStmtKind `json:"kind"`
	Start  int         `json:"start"`
	End    int         `json:"end"`
	Spec   string      `json:"spec"`
	Lit    [2]int      `json:"lit"`
	Names  [][2]string `json:"names"`
	DeclAt int         `json:"declAt"`
	Rename string      `json:"rename"`
}

// factsOf turns r, the scan of src, into scanFacts.
func factsOf(r scanResult, src string) scanFacts {
	f := scanFacts{TooDeep: r.tooDeep, ModuleSyntax: r.moduleSyntax, TooCostly: r.tooCostly, SrcSame: r.src == src}
	for _, c := range r.comments {
		f.Comments = append(f.Comments, [4]int{c.Start, c.End, c.TextStart, c.TextEnd})
	}
	if e := r.esm; e != nil {
		f.ESM = &esmFacts{Dyn: e.dyn, Unsure: e.unsure}
		for _, st := range e.stmts {
			sf := stmtFact{
				Kind: st.kind, Start: st.start, End: st.end, Spec: st.spec,
				Lit: [2]int{st.lit.Start, st.lit.End}, DeclAt: st.declAt, Rename: st.rename,
			}
			for _, n := range st.names {
				sf.Names = append(sf.Names, [2]string{n.local, n.exported})
			}
			f.ESM.Stmts = append(f.ESM.Stmts, sf)
		}
	}
	return f
}

// scanBoth scans src as JavaScript and as TypeScript.
func scanBoth(src string) [2]scanFacts {
	return [2]scanFacts{
		factsOf(scanText([]byte(src), false), src),
		factsOf(scanText([]byte(src), true), src),
	}
}

// scanInputs collects the inputs of the golden (see the comment at the top).
func scanInputs(tb testing.TB) []scanInput {
	tb.Helper()
	var in []scanInput
	add := func(name, src string) { in = append(in, scanInput{name, src}) }

	dir := tb.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Pages: 200, Plant: true}); err != nil {
		tb.Fatal(err)
	}
	walkFiles(tb, dir, func(path string, data []byte) {
		if strings.HasSuffix(path, ".js") || strings.HasSuffix(path, ".ts") || strings.HasSuffix(path, ".wxs") {
			rel, _ := filepath.Rel(dir, path)
			add("benchgen/"+filepath.ToSlash(rel), string(data))
		}
	})

	for _, root := range []string{filepath.Join("..", "..", "testdata"), "testdata"} {
		walkFiles(tb, root, func(path string, data []byte) {
			name := filepath.ToSlash(path)
			switch {
			case strings.HasSuffix(path, ".gz"):
				return // the golden itself
			case strings.HasSuffix(path, ".txtar"):
				members := txtarMembers(data)
				names := make([]string, 0, len(members))
				for m := range members {
					names = append(names, m)
				}
				sort.Strings(names)
				for _, m := range names {
					add(name+":"+m, string(members[m]))
				}
			case strings.Contains(name, "testdata/fuzz/"):
				for k, v := range fuzzCorpusValues(data) {
					add(fmt.Sprintf("%s#%d", name, k), v)
					if strings.Contains(name, "/FuzzParse/") && len(v) > 0 {
						add(fmt.Sprintf("%s#%d[1:]", name, k), v[1:])
					}
				}
			default:
				add(name, string(data))
			}
		})
	}

	for _, c := range depCases {
		add("depCases/"+c.name, c.src)
	}
	for _, c := range exportCases {
		add("exportCases/"+c.name, c.src)
	}
	for _, c := range syntaxCases {
		add("syntaxCases/"+c.name, c.src)
	}
	for _, c := range commentCases {
		add("commentCases/"+c.name, c.src)
	}
	for k, src := range esmCases {
		add(fmt.Sprintf("esmCases/%d", k), src)
	}
	add("walkCorpus", walkCorpus)
	for _, m := range []map[string]string{pathological, nearLimit} {
		names := make([]string, 0, len(m))
		for name := range m {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			add("nesting/"+name, m[name])
		}
	}
	for _, kind := range []string{"cjs", "esm", "ts"} {
		add("benchFile/"+kind, string(benchFile(kind)))
	}

	// Every string literal of the package's test files.
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		tb.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if file == "oldscan_test.go" || file == "scan_golden_test.go" {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		k := 0
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && v != "" {
					add(fmt.Sprintf("%s/lit%d", file, k), v)
					k++
				}
			}
			return true
		})
	}
	return in
}

// walkFiles calls fn with every regular file under root, in lexical order.
func walkFiles(tb testing.TB, root string, fn func(path string, data []byte)) {
	tb.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, data)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// fuzzCorpusValues decodes the []byte and string values of a file of Go's
// fuzz corpus format.
func fuzzCorpusValues(data []byte) []string {
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		for _, prefix := range []string{"[]byte(", "string("} {
			if v, ok := strings.CutPrefix(line, prefix); ok && strings.HasSuffix(v, ")") {
				if s, err := strconv.Unquote(strings.TrimSuffix(v, ")")); err == nil {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// readScanGolden reads the golden.
func readScanGolden(t *testing.T) []scanRecord {
	t.Helper()
	f, err := os.Open(scanGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var recs []scanRecord
	r := bufio.NewReader(z)
	d := json.NewDecoder(r)
	for d.More() {
		var rec scanRecord
		if err = d.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		if rec.Src, err = strconv.Unquote(rec.Src); err != nil {
			t.Fatalf("%s: %v", rec.Name, err)
		}
		recs = append(recs, rec)
	}
	return recs
}

// writeScanGolden writes the golden from the current scanner.
func writeScanGolden(t *testing.T) {
	t.Helper()
	f, err := os.Create(scanGolden)
	if err != nil {
		t.Fatal(err)
	}
	z, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	e := json.NewEncoder(z)
	seen := map[string]bool{}
	n := 0
	for _, in := range scanInputs(t) {
		if seen[in.Src] {
			continue
		}
		seen[in.Src] = true
		if err := e.Encode(scanRecord{in.Name, strconv.Quote(in.Src), scanBoth(in.Src)}); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d inputs to %s", n, scanGolden)
}

// TestScanGolden checks that the scan gives, on every input of the golden,
// exactly the results recorded there.
func TestScanGolden(t *testing.T) {
	if *updateScanGolden {
		writeScanGolden(t)
	}
	recs := readScanGolden(t)
	if len(recs) < 1000 {
		t.Fatalf("the golden holds %d inputs, want at least 1000", len(recs))
	}
	failed := 0
	for _, rec := range recs {
		got := scanBoth(rec.Src)
		for k, mode := range []string{"JavaScript", "TypeScript"} {
			if !reflect.DeepEqual(got[k], rec.Results[k]) {
				g, _ := json.Marshal(got[k])
				w, _ := json.Marshal(rec.Results[k])
				t.Errorf("%s (%s):\n got  %.2000s\n want %.2000s", rec.Name, mode, g, w)
				if failed++; failed > 10 {
					t.Fatal("too many differences")
				}
			}
		}
	}
}

// diffOld describes how scanText and the old scanner differ on text ("" when
// they agree), with needFold as it is and with every concatenation
// followed (foldTest).
func diffOld(text []byte, typeScript bool) string {
	want := oldScanText(slices.Clone(text), typeScript)
	got := scanText(slices.Clone(text), typeScript)
	if reflect.DeepEqual(got, want) {
		foldTest = true
		got = scanText(slices.Clone(text), typeScript)
		foldTest = false
		if reflect.DeepEqual(got, want) {
			return ""
		}
	}
	g, _ := json.Marshal(factsOf(got, string(text)))
	w, _ := json.Marshal(factsOf(want, string(text)))
	return fmt.Sprintf("scanText(%.300q, ts=%v):\n got  %.2000s\n want %.2000s", text, typeScript, g, w)
}

// TestScanMatchesOld compares the scan with the old one on the golden's
// inputs as collected now, and on prefixes of the smaller ones.
func TestScanMatchesOld(t *testing.T) {
	for _, in := range scanInputs(t) {
		text := []byte(in.Src)
		for _, ts := range []bool{false, true} {
			if d := diffOld(text, ts); d != "" {
				t.Fatalf("%s: %s", in.Name, d)
			}
			if len(text) > 4<<10 {
				continue
			}
			for cut := 1; cut < len(text); cut += 1 + len(text)/16 {
				if d := diffOld(text[:cut], ts); d != "" {
					t.Fatalf("%s[:%d]: %s", in.Name, cut, d)
				}
			}
		}
	}
}

// FuzzScanOld compares the scan with the old one kept in oldscan_test.go:
// every field of the result must be the same. The first byte selects the
// mode: odd means TypeScript.
func FuzzScanOld(f *testing.F) {
	for _, in := range scanInputs(f) {
		if len(in.Src) <= 16<<10 {
			f.Add(append([]byte{0}, in.Src...))
			f.Add(append([]byte{1}, in.Src...))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		if d := diffOld(data[1:], data[0]&1 == 1); d != "" {
			t.Fatal(d)
		}
	})
}

// BenchmarkScanGenerated measures the pre-scan on the scripts of a
// generated 100-page project, the kind of input it meets most.
func BenchmarkScanGenerated(b *testing.B) {
	dir := b.TempDir()
	if _, err := benchgen.Write(dir, benchgen.Options{Pages: 100}); err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	size := 0
	walkFiles(b, dir, func(path string, data []byte) {
		if strings.HasSuffix(path, ".js") {
			files = append(files, data)
			size += len(data)
		}
	})
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, text := range files {
			if s := scanText(text, false); s.tooDeep >= 0 {
				b.Fatal("too deep")
			}
		}
	}
}
