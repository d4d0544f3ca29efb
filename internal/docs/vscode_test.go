package docs

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

// problemMatcher is the part of a VS Code problem matcher the README's
// tasks.json uses.
type problemMatcher struct {
	Owner        string   `json:"owner"`
	FileLocation []string `json:"fileLocation"`
	Severity     string   `json:"severity"`
	Pattern      struct {
		Regexp   string `json:"regexp"`
		File     int    `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity int    `json:"severity"`
		Message  int    `json:"message"`
		Code     int    `json:"code"`
	} `json:"pattern"`
}

// vscodeMatchers reads the problem matchers of README.md's
// .vscode/tasks.json block; each regexp is compiled as Go reads it (the
// JSON string unescaped, which the expressions used here, groups,
// alternations, \d, character classes and anchors, mean the same in
// JavaScript and Go).
func vscodeMatchers(t *testing.T) ([]problemMatcher, []*regexp.Regexp) {
	t.Helper()
	var block string
	for _, f := range fences(readRepoFile(t, "README.md")) {
		if strings.HasPrefix(f.text, "```jsonc\n// .vscode/tasks.json\n") {
			block = f.text
		}
	}
	if block == "" {
		t.Fatal("README.md has no ```jsonc block starting // .vscode/tasks.json")
	}
	var body []string
	for l := range strings.SplitSeq(block, "\n") {
		if strings.HasPrefix(l, "```") || strings.HasPrefix(strings.TrimSpace(l), "//") {
			continue
		}
		body = append(body, l)
	}
	var tasks struct {
		Tasks []struct {
			Label          string           `json:"label"`
			Command        string           `json:"command"`
			ProblemMatcher []problemMatcher `json:"problemMatcher"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal([]byte(strings.Join(body, "\n")), &tasks); err != nil {
		t.Fatalf("README.md's tasks.json: %v", err)
	}
	if len(tasks.Tasks) != 1 || len(tasks.Tasks[0].ProblemMatcher) == 0 {
		t.Fatalf("README.md's tasks.json: want one task with problem matchers, got %+v", tasks)
	}
	if c := tasks.Tasks[0].Command; !strings.Contains(c, "--no-color") {
		t.Errorf("the task's command %q lacks --no-color (colors would break the matcher)", c)
	}
	ms := tasks.Tasks[0].ProblemMatcher
	var res []*regexp.Regexp
	for i, m := range ms {
		if m.Owner != "fpcheck" {
			t.Errorf("matcher %d: owner %q, want fpcheck", i, m.Owner)
		}
		if len(m.FileLocation) == 0 || (m.FileLocation[0] != "autodetect" && m.FileLocation[0] != "relative") {
			t.Errorf("matcher %d: fileLocation %q, want relative or autodetect", i, m.FileLocation)
		}
		re, err := regexp.Compile(m.Pattern.Regexp)
		if err != nil {
			t.Fatalf("matcher %d: %v", i, err)
		}
		p := m.Pattern
		for name, g := range map[string]int{"file": p.File, "line": p.Line, "column": p.Column, "severity": p.Severity, "message": p.Message, "code": p.Code} {
			if g < 1 || g > re.NumSubexp() {
				t.Errorf("matcher %d: %s is group %d of %d", i, name, g, re.NumSubexp())
			}
		}
		res = append(res, re)
	}
	return ms, res
}

// vscodeSeverity is the severity VS Code gives a match: the captured
// level when VS Code knows the word (Severity.fromValue, or E, W, I, hint
// and note), else the matcher's own severity, else error.
func vscodeSeverity(captured, matcher string) string {
	switch strings.ToLower(captured) {
	case "error", "e":
		return "error"
	case "warning", "warn", "w":
		return "warning"
	case "info", "i", "note", "hint":
		return "info"
	}
	if matcher != "" {
		return matcher
	}
	return "error"
}

// vscodeFinding is what a problem matcher takes from a line.
type vscodeFinding struct {
	file         string
	line, column int
	severity     string
	message      string
	code         string
}

// vscodeMatch runs the matchers on a line, as VS Code does for each line
// of a task's output; ok is false when none matches. It fails the test when
// more than one does (the finding would be reported twice).
func vscodeMatch(t *testing.T, ms []problemMatcher, res []*regexp.Regexp, line string) (vscodeFinding, bool) {
	t.Helper()
	var got []vscodeFinding
	for i, re := range res {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		p := ms[i].Pattern
		l, err1 := strconv.Atoi(m[p.Line])
		c, err2 := strconv.Atoi(m[p.Column])
		if err1 != nil || err2 != nil {
			t.Errorf("matcher %d takes line %q, column %q from %q", i, m[p.Line], m[p.Column], line)
		}
		got = append(got, vscodeFinding{m[p.File], l, c, vscodeSeverity(m[p.Severity], ms[i].Severity), m[p.Message], m[p.Code]})
	}
	if len(got) > 1 {
		t.Errorf("%d matchers match %q", len(got), line)
	}
	if len(got) == 0 {
		return vscodeFinding{}, false
	}
	return got[0], true
}

var vscodeLevel = map[string]string{"error": "error", "warning": "warning", "note": "info"}

// TestVSCodeProblemMatcher fails when the problem matchers in README.md's
// .vscode/tasks.json do not take, from fpcheck's text output in English and
// in Chinese, exactly the findings its JSON output has (file, line, column,
// severity, message and rule), or take anything from the other lines (code
// frames, summary).
func TestVSCodeProblemMatcher(t *testing.T) {
	ms, res := vscodeMatchers(t)

	type jsonFinding struct {
		Rule       string          `json:"rule"`
		Level      string          `json:"level"`
		Path       string          `json:"path"`
		Line       int             `json:"line"`
		Column     int             `json:"column"`
		Message    string          `json:"message"`
		Suppressed json.RawMessage `json:"suppressed"`
	}
	for _, c := range []struct{ text, json, prefix string }{
		{"demo.txt", "demo.json", "examples/demo/"},
		{"demo.zh.txt", "demo.json", "examples/demo/"},
		{"features.txt", "features.json", ""},
		{"features.zh.txt", "features.json", ""},
	} {
		var report struct{ Findings []jsonFinding }
		if err := json.Unmarshal([]byte(readRepoFile(t, "testdata/golden/"+c.json)), &report); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, f := range report.Findings {
			if f.Suppressed == nil {
				want = append(want, fmt.Sprintf("%s%s:%d:%d %s [%s]", c.prefix, f.Path, f.Line, f.Column, vscodeLevel[f.Level], f.Rule))
			}
		}
		english := !strings.Contains(c.text, ".zh.")
		var got []string
		i := 0
		for l := range strings.SplitSeq(strings.TrimSuffix(readRepoFile(t, "testdata/golden/"+c.text), "\n"), "\n") {
			f, ok := vscodeMatch(t, ms, res, l)
			if !ok {
				continue
			}
			got = append(got, fmt.Sprintf("%s:%d:%d %s [%s]", f.file, f.line, f.column, f.severity, f.code))
			if f.message == "" || strings.HasSuffix(f.message, "]") {
				t.Errorf("%s: message %q from %q", c.text, f.message, l)
			}
			if english && i < len(report.Findings) {
				// The text shows the findings in the JSON's order.
				for i < len(report.Findings) && report.Findings[i].Suppressed != nil {
					i++
				}
				if i < len(report.Findings) && f.message != report.Findings[i].Message {
					t.Errorf("%s: message %q, want %q", c.text, f.message, report.Findings[i].Message)
				}
				i++
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the matchers take\n%s\nwant (%s)\n%s", c.text, strings.Join(got, "\n"), c.json, strings.Join(want, "\n"))
		}
	}

	// Every level, in both languages, with the severity VS Code should show.
	for _, l := range []lint.Level{lint.Note, lint.Warning, lint.Error} {
		for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
			line := fmt.Sprintf("miniprogram/页面/a b.js:12:3: %s: a message: with [brackets] [some-rule]", l.Label().Localize(lang))
			f, ok := vscodeMatch(t, ms, res, line)
			want := vscodeFinding{"miniprogram/页面/a b.js", 12, 3, vscodeLevel[l.String()], "a message: with [brackets]", "some-rule"}
			if !ok || f != want {
				t.Errorf("%q: the matchers take %+v (matched %v), want %+v", line, f, ok, want)
			}
		}
	}
}
