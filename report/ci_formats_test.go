package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/source"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// The gitlab and junit reports of a finding whose path and message hold
// control characters: no raw control character is left (a report printed
// on a terminal cannot act on it), GitLab's JSON decodes to the message,
// and the JUnit XML parses, with what XML 1.0 cannot hold dropped.
func TestGitLabAndJUnitEscapeControlCharacters(t *testing.T) {
	run := hostileRun(t)
	msg := strings.ToValidUTF8(run.Findings[0].Message.String(), "\ufffd")

	var gl bytes.Buffer
	if err := Write(&gl, "gitlab", run); err != nil {
		t.Fatal(err)
	}
	if r := rawControl(gl.String()); r != -1 {
		t.Errorf("gitlab output has a raw %U", r)
	}
	var issues []gitlabIssue
	if err := json.Unmarshal(gl.Bytes(), &issues); err != nil || len(issues) != 1 {
		t.Fatalf("gitlab: %v, %d issues", err, len(issues))
	}
	if !strings.HasPrefix(issues[0].Description, msg) {
		t.Errorf("gitlab: description %q does not hold the message", issues[0].Description)
	}

	var ju bytes.Buffer
	if err := Write(&ju, "junit", run); err != nil {
		t.Fatal(err)
	}
	if r := rawControl(strings.NewReplacer("\n", "", "\t", "").Replace(ju.String())); r != -1 {
		t.Errorf("junit output has a raw %U", r)
	}
	var doc struct {
		Suites []struct {
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(ju.Bytes(), &doc); err != nil {
		t.Fatalf("junit is not XML: %v\n%s", err, ju.String())
	}
	if len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 1 {
		t.Fatalf("junit: want one suite with one testcase:\n%s", ju.String())
	}
	c := doc.Suites[0].Cases[0]
	if want := xmlText(msg); c.Failure.Message != want {
		t.Errorf("junit: failure message %q, want %q", c.Failure.Message, want)
	}
	if !strings.HasPrefix(c.Name, "pages/") || strings.ContainsRune(c.Name, 0x1b) {
		t.Errorf("junit: testcase name %q", c.Name)
	}
	if !strings.Contains(c.Failure.Text, "require") || !strings.Contains(c.Failure.Text, "^") {
		t.Errorf("junit: the failure has no code frame:\n%s", c.Failure.Text)
	}
}

// Every fingerprint is unique, also for one rule reporting the same span
// twice, and the same on the next run.
func TestGitLabFingerprintsUnique(t *testing.T) {
	run := hostileRun(t)
	f := run.Findings[0]
	g := f
	g.Range.Start.Line++ // the same text on another line
	run.Findings = append(run.Findings, f, g)
	var a, b bytes.Buffer
	if err := Write(&a, "gitlab", run); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, "gitlab", run); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two runs differ")
	}
	var issues []gitlabIssue
	if err := json.Unmarshal(a.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s twice", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	if len(seen) != 3 {
		t.Errorf("%d fingerprints for 3 findings", len(seen))
	}
}

// FuzzJUnitXML: whatever a path or message holds, the JUnit report parses
// as XML, reads back the message (less what XML 1.0 cannot hold) and has
// no raw control character outside line breaks and tabs.
func FuzzJUnitXML(f *testing.F) {
	f.Add("pages/a.js", "require \"./b\" does not resolve")
	f.Add("p]]>a<&\"'.js", hostile)
	f.Add("\x00\ufffe\xff", "\r\n\x1b[2J&#x1b;")
	f.Fuzz(func(t *testing.T, path, message string) {
		run := &Run{Tool: "fpcheck", Files: 1, Findings: []lint.Finding{{
			Rule: "r", Level: lint.Error, Path: path, Message: i18n.Raw(message),
			Range: source.Range{Start: source.Pos{Line: 1, Col: 1}},
		}}, Frame: func(string, source.Range) string { return message }}
		var b bytes.Buffer
		if err := Write(&b, "junit", run); err != nil {
			t.Fatal(err)
		}
		if r := rawControl(strings.NewReplacer("\n", "", "\t", "").Replace(b.String())); r != -1 {
			t.Fatalf("raw %U in:\n%s", r, b.String())
		}
		var doc struct {
			Cases []struct {
				Failure struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testsuite>testcase"`
		}
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("not XML: %v\n%s", err, b.String())
		}
		if len(doc.Cases) != 1 || doc.Cases[0].Failure.Message != xmlText(message) {
			t.Fatalf("message %q read back as %+v", xmlText(message), doc.Cases)
		}
	})
}
