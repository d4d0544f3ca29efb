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

func main() {
	cmd := cli.Command{Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
	os.Exit(cmd.Main(os.Args[1:]))
}
