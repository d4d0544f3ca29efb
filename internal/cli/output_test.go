package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// writeProject makes a project from path → content in a temporary
// directory and returns the directory.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	fixture.WriteTree(t, dir, files)
	return dir
}

// bigReport is a project whose text report is far larger than a pipe's
// buffer (64 KiB): 2000 unresolved requires, 50 in each of 40 pages (under
// the cap of findings per rule and file).
func bigReport(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	var pages []string
	for p := range 40 {
		var js strings.Builder
		for i := range 50 {
			fmt.Fprintf(&js, "require('./missing-%d');\n", i)
		}
		js.WriteString("Page({});\n")
		page := fmt.Sprintf("pages/p%d/index", p)
		pages = append(pages, `"`+page+`"`)
		files[page+".wxml"] = "<view/>"
		files[page+".js"] = js.String()
	}
	files["app.json"] = `{"pages":[` + strings.Join(pages, ",") + `]}`
	return writeProject(t, files)
}

// A report written to a FIFO or to /dev/stdout (reopened through
// /proc/self/fd) whose reader goes away after the first bytes, as with
// `fpcheck -o /dev/stdout | head`: fpcheck stops with exit 2 and a message
// naming the output, instead of blocking forever (it used to open the
// output read-write, so it was a reader of its own pipe).
func TestOutputWhoseReaderGoesAway(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := bigReport(t)
	type pipe struct {
		path string
		// reader opens the read end (for the FIFO, once fpcheck opened it).
		reader func() (io.ReadCloser, error)
	}
	cases := map[string]func(t *testing.T) pipe{
		"fifo": func(t *testing.T) pipe {
			t.Helper()
			path := filepath.Join(t.TempDir(), "report.fifo")
			if err := mkfifo(path); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return pipe{path, func() (io.ReadCloser, error) { return os.Open(path) }}
		},
		"/dev/stdout": func(t *testing.T) pipe {
			t.Helper()
			if runtime.GOOS != "linux" {
				t.Skip("/proc/self/fd reopens the pipe on Linux only")
			}
			r, w, err := os.Pipe()
			must(t, err)
			t.Cleanup(func() { w.Close() })
			path := fmt.Sprintf("/proc/self/fd/%d", w.Fd())
			return pipe{path, func() (io.ReadCloser, error) { return r, nil }}
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			p := mk(t)
			go func() {
				r, err := p.reader()
				if err != nil {
					return
				}
				buf := make([]byte, 100)
				_, _ = io.ReadFull(r, buf)
				r.Close()
			}()
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				c := &Command{Stdout: &stdout, Stderr: &stderr, Version: testVersion, getenv: noGitHub}
				done <- c.Main([]string{"-o", p.path, dir})
			}()
			select {
			case code := <-done:
				if code != ExitUsage || !strings.Contains(stderr.String(), "cannot write the text report to "+p.path+": broken pipe") {
					t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
				}
				if strings.Contains(stderr.String(), "goroutine ") {
					t.Errorf("stack trace:\n%s", stderr.String())
				}
			case <-time.After(60 * time.Second):
				t.Errorf("fpcheck still writing to %s a minute after its reader went away", p.path)
				// Read the rest ourselves so that fpcheck can finish.
				if r, err := os.Open(p.path); err == nil {
					go func() { _, _ = io.Copy(io.Discard, r) }()
				}
				<-done
			}
		})
	}
}

// A full disk (or quota, or any refusal of the output to take the report)
// is exit 2 with a message naming the output, not 3 ("internal failure").
func TestOutputDiskFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	demo := filepath.Join("..", "..", "examples", "demo")
	for _, args := range [][]string{
		{"-o", "/dev/full", demo},
		{"--format", "sarif=/dev/full", demo},
		{"--format", "text", "--format", "json=/dev/full", demo},
	} {
		_, errOut, code := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, "report to /dev/full: no space left on device") {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, errOut)
		}
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	must(t, err)
	defer full.Close()
	var errb bytes.Buffer
	c := &Command{Stdout: full, Stderr: &errb, Version: testVersion, getenv: noGitHub}
	if code := c.Main([]string{demo}); code != ExitUsage || !strings.Contains(errb.String(), "cannot write the text report to standard output: no space left on device") {
		t.Errorf("standard output on /dev/full: exit %d, stderr:\n%s", code, errb.String())
	}
	errb.Reset()
	if code := c.Main([]string{"--fix-dry-run", demo}); code != ExitUsage || !strings.Contains(errb.String(), "cannot write the diff report to standard output: no space left on device") {
		t.Errorf("--fix-dry-run on /dev/full: exit %d, stderr:\n%s", code, errb.String())
	}
}

// Color is for terminals only: /dev/null and other character devices are
// not terminals.
func TestColorOnlyOnATerminal(t *testing.T) {
	c := &Command{}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	must(t, err)
	defer null.Close()
	if c.terminal(null) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
	file, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	must(t, err)
	defer file.Close()
	if c.terminal(file) {
		t.Error("a regular file is taken for a terminal")
	}
	if runtime.GOOS == "linux" {
		if ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0); err == nil {
			defer ptmx.Close()
			if !c.terminal(ptmx) {
				t.Error("a pseudo-terminal is not taken for a terminal")
			}
		}
	}
}

// noGitHub is the environment without GITHUB_ACTIONS, so that tests run
// the same on GitHub's runners.
func noGitHub(k string) string {
	switch k {
	case "GITHUB_ACTIONS", "LC_ALL", "LC_MESSAGES", "LANG":
		return "" // not on GitHub, and English whatever the machine's locale
	}
	return os.Getenv(k)
}

// runnerCommands models how GitHub's runner reads a step's output
// (actions/runner, ActionCommandManager and ActionCommand): a line ends at
// "\n", "\r\n" or "\r"; it is a command when, after leading white space,
// it starts with "::NAME ...::" or when it holds "##[NAME ...]" anywhere,
// for a known NAME (case-insensitive); after ::stop-commands::TOKEN only
// ::TOKEN:: is processed. It returns the commands processed, as
// "name data", and whether processing is still stopped at the end.
func runnerCommands(out string) (cmds []string, stopped bool) {
	known := map[string]bool{}
	for _, n := range []string{
		"add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group",
		"notice", "remove-matcher", "save-state", "set-env", "set-output", "stop-commands", "warning",
	} {
		known[n] = true
	}
	token := ""
	parse := func(line string) (name, data string, ok bool) {
		if l := strings.TrimLeftFunc(line, unicode.IsSpace); strings.HasPrefix(l, "::") {
			if end := strings.Index(l[2:], "::"); end >= 0 {
				info := l[2 : 2+end]
				name, _, _ = strings.Cut(info, " ")
				if known[strings.ToLower(name)] {
					return strings.ToLower(name), l[2+end+2:], true
				}
			}
		}
		if i := strings.Index(line, "##["); i >= 0 {
			if rb := strings.Index(line[i:], "]"); rb >= 0 {
				name, _, _ = strings.Cut(line[i+3:i+rb], " ")
				if known[strings.ToLower(name)] {
					return strings.ToLower(name), line[i+rb+1:], true
				}
			}
		}
		return "", "", false
	}
	lines := strings.FieldsFunc(strings.ReplaceAll(out, "\r\n", "\n"), func(r rune) bool { return r == '\n' || r == '\r' })
	for _, line := range lines {
		name, data, ok := parse(line)
		switch {
		case !ok:
		case token != "":
			if name == token {
				cmds = append(cmds, "resume")
				delete(known, token)
				token = ""
			}
		case name == "stop-commands":
			cmds = append(cmds, "stop-commands")
			token = strings.ToLower(data)
			known[token] = true
		default:
			cmds = append(cmds, name+" "+data)
		}
	}
	return cmds, token != ""
}

// hostileProject has file names, specifiers and source lines made to be
// taken for workflow commands in a GitHub log, and terminal escapes.
func hostileProject(t *testing.T) string {
	t.Helper()
	return writeProject(t, map[string]string{
		"app.json":                `{"pages":["pages/index/index","::stop-commands::x"]}`,
		"pages/index/index.wxml":  "<view/>",
		"pages/index/index.js":    "require('./a\r::add-mask::fpcheck\x1b]0;title\x07'); // ##[set-output name=x;]y\nPage({});\n",
		"::stop-commands::x.wxml": "<view/>",
		"::stop-commands::x.js":   "require('##[add-mask]q');Page({})\n",
		"::stop-commands::x.json": `{"usingComponents":{"a":"./nope"}}`,
	})
}

// Under GitHub Actions the text report on standard output is inert: the
// runner processes no command from what a repository's names or code put
// in it, and processes commands again after it. The github format's
// annotations are processed, one per finding.
func TestGitHubActionsLogIsInert(t *testing.T) {
	dir := hostileProject(t)
	t.Chdir(dir)
	onGitHub := func(k string) string {
		if k == "GITHUB_ACTIONS" {
			return "true"
		}
		return noGitHub(k)
	}
	var out, errb bytes.Buffer
	c := &Command{Stdout: &out, Stderr: &errb, Version: testVersion, getenv: onGitHub}
	if code := c.Main([]string{"."}); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	cmds, stopped := runnerCommands(out.String())
	if strings.Join(cmds, "|") != "stop-commands|resume" || stopped {
		t.Errorf("the runner would process %q (stopped at the end: %v) from:\n%s", cmds, stopped, out.String())
	}
	out.Reset()
	if code := c.Main([]string{"--format", "github", "."}); code != ExitFindings {
		t.Fatalf("github format: exit %d", code)
	}
	cmds, stopped = runnerCommands(out.String())
	if len(cmds) != 3 || stopped {
		t.Errorf("want the 3 annotations, the runner would process %q from:\n%s", cmds, out.String())
	}
	for _, cmd := range cmds {
		if !strings.HasPrefix(cmd, "error ") {
			t.Errorf("processed %q", cmd)
		}
	}
	// Off GitHub the text report is not wrapped.
	out.Reset()
	c.getenv = noGitHub
	c.Main([]string{"."})
	if !strings.HasPrefix(out.String(), "./::stop-commands::x.js:1:9: error: ") {
		t.Errorf("off GitHub:\n%s", out.String())
	}
}

// Messages on standard error show control characters visibly too: a
// config error's frame shows the repository's fpcheck.json.
func TestStderrShowsControlCharactersVisibly(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"app.json":               `{"pages":["pages/index/index"]}`,
		"pages/index/index.wxml": "<view/>",
		"pages/index/index.js":   "Page({});\n",
		"fpcheck.json":           "{\"rules\": {\"x\x1b]0;pwn\x07\u202e\": \"off\"}}\n",
	})
	_, errOut, code := run(t, dir)
	if code != ExitUsage {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(errOut, bad) {
			t.Errorf("stderr has a raw %q:\n%s", bad, errOut)
		}
	}
	if !strings.Contains(errOut, "␛]0;pwn␇") {
		t.Errorf("stderr does not show the escape visibly:\n%s", errOut)
	}
}
