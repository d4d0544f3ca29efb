package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// xmlWellFormed reads every token of b, as a JUnit reader's parser would.
func xmlWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// junitDoc is what GitLab's and Jenkins' JUnit readers take from a report.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// checkJUnit parses a JUnit report and checks that its counts add up and
// every testcase has a name and a classname; it returns the document.
func checkJUnit(t *testing.T, b []byte) junitDoc {
	t.Helper()
	if err := xmlWellFormed(b); err != nil {
		t.Fatalf("junit: not XML: %v\n%s", err, b)
	}
	var doc junitDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("junit: %v", err)
	}
	tests, failures, skipped := 0, 0, 0
	for _, s := range doc.Suites {
		if s.Name == "" || len(s.Cases) == 0 || s.Tests != len(s.Cases) {
			t.Errorf("junit: suite %q has %d testcases, says %d", s.Name, len(s.Cases), s.Tests)
		}
		f, k := 0, 0
		for _, c := range s.Cases {
			if c.Name == "" || c.Classname != "fpcheck."+s.Name {
				t.Errorf("junit: testcase %q classname %q in suite %q", c.Name, c.Classname, s.Name)
			}
			if c.Failure != nil {
				f++
				if c.Failure.Message == "" || c.Failure.Type == "" || !strings.Contains(c.Failure.Text, c.Name+": ") || c.File == "" {
					t.Errorf("junit: failure of %q lacks its message, level or location: %+v", c.Name, *c.Failure)
				}
			}
			if c.Skipped != nil {
				k++
			}
		}
		if f != s.Failures || k != s.Skipped {
			t.Errorf("junit: suite %q counts %d failures, %d skipped; has %d, %d", s.Name, s.Failures, s.Skipped, f, k)
		}
		tests, failures, skipped = tests+len(s.Cases), failures+f, skipped+k
	}
	if tests != doc.Tests || failures != doc.Failures || skipped != doc.Skipped {
		t.Errorf("junit: testsuites counts %d/%d/%d, suites add up to %d/%d/%d", doc.Tests, doc.Failures, doc.Skipped, tests, failures, skipped)
	}
	return doc
}

// checkGitLab decodes a Code Quality report and checks every field GitLab
// requires (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
// format"): description, check_name, fingerprint (unique), severity (one
// of GitLab's), location.path and location.lines.begin.
func checkGitLab(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var issues []map[string]any
	if err := json.Unmarshal(b, &issues); err != nil || issues == nil {
		t.Fatalf("gitlab: not a JSON array (%v):\n%s", err, b)
	}
	seen := map[string]bool{}
	severities := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	for i, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("gitlab: issue %d has no %s: %v", i, k, is)
			}
		}
		fp, _ := is["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("gitlab: fingerprint %s twice", fp)
		}
		seen[fp] = true
		if sev, _ := is["severity"].(string); !severities[sev] {
			t.Errorf("gitlab: issue %d has severity %q", i, sev)
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if p, _ := loc["path"].(string); p == "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "./") {
			t.Errorf("gitlab: issue %d has path %q, want one relative to the repository", i, loc["path"])
		}
		if begin, _ := lines["begin"].(float64); begin < 1 {
			t.Errorf("gitlab: issue %d has lines.begin %v", i, lines["begin"])
		}
	}
	return issues
}

// TestGitLabAndJUnitOnTheDemo: the demo's reports are valid, list its four
// findings, and the fingerprints are the same on every run and in both
// languages (GitLab compares them across pipelines, whoever ran them).
func TestGitLabAndJUnitOnTheDemo(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	var fps [2][]string
	for i, env := range []map[string]string{nil, zhLocale} {
		out, _, code := runIn(t, env, "--format", "gitlab", example)
		if code != ExitFindings {
			t.Errorf("gitlab: exit %d", code)
		}
		issues := checkGitLab(t, []byte(out))
		if len(issues) != 4 {
			t.Errorf("gitlab: %d issues, want the demo's 4", len(issues))
		}
		for _, is := range issues {
			fps[i] = append(fps[i], is["fingerprint"].(string))
		}
		again, _, _ := runIn(t, env, "--format", "gitlab", example)
		if again != out {
			t.Errorf("gitlab: a second run differs")
		}
		doc := checkJUnit(t, []byte(runOut(t, env, "--format", "junit", example)))
		if doc.Failures != 4 || doc.Tests <= 4 {
			t.Errorf("junit: %d failures of %d tests, want the demo's 4 and a passing testcase per clean rule", doc.Failures, doc.Tests)
		}
	}
	if strings.Join(fps[0], " ") != strings.Join(fps[1], " ") {
		t.Errorf("fingerprints differ between English and Chinese:\n%v\n%v", fps[0], fps[1])
	}
}

func runOut(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	out, _, _ := runIn(t, env, args...)
	return out
}

// TestGitLabAndJUnitLeaveOutWhatDoesNotCount: suppressed findings and
// those in the baseline are not Code Quality issues (it has no such
// state); JUnit shows them as skipped testcases. A clean run gives an
// empty array and a report of passing testcases, one per rule.
func TestGitLabAndJUnitLeaveOutWhatDoesNotCount(t *testing.T) {
	fx := fixture.Extract(t, filepath.Join(goldenDir, "features.txtar"))
	t.Chdir(fx.Dir)
	var js struct {
		Findings []struct {
			Suppressed *struct{} `json:"suppressed"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(runOut(t, nil, "--format", "json", ".")), &js); err != nil {
		t.Fatal(err)
	}
	suppressed := 0
	for _, f := range js.Findings {
		if f.Suppressed != nil {
			suppressed++
		}
	}
	if suppressed == 0 {
		t.Fatal("the features project has no suppressed finding")
	}
	issues := checkGitLab(t, []byte(runOut(t, nil, "--format", "gitlab", ".")))
	if len(issues) != len(js.Findings)-suppressed {
		t.Errorf("gitlab: %d issues, want %d (%d findings, %d suppressed)", len(issues), len(js.Findings)-suppressed, len(js.Findings), suppressed)
	}
	doc := checkJUnit(t, []byte(runOut(t, nil, "--format", "junit", ".")))
	if doc.Skipped != suppressed || doc.Failures != len(issues) {
		t.Errorf("junit: %d skipped, %d failures; want %d, %d", doc.Skipped, doc.Failures, suppressed, len(issues))
	}

	// With every finding in the baseline, nothing counts.
	if _, errOut, code := runIn(t, nil, "--write-baseline", "base.json", "."); code != ExitOK {
		t.Fatalf("--write-baseline: exit %d: %s", code, errOut)
	}
	out, errOut, code := runIn(t, nil, "--baseline", "base.json", "--format", "gitlab", ".")
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("gitlab with a baseline: exit %d, %q, want 0 and []; %s", code, out, errOut)
	}
	doc = checkJUnit(t, []byte(runOut(t, nil, "--baseline", "base.json", "--format", "junit", ".")))
	if doc.Failures != 0 || doc.Skipped != len(js.Findings) {
		t.Errorf("junit with a baseline: %d failures, %d skipped; want 0, %d", doc.Failures, doc.Skipped, len(js.Findings))
	}

	// A clean project.
	clean := t.TempDir()
	for name, text := range map[string]string{
		"project.config.json":                `{"miniprogramRoot": "miniprogram/"}`,
		"miniprogram/app.json":               `{"pages": ["pages/index/index"]}`,
		"miniprogram/pages/index/index.js":   "Page({});\n",
		"miniprogram/pages/index/index.wxml": "<view/>\n",
	} {
		full := filepath.Join(clean, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code = runIn(t, nil, "--format", "gitlab", clean)
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("gitlab on a clean project: exit %d, %q; %s", code, out, errOut)
	}
	doc = checkJUnit(t, []byte(runOut(t, nil, "--format", "junit", clean)))
	if doc.Failures != 0 || doc.Tests == 0 || doc.Tests != len(doc.Suites) {
		t.Errorf("junit on a clean project: %d tests in %d suites, %d failures; want one passing testcase per rule", doc.Tests, len(doc.Suites), doc.Failures)
	}
}
