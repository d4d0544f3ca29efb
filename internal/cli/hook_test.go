package cli

// End-to-end tests of `fpcheck hook` with real git: a built fpcheck binary
// on PATH, temporary repositories, real commits. Each git command runs
// without the machine's global and system git configuration.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	hookBinOnce sync.Once
	hookBinDir  string // directory holding the built fpcheck binary
	hookBinErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if hookBinDir != "" {
		os.RemoveAll(hookBinDir)
	}
	os.Exit(code)
}

// fpcheckBin builds cmd/fpcheck once per test binary and returns the
// directory it is in. It skips the test when git (or go) is missing.
func fpcheckBin(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the hook is a POSIX shell script")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH to build fpcheck")
	}
	hookBinOnce.Do(func() {
		gomod, err := exec.Command(goCmd, "env", "GOMOD").Output()
		if err != nil || strings.TrimSpace(string(gomod)) == "" || strings.TrimSpace(string(gomod)) == os.DevNull {
			hookBinErr = errors.New("cannot find the module root with go env GOMOD")
			return
		}
		dir, err := os.MkdirTemp("", "fpcheck-hooktest-") //nolint:usetesting // shared by all tests of the package, removed in TestMain
		if err != nil {
			hookBinErr = err
			return
		}
		hookBinDir = dir
		build := exec.Command(goCmd, "build", "-buildvcs=false", "-o", filepath.Join(dir, "fpcheck"), "./cmd/fpcheck")
		build.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
		if out, err := build.CombinedOutput(); err != nil {
			hookBinErr = errors.New("go build ./cmd/fpcheck: " + err.Error() + "\n" + string(out))
		}
	})
	if hookBinErr != nil {
		t.Fatal(hookBinErr)
	}
	return hookBinDir
}

// hookEnv is the environment for git and fpcheck: fpcheck first on PATH,
// no global or system git config, no GIT_* variables inherited (the tests
// may themselves run inside a hook), no discovery of a repository above
// ceiling, no locale (fpcheck speaks English).
func hookEnv(bin, ceiling string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "FPCHECK=") ||
			strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "NO_COLOR=") ||
			strings.HasPrefix(kv, "LC_ALL=") || strings.HasPrefix(kv, "LC_MESSAGES=") || strings.HasPrefix(kv, "LANG=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CEILING_DIRECTORIES="+ceiling,
		"NO_COLOR=1",
	)
}

type hookRepo struct {
	t   *testing.T
	dir string
	bin string // the fpcheck binary
	env []string
}

// newHookRepo makes an empty git repository with a local identity.
func newHookRepo(t *testing.T) *hookRepo {
	t.Helper()
	bin := fpcheckBin(t)
	dir := filepath.Join(t.TempDir(), "repo")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := &hookRepo{t: t, dir: dir, bin: filepath.Join(bin, "fpcheck"), env: hookEnv(bin, filepath.Dir(dir))}
	r.mustGit("init", "-q")
	r.mustGit("config", "user.email", "dev@example.com")
	r.mustGit("config", "user.name", "Dev")
	r.mustGit("config", "commit.gpgsign", "false")
	return r
}

// exec runs name in the subdirectory sub and returns its combined output
// and exit code.
func (r *hookRepo) exec(sub, name string, args ...string) (string, int) {
	r.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = filepath.Join(r.dir, sub)
	cmd.Env = r.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	}
	r.t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	return "", -1
}

func (r *hookRepo) git(args ...string) (string, int) {
	r.t.Helper()
	return r.exec("", "git", args...)
}

func (r *hookRepo) mustGit(args ...string) string {
	r.t.Helper()
	out, code := r.git(args...)
	if code != 0 {
		r.t.Fatalf("git %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	return strings.TrimSpace(out)
}

// fpcheck runs the built binary in the subdirectory sub.
func (r *hookRepo) fpcheck(sub string, args ...string) (string, int) {
	r.t.Helper()
	return r.exec(sub, r.bin, args...)
}

// fpcheckCode runs fpcheck and wants exit code want.
func (r *hookRepo) fpcheckCode(want int, sub string, args ...string) string {
	r.t.Helper()
	out, code := r.fpcheck(sub, args...)
	if code != want {
		r.t.Fatalf("fpcheck %s (in %q): exit %d, want %d\n%s", strings.Join(args, " "), sub, code, want, out)
	}
	return out
}

func (r *hookRepo) write(rel, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o755); err != nil {
		r.t.Fatal(err)
	}
}

func (r *hookRepo) read(rel string) string {
	r.t.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil {
		r.t.Fatal(err)
	}
	return string(b)
}

func (r *hookRepo) exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(r.dir, filepath.FromSlash(rel)))
	return err == nil
}

func (r *hookRepo) head() string {
	r.t.Helper()
	return r.mustGit("rev-parse", "HEAD")
}

// refused runs a git command (a commit) in sub that the hook must stop:
// non-zero exit, every want in the output, HEAD unchanged.
func (r *hookRepo) refused(sub string, args []string, want ...string) string {
	r.t.Helper()
	before := r.head()
	out, code := r.exec(sub, "git", args...)
	if code == 0 {
		r.t.Fatalf("git %s went through; the hook should have refused it\n%s", strings.Join(args, " "), out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			r.t.Errorf("git %s: output lacks %q\n%s", strings.Join(args, " "), w, out)
		}
	}
	if after := r.head(); after != before {
		r.t.Fatalf("git %s was refused but HEAD moved from %s to %s", strings.Join(args, " "), before, after)
	}
	return out
}

// accepted runs a git command (a commit) in sub that must go through and
// move HEAD.
func (r *hookRepo) accepted(sub string, args []string, want ...string) string {
	r.t.Helper()
	before := r.head()
	out, code := r.exec(sub, "git", args...)
	if code != 0 {
		r.t.Fatalf("git %s: exit %d, want 0\n%s", strings.Join(args, " "), code, out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			r.t.Errorf("git %s: output lacks %q\n%s", strings.Join(args, " "), w, out)
		}
	}
	if after := r.head(); after == before {
		r.t.Fatalf("git %s exited 0 but HEAD did not move", strings.Join(args, " "))
	}
	return out
}

// The project: a plugin whose host mini-program has independent
// functional pages; clean as written here.
const (
	payJS   = "miniprogram/functional-pages/request-payment.js"
	payWXML = "plugin/components/pay/pay.wxml"

	payJSClean = "exports.beforeRequestPayment = function (args, callback) {\n  callback(null, {});\n};\n"
	// payJSCrossing requires a file outside functional-pages/: an error.
	payJSCrossing = "const { sign } = require('../utils/sign');\n" +
		"exports.beforeRequestPayment = function (args, callback) {\n  callback(null, { sign: sign(args) });\n};\n"
	navRelease = "<functional-page-navigator name=\"requestPayment\" version=\"release\">\n  <button>pay</button>\n</functional-page-navigator>\n"
	// navDevelop is a warning, an error with --submit.
	navDevelop = "<functional-page-navigator name=\"requestPayment\" version=\"develop\">\n  <button>pay</button>\n</functional-page-navigator>\n"

	// The tests name findings by location, level and rule ID, never by
	// their English text, so a message change touches one file.
	crossingText = ":1:26: error: "
	crossingRule = "[functional-pages-boundary]"
	developError = "plugin/components/pay/pay.wxml:1:50: error: "
	developRule  = "[navigator-develop-version]"
)

func projectFiles() map[string]string {
	return map[string]string{
		"project.config.json":                `{"miniprogramRoot": "miniprogram/", "pluginRoot": "plugin/", "compileType": "plugin"}`,
		"miniprogram/app.json":               `{"pages": ["pages/index/index"], "functionalPages": {"independent": true}}`,
		"miniprogram/app.js":                 "App({});\n",
		"miniprogram/pages/index/index.js":   "Page({});\n",
		"miniprogram/pages/index/index.wxml": "<view>hi</view>\n",
		"miniprogram/utils/sign.js":          "exports.sign = function (a) { return JSON.stringify(a); };\n",
		payJS:                                payJSClean,
		"plugin/plugin.json":                 `{"publicComponents": {"pay": "components/pay/pay"}}`,
		"plugin/components/pay/pay.json":     `{"component": true}`,
		"plugin/components/pay/pay.js":       "Component({});\n",
		payWXML:                              navRelease,
	}
}

// commitProject writes the clean project under sub ("" for the root) and
// commits it (before any hook is installed).
func (r *hookRepo) commitProject(sub string) {
	r.t.Helper()
	for p, c := range projectFiles() {
		r.write(filepath.ToSlash(filepath.Join(sub, p)), c)
	}
	r.mustGit("add", "-A")
	r.mustGit("commit", "-q", "-m", "project")
}

// Errors stop a commit; warnings do not, unless installed with --submit;
// the whole project is checked, not only the staged files.
func TestHookInstallBlocksCommit(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	out := r.fpcheckCode(ExitOK, "", "hook", "install")
	if !strings.Contains(out, "installed") {
		t.Errorf("install output: %q", out)
	}
	hook := ".git/hooks/pre-commit"
	info, err := os.Stat(filepath.Join(r.dir, hook))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&0o111 == 0 {
		t.Errorf("%s is not executable: %v", hook, info.Mode())
	}
	if s := r.read(hook); !strings.Contains(s, hookMarker) || !strings.Contains(s, "hook run '.'") {
		t.Errorf("%s:\n%s", hook, s)
	}

	r.write(payJS, payJSCrossing)
	r.mustGit("add", payJS)
	r.refused("", []string{"commit", "-m", "crossing"}, payJS+crossingText, crossingRule)

	r.write(payJS, payJSClean)
	r.write("miniprogram/utils/fee.js", "exports.fee = 1;\n")
	r.mustGit("add", "-A")
	r.accepted("", []string{"commit", "-m", "clean"}, "no problems")

	// A warning is printed but does not block without --submit.
	r.write(payWXML, navDevelop)
	r.mustGit("add", payWXML)
	r.accepted("", []string{"commit", "-m", "develop navigator"}, "plugin/components/pay/pay.wxml:1:50: warning: ", developRule)

	// Installing again with --submit updates the hook; now the navigator
	// already in HEAD blocks a commit that touches an unrelated file.
	r.fpcheckCode(ExitOK, "", "hook", "install", "--submit")
	if s := r.read(hook); !strings.Contains(s, "hook run --submit '.'") {
		t.Errorf("after install --submit, %s:\n%s", hook, s)
	}
	r.write("miniprogram/utils/fee.js", "exports.fee = 2;\n")
	r.mustGit("add", "-A")
	r.refused("", []string{"commit", "-m", "unrelated"}, developError, developRule)

	r.write(payWXML, navRelease)
	r.mustGit("add", "-A")
	r.accepted("", []string{"commit", "-m", "release navigator"}, "no problems")
}

// The hook checks what is staged, not the working tree.
func TestHookChecksStagedSnapshot(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	r.fpcheckCode(ExitOK, "", "hook", "install")

	// Staged violation, "fixed" only in the working tree: still refused.
	r.write(payJS, payJSCrossing)
	r.mustGit("add", payJS)
	r.write(payJS, payJSClean)
	r.fpcheckCode(ExitOK, "", ".")                 // the working tree is clean
	r.fpcheckCode(ExitFindings, "", "hook", "run") // the staged snapshot is not
	r.refused("", []string{"commit", "-m", "staged crossing"}, payJS+crossingText, crossingRule)
	if got := r.read(payJS); got != payJSClean {
		t.Errorf("the hook changed the working tree:\n%s", got)
	}
	if staged := r.mustGit("diff", "--cached", "--name-only"); staged != payJS {
		t.Errorf("staged after the refused commit: %q, want %q", staged, payJS)
	}
	r.mustGit("add", payJS) // stage the fix: the index is HEAD again

	// Violations only in the working tree (an unstaged edit and an
	// untracked file) do not block a clean staged commit.
	r.write(payJS, payJSCrossing)
	r.write("miniprogram/functional-pages/untracked.js", "require('../utils/sign');\n")
	r.write("miniprogram/utils/fee.js", "exports.fee = 1;\n")
	r.mustGit("add", "miniprogram/utils/fee.js")
	r.fpcheckCode(ExitFindings, "", ".")
	r.fpcheckCode(ExitOK, "", "hook", "run")
	r.accepted("", []string{"commit", "-m", "clean staged change"}, "no problems")
	if got := r.read(payJS); got != payJSCrossing {
		t.Errorf("the hook changed the unstaged file:\n%s", got)
	}
	if err := os.Remove(filepath.Join(r.dir, "miniprogram/functional-pages/untracked.js")); err != nil {
		t.Fatal(err)
	}

	// git commit -a stages the edit (in a temporary index) and is refused,
	// also when run from a subdirectory; so is a commit of named paths.
	r.refused("", []string{"commit", "-a", "-m", "all"}, payJS+crossingText, crossingRule)
	r.refused("miniprogram/pages", []string{"commit", "-a", "-m", "all from a subdirectory"}, crossingText, crossingRule)
	r.refused("miniprogram/functional-pages", []string{"commit", "-m", "only this file", "request-payment.js"}, crossingText, crossingRule)
	if staged := r.mustGit("diff", "--cached", "--name-only"); staged != "" {
		t.Errorf("refused commit -a left files staged: %q", staged)
	}

	r.write(payJS, payJSClean)
	r.write(payWXML, navRelease+"<!-- checked -->\n")
	r.accepted("", []string{"commit", "-a", "-m", "all clean"}, "no problems")
}

// A relative core.hooksPath is taken from the repository root, also when
// installing from a subdirectory.
func TestHookRespectsHooksPath(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	r.mustGit("config", "core.hooksPath", ".githooks")
	out := r.fpcheckCode(ExitOK, "miniprogram/pages", "hook", "install")
	if !strings.Contains(out, filepath.Join(".githooks", "pre-commit")) {
		t.Errorf("install output does not name .githooks/pre-commit: %q", out)
	}
	if !strings.Contains(r.read(".githooks/pre-commit"), hookMarker) {
		t.Error(".githooks/pre-commit is not fpcheck's hook")
	}
	if r.exists(".git/hooks/pre-commit") {
		t.Error("install wrote .git/hooks/pre-commit although core.hooksPath is set")
	}
	if r.exists("miniprogram/pages/.githooks") {
		t.Error("install took core.hooksPath relative to the current directory")
	}
	r.write(payJS, payJSCrossing)
	r.mustGit("add", payJS)
	r.refused("", []string{"commit", "-m", "crossing"}, payJS+crossingText, crossingRule)

	r.fpcheckCode(ExitOK, "", "hook", "uninstall")
	if r.exists(".githooks/pre-commit") {
		t.Error("uninstall left .githooks/pre-commit")
	}
	r.accepted("", []string{"commit", "-q", "-m", "no hook any more"})
}

// An existing hook is left alone, or kept and run first with --chain.
func TestHookChain(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	const hook, kept = ".git/hooks/pre-commit", ".git/hooks/pre-commit" + chainedSuffix
	const other = "#!/bin/sh\n" +
		"echo other-hook-ran\n" +
		"gd=$(git rev-parse --git-dir)\n" +
		"touch \"$gd/other-hook-ran\"\n" +
		"if [ -f \"$gd/other-hook-fails\" ]; then echo other-hook-failed >&2; exit 7; fi\n"
	r.write(hook, other)
	ran := func() bool {
		t.Helper()
		ok := r.exists(".git/other-hook-ran")
		if err := os.Remove(filepath.Join(r.dir, ".git/other-hook-ran")); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		return ok
	}

	out := r.fpcheckCode(ExitUsage, "", "hook", "install")
	for _, w := range []string{"already exists and is not fpcheck's", "nothing was changed", "--chain"} {
		if !strings.Contains(out, w) {
			t.Errorf("install over another hook: output lacks %q:\n%s", w, out)
		}
	}
	if r.read(hook) != other || r.exists(kept) {
		t.Fatal("install without --chain changed the existing hook")
	}

	out = r.fpcheckCode(ExitOK, "", "hook", "install", "--chain")
	if !strings.Contains(out, "kept the existing hook") {
		t.Errorf("install --chain output: %q", out)
	}
	if r.read(kept) != other {
		t.Errorf("%s is not the previous hook:\n%s", kept, r.read(kept))
	}
	ours := r.read(hook)
	if !strings.Contains(ours, hookMarker) {
		t.Fatalf("%s is not fpcheck's hook:\n%s", hook, ours)
	}
	// Idempotent, with or without --chain.
	r.fpcheckCode(ExitOK, "", "hook", "install", "--chain")
	r.fpcheckCode(ExitOK, "", "hook", "install")
	if r.read(hook) != ours || r.read(kept) != other {
		t.Error("installing again changed the hooks")
	}

	// The other hook runs first, then fpcheck.
	r.write("miniprogram/utils/fee.js", "exports.fee = 1;\n")
	r.mustGit("add", "-A")
	r.accepted("", []string{"commit", "-m", "clean"}, "other-hook-ran", "no problems")
	if !ran() {
		t.Error("the chained hook did not run")
	}
	r.write(payJS, payJSCrossing)
	r.mustGit("add", payJS)
	r.refused("", []string{"commit", "-m", "crossing"}, "other-hook-ran", payJS+crossingText, crossingRule)
	if !ran() {
		t.Error("the chained hook did not run before fpcheck refused the commit")
	}
	// Its failure stops the commit before fpcheck runs.
	r.mustGit("checkout", "HEAD", "--", payJS)
	r.write("miniprogram/utils/fee.js", "exports.fee = 2;\n")
	r.mustGit("add", "-A")
	r.write(".git/other-hook-fails", "")
	out = r.refused("", []string{"commit", "-m", "other hook fails"}, "other-hook-failed")
	if strings.Contains(out, "no problems") {
		t.Errorf("fpcheck ran after the chained hook failed:\n%s", out)
	}
	ran()

	// Uninstall puts the other hook back, and then refuses to remove it.
	out = r.fpcheckCode(ExitOK, "", "hook", "uninstall")
	if !strings.Contains(out, "put the previous hook back") {
		t.Errorf("uninstall output: %q", out)
	}
	if r.read(hook) != other || r.exists(kept) {
		t.Errorf("after uninstall: %s =\n%s\n%s exists: %v", hook, r.read(hook), kept, r.exists(kept))
	}
	out = r.fpcheckCode(ExitUsage, "", "hook", "uninstall")
	if !strings.Contains(out, "is not fpcheck's hook; left it alone") {
		t.Errorf("second uninstall output: %q", out)
	}
	if r.read(hook) != other {
		t.Error("uninstall changed a hook that is not fpcheck's")
	}
}

// With husky (core.hooksPath=.husky/_), installing would be overwritten:
// install refuses and points to .husky/pre-commit.
func TestHookRefusesHusky(t *testing.T) {
	r := newHookRepo(t)
	r.mustGit("config", "core.hooksPath", ".husky/_")
	out := r.fpcheckCode(ExitUsage, "", "hook", "install")
	for _, w := range []string{"husky", ".husky/pre-commit", "fpcheck hook run"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if r.exists(".husky") {
		t.Error("install wrote into .husky")
	}
}

func TestHookOutsideRepository(t *testing.T) {
	r := newHookRepo(t)
	// A project that is not in any repository (GIT_CEILING_DIRECTORIES
	// stops git from looking above the temporary directory).
	if err := os.RemoveAll(filepath.Join(r.dir, ".git")); err != nil {
		t.Fatal(err)
	}
	for p, c := range projectFiles() {
		r.write(p, c)
	}
	for _, args := range [][]string{{"hook", "run"}, {"hook", "run", "--submit", "."}, {"hook", "install"}, {"hook", "uninstall"}} {
		out := r.fpcheckCode(ExitUsage, "", args...)
		if !strings.Contains(out, "not inside a git repository") {
			t.Errorf("fpcheck %s: output lacks \"not inside a git repository\":\n%s", strings.Join(args, " "), out)
		}
	}
	r.fpcheckCode(ExitOK, "", ".") // the project itself is fine
}

// DIR: installed relative to the repository root; for `hook run`, relative
// to the current directory like fpcheck's DIR, and inside the repository.
func TestHookProjectInSubdirectory(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("app")
	r.fpcheckCode(ExitOK, "", "hook", "install", "app")
	if s := r.read(".git/hooks/pre-commit"); !strings.Contains(s, "hook run 'app'") {
		t.Errorf("hook does not check app:\n%s", s)
	}
	r.write("app/"+payJS, payJSCrossing)
	r.mustGit("add", "-A")
	// Paths are relative to DIR, as with fpcheck DIR.
	r.refused("", []string{"commit", "-m", "crossing"}, "app/"+payJS+crossingText, crossingRule)

	r.fpcheckCode(ExitFindings, "", "hook", "run", "app")
	r.fpcheckCode(ExitFindings, "app", "hook", "run")
	r.fpcheckCode(ExitFindings, "app/miniprogram", "hook", "run", "..")
	r.fpcheckCode(ExitFindings, "", "hook", "run", filepath.Join(r.dir, "app"))

	// The repository root is not a project: the message names the staged
	// DIR, not the temporary directory it was exported to.
	out := r.fpcheckCode(ExitUsage, "", "hook", "run")
	if !strings.Contains(out, ". (staged) is not a mini-program or plugin project") || strings.Contains(out, "fpcheck-staged-") {
		t.Errorf("hook run on a non-project:\n%s", out)
	}
	for _, dir := range []string{t.TempDir(), "../.."} {
		out = r.fpcheckCode(ExitUsage, "app", "hook", "run", dir)
		if !strings.Contains(out, "outside the git repository") {
			t.Errorf("hook run %s:\n%s", dir, out)
		}
	}
}

// A correct project whose miniprogram_npm/ (构建 npm output) is
// git-ignored: the staged snapshot has no miniprogram_npm/, so the
// dependencies on declared packages cannot be checked there; the commit
// goes through with one note, and a run on the working tree, where
// miniprogram_npm/ is built, checks them fully.
func TestHookUnbuiltNpm(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	r.write(".gitignore", "miniprogram_npm/\nnode_modules/\n")
	r.write("package.json", `{"dependencies": {"@vant/weapp": "^1.11.6"}}`)
	r.write("miniprogram/pages/index/index.json", `{"usingComponents": {"van-button": "@vant/weapp/button/index"}}`)
	r.write("miniprogram/pages/index/index.js", "import Toast from '@vant/weapp/toast/toast';\nPage({ onLoad() { Toast('hi'); } });\n")
	for _, f := range []string{"button/index.json", "button/index.wxml", "button/index.js", "toast/toast.js"} {
		r.write("miniprogram/miniprogram_npm/@vant/weapp/"+f, "{}\n")
	}
	r.fpcheckCode(ExitOK, "", "hook", "install")
	r.mustGit("add", "-A")
	if staged := r.mustGit("diff", "--cached", "--name-only"); strings.Contains(staged, "miniprogram_npm") {
		t.Fatalf("miniprogram_npm/ was staged despite .gitignore:\n%s", staged)
	}
	r.accepted("", []string{"commit", "-m", "vant"}, "[not-checked]", "miniprogram/pages/index/index.js:1:")
	out := r.fpcheckCode(ExitOK, "", ".")
	if strings.Contains(out, "[not-checked]") || strings.Contains(out, "[unresolved-dependency]") {
		t.Errorf("with miniprogram_npm/ built, the working tree is fully checked and clean:\n%s", out)
	}
}

// In a sparse checkout the files outside the cone are not in the working
// tree but are in the index (skip-worktree): the hook checks the whole
// staged project, so they neither go missing (false errors that refuse a
// clean commit) nor go unchecked.
func TestHookSparseCheckout(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	// A warning outside the cone, committed before sparsing.
	r.write(payWXML, navDevelop)
	r.mustGit("add", "-A")
	r.mustGit("commit", "-q", "-m", "develop navigator")
	r.fpcheckCode(ExitOK, "", "hook", "install")
	r.mustGit("sparse-checkout", "set", "miniprogram/functional-pages")
	if r.exists("plugin") || r.exists("miniprogram/pages") || !r.exists(payJS) {
		t.Fatal("git sparse-checkout did not leave only the cone in the working tree")
	}

	r.write(payJS, "// checked\n"+payJSClean)
	r.mustGit("add", payJS)
	out := r.accepted("", []string{"commit", "-m", "clean change in the cone"}, payWXML+":1:50: warning: ", developRule)
	if strings.Contains(out, "error:") {
		t.Errorf("a clean commit in a sparse checkout has errors:\n%s", out)
	}
	// The staged file outside the cone is checked: with --submit it is an
	// error.
	out = r.fpcheckCode(ExitFindings, "", "hook", "run", "--submit")
	if !strings.Contains(out, developError) {
		t.Errorf("hook run --submit in a sparse checkout misses %s:\n%s", payWXML, out)
	}

	r.write(payJS, payJSCrossing)
	r.mustGit("add", payJS)
	r.refused("", []string{"commit", "-m", "crossing"}, payJS+crossingText, crossingRule)
}

// The snapshot is read from the object database as staged: no smudge
// filter (or any other command from the git configuration) is run, and the
// check sees the staged bytes, not what a filter would make of them.
func TestHookRunsNoFilters(t *testing.T) {
	r := newHookRepo(t)
	r.write(".gitattributes", "*.js filter=mark\n*.json filter=mark\n*.wxml filter=mark\n")
	r.commitProject("")
	marker := filepath.Join(t.TempDir(), "smudge-ran")
	// The smudge filter would also turn request-payment.js into a crossing.
	r.mustGit("config", "filter.mark.clean", "cat")
	r.mustGit("config", "filter.mark.smudge", "touch "+shellQuote(marker)+"; printf \"require('../utils/sign');\\n\"; cat")
	r.mustGit("config", "filter.mark.required", "true")
	r.fpcheckCode(ExitOK, "", "hook", "install")

	r.write("miniprogram/utils/fee.js", "exports.fee = 1;\n")
	r.mustGit("add", "-A")
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the smudge filter ran before the hook did")
	}
	r.accepted("", []string{"commit", "-m", "clean"}, "no problems")
	r.fpcheckCode(ExitOK, "", "hook", "run")
	if _, err := os.Stat(marker); err == nil {
		t.Error("hook run ran the smudge filter from .git/config")
	}
}

// Symbolic links (mode 120000) in the index are never followed out of the
// project: not where a code root goes through one, at any component.
func TestHookSymlinkedRootNotFollowed(t *testing.T) {
	for _, tc := range []struct{ name, root, link string }{
		{"first component", "link/sub", "link"},
		{"second component", "mini/link/sub", "mini/link"},
		{"the root itself", "mini/link", "mini/link"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newHookRepo(t)
			outside := filepath.Join(t.TempDir(), "outside")
			target := outside
			if strings.HasSuffix(tc.root, "/sub") {
				target = filepath.Dir(outside)
			}
			for p, c := range map[string]string{
				"app.json":         `{"pages": ["pages/a/a"]}`,
				"app.js":           "App({});\n",
				"pages/a/a.wxml":   "<view/>\n",
				"pages/a/a.js":     "OUTSIDE-SECRET = ;\n",
				"sub/app.json":     `{"pages": ["pages/a/a"]}`,
				"sub/pages/a/a.js": "OUTSIDE-SECRET = ;\n",
			} {
				full := filepath.Join(outside, filepath.FromSlash(p))
				if strings.HasPrefix(p, "sub/") {
					full = filepath.Join(filepath.Dir(outside), filepath.FromSlash(p))
				}
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r.write("project.config.json", `{"miniprogramRoot": "`+tc.root+`"}`)
			if err := os.MkdirAll(filepath.Dir(filepath.Join(r.dir, tc.link)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, filepath.Join(r.dir, filepath.FromSlash(tc.link))); err != nil {
				t.Fatal(err)
			}
			r.mustGit("add", "-A")
			if mode := r.mustGit("ls-files", "-s", tc.link); !strings.HasPrefix(mode, "120000 ") {
				t.Fatalf("%s is not staged as a symbolic link: %q", tc.link, mode)
			}
			out, code := r.fpcheck("", "hook", "run")
			if code == ExitOK || strings.Contains(out, "OUTSIDE-SECRET") || strings.Contains(out, "pages/a/a") {
				t.Errorf("hook run with %s a symbolic link out of the project: exit %d\n%s", tc.link, code, out)
			}
		})
	}
}

// A submodule (a gitlink, mode 160000, in the index) is not read through:
// its working tree is another repository, not the staged snapshot.
func TestHookSubmoduleNotRead(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	sub := filepath.Join(r.dir, "miniprogram", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	r.write("miniprogram/sub/lib.js", "SUBMODULE-TEXT = ;\n")
	for _, args := range [][]string{{"init", "-q"}, {"add", "lib.js"}, {"-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "-m", "lib"}} {
		if out, code := r.exec("miniprogram/sub", "git", args...); code != 0 {
			t.Fatalf("git %s in the submodule: %s", strings.Join(args, " "), out)
		}
	}
	subHead, _ := r.exec("miniprogram/sub", "git", "rev-parse", "HEAD")
	r.mustGit("update-index", "--add", "--cacheinfo", "160000,"+strings.TrimSpace(subHead)+",miniprogram/sub")
	r.write(".gitmodules", "[submodule \"sub\"]\n\tpath = miniprogram/sub\n\turl = ./sub\n")
	r.write("miniprogram/pages/index/index.js", "require('../../sub/lib');\nPage({});\n")
	r.mustGit("add", ".gitmodules", "miniprogram/pages/index/index.js")
	out := r.fpcheckCode(ExitOK, "", "hook", "run")
	if strings.Contains(out, "SUBMODULE-TEXT") || !strings.Contains(out, "[not-checked]") {
		t.Errorf("hook run read the submodule's working tree, or did not say it is not checked:\n%s", out)
	}
}

// During a merge with conflicts (git commit refuses it; hook run by hand
// does not), the unmerged files are left out of the snapshot, and hook run
// says so.
func TestHookRunUnmerged(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	base := r.mustGit("symbolic-ref", "--short", "HEAD")
	r.mustGit("checkout", "-q", "-b", "other")
	r.write("miniprogram/utils/sign.js", "exports.sign = 1;\n")
	r.mustGit("commit", "-q", "-am", "other")
	r.mustGit("checkout", "-q", base)
	r.write("miniprogram/utils/sign.js", "exports.sign = 2;\n")
	r.mustGit("commit", "-q", "-am", "base")
	if _, code := r.git("merge", "-q", "other"); code == 0 {
		t.Fatal("the merge went through without a conflict")
	}
	out := r.fpcheckCode(ExitOK, "", "hook", "run")
	if !strings.Contains(out, "1 unmerged file(s) are not in the staged snapshot: miniprogram/utils/sign.js") {
		t.Errorf("hook run during a conflicted merge:\n%s", out)
	}
}

func TestLocalPath(t *testing.T) {
	for p, want := range map[string]bool{
		"a.js": true, "miniprogram/pages/a.js": true, "a\\b.js": runtime.GOOS != "windows", "..a/b": true,
		"": false, ".": false, "..": false, "../a": false, "a/../../b": false, "a/./b": false,
		"/etc/passwd": false, "a//b": false, "a/": false,
	} {
		if got := localPath(p); got != want {
			t.Errorf("localPath(%q) = %v, want %v", p, got, want)
		}
	}
}
