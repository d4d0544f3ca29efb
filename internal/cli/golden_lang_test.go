package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

// runIn runs fpcheck with the locale variables of env (the others as
// noGitHub gives them).
func runIn(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return noGitHub(k)
	}
	c := &Command{Stdout: &out, Stderr: &errb, Version: testVersion, getenv: getenv}
	code = c.Main(args)
	return out.String(), errb.String(), code
}

var zhLocale = map[string]string{"LANG": "zh_CN.UTF-8"}

// TestGoldenChinese renders the bundled example and the features project
// in Chinese, chosen by the locale as a Chinese developer's machine has
// it, and compares with the *.zh.* goldens (go test ./internal/cli
// -update); the English goldens are TestGolden's and TestGoldenFeatures'.
func TestGoldenChinese(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	example := filepath.Join("examples", "demo")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"demo.zh.txt", []string{example}},
		{"demo-submit.zh.txt", []string{"--submit", example}},
		{"demo.zh.sarif", []string{"--format=sarif", example}},
		{"demo.zh.github", []string{"--format", "github", example}},
		{"demo.zh.md", []string{"--format", "markdown", example}},
		{"demo.zh.gitlab.json", []string{"--format", "gitlab", example}},
		{"demo.zh.junit.xml", []string{"--format", "junit", example}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runIn(t, zhLocale, tc.args...)
			if code != ExitFindings {
				t.Errorf("exit code %d, want %d; stderr: %s", code, ExitFindings, errOut)
			}
			checkGolden(t, tc.name, out)
		})
	}
	t.Run("features", func(t *testing.T) {
		fx := fixture.Extract(t, filepath.Join(goldenDir, "features.txtar"))
		t.Chdir(fx.Dir)
		for _, tc := range []struct {
			name string
			args []string
		}{
			{"features.zh.txt", []string{"."}},
			{"features.zh.sarif", []string{"--format", "sarif", "."}},
		} {
			out, errOut, code := runIn(t, zhLocale, tc.args...)
			if code != ExitFindings {
				t.Errorf("%s: exit %d, want %d; stderr: %s", tc.name, code, ExitFindings, errOut)
			}
			checkGolden(t, tc.name, out)
		}
	})
}

// TestLanguageChoice checks the order: --lang, then fpcheck.json's
// "lang", then LC_ALL, LC_MESSAGES, LANG; English without any.
func TestLanguageChoice(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	const zh, en = "fpcheck：", "fpcheck: "
	cfgZh := fixture.Extract(t, filepath.Join("testdata", "lang_config.txtar"))
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no locale", nil, []string{example}, en},
		{"LANG zh", zhLocale, []string{example}, zh},
		{"LANG en", map[string]string{"LANG": "en_US.UTF-8"}, []string{example}, en},
		{"LC_ALL over LANG", map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, []string{example}, en},
		{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, []string{example}, zh},
		{"--lang en over LANG", zhLocale, []string{"--lang", "en", example}, en},
		{"--lang=zh after DIR", nil, []string{example, "--lang=zh"}, zh},
		{"config over locale", nil, []string{cfgZh.Dir}, zh},
		{"--lang over config", nil, []string{"--lang", "en", cfgZh.Dir}, en},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, _ := runIn(t, tc.env, tc.args...)
			if !bytes.Contains([]byte(out), []byte("\n"+tc.want)) && !bytes.HasPrefix([]byte(out), []byte(tc.want)) {
				t.Errorf("summary not in the expected language (%q):\n%s%s", tc.want, out, errOut)
			}
		})
	}
	if _, errOut, code := runIn(t, nil, "--lang", "fr", example); code != ExitUsage || errOut == "" {
		t.Errorf("--lang fr: exit %d, stderr %q; want a usage error", code, errOut)
	}
}

// TestLanguageChangesOnlyTexts checks that JSON and SARIF in Chinese
// differ from English only in the texts people read: every field name,
// rule ID, level, location and number is the same, and so is the exit
// code.
func TestLanguageChangesOnlyTexts(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "demo")
	texts := map[string]bool{"message": true, "text": true, "markdown": true, "helpUri": true, "language": true}
	var blank func(v any) any
	blank = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if _, isString := x.(string); isString && texts[k] {
					v[k] = "…"
				} else {
					v[k] = blank(x)
				}
			}
		case []any:
			for i := range v {
				v[i] = blank(v[i])
			}
		}
		return v
	}
	for _, format := range []string{"json", "sarif"} {
		var docs [2]any
		var codes [2]int
		var raw [2]string
		for i, env := range []map[string]string{nil, zhLocale} {
			out, _, code := runIn(t, env, "--submit", "--format", format, example)
			raw[i] = out
			if err := json.Unmarshal([]byte(out), &docs[i]); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			codes[i] = code
		}
		if raw[0] == raw[1] {
			t.Errorf("%s is the same in both languages", format)
		}
		en, _ := json.Marshal(blank(docs[0]))
		zh, _ := json.Marshal(blank(docs[1]))
		if string(en) != string(zh) || codes[0] != codes[1] {
			t.Errorf("%s differs between the languages beyond its texts (exit %d, %d):\n%s\n%s", format, codes[0], codes[1], en, zh)
		}
	}
}
