package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fence is one fenced code block of a Markdown file: its lines from the
// opening ``` to the closing one, and the line it starts on.
type fence struct {
	text string
	line int
}

// fences returns the fenced code blocks of md (fences at the start of a
// line, as the READMEs write them).
func fences(md string) []fence {
	var out []fence
	var cur []string
	start := 0
	for i, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "```") {
			if cur != nil {
				cur = append(cur, l)
			}
			continue
		}
		if cur == nil {
			cur, start = []string{l}, i+1
			continue
		}
		out = append(out, fence{strings.Join(append(cur, l), "\n"), start})
		cur = nil
	}
	return out
}

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// quickStart returns the first fenced block after heading in md.
func quickStart(t *testing.T, name, md, heading string) fence {
	t.Helper()
	i := strings.Index(md, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("%s has no %q section", name, heading)
	}
	before := strings.Count(md[:i], "\n") + 1
	for _, f := range fences(md) {
		if f.line > before {
			return f
		}
	}
	t.Fatalf("%s: no code block after %q", name, heading)
	return fence{}
}

// TestReadmeQuickStart fails when README.zh-CN.md's quick start does not
// give the same two set-up commands as README.md's, byte for byte, or when
// .ci/run (its "README quick start" and test steps) no longer runs them.
func TestReadmeQuickStart(t *testing.T) {
	en := quickStart(t, "README.md", readRepoFile(t, "README.md"), "## Quick start")
	zh := quickStart(t, "README.zh-CN.md", readRepoFile(t, "README.zh-CN.md"), "## 快速开始")
	if zh.text != en.text {
		t.Errorf("README.zh-CN.md:%d: the quick start's commands differ from README.md:%d's; copy the block:\n%s", zh.line, en.line, en.text)
	}
	lines := strings.Split(en.text, "\n")
	cmds := 0
	ci := readRepoFile(t, ".ci/run")
	for _, l := range lines[1 : len(lines)-1] {
		cmd, _, _ := strings.Cut(l, "#")
		cmd = strings.TrimSpace(cmd)
		if cmd == "" {
			continue
		}
		cmds++
		if !strings.Contains(ci, "\n"+cmd) {
			t.Errorf(".ci/run does not run README.md's quick-start command %q", cmd)
		}
	}
	if cmds != 2 {
		t.Errorf("README.md's quick start has %d commands, want the two set-up commands", cmds)
	}
}

// transcript reports whether a code block shows fpcheck's output on the
// demo ("$ fpcheck examples/demo" and what it prints), which each README
// shows in its own language.
func transcript(f fence) bool {
	return strings.HasPrefix(f.text, "```\n$ fpcheck examples/demo\n")
}

// TestReadmeTranscriptsAreTrue fails when a README shows output of the
// demo that fpcheck does not print in that README's language (the
// goldens testdata/golden/demo.txt and demo.zh.txt are what it prints).
func TestReadmeTranscriptsAreTrue(t *testing.T) {
	for readme, golden := range map[string]string{"README.md": "demo.txt", "README.zh-CN.md": "demo.zh.txt"} {
		out := readRepoFile(t, "testdata/golden/"+golden)
		n := 0
		for _, f := range fences(readRepoFile(t, readme)) {
			if !transcript(f) {
				continue
			}
			n++
			lines := strings.Split(f.text, "\n")
			for _, l := range lines[2 : len(lines)-1] {
				if !strings.Contains(out, l+"\n") {
					t.Errorf("%s:%d: fpcheck does not print %q (testdata/golden/%s)", readme, f.line, l, golden)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s shows no output of the demo", readme)
		}
	}
}

// TestReadmeZhKeepsTheCodeBlocks fails when a code block of README.md is
// not in README.zh-CN.md, verbatim and in the same order: the Chinese
// README translates the prose around the commands, never the commands.
// The demo's output is the exception: each README shows it in its own
// language (TestReadmeTranscriptsAreTrue).
func TestReadmeZhKeepsTheCodeBlocks(t *testing.T) {
	zh := fences(readRepoFile(t, "README.zh-CN.md"))
	j := 0
	for _, f := range fences(readRepoFile(t, "README.md")) {
		if transcript(f) {
			continue
		}
		k := j
		for k < len(zh) && zh[k].text != f.text {
			k++
		}
		if k == len(zh) {
			after := 0
			if j > 0 {
				after = zh[j-1].line
			}
			head, _, _ := strings.Cut(f.text, "\n")
			t.Errorf("README.md:%d: the code block %q… is not in README.zh-CN.md after its line %d; copy it verbatim", f.line, head+"\n"+firstLine(strings.TrimPrefix(f.text, head+"\n")), after)
			continue
		}
		j = k + 1
	}
}
