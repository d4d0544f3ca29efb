// Command realworld runs fpcheck on a pinned list of public mini-program and
// plugin repositories and compares the findings with a reviewed
// expectations file, like Ruff's ecosystem check.
//
//	go run ./scripts/realworld [-only owner/name] [-update] [-md FILE]
//
// Repositories are listed in scripts/realworld/repos.tsv (repo, commit, dir,
// tags); reviewed findings in scripts/realworld/expectations.tsv (repo, rule,
// level, path, line, verdict, reason). The exit status is 1 when a finding
// is new, an expectation vanished, a finding is reviewed as false or not yet
// reviewed, or fpcheck failed (exit 3, crash, timeout); otherwise 0.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	reposFile        = "scripts/realworld/repos.tsv"
	expectationsFile = "scripts/realworld/expectations.tsv"
	runTimeout       = 5 * time.Minute
)

var verdicts = []string{"true", "false", "debatable", "unreviewed"}

type repo struct {
	name, commit, dir, tags string
}

type finding struct {
	Rule    string `json:"rule"`
	Level   string `json:"level"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type report struct {
	Findings []finding `json:"findings"`
	Summary  struct {
		Files int `json:"files"`
	} `json:"summary"`
}

// key identifies a finding across runs: the column and message may change
// without the finding being a different one.
type key struct {
	repo, rule, path string
	line             int
}

type expectation struct {
	key
	level, verdict, reason string
}

// result is what one repository's run produced.
type result struct {
	repo     repo
	status   string // "ok", or why there are no findings to compare
	failed   bool   // exit 3, crash, timeout: always a failure of the check
	files    int
	findings []finding
	elapsed  time.Duration
}

func main() {
	mirror := flag.String("mirror", "/work/.mirror", "directory holding fetched repositories as owner+name/")
	scratch := flag.String("scratch", filepath.Join(os.TempDir(), "fpcheck-realworld"), "directory to extract repositories into")
	fpcheck := flag.String("fpcheck", "", "fpcheck binary (default: build ./cmd/fpcheck into the scratch directory)")
	update := flag.Bool("update", false, "rewrite the expectations file: add new findings as unreviewed, drop vanished ones")
	md := flag.String("md", "", "write the summary table as markdown to `file`")
	only := flag.String("only", "", "check only this repository (owner/name)")
	clone := flag.Bool("clone", false, "git clone repositories missing from the mirror from github.com")
	list := flag.String("list", "", "write every finding, one a line, to `file`")
	flag.Parse()

	repos, err := readRepos(reposFile)
	if err != nil {
		fatal(err)
	}
	if *only != "" {
		repos = filterRepos(repos, *only)
		if len(repos) == 0 {
			fatal(fmt.Errorf("%s is not in %s", *only, reposFile))
		}
	}
	exps, err := readExpectations(expectationsFile)
	if err != nil {
		fatal(err)
	}
	if err := os.MkdirAll(*scratch, 0o755); err != nil {
		fatal(err)
	}
	if *fpcheck == "" {
		*fpcheck = filepath.Join(*scratch, "fpcheck")
		if err := run("", os.Stderr, "go", "build", "-o", *fpcheck, "./cmd/fpcheck"); err != nil {
			fatal(fmt.Errorf("building fpcheck: %w", err))
		}
	}

	var results []result
	for _, r := range repos {
		res := checkRepo(r, *mirror, *scratch, *fpcheck, *clone)
		if res.status != "ok" {
			fmt.Fprintf(os.Stderr, "%s: %s\n", r.name, res.status)
		}
		results = append(results, res)
	}

	c := compare(results, exps)
	table := summaryTable(results, exps)
	fmt.Print("\n" + table)
	fmt.Printf("\n%d new, %d vanished, %d reviewed false, %d unreviewed, %d failed runs, %d repositories not checked\n",
		c.new, c.vanished, c.false, c.unreviewed, c.failed, c.skipped)
	if *md != "" {
		if err := os.WriteFile(*md, []byte(table), 0o644); err != nil {
			fatal(err)
		}
	}
	if *list != "" {
		if err := writeList(*list, results); err != nil {
			fatal(err)
		}
	}
	if *update {
		if err := writeExpectations(expectationsFile, updated(exps, results)); err != nil {
			fatal(err)
		}
		fmt.Fprintf(os.Stderr, "updated %s\n", expectationsFile)
	}
	if c.new+c.vanished+c.false+c.unreviewed+c.failed > 0 {
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "realworld:", err)
	os.Exit(2)
}

// checkRepo extracts one repository at its pinned commit and runs fpcheck on it.
func checkRepo(r repo, mirror, scratch, fpcheck string, clone bool) result {
	res := result{repo: r, status: "ok"}
	gitDir := findGitDir(filepath.Join(mirror, slug(r.name)))
	if gitDir == "" && clone {
		gitDir = filepath.Join(scratch, slug(r.name)+".git")
		if _, err := os.Stat(gitDir); err != nil {
			url := "https://github.com/" + r.name
			if err := run("", os.Stderr, "git", "clone", "--bare", "--quiet", url, gitDir); err != nil {
				os.RemoveAll(gitDir)
				gitDir = ""
			}
		}
	}
	if gitDir == "" {
		res.status = "not fetched"
		return res
	}
	tree := filepath.Join(scratch, slug(r.name)+"@"+r.commit)
	if err := extract(gitDir, r.commit, tree); err != nil {
		res.status = "not extracted: " + err.Error()
		return res
	}

	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, fpcheck, "--format", "json", "--no-color", filepath.Join(tree, r.dir))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res.elapsed = time.Since(start)

	code := 0
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.status, res.failed = "timeout after "+runTimeout.String(), true
		return res
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		res.status, res.failed = "crash: "+err.Error(), true
		return res
	}
	switch code {
	case 0, 1:
	case 2:
		res.status = "exit 2: " + firstLine(stderr.String())
		return res
	case 3:
		res.status, res.failed = "exit 3: "+firstLine(stderr.String()), true
		return res
	default:
		res.status, res.failed = fmt.Sprintf("crash (exit %d): %s", code, firstLine(stderr.String())), true
		return res
	}
	var rep report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		res.status, res.failed = "bad JSON: "+err.Error(), true
		return res
	}
	res.files, res.findings = rep.Summary.Files, rep.Findings
	return res
}

// findGitDir returns the git directory fetch made under dir, or "".
func findGitDir(dir string) string {
	for _, d := range []string{"repo/.git", "repo", ".git", "."} {
		p := filepath.Join(dir, d)
		if _, err := os.Stat(filepath.Join(p, "HEAD")); err == nil {
			if _, err := os.Stat(filepath.Join(p, "objects")); err == nil {
				return p
			}
		}
	}
	return ""
}

// extract writes the tree of commit into dest unless dest already exists.
// Files whose content the mirror lacks (fetch leaves out large files) are
// left out and named on stderr.
func extract(gitDir, commit, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return nil
	}
	missing, err := missingFiles(gitDir, commit)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "%s: %d files missing from the mirror, left out: %s\n",
			filepath.Base(dest), len(missing), strings.Join(missing, ", "))
	}
	tmp := dest + ".tmp"
	os.RemoveAll(tmp)
	if err = os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	args := []string{"--git-dir=" + gitDir, "archive", commit, "--", "."}
	for _, m := range missing {
		args = append(args, ":(exclude,literal)"+m)
	}
	archive := exec.Command("git", args...)
	untar := exec.Command("tar", "-x", "-C", tmp)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return err
	}
	var archiveErr, untarErr bytes.Buffer
	archive.Stderr, untar.Stderr = &archiveErr, &untarErr
	untar.Stdin = pipe
	if err := untar.Start(); err != nil {
		return err
	}
	if err := archive.Run(); err != nil {
		_ = untar.Wait() // the archive error is the one to report
		os.RemoveAll(tmp)
		return fmt.Errorf("git archive %s: %w: %s", commit, err, firstLine(archiveErr.String()))
	}
	if err := untar.Wait(); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("tar: %w: %s", err, firstLine(untarErr.String()))
	}
	return os.Rename(tmp, dest)
}

// missingFiles lists the files of commit whose blobs are not in gitDir.
func missingFiles(gitDir, commit string) ([]string, error) {
	out, err := exec.Command("git", "--git-dir="+gitDir, "ls-tree", "-r", "-z", "--format=%(objectname) %(path)", commit).Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-tree %s: %w (commit not in the mirror?)", commit, err)
	}
	entries := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var ids strings.Builder
	for _, e := range entries {
		id, _, _ := strings.Cut(e, " ")
		ids.WriteString(id + "\n")
	}
	check := exec.Command("git", "--git-dir="+gitDir, "cat-file", "--batch-check=%(objectname)")
	check.Stdin = strings.NewReader(ids.String())
	out, err = check.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	var missing []string
	for i, l := range lines {
		if strings.HasSuffix(l, " missing") && i < len(entries) {
			_, path, _ := strings.Cut(entries[i], " ")
			missing = append(missing, path)
		}
	}
	return missing, nil
}

type counts struct {
	new, vanished, false, unreviewed, failed, skipped int
}

// compare prints new findings, level changes and vanished expectations, and
// counts what makes the check fail.
func compare(results []result, exps map[key]expectation) counts {
	var c counts
	for _, res := range results {
		if res.failed {
			c.failed++
		}
		if res.status != "ok" && !res.failed {
			// Not run (not fetched, not a project): nothing to compare.
			c.skipped++
			continue
		}
		found := map[key]bool{}
		for _, f := range res.findings {
			k := keyOf(res.repo.name, f)
			found[k] = true
			e, ok := exps[k]
			switch {
			case !ok:
				fmt.Printf("NEW %s: %s\n", res.repo.name, format(f))
				c.new++
			case e.level != f.Level:
				fmt.Printf("CHANGED %s: %s (expected level %s)\n", res.repo.name, format(f), e.level)
			}
			switch {
			case ok && e.verdict == "false":
				c.false++
			case ok && e.verdict == "unreviewed":
				c.unreviewed++
			}
		}
		if res.failed {
			continue // expectations of a failed run are not vanished
		}
		for _, e := range sortedExpectations(exps) {
			if e.repo == res.repo.name && !found[e.key] {
				fmt.Printf("VANISHED %s: %s:%d: %s: [%s] (%s)\n", e.repo, e.path, e.line, e.level, e.rule, e.verdict)
				c.vanished++
			}
		}
	}
	return c
}

func summaryTable(results []result, exps map[key]expectation) string {
	var b strings.Builder
	b.WriteString("| repo | files | findings (errors/warnings/notes) | true | false | debatable | unreviewed | time | status |\n")
	b.WriteString("|---|---:|---|---:|---:|---:|---:|---:|---|\n")
	for _, res := range results {
		levels := map[string]int{}
		byVerdict := map[string]int{}
		for _, f := range res.findings {
			levels[f.Level]++
			if e, ok := exps[keyOf(res.repo.name, f)]; ok {
				byVerdict[e.verdict]++
			} else {
				byVerdict["unreviewed"]++
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %d (%d/%d/%d) | %d | %d | %d | %d | %.1fs | %s |\n",
			res.repo.name, res.files, len(res.findings), levels["error"], levels["warning"], levels["note"],
			byVerdict["true"], byVerdict["false"], byVerdict["debatable"], byVerdict["unreviewed"],
			res.elapsed.Seconds(), strings.ReplaceAll(res.status, "|", "\\|"))
	}
	return b.String()
}

// updated returns the expectations after -update: for every repository that
// ran, its current findings (keeping the verdict and reason of those already
// reviewed, taking the current level); other repositories keep theirs.
func updated(exps map[key]expectation, results []result) map[key]expectation {
	ran := map[string]bool{}
	out := map[key]expectation{}
	for _, res := range results {
		if res.status == "ok" {
			ran[res.repo.name] = true
			for _, f := range res.findings {
				k := keyOf(res.repo.name, f)
				e, ok := exps[k]
				if !ok {
					e = expectation{key: k, verdict: "unreviewed"}
				}
				e.level = f.Level
				out[k] = e
			}
		}
	}
	for k, e := range exps {
		if !ran[k.repo] {
			out[k] = e
		}
	}
	return out
}

func keyOf(repo string, f finding) key {
	return key{repo: repo, rule: f.Rule, path: f.Path, line: f.Line}
}

func format(f finding) string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, f.Line, f.Column, f.Level, f.Message, f.Rule)
}

func writeList(file string, results []result) error {
	var b strings.Builder
	for _, res := range results {
		if res.status != "ok" {
			fmt.Fprintf(&b, "%s: (%s)\n", res.repo.name, res.status)
		}
		for _, f := range res.findings {
			fmt.Fprintf(&b, "%s: %s\n", res.repo.name, format(f))
		}
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

func readRepos(file string) ([]repo, error) {
	rows, err := readTSV(file, []string{"repo", "commit", "dir", "tags"})
	if err != nil {
		return nil, err
	}
	var repos []repo
	for _, f := range rows {
		if len(f[1]) != 40 {
			return nil, fmt.Errorf("%s: %s: commit %q is not 40 hex digits", file, f[0], f[1])
		}
		repos = append(repos, repo{name: f[0], commit: f[1], dir: f[2], tags: f[3]})
	}
	return repos, nil
}

func filterRepos(repos []repo, name string) []repo {
	for _, r := range repos {
		if strings.EqualFold(r.name, name) {
			return []repo{r}
		}
	}
	return nil
}

func readExpectations(file string) (map[key]expectation, error) {
	exps := map[key]expectation{}
	rows, err := readTSV(file, []string{"repo", "rule", "level", "path", "line", "verdict", "reason"})
	if errors.Is(err, os.ErrNotExist) {
		return exps, nil
	}
	if err != nil {
		return nil, err
	}
	for _, f := range rows {
		line, err := strconv.Atoi(f[4])
		if err != nil {
			return nil, fmt.Errorf("%s: line %q: %w", file, f[4], err)
		}
		if !slices.Contains(verdicts, f[5]) {
			return nil, fmt.Errorf("%s: %s %s:%s: verdict %q is not one of %s", file, f[0], f[3], f[4], f[5], strings.Join(verdicts, ", "))
		}
		k := key{repo: f[0], rule: f[1], path: f[3], line: line}
		exps[k] = expectation{key: k, level: f[2], verdict: f[5], reason: f[6]}
	}
	return exps, nil
}

func writeExpectations(file string, exps map[key]expectation) error {
	var b strings.Builder
	b.WriteString("repo\trule\tlevel\tpath\tline\tverdict\treason\n")
	for _, e := range sortedExpectations(exps) {
		reason := strings.NewReplacer("\t", " ", "\n", " ").Replace(e.reason)
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", e.repo, e.rule, e.level, e.path, e.line, e.verdict, reason)
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

func sortedExpectations(exps map[key]expectation) []expectation {
	list := make([]expectation, 0, len(exps))
	for _, e := range exps {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.repo != b.repo {
			return a.repo < b.repo
		}
		if a.path != b.path {
			return a.path < b.path
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.rule < b.rule
	})
	return list
}

// readTSV reads a tab-separated file with the given header; blank lines and
// lines starting with # are skipped, and short rows are padded.
func readTSV(file string, header []string) ([][]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if first {
			first = false
			if line != strings.Join(header, "\t") {
				return nil, fmt.Errorf("%s: header is not %q", file, strings.Join(header, "\t"))
			}
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) > len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", file, n, len(fields), len(header))
		}
		for len(fields) < len(header) {
			fields = append(fields, "")
		}
		rows = append(rows, fields)
	}
	return rows, sc.Err()
}

func run(dir string, stderr io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, stderr, stderr
	return cmd.Run()
}

func slug(name string) string { return strings.ReplaceAll(name, "/", "+") }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
