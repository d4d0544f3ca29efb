package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/fpcheck/fpcheck/analyzers/project"
)

// TestResourceLimitIsExitUsage: more files than fpcheck lists is a resource
// limit, exit code 2 with the reason, not "internal failure" (exit 3).
// analyzers/project's stress test hits the real 200,000-file limit.
func TestResourceLimitIsExitUsage(t *testing.T) {
	tests := []struct {
		err  error
		code int
		want string
	}{
		{&project.LimitError{Reason: "more than 200000 files under x"}, ExitUsage, "fpcheck: more than 200000 files under x\n"},
		{fmt.Errorf("loading: %w", &project.LimitError{Reason: "too many"}), ExitUsage, "fpcheck: too many\n"},
		{&project.NotProjectError{Reason: "not a project"}, ExitUsage, "fpcheck: not a project\n"},
		{fmt.Errorf("boom"), ExitInternal, "fpcheck: boom\n"},
	}
	for _, tc := range tests {
		var stderr bytes.Buffer
		c := &Command{Stdout: &bytes.Buffer{}, Stderr: &stderr}
		if code := c.loadFailed(tc.err); code != tc.code || stderr.String() != tc.want {
			t.Errorf("loadFailed(%v) = %d, %q; want %d, %q", tc.err, code, stderr.String(), tc.code, tc.want)
		}
		if strings.Contains(stderr.String(), "please report") && tc.code != ExitInternal {
			t.Errorf("a resource limit is reported as an internal failure: %q", stderr.String())
		}
	}
}
