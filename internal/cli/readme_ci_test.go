package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeBlock returns the fenced code block of README.md whose first line
// (after the fence) is first, without its fences.
func readmeBlock(t *testing.T, first string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Split(string(b), "\n```")[1:] {
		_, body, _ := strings.Cut(part, "\n")
		if strings.HasPrefix(body, first+"\n") {
			return body
		}
	}
	t.Fatalf("README.md has no code block starting %q", first)
	return ""
}

// demoCopy is a copy of examples/demo, the checkout a CI job would have.
func demoCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "demo")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "demo"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runReadmeCommand runs an fpcheck command line of the README (split at
// spaces: the recipes quote nothing) in a copy of the demo, and returns
// the directory it ran in.
func runReadmeCommand(t *testing.T, cmdline string) string {
	t.Helper()
	args, ok := strings.CutPrefix(cmdline, "fpcheck ")
	if !ok {
		t.Fatalf("%q does not run fpcheck", cmdline)
	}
	dir := demoCopy(t)
	t.Chdir(dir)
	out, errOut, code := run(t, strings.Fields(args)...)
	if code != ExitFindings {
		t.Errorf("%s: exit %d, want %d (the demo has errors); stderr: %s", cmdline, code, ExitFindings, errOut)
	}
	if !strings.HasSuffix(out, "fpcheck: 4 problems (3 errors, 1 warning) in 16 files\n") {
		t.Errorf("%s: the text report on stdout lacks the summary:\n%s", cmdline, out)
	}
	return dir
}

// TestReadmeGitLabRecipe runs the fpcheck command of README.md's
// .gitlab-ci.yml on the demo, and checks that it writes the two files the
// recipe's artifacts name, valid (every field GitLab requires; JUnit XML
// that parses), and that the artifacts are kept when the job fails.
func TestReadmeGitLabRecipe(t *testing.T) {
	block := readmeBlock(t, "# .gitlab-ci.yml")
	var cmd string
	reports := map[string]string{}
	for l := range strings.SplitSeq(block, "\n") {
		l = strings.TrimSpace(l)
		if c, ok := strings.CutPrefix(l, "- fpcheck "); ok {
			cmd = "fpcheck " + c
		}
		for _, kind := range []string{"codequality", "junit"} {
			if p, ok := strings.CutPrefix(l, kind+": "); ok {
				reports[kind] = p
			}
		}
	}
	if cmd == "" || len(reports) != 2 {
		t.Fatalf("the recipe has no fpcheck command or not both reports:\n%s", block)
	}
	for _, want := range []string{"image: node:20", "- npm install --global fpcheck\n", "when: always", "--format text"} {
		if !strings.Contains(block, want) {
			t.Errorf("the recipe lacks %q", want)
		}
	}
	dir := runReadmeCommand(t, cmd)
	gl, err := os.ReadFile(filepath.Join(dir, reports["codequality"]))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(checkGitLab(t, gl)); n != 4 {
		t.Errorf("%s: %d issues, want 4", reports["codequality"], n)
	}
	ju, err := os.ReadFile(filepath.Join(dir, reports["junit"]))
	if err != nil {
		t.Fatal(err)
	}
	if doc := checkJUnit(t, ju); doc.Failures != 4 {
		t.Errorf("%s: %d failures, want 4", reports["junit"], doc.Failures)
	}
}

// TestReadmeJenkinsRecipe runs the fpcheck command of README.md's
// Jenkinsfile on the demo and checks the JUnit file its junit step reads.
func TestReadmeJenkinsRecipe(t *testing.T) {
	block := readmeBlock(t, "// Jenkinsfile")
	var cmd, report string
	for l := range strings.SplitSeq(block, "\n") {
		l = strings.TrimSpace(l)
		if c, ok := strings.CutPrefix(l, "sh 'npx --yes "); ok {
			cmd = strings.TrimSuffix(c, "'")
		}
		if r, ok := strings.CutPrefix(l, "junit '"); ok {
			report = strings.TrimSuffix(r, "'")
		}
	}
	if cmd == "" || report == "" || !strings.Contains(block, "always {") {
		t.Fatalf("the Jenkinsfile has no npx fpcheck step, junit step or post always:\n%s", block)
	}
	dir := runReadmeCommand(t, cmd)
	ju, err := os.ReadFile(filepath.Join(dir, report))
	if err != nil {
		t.Fatal(err)
	}
	if doc := checkJUnit(t, ju); doc.Failures != 4 {
		t.Errorf("%s: %d failures, want 4", report, doc.Failures)
	}
}

// TestReadmeDockerCommands: the Docker commands of README.md are the ones
// scripts/check-docker.sh runs (where a Docker daemon is available).
func TestReadmeDockerCommands(t *testing.T) {
	block := readmeBlock(t, "docker build -t fpcheck --build-arg VERSION=\"$(git describe --tags --always)\" .")
	script, err := os.ReadFile(filepath.Join("..", "..", "scripts", "check-docker.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.SplitSeq(strings.TrimSpace(block), "\n") {
		if !strings.Contains(string(script), "\n"+l+"\n") && !strings.Contains(string(script), "\n  "+l+"\n") {
			t.Errorf("scripts/check-docker.sh does not run README.md's %q", l)
		}
	}
}
