package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/fixture"
	"github.com/fpcheck/fpcheck/internal/i18n"
)

func TestLayouts(t *testing.T) {
	tests := []struct {
		fixture          string
		mini, plugin     string
		hasMini, hasPlug bool
		ts               bool
	}{
		{"config_roots", "src", "plugin", true, true, true},
		{"conventional_plugin", "miniprogram", "plugin", true, true, false},
		{"root_app", "", "", true, false, false},
		{"plugin_only", "", "", false, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			fx := fixture.Extract(t, filepath.Join("..", "..", "testdata", "projects", tc.fixture+".txtar"))
			p, err := project.Load(fx.Dir, project.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.MiniRoot != tc.mini || p.HasMini != tc.hasMini || p.PluginRoot != tc.plugin || p.HasPlugin != tc.hasPlug {
				t.Errorf("layout = mini %q/%v plugin %q/%v", p.MiniRoot, p.HasMini, p.PluginRoot, p.HasPlugin)
			}
			if p.TypeScript() != tc.ts {
				t.Errorf("TypeScript() = %v", p.TypeScript())
			}
			if got := strings.Join(p.Paths, "\n") + "\n"; got != fx.Want {
				t.Errorf("files:\n%s\nwant:\n%s", got, fx.Want)
			}
		})
	}
}

func TestNotAProject(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		full := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var npe *project.NotProjectError
	if _, err := project.Load(dir, project.Options{}); !errors.As(err, &npe) {
		t.Errorf("empty dir: err = %v, want NotProjectError", err)
	}
	write("project.config.json", `{"miniprogramRoot": "../elsewhere/"}`)
	_, err := project.Load(dir, project.Options{})
	if !errors.As(err, &npe) || !strings.Contains(npe.Reason, "points outside the project") {
		t.Errorf("root outside: err = %v", err)
	}
	// A broken project.config.json falls back to the conventional layout;
	// its syntax error is a finding, not a failure.
	write("project.config.json", `{"miniprogramRoot": "src/",}`)
	write("app.json", `{"pages": []}`)
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.File("project.config.json"); f == nil || f.Err == nil {
		t.Errorf("project.config.json syntax error not recorded")
	}
}

func TestCleanRel(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"miniprogram/", "miniprogram", true},
		{"./src", "src", true},
		{"/src/", "src", true},
		{`src\pages`, "src/pages", true},
		{"", "", true},
		{"./", "", true},
		{"../x", "", false},
		{"a/../../x", "", false},
		{"a/../b", "b", true},
	}
	for _, tc := range tests {
		got, ok := project.CleanRel(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CleanRel(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestInlineWXSError checks the syntax error of an inline <wxs> body: at
// its offset in the WXML file, the parser's message inside Load's, in
// both languages.
func TestInlineWXSError(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"pages/index/index.wxml": "<view/>\n<wxs module=\"m\">var a = ;</wxs>\n",
	} {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Load(dir, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := p.File("pages/index/index.wxml")
	if f == nil || f.Err == nil {
		t.Fatal("no syntax error recorded")
	}
	if got, want := f.Err.Error(), `offset 32: inline <wxs>: Unexpected ";"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := f.Err.Message.Debug(), `inline-wxs(js.unexpected(";"))`; got != want {
		t.Errorf("Debug() = %s, want %s", got, want)
	}
	if got, want := f.Err.Message.Localize(i18n.Zh), `内联 <wxs>：此处不应出现 ";"`; got != want {
		t.Errorf("in Chinese: %s, want %s", got, want)
	}
}

// The reasons a DIR is not a project say the same in English as Reason,
// and have Chinese.
func TestNotAProjectInChinese(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		config string
		ignore []string
	}{
		{"", nil},
		{`{"miniprogramRoot": "../elsewhere/"}`, nil},
		{"", []string{"["}},
	} {
		if tc.config != "" {
			if err := os.WriteFile(filepath.Join(dir, "project.config.json"), []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var npe *project.NotProjectError
		if _, err := project.Load(dir, project.Options{Ignore: tc.ignore}); !errors.As(err, &npe) {
			t.Fatalf("%s %v: err = %v, want NotProjectError", tc.config, tc.ignore, err)
		}
		zh := npe.Localize(i18n.Zh)
		if npe.Localize(i18n.En) != npe.Reason || zh == npe.Reason || !strings.ContainsAny(zh, "不无") {
			t.Errorf("%s %v: en %q, zh %q", tc.config, tc.ignore, npe.Reason, zh)
		}
	}
	if le := (&project.LimitError{Reason: "too many"}); le.Localize(i18n.Zh) != "too many" {
		t.Errorf("a LimitError without a message: %q", le.Localize(i18n.Zh))
	}
}
