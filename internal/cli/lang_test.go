package cli

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/fpcheck/fpcheck/internal/check"
	"github.com/fpcheck/fpcheck/internal/fixture"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

// runLang runs fpcheck with the locale's LANG ("" for none), not on
// GitHub.
func runLang(t *testing.T, lang string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runIn(t, map[string]string{"LANG": lang}, args...)
}

const zhLANG = "zh_CN.UTF-8"

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestHelpGolden: fpcheck --help in each language, by --lang or by the
// locale, and --lang en over a Chinese locale
// (testdata/golden/help.txt, help.zh.txt; -update rewrites them).
func TestHelpGolden(t *testing.T) {
	_, en, code := runLang(t, "", "--help")
	if code != ExitOK {
		t.Fatalf("--help: exit %d", code)
	}
	checkGolden(t, "help.txt", en)
	_, zh, code := runLang(t, "", "--lang", "zh", "--help")
	if code != ExitOK {
		t.Fatalf("--lang zh --help: exit %d", code)
	}
	checkGolden(t, "help.zh.txt", zh)
	for _, tc := range []struct {
		lang, want string
		args       []string
	}{
		{zhLANG, zh, []string{"--help"}},
		{zhLANG, zh, []string{"-h"}},
		{zhLANG, en, []string{"--lang", "en", "--help"}},
		{zhLANG, en, []string{"--help", "--lang=en"}},
		{"en_US.UTF-8", zh, []string{"--lang=zh", "--help"}},
		{"C", en, []string{"--help"}},
	} {
		if _, got, _ := runLang(t, tc.lang, tc.args...); got != tc.want {
			t.Errorf("LANG=%s fpcheck %s: not the expected help:\n%s", tc.lang, strings.Join(tc.args, " "), got)
		}
	}
}

var (
	// flagLine is a flag's name and value placeholder in the help.
	flagLine = regexp.MustCompile(`^  -[a-z-]+( [^ ]+)?$`)
	// commandLine is a synopsis line that is only a command.
	commandLine = regexp.MustCompile(`^ +fpcheck [a-z]+( [A-Z]+)?$`)
)

// TestHelpChinese: every line of the Chinese help is Chinese, except the
// flags' names and the commands of the synopsis; no English prose is left
// outside the rules' titles (translated with the rules), and the flags
// and exit codes are all there.
func TestHelpChinese(t *testing.T) {
	_, zh, _ := runLang(t, zhLANG, "--help")
	_, en, _ := runLang(t, "", "--help")
	for line := range strings.SplitSeq(strings.TrimSuffix(zh, "\n"), "\n") {
		if line == "" || flagLine.MatchString(line) || commandLine.MatchString(line) {
			continue
		}
		if !hasHan(line) {
			t.Errorf("not Chinese: %q", line)
		}
		id, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		if r, isRule := rules.Lookup(id); isRule {
			// The level is Chinese; the title is the rule's (Chinese
			// once its catalog is, TestCatalogs under I18N_STRICT=1).
			if !strings.HasSuffix(line, " "+r.Meta().Title.In(i18n.Zh)) {
				t.Errorf("rule line %q lacks its title", line)
			}
			continue
		}
		if ws := englishInChinese(line); len(ws) > 0 {
			t.Errorf("English words %v in %q", ws, line)
		}
	}
	// The same flags, in the same order, with the same placeholders
	// where they are names (ID, n).
	var enFlags, zhFlags []string
	for line := range strings.SplitSeq(en, "\n") {
		if flagLine.MatchString(line) {
			name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
			enFlags = append(enFlags, name)
		}
	}
	for line := range strings.SplitSeq(zh, "\n") {
		if flagLine.MatchString(line) {
			name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
			zhFlags = append(zhFlags, name)
		}
	}
	if strings.Join(enFlags, " ") != strings.Join(zhFlags, " ") || len(enFlags) < 15 {
		t.Errorf("flags differ:\n en %v\n zh %v", enFlags, zhFlags)
	}
	for _, want := range []string{"  -rule ID\n", "  -max-warnings n\n", "（默认为 -1）", "退出码：0 ", "，1 ", "2 ", "3 ", `"fpcheck explain RULE"`, "--fix-dry-run", "fpcheck graph [--format mermaid|dot] [DIR]"} {
		if !strings.Contains(zh, want) {
			t.Errorf("the Chinese help lacks %q", want)
		}
	}
}

// TestFlagErrors: a bad flag is said in the flag package's own words in
// English, in Chinese under zh, then the usage follows in that language.
func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		zh   []string // in the Chinese first line
	}{
		{[]string{"--frobnicate"}, []string{"-frobnicate"}},
		{[]string{"--max-warnings"}, []string{"-max-warnings"}},
		{[]string{"--max-warnings=x"}, []string{"-max-warnings", `"x"`, "无法解析"}},
		{[]string{"--max-warnings=99999999999999999999"}, []string{"-max-warnings", "超出范围"}},
		{[]string{"--quiet=maybe"}, []string{"-quiet", `"maybe"`}},
		{[]string{"-=x"}, []string{"-=x"}},
	} {
		// English: exactly what the flag package says.
		fs := flag.NewFlagSet("fpcheck", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		(&Command{}).flags(&options{}).VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
		want := fs.Parse(tc.args)
		if want == nil {
			t.Fatalf("%v: the flag package takes it", tc.args)
		}
		_, en, code := runLang(t, "", tc.args...)
		first, rest, _ := strings.Cut(en, "\n")
		if code != ExitUsage || first != want.Error() || !strings.HasPrefix(rest, "Usage: fpcheck [flags] [DIR]\n") {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant first line %q", tc.args, code, en, want.Error())
		}
		_, zh, code := runLang(t, zhLANG, tc.args...)
		first, rest, _ = strings.Cut(zh, "\n")
		if code != ExitUsage || !hasHan(first) || !strings.HasPrefix(rest, "用法：fpcheck [选项] [DIR]\n") {
			t.Errorf("%v (zh): exit %d, stderr:\n%s", tc.args, code, zh)
		}
		for _, w := range tc.zh {
			if !strings.Contains(first, w) {
				t.Errorf("%v (zh): %q lacks %q", tc.args, first, w)
			}
		}
		if strings.Contains(first, "flag ") || strings.Contains(first, "invalid") {
			t.Errorf("%v (zh): English left in %q", tc.args, first)
		}
	}
}

// TestErrorsInChinese: the command line's errors under a Chinese locale
// or --lang zh, with their stable parts (flags, paths, quoted values,
// exit codes) as in English; --lang en wins over the locale.
func TestErrorsInChinese(t *testing.T) {
	empty := t.TempDir()
	clean := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	badCfg := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	if err := os.WriteFile(filepath.Join(badCfg.Dir, "fpcheck.json"), []byte("{\n  \"rules\": {\"navigator-develop-versio\": \"off\"}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		en, zh []string // substrings of stderr
	}{
		{
			"unknown format",
			[]string{"--format", "xml", clean.Dir},
			ExitUsage,
			[]string{`fpcheck: unknown --format "xml"; use one of text, json, sarif, github, markdown, gitlab, junit (optionally as format=FILE)` + "\n"},
			[]string{`fpcheck：无法识别的 --format "xml"`, "text、json、sarif、github、markdown"},
		},
		{
			"format= without a file",
			[]string{"--format", "json=", clean.Dir},
			ExitUsage,
			[]string{"--format json= names no file (use json=FILE, or json=- for standard output)"},
			[]string{"--format json=", "json=FILE", "json=-"},
		},
		{
			"not a project",
			[]string{empty},
			ExitUsage,
			[]string{"fpcheck: " + empty + " is not a mini-program or plugin project"},
			[]string{"fpcheck：" + empty + " ", "app.json", "plugin.json"},
		},
		{
			"missing dir",
			[]string{filepath.Join(empty, "nope")},
			ExitUsage,
			[]string{"fpcheck: cannot read " + filepath.Join(empty, "nope") + ": no such file or directory\n"},
			[]string{filepath.Join(empty, "nope"), "no such file or directory"},
		},
		{
			"a path outside any project",
			[]string{clean.Dir, empty},
			ExitUsage,
			[]string{"is not inside a mini-program or plugin project"},
			[]string{empty, "project.config.json"},
		},
		{
			"config error",
			[]string{clean.Dir, "--config", filepath.Join(badCfg.Dir, "fpcheck.json")},
			ExitUsage,
			[]string{`fpcheck.json:2:13: unknown rule "navigator-develop-versio"; did you mean "navigator-develop-version"?`, "  2 |   \"rules\""},
			[]string{"fpcheck.json:2:13: ", `"navigator-develop-versio"`, `"navigator-develop-version"`, "  2 |   \"rules\"", "^~~~"},
		},
		{"unknown rule", []string{"--rule", "nope", clean.Dir}, ExitUsage, []string{`unknown rule "nope" in --rule/--disable`}, []string{`"nope"`, "--rule/--disable", `"fpcheck rules"`}},
		{"bad glob", []string{"--ignore", "[", clean.Dir}, ExitUsage, []string{`--ignore "[" is not a valid glob pattern`}, []string{`--ignore "["`}},
		{
			"baseline missing",
			[]string{"--baseline", filepath.Join(empty, "b.json"), clean.Dir},
			ExitUsage,
			[]string{"cannot read the baseline " + filepath.Join(empty, "b.json") + ": no such file or directory"},
			[]string{filepath.Join(empty, "b.json"), "no such file or directory"},
		},
		{
			"write-baseline with files",
			[]string{"--write-baseline", filepath.Join(empty, "b.json"), filepath.Join(clean.Dir, "app.json")},
			ExitUsage,
			[]string{"--write-baseline records the whole project"},
			[]string{"--write-baseline", "DIR"},
		},
		{"explain", []string{"explain"}, ExitUsage, []string{"usage: fpcheck explain RULE"}, []string{"fpcheck explain RULE"}},
		{"graph format", []string{"graph", "--format", "png", clean.Dir}, ExitUsage, []string{`unknown graph --format "png"; use mermaid or dot`}, []string{`--format "png"`, "mermaid", "dot"}},
		{"graph bad flag", []string{"graph", "--bogus"}, ExitUsage, []string{"flag provided but not defined: -bogus\nUsage: fpcheck graph"}, []string{"-bogus\n用法：fpcheck graph [--format mermaid|dot] [DIR]"}},
		{"graph not a project", []string{"graph", empty}, ExitUsage, []string{"is not a mini-program or plugin project"}, []string{empty}},
		{"hook", []string{"hook"}, ExitUsage, []string{"Usage: fpcheck hook install [--chain] [--submit] [DIR]"}, []string{"用法：fpcheck hook install [--chain] [--submit] [DIR]", "--chain", "core.hooksPath"}},
		{"hook unknown", []string{"hook", "bogus"}, ExitUsage, []string{`fpcheck: unknown hook command "bogus"` + "\nUsage: fpcheck hook"}, []string{`"bogus"` + "\n用法：fpcheck hook"}},
		{
			"hook install bad flag",
			[]string{"hook", "install", "--bogus"},
			ExitUsage,
			[]string{"flag provided but not defined: -bogus\nUsage of fpcheck hook install:\n  -chain\n"},
			[]string{"-bogus\nfpcheck hook install 的用法：\n  -chain\n"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, en, code := runLang(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d:\n%s", code, tc.code, en)
			}
			for _, w := range tc.en {
				if !strings.Contains(en, w) {
					t.Errorf("English stderr lacks %q:\n%s", w, en)
				}
			}
			for _, how := range []struct {
				lang string
				args []string
			}{{zhLANG, tc.args}, {"", append([]string{"--lang", "zh"}, tc.args...)}} {
				_, zh, code := runLang(t, how.lang, how.args...)
				if code != tc.code {
					t.Errorf("LANG=%s %v: exit %d, want %d:\n%s", how.lang, how.args, code, tc.code, zh)
				}
				if tc.code != ExitOK && !hasHan(zh) {
					t.Errorf("LANG=%s %v: no Chinese:\n%s", how.lang, how.args, zh)
				}
				for _, w := range tc.zh {
					if !strings.Contains(zh, w) {
						t.Errorf("LANG=%s %v: Chinese stderr lacks %q:\n%s", how.lang, how.args, w, zh)
					}
				}
			}
			// --lang en over a Chinese locale: the English.
			_, over, _ := runLang(t, zhLANG, append([]string{"--lang", "en"}, tc.args...)...)
			if over != en {
				t.Errorf("--lang en under LANG=%s:\n%s\nwant\n%s", zhLANG, over, en)
			}
		})
	}
}

// TestConfigLang: fpcheck.json's "lang" chooses the language of what
// follows the config (a message after the check), over the locale, and
// --lang wins over it.
func TestConfigLang(t *testing.T) {
	demo := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	if err := os.WriteFile(filepath.Join(demo.Dir, "fpcheck.json"), []byte(`{"lang": "zh"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	bl := filepath.Join(t.TempDir(), "baseline.json")
	_, errOut, code := runLang(t, "en_US.UTF-8", "--write-baseline", bl, demo.Dir)
	if code != ExitOK || !strings.HasPrefix(errOut, "fpcheck：已在 "+bl+" 中记录 ") {
		t.Errorf(`"lang": "zh": exit %d, stderr %q`, code, errOut)
	}
	_, errOut, _ = runLang(t, zhLANG, "--lang", "en", "--write-baseline", bl, demo.Dir)
	if !strings.HasPrefix(errOut, "fpcheck: recorded ") {
		t.Errorf(`--lang en over "lang": "zh": stderr %q`, errOut)
	}
}

// TestSubcommandsTakeLang: --lang before a subcommand's name, or among
// its arguments, is the language of what it prints.
func TestSubcommandsTakeLang(t *testing.T) {
	clean := fixture.Extract(t, filepath.Join("..", "..", "testdata", "rules", "legacy-functional-pages", "silent_independent.txtar"))
	for _, tc := range []struct {
		args      []string
		code      int
		out, err  string // substrings of stdout, stderr
		stdoutHan bool
	}{
		{[]string{"--lang", "zh", "explain", "navigator-develop-version"}, ExitOK, "错误示例：", "", true},
		{[]string{"--lang=zh", "explain", "navigator-develop-version"}, ExitOK, "正确示例：", "", true},
		{[]string{"explain", "--lang", "zh", "navigator-develop-version"}, ExitOK, "错误示例：", "", true},
		{[]string{"--lang", "zh", "explain"}, ExitUsage, "", "用法：fpcheck explain RULE", false},
		{[]string{"--lang", "zh", "rules"}, ExitOK, "navigator-develop-version", "", true},
		{[]string{"rules", "--lang=zh"}, ExitOK, "navigator-develop-version", "", true},
		{[]string{"--lang", "zh", "graph", "--help"}, ExitOK, "", "用法：fpcheck graph", false},
		{[]string{"graph", "--lang", "zh", "--format", "png", clean.Dir}, ExitUsage, "", "无法识别的依赖图格式", false},
		{[]string{"--lang", "zh", "graph", "--format", "dot", clean.Dir}, ExitOK, "digraph", "", false},
		{[]string{"--lang", "zh", "hook", "help"}, ExitOK, "用法：fpcheck hook install", "", true},
		{[]string{"hook", "--lang", "zh", "help"}, ExitOK, "用法：fpcheck hook install", "", true},
		{[]string{"hook", "--lang=zh", "bogus"}, ExitUsage, "", `无法识别的 hook 命令 "bogus"`, false},
		{[]string{"--lang", "zh", "hook", "install", "--bogus"}, ExitUsage, "", "未定义的选项：-bogus", false},
		{[]string{"hook", "install", "--lang", "zh", "-h"}, ExitUsage, "", "fpcheck hook install 的用法：", false},
		{[]string{"--lang", "en", "hook", "help"}, ExitOK, "Usage: fpcheck hook install", "", false},
	} {
		out, errOut, code := runLang(t, "", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errOut, tc.err) || tc.stdoutHan && !hasHan(out) {
			t.Errorf("fpcheck %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), code, tc.code, out, errOut)
		}
	}
}

// TestLocalizedErrors: the errors of the packages the command line prints
// render in Chinese through errText, and as they are in English; an error
// wrapped with more words is printed as it is.
func TestLocalizedErrors(t *testing.T) {
	zh := &Command{lang: i18n.Zh}
	en := &Command{lang: i18n.En}
	for _, err := range []error{
		msgs.Errorf("hook.no-repo"),
		msgs.Errorf("hook.outside", "../x", "/repo"),
		errSnapshotRemoved,
		msgs.Errorf("fix.not-regular", "a.js"),
		&check.ChangedError{Paths: []string{"a.js", "b.wxml"}},
	} {
		if en.errText(err) != err.Error() || !hasHan(zh.errText(err)) {
			t.Errorf("%v: en %q, zh %q", err, en.errText(err), zh.errText(err))
		}
		wrapped := errors.Join(errors.New("more words"), err)
		if zh.errText(wrapped) != wrapped.Error() {
			t.Errorf("wrapped %v: %q", err, zh.errText(wrapped))
		}
	}
}

// The hook script echoes the not-on-PATH message in double quotes: no
// text of it may hold what the shell expands there.
func TestHookScriptMessage(t *testing.T) {
	for _, l := range i18n.Langs {
		m := msgs.New("hook.not-on-path").Localize(l)
		if strings.ContainsAny(m, "\"$`\\!\n") {
			t.Errorf("%s: %q holds a character the shell expands in double quotes", l, m)
		}
		if s := hookScript(".", false, m); !strings.Contains(s, `echo "`+m+`" >&2`) {
			t.Errorf("%s: the script does not echo the message:\n%s", l, s)
		}
	}
}
