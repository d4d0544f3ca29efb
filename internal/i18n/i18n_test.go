package i18n

import (
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
