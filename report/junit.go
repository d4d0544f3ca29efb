package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fpcheck/fpcheck/internal/lint"
)

// JUnit XML, as GitLab's test report (artifacts:reports:junit) and
// Jenkins' junit step read it.
//
// One testsuite per rule that ran, not per file: both views list the
// suites and count passes and failures per suite, so a rule reads as a
// check that passed or failed, and a clean run lists every rule as a
// passing testcase (a report with no testcase shows as empty, or fails
// Jenkins' step). Per file, a clean run would list the files instead of
// what was checked, and Jenkins splits a classname at its last dot into
// package and class: "fpcheck.<rule>" gives the package fpcheck and a
// class per rule, where a file name ("index.js") would be split in two.
//
// A finding is a testcase named by its location, with a <failure> whose
// type is its level; a suppressed finding or one recorded in the
// baseline is a <skipped> testcase, which does not fail the build.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	// File is the path GitLab shows and links (Jenkins ignores it).
	File    string        `xml:"file,attr,omitempty"`
	Failure *junitFailure `xml:"failure"`
	Skipped *junitSkipped `xml:"skipped"`
}

type junitFailure struct {
	Message string
	Type    string
	Text    string
}

// MarshalXML writes the failure's text with its line breaks as they are
// (a chardata field would write each as "&#xA;"), so the report reads
// well in an editor; the attributes are escaped as usual.
func (f *junitFailure) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = []xml.Attr{{Name: xml.Name{Local: "message"}, Value: f.Message}, {Name: xml.Name{Local: "type"}, Value: f.Type}}
	for _, t := range []xml.Token{start, xml.CharData(f.Text), start.End()} {
		if err := e.EncodeToken(t); err != nil {
			return err
		}
	}
	return nil
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func writeJUnit(w io.Writer, run *Run) error {
	titles := map[string]string{}
	for _, m := range run.Rules {
		titles[m.ID] = m.Title.In(run.Lang)
	}
	byRule := map[string][]lint.Finding{}
	for _, f := range run.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
		if _, ok := titles[f.Rule]; !ok {
			titles[f.Rule] = f.Rule
		}
	}
	ids := make([]string, 0, len(titles))
	for id := range titles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := junitSuites{Name: run.Tool}
	for _, id := range ids {
		s := junitSuite{Name: id}
		class := run.Tool + "." + id
		for _, f := range byRule[id] {
			loc := fmt.Sprintf("%s:%d:%d", run.path(f), f.Range.Start.Line, f.Range.Start.Col)
			c := junitCase{Name: xmlText(loc), Classname: class, File: xmlText(run.path(f))}
			msg := run.msg(f.Message)
			switch {
			case f.Suppressed != nil:
				why := run.text("junit.suppressed")
				if j := f.Suppressed.Justification; j != "" {
					why = run.text("junit.suppressed-why", j)
				}
				c.Skipped = &junitSkipped{Message: xmlText(why + msg)}
				s.Skipped++
			case f.BaselineState == lint.Unchanged:
				c.Skipped = &junitSkipped{Message: xmlText(run.text("junit.baselined") + msg)}
				s.Skipped++
			default:
				body := loc + ": " + run.level(f.Level) + ": " + msg + " [" + f.Rule + "]\n"
				if run.Frame != nil {
					body += run.Frame(f.Path, f.Range)
				}
				c.Failure = &junitFailure{Message: xmlText(msg), Type: f.Level.String(), Text: xmlText(body)}
				s.Failures++
			}
			s.Cases = append(s.Cases, c)
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: xmlText(titles[id]), Classname: class})
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(xmlHidden(buf.Bytes()))
	return err
}

// xmlText makes s fit for XML 1.0: invalid UTF-8 becomes U+FFFD and the
// characters XML 1.0 cannot hold at all, even as references (the C0
// controls but tab, line feed and carriage return; U+FFFE, U+FFFF), are
// dropped. encoding/xml escapes the rest (&, <, quotes, and line breaks
// in attributes).
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\ufffd"))
}

// xmlHidden writes DEL, the C1 controls and the bidirectional controls,
// which XML allows raw, as character references, so that a report printed
// on a terminal cannot act on it; a parser reads back the same text.
func xmlHidden(b []byte) []byte { return escapeHidden(b, "&#x%X;") }
