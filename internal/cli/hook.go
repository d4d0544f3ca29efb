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
	args = skipLang(args)
	if len(args) == 0 {
		fmt.Fprint(c.Stderr, c.t("hook.usage"))
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
		fmt.Fprint(c.Stdout, c.t("hook.usage"))
		return ExitOK
	}
	c.say("hook.unknown", args[0])
	fmt.Fprint(c.Stderr, c.t("hook.usage"))
	return ExitUsage
}

// hooksDir returns the repository's hooks directory, honoring
// core.hooksPath.
func hooksDir() (string, error) {
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return "", msgs.Errorf("hook.no-repo")
	}
	// --type=path expands a leading "~/" the way git does when it runs hooks.
	if hp, cfgErr := git("config", "--type=path", "--get", "core.hooksPath"); cfgErr == nil && hp != "" {
		if strings.Contains(filepath.ToSlash(hp), ".husky") {
			return "", msgs.Errorf("hook.husky", hp)
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
	chain := fs.Bool("chain", false, c.t("hook.flag.chain"))
	submit := fs.Bool("submit", false, c.t("hook.flag.submit"))
	usage := func() {
		fmt.Fprintln(c.Stderr, c.t("flag.usage-of", fs.Name()))
		c.printDefaults(fs)
	}
	if err := c.parseFlags(fs, withoutLang(args), usage); err != nil { // Main read --lang
		return ExitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprint(c.Stderr, c.t("hook.usage"))
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
		c.say("hook.exists", path)
		return ExitUsage
	case err == nil:
		kept := path + chainedSuffix
		if _, statErr := os.Stat(kept); statErr == nil {
			c.say("hook.chain-exists", kept)
			return ExitUsage
		}
		if renameErr := os.Rename(path, kept); renameErr != nil {
			return c.fail(ExitInternal, renameErr)
		}
		fmt.Fprintln(c.Stdout, c.t("hook.kept", kept))
	case !errors.Is(err, os.ErrNotExist):
		return c.fail(ExitInternal, err)
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return c.fail(ExitInternal, err)
	}
	if err := os.WriteFile(path, []byte(hookScript(dir, *submit, c.t("hook.not-on-path"))), 0o755); err != nil { //nolint:gosec // a hook must be executable
		return c.fail(ExitInternal, err)
	}
	fmt.Fprintln(c.Stdout, c.t("hook.installed", path, dir))
	return ExitOK
}

// hookScript is the pre-commit hook. It finds fpcheck on PATH, or where it
// was when installed, and runs any chained hook first; notOnPath is what
// it says when it finds none (in the language of the install).
func hookScript(dir string, submit bool, notOnPath string) string {
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
		"  echo \"" + notOnPath + "\" >&2\n" +
		"  exit 1\n" +
		"fi\n" +
		"exec \"$fpcheck\" hook run " + flags + shellQuote(dir) + "\n"
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (c *Command) hookUninstall(args []string) int {
	if len(withoutLang(args)) != 0 {
		fmt.Fprint(c.Stderr, c.t("hook.usage"))
		return ExitUsage
	}
	hooks, err := hooksDir()
	if err != nil {
		return c.fail(ExitUsage, err)
	}
	path := filepath.Join(hooks, "pre-commit")
	existing, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(c.Stdout, c.t("hook.none"))
		return ExitOK
	}
	if err != nil {
		return c.fail(ExitInternal, err)
	}
	if !bytes.Contains(existing, []byte(hookMarker)) {
		c.say("hook.not-ours", path)
		return ExitUsage
	}
	if err := os.Remove(path); err != nil {
		return c.fail(ExitInternal, err)
	}
	if _, err := os.Stat(path + chainedSuffix); err == nil {
		if err := os.Rename(path+chainedSuffix, path); err != nil {
			return c.fail(ExitInternal, err)
		}
		fmt.Fprintln(c.Stdout, c.t("hook.restored", path))
		return ExitOK
	}
	fmt.Fprintln(c.Stdout, c.t("hook.removed", path))
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
		c.say("hook.run.no-repo")
		return ExitUsage
	}
	rel, err := repoRelative(top, o.dir)
	if err != nil {
		c.say("hook.run.error", c.errArg(err))
		return ExitUsage
	}
	if len(o.files) > 0 {
		c.say("hook.run.files")
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
		c.say("hook.snapshot", c.errArg(err))
		return ExitInternal
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
		fmt.Fprintln(stderr, c.t("prefix")+c.t("hook.export", c.errArg(err)))
		return ExitInternal
	}
	if len(unmerged) > 0 {
		fmt.Fprintln(stderr, c.t("prefix")+c.t("hook.run.unmerged", len(unmerged), list(unmerged)))
	}
	o.displayDir = filepath.Join(top, rel)
	o.dir = filepath.Join(snap.dir, rel)
	o.configCeiling = snap.dir
	// Messages name the snapshot's temporary directory (a DIR that is not
	// a project, say); show the user's DIR instead.
	shown := *c
	shown.Stdout = stdout
	shown.Stderr = &replaceWriter{w: stderr, old: o.dir, new: c.t("hook.run.staged", filepath.ToSlash(rel))}
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
			return "", msgs.Errorf("hook.no-prefix")
		}
		rel := filepath.Clean(filepath.Join(filepath.FromSlash(prefix), dir))
		if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", msgs.Errorf("hook.outside", dir, top)
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
		return "", msgs.Errorf("hook.outside", dir, top)
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
