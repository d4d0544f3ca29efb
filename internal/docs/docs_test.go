package docs

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md, docs/rules.zh-CN.md and the config schema")

// TestRulesReferenceIsCurrent fails when docs/rules.md or
// docs/rules.zh-CN.md no longer matches the rule metadata;
// `go test ./internal/docs -update` regenerates them.
func TestRulesReferenceIsCurrent(t *testing.T) {
	for l, name := range map[i18n.Lang]string{i18n.En: "rules.md", i18n.Zh: "rules.zh-CN.md"} {
		want := RulesMarkdown(l)
		checkGenerated(t, filepath.Join("..", "..", "docs", name), want)
		for _, r := range rules.All() {
			if !strings.Contains(want, "\n## "+r.Meta().ID+"\n") {
				t.Errorf("%s lacks a section for %s", name, r.Meta().ID)
			}
		}
	}
}

// TestConfigSchemaIsCurrent fails when schema/fpcheck.schema.json no longer
// matches the rule metadata; `go test ./internal/docs -update` regenerates it.
func TestConfigSchemaIsCurrent(t *testing.T) {
	checkGenerated(t, filepath.Join("..", "..", "schema", "fpcheck.schema.json"), ConfigSchema())
}

// checkGenerated compares the file at path with want, or rewrites it under
// -update.
func checkGenerated(t *testing.T, path, want string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./internal/docs -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s is stale; run: go test ./internal/docs -update", filepath.ToSlash(path))
	}
}
