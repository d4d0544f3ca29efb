package cli

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

// allTexts returns every text fpcheck prints, by where it is defined:
// each rule's title, explanation and messages, and every registered
// catalog (labels, parser messages, reports, the command line). The
// command line links every package that registers one.
func allTexts() map[string]i18n.Text {
	out := map[string]i18n.Text{}
	for _, r := range rules.All() {
		m := r.Meta()
		out["rule "+m.ID+" title"] = m.Title
		out["rule "+m.ID+" explanation"] = m.Explanation
		for k, v := range m.Messages {
			out["rule "+m.ID+" message "+k] = v
		}
	}
	for name, c := range i18n.Catalogs() {
		for k, v := range c {
			out[name+" "+k] = v
		}
	}
	return out
}

// TestCatalogs checks that every text exists in both languages with the
// same arguments: the same argument numbers printed with the same verbs
// (Chinese may reorder them with %[n]s).
func TestCatalogs(t *testing.T) {
	texts := allTexts()
	if len(texts) < 250 {
		t.Fatalf("only %d texts found; are the catalogs registered?", len(texts))
	}
	for _, where := range slices.Sorted(maps.Keys(texts)) {
		tx := texts[where]
		if tx.En == "" || tx.Zh == "" {
			t.Errorf("%s: needs both English and Chinese: %+q", where, tx)
			continue
		}
		en, err := i18n.Verbs(tx.En)
		if err != nil {
			t.Errorf("%s (en): %v", where, err)
			continue
		}
		zh, err := i18n.Verbs(tx.Zh)
		if err != nil {
			t.Errorf("%s (zh): %v", where, err)
			continue
		}
		if !maps.Equal(en, zh) {
			t.Errorf("%s: the arguments differ:\n  en %v %q\n  zh %v %q", where, en, tx.En, zh, tx.Zh)
		}
	}
}

var (
	// code is what Chinese text quotes as it is: `code`, "values",
	// <tags>, {{bindings}}, {…} and [...] examples, and fmt verbs.
	code = regexp.MustCompile("`[^`]*`|\"[^\"]*\"|'[^']*'|<[^<>]*>|\\{\\{[^}]*\\}\\}|%(\\[\\d+\\])?[-+# 0]*\\d*(\\.\\d+)?[a-zA-Z]")
	// word is a run of Latin letters, with what identifiers, paths and
	// API names hold (wx.requestPayment, functional-pages/, app.json).
	word = regexp.MustCompile(`[A-Za-z0-9_.\-/*@$]*[A-Za-z][A-Za-z0-9_.\-/*@$]*`)
)

// englishInChinese lists the words of a Chinese text that read as
// English prose: all lower case and not a name the platform or fpcheck
// uses as it is (an API, a key, an attribute, a file type).
func englishInChinese(zh string) []string {
	var out []string
	for _, w := range word.FindAllString(code.ReplaceAllString(zh, " "), -1) {
		w = strings.TrimRight(w, ".")
		if len(w) < 2 || w != strings.ToLower(w) || strings.ContainsAny(w, "._-/*@$0123456789") || names[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// TestChineseHasNoEnglishProse checks that the Chinese texts leave in
// English only what the issue allows: rule IDs, file paths, code and the
// names of APIs and attributes (camelCase, dotted or hyphenated words pass
// on their own; plain lower-case words must be in names).
func TestChineseHasNoEnglishProse(t *testing.T) {
	texts := allTexts()
	for _, where := range slices.Sorted(maps.Keys(texts)) {
		if ws := englishInChinese(texts[where].Zh); len(ws) > 0 {
			t.Errorf("%s: English words in the Chinese text %v: %q", where, ws, texts[where].Zh)
		}
	}
}

// names are lower-case words that Chinese text keeps as they are: keys,
// attributes, API and tool names, file types. Each area adds its own
// (names_*_test.go).
var names = map[string]bool{}

func addNames(ws ...string) {
	for _, w := range ws {
		names[w] = true
	}
}

func init() {
	addNames("fpcheck", "explain", "rules", "zh", "en", "lang",
		"import", "export", "from", "require", "main")
}
