package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/internal/lint"
)

var ids = []string{"navigator-develop-version", "unresolved-dependency", "dynamic-require"}

func TestParse(t *testing.T) {
	c, err := Parse("fpcheck.json", []byte(`{
  "$schema": "./schema/fpcheck.schema.json",
  "rules": {"dynamic-require": "off", "unresolved-dependency": "warning"},
  "profiles": {"submit": {"unresolved-dependency": "error"}},
  "ignore": ["vendor/**"],
  "overrides": [{"files": ["libs/**", "sdk"], "rules": {"unresolved-dependency": "off"}, "reason": "第三方 SDK"}]
}`), ids)
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Rules["dynamic-require"]; !s.Off {
		t.Errorf("dynamic-require: %+v, want off", s)
	}
	if s := c.Rules["unresolved-dependency"]; s.Off || s.Level != lint.Warning {
		t.Errorf("unresolved-dependency: %+v, want warning", s)
	}
	if s := c.Submit["unresolved-dependency"]; s.Level != lint.Error {
		t.Errorf("submit profile: %+v", c.Submit)
	}
	if len(c.Ignore) != 1 || c.Ignore[0] != "vendor/**" {
		t.Errorf("ignore: %v", c.Ignore)
	}
	o := c.Overrides[0]
	if o.Reason != "第三方 SDK" || !o.Matches("libs/a/b.js") || !o.Matches("sdk/x.js") || o.Matches("pages/a.js") {
		t.Errorf("override: %+v", o)
	}
}

// Every mistake is an error at the offending key or value (line:col in
// UTF-16 columns, after Chinese text on the same line).
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		text, pos, fragment string
	}{
		{`{"rulez": {}}`, "1:2", `"rules"`},
		{`{"rules": {"unresolved-dependenci": "off"}}`, "1:12", `"unresolved-dependency"`},
		{`{"rules": {"no-such-rule-at-all-xyz": "off"}}`, "1:12", "fpcheck rules"},
		{`{"rules": {"dynamic-require": "warn"}}`, "1:31", `"warn"`},
		{`{"rules": {"dynamic-require": false}}`, "1:31", "dynamic-require"},
		{`{"rules": []}`, "1:11", `"rules"`},
		{`{"profiles": {"submitt": {}}}`, "1:15", `"submit"`},
		{`{"ignore": ["[a-"]}`, "1:13", "glob"},
		{`{"ignore": "vendor"}`, "1:12", "array"},
		{"{\n  \"overrides\": [{\"files\": [\"libs/**\"], \"rules\": {\"dynamic-require\": \"off\"}}]\n}", "2:17", "reason"},
		{"{\"overrides\": [{\"files\": [], \"rules\": {}, \"reason\": \"x\"}]}", "1:16", "files"},
		{"{\"overrides\": [{\"reason\": \"中文理由\", \"filez\": []}]}", "1:35", `"files"`},
		{`[]`, "1:1", "object"},
		{`{"rules": {},}`, "1:13", "trailing comma"},
	} {
		_, err := Parse("fpcheck.json", []byte(tc.text), ids)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a config error", tc.text, err)
			continue
		}
		msg := ce.Error()
		if !strings.HasPrefix(msg, "fpcheck.json:"+tc.pos+": ") || !strings.Contains(msg, tc.fragment) {
			t.Errorf("%s:\n got %s\nwant fpcheck.json:%s: … %s …", tc.text, msg, tc.pos, tc.fragment)
		}
		if ce.Frame() == "" {
			t.Errorf("%s: no code frame", tc.text)
		}
		// In Chinese: the same position; the parser's syntax messages
		// are the parser's own.
		zh := ce.Localize(i18n.Zh)
		if !strings.HasPrefix(zh, "fpcheck.json:"+tc.pos+": ") || ce.Message.Key != "syntax" && !strings.ContainsAny(zh, "的不是必须缺少") {
			t.Errorf("%s: in Chinese %s", tc.text, zh)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("repo/.git/HEAD", "ref: refs/heads/main\n")
	write("repo/fpcheck.json", "{}")
	write("repo/apps/shop/app.json", "{}")
	write("repo/apps/own/fpcheck.json", "{}")
	write("fpcheck.json", "{}") // above the repository: never read
	write("loose/app.json", "{}")
	for _, tc := range []struct{ dir, ceiling, want string }{
		{"repo/apps/shop", "", "repo/fpcheck.json"},
		{"repo/apps/own", "", "repo/apps/own/fpcheck.json"},
		{"repo/apps/shop", "repo/apps", ""},
		{"loose", "", ""},
	} {
		ceiling := ""
		if tc.ceiling != "" {
			ceiling = filepath.Join(root, tc.ceiling)
		}
		got := Find(filepath.Join(root, tc.dir), ceiling)
		want := ""
		if tc.want != "" {
			want = filepath.Join(root, filepath.FromSlash(tc.want))
		}
		if got != want {
			t.Errorf("Find(%s, %q) = %q, want %q", tc.dir, tc.ceiling, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"rules": {"dynamic-require": "off"}, "overrides": [{"files": ["a"], "rules": {"dynamic-require": "note"}, "reason": "r"}]}`))
	f.Add([]byte(`{"profiles": {"submit": {"x": "error"}}, "ignore": ["**/*.js"]}`))
	f.Fuzz(func(t *testing.T, text []byte) {
		c, err := Parse("fpcheck.json", text, ids)
		if err == nil && c == nil {
			t.Fatal("no config and no error")
		}
		if ce := (*Error)(nil); errors.As(err, &ce) && (ce.Start < 0 || ce.End > len(text) || ce.Start > ce.End) {
			t.Fatalf("error span [%d,%d) outside the text of %d bytes", ce.Start, ce.End, len(text))
		}
	})
}
