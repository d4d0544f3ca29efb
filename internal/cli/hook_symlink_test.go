package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHookSymlinkedRootReadsNothingOutside (issue 10): a miniprogramRoot
// reached through a committed symbolic link to a folder outside the
// repository is refused with exit code 2, in `fpcheck hook run` as in a
// plain run, and no text of the files it leads to is printed. Before, the
// link was followed and their text showed up in code frames.
func TestHookSymlinkedRootReadsNothingOutside(t *testing.T) {
	const secret = "OUTSIDE-SECRET-TEXT"
	r := newHookRepo(t)
	outside := filepath.Join(filepath.Dir(r.dir), "outside")
	for rel, text := range map[string]string{
		"sub/app.json":     `{"pages": ["pages/a"]}`,
		"sub/pages/a.js":   "const s = '" + secret + "'; require('./" + secret + "');\n",
		"sub/pages/a.wxml": "<view>" + secret + "</view>\n",
	} {
		full := filepath.Join(outside, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r.write("project.config.json", `{"miniprogramRoot": "link/sub"}`)
	if err := os.Symlink(outside, filepath.Join(r.dir, "link")); err != nil {
		t.Fatal(err)
	}
	r.mustGit("add", "-A")
	for _, args := range [][]string{{"."}, {"hook", "run"}} {
		out := r.fpcheckCode(ExitUsage, "", args...)
		if strings.Contains(out, secret) {
			t.Errorf("fpcheck %s printed text from outside the repository:\n%s", strings.Join(args, " "), out)
		}
		if !strings.Contains(out, "link is a symbolic link") {
			t.Errorf("fpcheck %s does not say why:\n%s", strings.Join(args, " "), out)
		}
	}
}
