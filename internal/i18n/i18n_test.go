package i18n

import (
	"fmt"
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, En},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Zh},
		{map[string]string{"LANG": "zh_TW"}, Zh},
		{map[string]string{"LANG": "ZH"}, Zh},
		{map[string]string{"LANG": "en_US.UTF-8"}, En},
		{map[string]string{"LANG": "C"}, En},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, En},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, Zh},
		{map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"}, En},
		{map[string]string{"LC_ALL": "zh_CN.GB18030", "LANG": "en_US"}, Zh},
		{map[string]string{"LC_ALL": "", "LANG": "zh_HK"}, Zh},
	} {
		if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("FromEnv(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]Lang{"zh": Zh, "ZH": Zh, "en": En, "En": En} {
		if got, ok := Parse(s); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "zh-CN", "chinese", "fr"} {
		if _, ok := Parse(s); ok {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
}

func TestLocalizeRendersArgumentsInTheMessagesLanguage(t *testing.T) {
	c := Catalog{
		"cross": {En: "%s %q in %s", Zh: "%[3]s中的 %[1]s %[2]q"},
		"main":  {En: "the main package", Zh: "主包"},
		"sub":   {En: "subpackage %q", Zh: "分包 %q"},
	}
	m := c.New("cross", c.New("sub", "a"), "./x", c.New("main"))
	if got, want := m.Localize(En), `subpackage "a" "./x" in the main package`; got != want {
		t.Errorf("En: %q, want %q", got, want)
	}
	if got, want := m.Localize(Zh), `主包中的 分包 "a" "./x"`; got != want {
		t.Errorf("Zh: %q, want %q", got, want)
	}
	if got, want := m.Debug(), `cross(sub("a"), "./x", main)`; got != want {
		t.Errorf("Debug: %q, want %q", got, want)
	}
	if got := (Message{}).Localize(Zh); got != "" {
		t.Errorf("the zero message renders %q", got)
	}
	if got := c.New("main").Localize(Zh); got != "主包" {
		t.Errorf("no arguments: %q", got)
	}
}

func TestVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   map[int]rune
	}{
		{"plain 100%%", map[int]rune{}},
		{"%s %q in %d", map[int]rune{0: 's', 1: 'q', 2: 'd'}},
		{"%[2]s then %[1]q", map[int]rune{0: 'q', 1: 's'}},
		{"%[1]d %[1]d", map[int]rune{0: 'd'}},
		{"%-8s|%*d", map[int]rune{0: 's', 1: '*', 2: 'd'}},
		{"%[3]s %s", map[int]rune{2: 's', 3: 's'}},
		{"%6.2f", map[int]rune{0: 'f'}},
	} {
		got, err := Verbs(tc.format)
		if err != nil {
			t.Errorf("Verbs(%q): %v", tc.format, err)
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("Verbs(%q) = %v, want %v", tc.format, got, tc.want)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("Verbs(%q) = %v, want %v", tc.format, got, tc.want)
			}
		}
	}
	for _, bad := range []string{"%[1]s %[1]d", "%[x]s", "%[1", "trailing %"} {
		if _, err := Verbs(bad); err == nil {
			t.Errorf("Verbs(%q) accepted", bad)
		}
	}
}

func TestRegisterTwicePanics(t *testing.T) {
	Register("test.once", Catalog{})
	defer func() {
		if recover() == nil {
			t.Error("a second Register of one name did not panic")
		}
		delete(registry, "test.once")
	}()
	Register("test.once", Catalog{})
}

func TestChineseLabelsAreSpacedFromLatinWords(t *testing.T) {
	c := Catalog{
		"to":      {En: "to %s in %s", Zh: "解析到%[2]s的 %[1]s"},
		"in":      {En: "%s in %s", Zh: "%[2]s中的 %[1]s"},
		"quoted":  {En: "%q", Zh: "名为%q的"},
		"main":    {En: "the main package", Zh: "主包"},
		"workers": {En: "the workers directory (%s)", Zh: "Worker 目录（%s）"},
		"dir":     {En: "%s", Zh: "%s"},
		"sub":     {En: "subpackage %q", Zh: "分包 %q"},
	}
	for _, tc := range []struct {
		m    Message
		want string
	}{
		{c.New("to", "a.js", c.New("main")), "解析到主包的 a.js"},
		{c.New("to", "a.js", c.New("workers", "workers/")), "解析到 Worker 目录（workers/）的 a.js"},
		{c.New("in", "require", c.New("dir", "functional-pages/")), "functional-pages/ 中的 require"},
		{c.New("in", "require", c.New("sub", "packageA")), `分包 "packageA" 中的 require`},
		{c.New("quoted", c.New("dir", "x")), `名为"x"的`},                                           // %q: quoted as it is, never spaced
		{Catalog{"pad": {En: "%-6s|", Zh: "是%-6s|"}}.New("pad", c.New("dir", "ab")), "是ab    |"}, // padded as the label, not its mark
		{c.New("to", "\x00fpcheck-label-7\x00", c.New("main")), "解析到主包的 \x00fpcheck-label-7\x00"},
	} {
		if got := tc.m.Localize(Zh); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.m.Debug(), got, tc.want)
		}
	}
	if got, want := c.New("to", "a.js", c.New("workers", "w/")).Localize(En), "to a.js in the workers directory (w/)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}

func TestMarkInAnArgumentIsLeftAlone(t *testing.T) {
	c := Catalog{"m": {En: "%s %s", Zh: "%s的%s"}, "main": {En: "main", Zh: "主包"}}
	hostile := "\x00fpcheck-label-0\x00"
	if got, want := c.New("m", hostile, c.New("main")).Localize(Zh), hostile+"的主包"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func FuzzLocalize(f *testing.F) {
	f.Add("解析到%[2]s的 %[1]s", "a.js", "Worker 目录")
	f.Add("%s中的%q", "\x00fpcheck-label-0\x00", "x")
	f.Fuzz(func(t *testing.T, format, arg, label string) {
		m := Message{Text: Text{En: format, Zh: format}, Args: []any{arg, Raw(label)}}
		plain := fmt.Sprintf(format, arg, label)
		got := m.Localize(Zh)
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(plain, " ", "") {
			t.Errorf("Localize(Zh) = %q, differs from %q by more than spaces", got, plain)
		}
		if m.Localize(En) != plain {
			t.Errorf("Localize(En) = %q, want %q", m.Localize(En), plain)
		}
	})
}
