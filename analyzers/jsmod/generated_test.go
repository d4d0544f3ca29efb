package jsmod

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"

	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// generatedJS returns the .js files of a benchgen project of the given size
// written into dir, sorted by path (relative to dir, with slashes).
func generatedJS(tb testing.TB, dir string, pages int) (names []string, texts [][]byte) {
	tb.Helper()
	if _, err := benchgen.Write(dir, benchgen.Options{Pages: pages, Plant: true}); err != nil {
		tb.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(names)
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, text)
	}
	return names, texts
}

// BenchmarkGenerated parses every .js file of a generated 100-page project
// (half of them ES modules, read by esm.go; the rest CommonJS, read by goja
// directly): the walks of collect.go, walk.go and esm.go dominate after
// goja's parser.
func BenchmarkGenerated(b *testing.B) {
	names, texts := generatedJS(b, b.TempDir(), 100)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	defer reportCPU(b)()
	for b.Loop() {
		for i, text := range texts {
			if _, err := Parse(names[i], text, Options{}); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
		}
	}
}

// reportCPU starts measuring the process's CPU time; the function it
// returns reports it per operation as cpu-ns/op (all threads: the garbage
// collector's work counts), which varies less than the wall time on a busy
// machine. Call it just before b.Loop.
func reportCPU(b *testing.B) func() {
	b.Helper()
	start, ok := processCPU()
	return func() {
		if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// updateGolden rewrites testdata/golden.jsonl.gz from the current code.
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden.jsonl.gz")

const goldenPath = "testdata/golden.jsonl.gz"

// goldenEntry is what Parse gives for one input, on the default path and
// on the esbuild path, and whether esm.go read the file itself.
type goldenEntry struct {
	Name    string       `json:"name"`
	Fast    bool         `json:"fast,omitempty"`
	Module  *Module      `json:"module,omitempty"`
	Err     *goldenError `json:"err,omitempty"`
	ESBuild *Module      `json:"esbuild,omitempty"`
	ESErr   *goldenError `json:"esbuildErr,omitempty"`
}

// goldenError is a SyntaxError with its message in English, as the golden
// recorded it before messages were rendered late.
type goldenError struct {
	Offset  int
	Message string
	Limit   bool
}

func goldenErr(e *SyntaxError) *goldenError {
	if e == nil {
		return nil
	}
	return &goldenError{Offset: e.Offset, Message: e.Message.String(), Limit: e.Limit}
}

// goldenInputs are the inputs of TestGolden: every .js file of a generated
// 200-page project, the fuzz corpus of testdata/fuzz, the repository's test
// data (esmSeeds) and the cases of the other tests.
func goldenInputs(t *testing.T) (names []string, texts [][]byte) {
	t.Helper()
	add := func(name string, text []byte) {
		names = append(names, name)
		texts = append(texts, text)
	}
	gn, gt := generatedJS(t, t.TempDir(), 200)
	for i := range gn {
		add("gen/"+gn[i], gt[i])
	}
	corpus, err := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(corpus)
	for _, path := range corpus {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, err := fuzzCorpusBytes(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if strings.Contains(path, "FuzzParse") && len(text) > 0 {
			text = text[1:] // the loader flag (TypeScript inputs are read as JavaScript too)
		}
		add(filepath.ToSlash(path), text)
	}
	seeds := esmSeeds(t)
	sort.Slice(seeds, func(i, j int) bool { return bytes.Compare(seeds[i], seeds[j]) < 0 }) // (txtar members come from a map)
	for i, s := range seeds {
		add(fmt.Sprintf("seed/%d", i), s)
	}
	for i, s := range esmCases {
		add(fmt.Sprintf("esmCases/%d", i), []byte(s))
	}
	for i, c := range depCases {
		add(fmt.Sprintf("depCases/%d", i), []byte(c.src))
	}
	for i, c := range exportCases {
		add(fmt.Sprintf("exportCases/%d", i), []byte(c.src))
	}
	for i, c := range syntaxCases {
		add(fmt.Sprintf("syntaxCases/%d", i), []byte(c.src))
	}
	for i, c := range commentCases {
		add(fmt.Sprintf("commentCases/%d", i), []byte(c.src))
	}
	add("walkCorpus", []byte(walkCorpus))
	for _, kind := range []string{"cjs", "esm"} {
		add("benchFile/"+kind, benchFile(kind))
	}
	return names, texts
}

// fuzzCorpusBytes decodes a "go test fuzz v1" file holding one []byte.
func fuzzCorpusBytes(data []byte) ([]byte, error) {
	_, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("no header")
	}
	rest = bytes.TrimSpace(rest)
	if !bytes.HasPrefix(rest, []byte("[]byte(")) || !bytes.HasSuffix(rest, []byte(")")) {
		return nil, fmt.Errorf("not one []byte")
	}
	s, err := strconv.Unquote(string(rest[len("[]byte(") : len(rest)-1]))
	return []byte(s), err
}

// goldenOf parses one input on both paths.
func goldenOf(name string, text []byte) goldenEntry {
	e := goldenEntry{Name: name}
	var err, esErr *SyntaxError
	e.Module, err = Parse(name, text, Options{})
	e.ESBuild, esErr = Parse(name, text, Options{esbuildOnly: true})
	e.Err, e.ESErr = goldenErr(err), goldenErr(esErr)
	scan := scanText(text, false)
	e.Fast = scan.moduleSyntax && scan.esm != nil && scan.tooDeep < 0 && scan.tooCostly < 0 &&
		parseESM(name, text, scan.esm) != nil
	return e
}

// TestGolden compares the facts of every input with those recorded in
// testdata/golden.jsonl.gz (written with -update-golden by the code before
// the walks of issue 11 were merged: one walk for an ES module, no
// reflection in the walker), field by field, and whether esm.go read the
// file itself.
func TestGolden(t *testing.T) {
	names, texts := goldenInputs(t)
	var got []goldenEntry
	for i := range names {
		got = append(got, goldenOf(names[i], texts[i]))
	}
	if *updateGolden {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		enc := json.NewEncoder(zw)
		for _, e := range got {
			if err := enc.Encode(e); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d entries", len(got))
		return
	}
	f, err := os.Open(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<26)
	i, fast := 0, 0
	for ; sc.Scan(); i++ {
		if i >= len(got) {
			t.Fatalf("golden has more than the %d inputs", len(got))
		}
		want, err := json.Marshal(got[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bytes.TrimSpace(sc.Bytes()), want) {
			t.Errorf("%s differs:\n  golden %s\n  now    %s", got[i].Name, clip(sc.Bytes()), clip(want))
		}
		if got[i].Fast {
			fast++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if i != len(got) {
		t.Fatalf("golden has %d entries, want %d", i, len(got))
	}
	t.Logf("%d inputs, %d read by esm.go", len(got), fast)
}

// BenchmarkGeneratedWalks measures what BenchmarkGenerated spends after
// goja's parser: the walks of the trees of the same files, parsed once.
func BenchmarkGeneratedWalks(b *testing.B) {
	names, texts := generatedJS(b, b.TempDir(), 100)
	type tree struct {
		text []byte
		scan *esmScan
		prog *ast.Program
	}
	var trees []tree
	for i, text := range texts {
		scan := scanText(text, false)
		src := scan.src
		if scan.moduleSyntax {
			if !scan.esm.check(text) {
				b.Fatalf("%s: not read by esm.go", names[i])
			}
			src = string(scan.esm.blank(text))
		}
		prog, err := parseJS(names[i], src)
		if err != nil {
			b.Fatalf("%s: %v", names[i], err)
		}
		trees = append(trees, tree{text, scan.esm, prog})
	}
	defer reportCPU(b)()
	for b.Loop() {
		for i, t := range trees {
			if t.scan != nil {
				if esmModule(t.text, t.scan, t.prog) == nil {
					b.Fatalf("%s: not read by esm.go", names[i])
				}
			} else if _, err := fromOriginal(t.prog); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
		}
	}
}
