package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/internal/fixture"
)

func init() {
	addNames("components", "dayjs") // a folder and an npm package of the fixtures, quoted as they are
}

// finding is a text-format finding line: where, level, message, rule.
var finding = regexp.MustCompile(`^\S.*?:\d+:\d+: (\S+): (.*) \[([a-z-]+)\]$`)

// TestEveryFixtureInChinese runs every rule fixture in Chinese, as a user
// with a Chinese locale would, and checks that each finding's message
// and the summary leave no English prose (TestChineseHasNoEnglishProse
// checks the catalogs; this checks them as they render, with their
// arguments and labels).
func TestEveryFixtureInChinese(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.txtar"))
	if len(paths) < 80 {
		t.Fatalf("only %d fixtures", len(paths))
	}
	seen := 0
	for _, p := range paths {
		fx := fixture.Extract(t, p)
		args := append([]string{"--no-color"}, fx.Flags...)
		out, _, _ := runIn(t, zhLocale, append(args, fx.Dir)...)
		for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
			if strings.HasPrefix(line, " ") {
				continue // a code frame: the project's own text
			}
			msg := line
			if m := finding.FindStringSubmatch(line); m != nil {
				msg = m[1] + " " + m[2]
				seen++
			} else if !strings.HasPrefix(line, "fpcheck：") {
				t.Errorf("%s: a line that is neither a finding nor the summary: %q", p, line)
				continue
			}
			if ws := englishInChinese(msg); len(ws) > 0 {
				t.Errorf("%s: English words %v in %q", filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p), ws, line)
			}
		}
	}
	if seen < 100 {
		t.Errorf("only %d findings rendered", seen)
	}
}
