package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const testVersion = "1.2.3-test"

// run runs fpcheck as a test does: not on GitHub, in no locale (English).
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runIn(t, nil, args...)
}

// goldenDir is absolute, so that tests that change directory find it.
var goldenDir = func() string {
	d, err := filepath.Abs(filepath.Join("..", "..", "testdata", "golden"))
	if err != nil {
		panic(err)
	}
	return d
}()

// checkGolden compares out with testdata/golden/name, or rewrites the file
// under -update.
func checkGolden(t *testing.T, name, out string) {
	t.Helper()
	golden := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s (go test ./internal/cli -update rewrites it)\n--- got\n%s", golden, out)
	}
}

// TestGolden renders the bundled example project in every output format
// and compares with testdata/golden/ (go test ./internal/cli -update).
func TestGolden(t *testing.T) {
	t.Chdir(filepath.Join("..", "..")) // as a newcomer runs it, from the repository root
	example := filepath.Join("examples", "demo")
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"demo.txt", []string{example}, ExitFindings},
		{"demo-submit.txt", []string{"--submit", example}, ExitFindings},
		{"demo.json", []string{"--format", "json", example}, ExitFindings},
		{"demo.sarif", []string{"--format=sarif", example}, ExitFindings},
		{"demo.github", []string{"--format", "github", example}, ExitFindings},
		{"demo.md", []string{"--format", "markdown", example}, ExitFindings},
		{"demo.gitlab.json", []string{"--format", "gitlab", example}, ExitFindings},
		{"demo.junit.xml", []string{"--format", "junit", example}, ExitFindings},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, errOut)
			}
			checkGolden(t, tc.name, out)
		})
	}
}

// TestGoldenFeatures renders a project that uses fpcheck.json, inline
// suppressions and fixable findings (testdata/golden/features.txtar), run
// from inside it as a user would.
func TestGoldenFeatures(t *testing.T) {
	fx := fixture.Extract(t, filepath.Join(goldenDir, "features.txtar"))
	t.Chdir(fx.Dir)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"features.txt", []string{"."}},
		{"features.json", []string{"--format", "json", "."}},
		{"features.sarif", []string{"--format", "sarif", "."}},
	} {
		out, errOut, code := run(t, tc.args...)
		if code != ExitFindings {
			t.Errorf("%s: exit %d, want %d; stderr: %s", tc.name, code, ExitFindings, errOut)
		}
		checkGolden(t, tc.name, out)
	}
}

func TestJSONAndSARIFAreValidJSON(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	for _, format := range []string{"json", "sarif"} {
		out, _, _ := run(t, "--format", format, example)
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s output is not JSON: %v", format, err)
		}
	}
	out, _, _ := run(t, "--format", "sarif", example)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(log.Runs))
	}
	r := log.Runs[0]
	if r.Tool.Driver.Version != testVersion {
		t.Errorf("driver version %q, want %q", r.Tool.Driver.Version, testVersion)
	}
	if len(r.Results) == 0 {
		t.Fatal("demo should have results")
	}
	for _, res := range r.Results { // the validator does not check this
		if got := r.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result ruleId %s points at rule %s", res.RuleID, got)
		}
	}
}

func TestExitCodesAndUsage(t *testing.T) {
	empty := t.TempDir()
	demo := filepath.Join("..", "..", "examples", "demo")
	clean := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring
		stderr     string // substring
		noStackDir bool
	}{
		{"clean project", []string{clean.Dir}, ExitOK, "fpcheck: no problems in", "", false},
		{"not a project", []string{empty}, ExitUsage, "", "is not a mini-program or plugin project", false},
		{"missing dir", []string{filepath.Join(empty, "nope")}, ExitUsage, "", "cannot read", false},
		{"a file narrows the report", []string{filepath.Join(demo, "miniprogram", "functional-pages", "request-payment.js")}, ExitFindings, "request-payment.js:2:26: error:", "", false},
		{"a file without findings", []string{filepath.Join(demo, "miniprogram", "app.json")}, ExitOK, "fpcheck: no problems", "", false},
		{"two projects", []string{filepath.Join(clean.Dir, "app.json"), filepath.Join(demo, "miniprogram", "app.json")}, ExitUsage, "", "belong to different projects", false},
		{"a path outside any project", []string{clean.Dir, empty}, ExitUsage, "", "is not inside a mini-program or plugin project", false},
		{"two reports to stdout", []string{"--format", "json", "--format", "sarif", clean.Dir}, ExitUsage, "", "only one report can go to standard output", false},
		{"format= without a file", []string{"--format", "json=", clean.Dir}, ExitUsage, "", "names no file", false},
		{"unknown --rule", []string{"--rule", "unresolved-dependenci", clean.Dir}, ExitUsage, "", `unknown rule "unresolved-dependenci"`, false},
		{"--rule runs one rule", []string{"--rule", "navigator-develop-version", demo}, ExitOK, "[navigator-develop-version]", "", false},
		{"--disable", []string{"--disable", "functional-pages-boundary", "--disable", "navigator-invalid-name", demo}, ExitOK, "1 problem (0 errors, 1 warning)", "", false},
		{"--quiet", []string{"--quiet", "--submit", "--disable", "navigator-develop-version", demo}, ExitFindings, "3 problems (3 errors, 0 warnings)", "", false},
		{"--max-warnings", []string{"--max-warnings", "0", "--rule", "navigator-develop-version", demo}, ExitFindings, "1 warning", "more than --max-warnings 0", false},
		{"bad format", []string{"--format", "xml", clean.Dir}, ExitUsage, "", `unknown --format "xml"`, false},
		{"bad flag", []string{"--frobnicate"}, ExitUsage, "", "flag provided but not defined", false},
		{"bad glob", []string{"--ignore", "[", clean.Dir}, ExitUsage, "", "not a valid glob", false},
		{"help", []string{"--help"}, ExitOK, "", "navigator-develop-version", false},
		{"version", []string{"--version"}, ExitOK, "fpcheck " + testVersion, "", false},
		{"flags after dir", []string{clean.Dir, "--format", "json"}, ExitOK, `"schemaVersion": 1`, "", false},
		{"explain", []string{"explain", "functional-pages-boundary"}, ExitOK, "functional-pages-boundary (error)", "", false},
		{"explain unknown", []string{"explain", "nope"}, ExitUsage, "", `no rule "nope"`, false},
		{"explain no arg", []string{"explain"}, ExitUsage, "", "usage: fpcheck explain RULE", false},
		{"rules", []string{"rules"}, ExitOK, "syntax-error", "", false},
		{"path prefix", []string{"--path-prefix", "apps/shop/", "--format", "github", filepath.Join("..", "..", "examples", "demo")}, ExitFindings, "file=apps/shop/plugin/components/pay/pay.wxml,", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("stack trace on stderr:\n%s", errOut)
			}
		})
	}
}

func TestOutputFileAndIgnore(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	outFile := filepath.Join(t.TempDir(), "report.sarif")
	stdout, _, code := run(t, "--format", "sarif", "-o", outFile, example)
	if code != ExitFindings || stdout != "" {
		t.Errorf("with -o: exit %d, stdout %q", code, stdout)
	}
	data, err := os.ReadFile(outFile)
	if err != nil || !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Errorf("report file: %v %.80s", err, data)
	}
	// Ignoring the files with findings leaves only the warnings elsewhere.
	out, _, _ := run(t, "--ignore", "miniprogram/**", "--ignore", "plugin/components/login", example)
	if strings.Contains(out, "miniprogram/") || strings.Contains(out, "login.wxml") {
		t.Errorf("--ignore did not leave the files out:\n%s", out)
	}
}

func TestNoColorUnlessTerminal(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	var out bytes.Buffer
	c := &Command{Stdout: &out, Stderr: &out, Version: testVersion, isTerminal: func(any) bool { return true }}
	c.Main([]string{example})
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no color on a terminal")
	}
	t.Setenv("NO_COLOR", "1")
	out.Reset()
	c.Main([]string{example})
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("color despite NO_COLOR")
	}
	out.Reset()
	t.Setenv("NO_COLOR", "")
	c.Main([]string{"--no-color", example})
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("color despite --no-color")
	}
}

// TestGraphGolden renders the package graph of a project with subpackages
// (crossing, allowed and asynchronous edges) in both formats.
func TestGraphGolden(t *testing.T) {
	for _, fx := range []string{"subpackage-boundary/fire_every_kind", "subpackage-boundary/silent_async"} {
		dir := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", fx+".txtar")).Dir
		for _, format := range []string{"mermaid", "dot"} {
			name := "graph-" + filepath.Base(fx) + "." + format
			t.Run(name, func(t *testing.T) {
				out, errOut, code := run(t, "graph", "--format", format, dir)
				if code != ExitOK {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				checkGolden(t, name, out)
			})
		}
	}
	if _, errOut, code := run(t, "graph", "--format", "png", "."); code != ExitUsage || !strings.Contains(errOut, "unknown graph --format") {
		t.Errorf("bad graph format: exit %d, %s", code, errOut)
	}
}

// One run writes several reports: text on stdout, JSON and SARIF to files.
func TestSeveralFormatsInOneRun(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "demo")
	dir := t.TempDir()
	jsonPath, sarifPath := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.sarif")
	out, errOut, code := run(t, "--format", "text", "--format", "json="+jsonPath, "--format=sarif="+sarifPath, demo)
	if code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if !strings.Contains(out, "[functional-pages-boundary]") || strings.Contains(out, `"schemaVersion"`) {
		t.Errorf("stdout should be the text report only:\n%s", out)
	}
	for _, p := range []string{jsonPath, sarifPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil || !strings.Contains(string(b), "functional-pages-boundary") {
			t.Errorf("%s: not a report with the findings (%v)", p, err)
		}
	}
	// The same run, each format alone, gives the same reports.
	alone, _, _ := run(t, "--format", "json", demo)
	if b, _ := os.ReadFile(jsonPath); string(b) != alone {
		t.Error("the JSON written alongside other formats differs from the JSON written alone")
	}
}

// A config mistake is a usage error with the position and a code frame.
func TestConfigErrorsHavePositions(t *testing.T) {
	fx := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	cfg := filepath.Join(fx.Dir, "fpcheck.json")
	if err := os.WriteFile(cfg, []byte("{\n  \"rules\": {\"navigator-develop-versio\": \"off\"}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "--config", cfg, fx.Dir)
	if code != ExitUsage || !strings.Contains(errOut, "fpcheck.json:2:13: ") || !strings.Contains(errOut, `"navigator-develop-version"`) || !strings.Contains(errOut, "2 |") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	// Found without --config, in DIR.
	_, errOut, code = run(t, fx.Dir)
	if code != ExitUsage || !strings.Contains(errOut, ":2:13: ") {
		t.Errorf("fpcheck.json in DIR not read: exit %d, stderr:\n%s", code, errOut)
	}
}

// Adopting fpcheck on a project with problems: record them, then only new
// ones count; moved lines keep matching; fixed ones are counted as gone.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "demo"))); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(t.TempDir(), "fpcheck-baseline.json")
	_, errOut, code := run(t, "--write-baseline", base, dir)
	if code != ExitOK || !strings.Contains(errOut, "recorded 4 finding(s)") {
		t.Fatalf("write-baseline: exit %d, %s", code, errOut)
	}
	out, _, code := run(t, "--baseline", base, dir)
	if code != ExitOK || !strings.Contains(out, "no problems in 16 files; 4 in the baseline") {
		t.Errorf("same project against its baseline: exit %d\n%s", code, out)
	}
	// Move every line of a file with a finding down, fix another, add one.
	pay := filepath.Join(dir, "miniprogram", "functional-pages", "request-payment.js")
	text, _ := os.ReadFile(pay)
	must(t, os.WriteFile(pay, append([]byte("// 支付前的处理\n\n"), text...), 0o644))
	login := filepath.Join(dir, "plugin", "components", "login", "login.wxml")
	text, _ = os.ReadFile(login)
	must(t, os.WriteFile(login, []byte(strings.Replace(string(text), "loginAndGetUserinfo", "loginAndGetUserInfo", 1)), 0o644))
	idx := filepath.Join(dir, "miniprogram", "pages", "index", "index.js")
	text, _ = os.ReadFile(idx)
	must(t, os.WriteFile(idx, append(text, []byte("\nconst more = require('../../functional-pages/fee');\n")...), 0o644))
	out, _, code = run(t, "--baseline", base, dir)
	if code != ExitFindings || !strings.Contains(out, "1 problem (1 error, 0 warnings) in 16 files; 3 in the baseline, 1 fixed since") {
		t.Errorf("after edits: exit %d\n%s", code, out)
	}
	sarif, _, _ := run(t, "--baseline", base, "--format", "sarif", dir)
	if strings.Count(sarif, `"baselineState": "unchanged"`) != 3 || strings.Count(sarif, `"baselineState": "new"`) != 1 {
		t.Errorf("SARIF baselineState:\n%s", sarif)
	}
	if _, errOut, code = run(t, "--baseline", filepath.Join(dir, "miniprogram", "app.json"), dir); code != ExitUsage || !strings.Contains(errOut, "not a baseline file") {
		t.Errorf("a bad baseline: exit %d, %s", code, errOut)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
