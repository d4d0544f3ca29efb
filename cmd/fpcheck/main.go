// Command fpcheck checks WeChat mini-program and plugin projects for the
// problems that break functional pages and package boundaries after
// upload. Run `fpcheck --help` for usage.
package main

import (
	"os"

	"github.com/fpcheck/fpcheck/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=1.2.3".
var version string

// The Go runtime's default GC policy (GOGC=100, no memory limit) is kept
// on purpose; GOGC and GOMEMLIMIT work as usual. Measured at 5,000
// generated pages (docs/performance.md, "GC policy"): a soft memory limit
// scaled to the input helps only when it is tight enough to risk running
// the collector without pause on a project whose live heap is larger than
// expected, and sizing the input first costs a walk of every file; a
// larger GOGC saves some CPU for much more memory.
func main() {
	cmd := cli.Command{Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
	os.Exit(cmd.Main(os.Args[1:]))
}
