// Command fpcheck checks WeChat mini-program and plugin projects for the
// problems that break functional pages and package boundaries after
// upload. Run `fpcheck --help` for usage.
package main

import (
	"os"

	"github.com/fpcheck/fpcheck/internal/cli"
	"github.com/fpcheck/fpcheck/internal/gcfloor"
)

// version is set at build time with -ldflags "-X main.version=1.2.3".
var version string

// The collector gets a floor under its heap goal and GOGC=200 above it
// (package gcfloor); GOGC or GOMEMLIMIT in the environment replace both.
// Measured in docs/performance.md, "GC policy".
func main() {
	gcfloor.Start()
	cmd := cli.Command{Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
	os.Exit(cmd.Main(os.Args[1:]))
}
