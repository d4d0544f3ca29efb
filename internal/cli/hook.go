package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
)

// hookMarker identifies a pre-commit hook written by fpcheck.
const hookMarker = "# fpcheck-hook: installed by `fpcheck hook install`"

// chainedSuffix names the hook that was there before fpcheck's, kept and
// run first when installing with --chain.
const chainedSuffix = ".before-fpcheck"

func (c *Command) hook(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.Stderr, hookUsage)
		return ExitUsage
	}
	switch args[0] {
	case "install":
		return c.hookInstall(args[1:])
	case "uninstall":
		return c.hookUninstall(args[1:])
	case "run":
		return c.hookRun(args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(c.Stdout, hookUsage)
		return ExitOK
	}
	fmt.Fprintf(c.Stderr, "fpcheck: unknown hook command %q\n%s", args[0], hookUsage)
	return ExitUsage
}

const hookUsage = `Usage: fpcheck hook install [--chain] [--submit] [DIR]
       fpcheck hook uninstall
       fpcheck hook run [flags] [DIR]

install   writes a git pre-commit hook that runs "fpcheck hook run DIR" (DIR is
          the project, relative to the repository root; default ".").
          Respects core.hooksPath. An existing hook that is not fpcheck's is
          left alone unless --chain is given: then it is kept and run first.
          Installing again updates the hook.
uninstall removes fpcheck's hook (and puts a chained hook back).
run       checks the staged snapshot of the project (what the commit will
          contain, not the working tree) and exits 1 on error-level findings,
          which stops the commit. Takes the same flags as fpcheck; DIR, as
          for fpcheck, is relative to the current directory and must be
          inside the repository.
`

// hooksDir returns the repository's hooks directory, honoring
// core.hooksPath.
func hooksDir() (string, error) {
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return "", errors.New("not inside a git repository (git rev-parse failed)")
	}
	// --type=path expands a leading "~/" the way git does when it runs hooks.
	if hp, cfgErr := git("config", "--type=path", "--get", "core.hooksPath"); cfgErr == nil && hp != "" {
		if strings.Contains(filepath.ToSlash(hp), ".husky") {
			return "", fmt.Errorf("core.hooksPath is %q: this repository uses husky, which would overwrite a hook written there; add `fpcheck hook run` to .husky/pre-commit instead (see README)", hp)
		}
		if !filepath.IsAbs(hp) {
			hp = filepath.Join(top, hp)
		}
		return hp, nil
	}
	dir, err := git("rev-parse", "--path-format=absolute", "--git-path", "hooks")
	if err != nil {
		return "", err
	}
	return dir, nil
}

func (c *Command) hookInstall(args []string) int {
	fs := flag.NewFlagSet("fpcheck hook install", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	chain := fs.Bool("chain", false, "keep an existing pre-commit hook and run it before fpcheck")
	submit := fs.Bool("submit", false, "check with --submit (navigators left at develop block the commit)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprint(c.Stderr, hookUsage)
		return ExitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = filepath.ToSlash(fs.Arg(0))
	}
	hooks, err := hooksDir()
	if err != nil {
		return c.fail(ExitUsage, err)
	}
	path := filepath.Join(hooks, "pre-commit")
	existing, err := os.ReadFile(path)
	switch {
	case err == nil && bytes.Contains(existing, []byte(hookMarker)):
		// Ours: rewrite below (idempotent; updates DIR and flags).
	case err == nil && !*chain:
		fmt.Fprintf(c.Stderr, "fpcheck: %s already exists and is not fpcheck's; nothing was changed.\n"+
			"Run \"fpcheck hook install --chain\" to keep it and run it before fpcheck, or add \"fpcheck hook run\" to it yourself.\n", path)
		return ExitUsage
	case err == nil:
		kept := path + chainedSuffix
		if _, statErr := os.Stat(kept); statErr == nil {
			fmt.Fprintf(c.Stderr, "fpcheck: cannot chain: %s already exists; nothing was changed\n", kept)
			return ExitUsage
		}
		if renameErr := os.Rename(path, kept); renameErr != nil {
			return c.fail(ExitInternal, renameErr)
		}
		fmt.Fprintf(c.Stdout, "kept the existing hook as %s; it runs before fpcheck\n", kept)
	case !errors.Is(err, os.ErrNotExist):
		return c.fail(ExitInternal, err)
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return c.fail(ExitInternal, err)
	}
	if err := os.WriteFile(path, []byte(hookScript(dir, *submit)), 0o755); err != nil { //nolint:gosec // a hook must be executable
		return c.fail(ExitInternal, err)
	}
	fmt.Fprintf(c.Stdout, "installed %s: commits now run fpcheck on %s\n", path, dir)
	return ExitOK
}

// hookScript is the pre-commit hook. It finds fpcheck on PATH, or where it
// was when installed, and runs any chained hook first.
func hookScript(dir string, submit bool) string {
	self := ""
	if exe, err := os.Executable(); err == nil && !strings.Contains(exe, "go-build") {
		self = exe
	}
	flags := ""
	if submit {
		flags = "--submit "
	}
	return "#!/bin/sh\n" + hookMarker + "; remove with `fpcheck hook uninstall`.\n" +
		"hooks=$(dirname \"$0\")\n" +
		"if [ -x \"$hooks/pre-commit" + chainedSuffix + "\" ]; then\n" +
		"  \"$hooks/pre-commit" + chainedSuffix + "\" \"$@\" || exit $?\n" +
		"fi\n" +
		"fpcheck=${FPCHECK:-fpcheck}\n" +
		"if ! command -v \"$fpcheck\" >/dev/null 2>&1; then fpcheck=" + shellQuote(self) + "; fi\n" +
		"if ! command -v \"$fpcheck\" >/dev/null 2>&1; then\n" +
		"  echo \"fpcheck hook: fpcheck is not on PATH; install it or set FPCHECK to its path (git commit --no-verify skips this hook)\" >&2\n" +
		"  exit 1\n" +
		"fi\n" +
		"exec \"$fpcheck\" hook run " + flags + shellQuote(dir) + "\n"
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (c *Command) hookUninstall(args []string) int {
	if len(args) != 0 {
		fmt.Fprint(c.Stderr, hookUsage)
		return ExitUsage
	}
	hooks, err := hooksDir()
	if err != nil {
		return c.fail(ExitUsage, err)
	}
	path := filepath.Join(hooks, "pre-commit")
	existing, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(c.Stdout, "no pre-commit hook installed; nothing to do")
		return ExitOK
	}
	if err != nil {
		return c.fail(ExitInternal, err)
	}
	if !bytes.Contains(existing, []byte(hookMarker)) {
		fmt.Fprintf(c.Stderr, "fpcheck: %s is not fpcheck's hook; left it alone\n", path)
		return ExitUsage
	}
	if err := os.Remove(path); err != nil {
		return c.fail(ExitInternal, err)
	}
	if _, err := os.Stat(path + chainedSuffix); err == nil {
		if err := os.Rename(path+chainedSuffix, path); err != nil {
			return c.fail(ExitInternal, err)
		}
		fmt.Fprintf(c.Stdout, "removed fpcheck's hook and put the previous hook back at %s\n", path)
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "removed %s\n", path)
	return ExitOK
}

// hookRun checks the staged snapshot (see staged.go): the files the check
// reads, as staged, written to a temporary directory, so unstaged edits and
// untracked files do not hide or cause findings, and the user's files are
// never touched.
//
// DIR is read like fpcheck's DIR, relative to the current directory (the
// installed hook runs at the repository root and passes DIR relative to
// it), and must be inside the repository.
func (c *Command) hookRun(args []string) int {
	o, code, ok := c.parseArgs(args)
	if !ok {
		return code
	}
	if o.version {
		fmt.Fprintf(c.Stdout, "fpcheck %s\n", c.version())
		return ExitOK
	}
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil || top == "" {
		fmt.Fprintln(c.Stderr, "fpcheck: hook run: not inside a git repository (it checks the files staged for a commit; to check a directory, run \"fpcheck DIR\")")
		return ExitUsage
	}
	rel, err := repoRelative(top, o.dir)
	if err != nil {
		fmt.Fprintf(c.Stderr, "fpcheck: hook run: %v\n", err)
		return ExitUsage
	}
	if len(o.files) > 0 {
		fmt.Fprintln(c.Stderr, "fpcheck: hook run takes a project DIR, not files: it checks the whole staged project")
		return ExitUsage
	}

	// On a signal: stop printing, remove the snapshot, die of the signal.
	// Caught from before the snapshot exists, so none is left behind; a
	// signal ignored when fpcheck started (nohup) stays ignored.
	stdout, stderr := &gatedWriter{w: c.Stdout}, &gatedWriter{w: c.Stderr}
	sigs := make(chan os.Signal, 1)
	for _, sig := range hookSignals {
		if !signal.Ignored(sig) {
			signal.Notify(sigs, sig)
		}
	}
	defer signal.Stop(sigs)
	snap, err := newSnapshot(top)
	if err != nil {
		return c.fail(ExitInternal, fmt.Errorf("cannot make the staged snapshot: %w", err))
	}
	defer snap.remove()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case sig := <-sigs:
			stdout.close()
			stderr.close()
			snap.remove()
			dieOf(sig)
		case <-done:
		}
	}()

	slashRel := filepath.ToSlash(rel)
	if slashRel == "." {
		slashRel = ""
	}
	unmerged, err := snap.export(slashRel)
	if err != nil {
		fmt.Fprintf(stderr, "fpcheck: exporting the staged files failed: %v\n", err)
		return ExitInternal
	}
	if len(unmerged) > 0 {
		fmt.Fprintf(stderr, "fpcheck: hook run: %d unmerged file(s) are not in the staged snapshot: %s\n", len(unmerged), strings.Join(unmerged, ", "))
	}
	o.displayDir = filepath.Join(top, rel)
	o.dir = filepath.Join(snap.dir, rel)
	o.configCeiling = snap.dir
	// Messages name the snapshot's temporary directory (a DIR that is not
	// a project, say); show the user's DIR instead.
	shown := *c
	shown.Stdout = stdout
	shown.Stderr = &replaceWriter{w: stderr, old: o.dir, new: filepath.ToSlash(rel) + " (staged)"}
	shown.isTerminal = func(w any) bool {
		if w == stdout {
			w = c.Stdout
		}
		if wr, ok := w.(io.Writer); ok {
			return c.terminal(wr)
		}
		return false
	}
	return shown.checkWith(o)
}

// repoRelative returns dir (relative to the current directory, or
// absolute) as a clean path relative to the repository root top, and an
// error when dir is outside the repository.
func repoRelative(top, dir string) (string, error) {
	if !filepath.IsAbs(dir) {
		// The current directory's place in the repository, from git, so
		// symbolic links in either path do not matter.
		prefix, err := git("rev-parse", "--show-prefix")
		if err != nil {
			return "", errors.New("cannot locate the current directory in the repository (git rev-parse --show-prefix failed)")
		}
		rel := filepath.Clean(filepath.Join(filepath.FromSlash(prefix), dir))
		if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("%s is outside the git repository %s; only staged files inside it can be checked", dir, top)
		}
		return rel, nil
	}
	abs := dir
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		abs = r
	}
	root := top
	if r, err := filepath.EvalSymlinks(top); err == nil {
		root = r
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the git repository %s; only staged files inside it can be checked", dir, top)
	}
	return rel, nil
}

// replaceWriter replaces old with new in each write (fmt writes a whole
// message at once).
type replaceWriter struct {
	w        io.Writer
	old, new string
}

func (r *replaceWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(r.w, strings.ReplaceAll(string(p), r.old, r.new)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// git runs a git command in the current directory and returns its trimmed
// standard output.
func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	return strings.TrimSpace(string(out)), err
}
