package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/fpcheck/fpcheck/report"
)

// Bounds of a fuzzed project: enough for every rule to see a package
// layout, small enough for thousands of runs.
const (
	fuzzMaxFiles = 48
	fuzzMaxBytes = 64 << 10
)

// FuzzPipeline writes a project from a txtar archive and runs the whole
// pipeline on it in every output format and as a graph in every graph
// format: fpcheck must never fail internally (exit 3), must exit 0, 1 or 2,
// must write JSON and SARIF that parse, and must never write a control
// character to the text, github or markdown output, or a line a GitHub
// runner reads as a workflow command outside --format github's own.
func FuzzPipeline(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.txtar"))
	for i, s := range seeds {
		if i%3 != 0 { // a third of the fixtures: every rule, fewer runs
			continue
		}
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("-- app.json --\n{\"pages\": [\"pages/a/a\"], \"subpackages\": [{\"root\": \"\x1b[2J\", \"pages\": [\"::error::x\"]}]}\n-- pages/a/a.js --\nrequire('\x1b]8;;http://x\x07l\x1b]8;;\x07')\n"))
	f.Add([]byte("-- app.json --\n[]\n-- project.config.json --\nnull\n"))
	f.Fuzz(func(t *testing.T, archive []byte) {
		if len(archive) > fuzzMaxBytes {
			return
		}
		a := txtar.Parse(archive)
		if len(a.Files) == 0 || len(a.Files) > fuzzMaxFiles {
			return
		}
		dir := t.TempDir()
		proj := filepath.Join(dir, "p")
		for _, file := range a.Files {
			name := file.Name
			if !fs0Name(name) {
				return
			}
			full := filepath.Join(proj, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return // a file where a directory is wanted
			}
			if err := os.WriteFile(full, file.Data, 0o644); err != nil {
				return
			}
		}
		out := filepath.Join(dir, "out")
		if err := os.Mkdir(out, 0o755); err != nil {
			t.Fatal(err)
		}
		args := []string{}
		for _, format := range report.Formats {
			args = append(args, "--format", format+"="+filepath.Join(out, format))
		}
		stdout, stderr, code := run(t, append(args, proj)...)
		if code != ExitOK && code != ExitFindings && code != ExitUsage {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		if code != ExitUsage {
			for _, format := range report.Formats {
				b, err := os.ReadFile(filepath.Join(out, format))
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				checkFuzzedOutput(t, format, b)
			}
		}
		for _, format := range report.GraphFormats {
			stdout, stderr, code := run(t, "graph", "--format", format, proj)
			if code != ExitOK && code != ExitUsage {
				t.Fatalf("graph --format %s: exit %d\nstdout:\n%s\nstderr:\n%s", format, code, stdout, stderr)
			}
		}
	})
}

// fs0Name reports whether a txtar member name is a relative path inside
// the project that a file system can hold. Hostile names (control
// characters, "::", backslashes) are kept: they are what is tested.
func fs0Name(name string) bool {
	return name != "" && name != "." && !path.IsAbs(name) && path.Clean(name) == name &&
		name != ".." && !strings.HasPrefix(name, "../") && !strings.ContainsRune(name, 0) &&
		len(name) < 200
}

// checkFuzzedOutput checks one report of a fuzzed run.
func checkFuzzedOutput(t *testing.T, format string, b []byte) {
	t.Helper()
	switch format {
	case "json", "sarif", "gitlab":
		if !json.Valid(b) {
			t.Fatalf("%s output is not JSON:\n%s", format, b)
		}
	case "junit":
		if err := xmlWellFormed(b); err != nil {
			t.Fatalf("junit output is not XML: %v\n%s", err, b)
		}
	case "text", "markdown", "github":
		for i, line := range bytes.Split(b, []byte("\n")) {
			for _, r := range string(line) {
				if r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
					t.Fatalf("%s output line %d has control character %U: %q", format, i+1, r, line)
				}
			}
			if format != "github" && bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("::")) {
				t.Fatalf("%s output line %d reads as a workflow command: %q", format, i+1, line)
			}
		}
	}
}
