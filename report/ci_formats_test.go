package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
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
