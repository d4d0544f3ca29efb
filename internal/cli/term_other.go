//go:build !(aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || zos || windows)

package cli

import "os"

// isTerminal is false where fpcheck cannot ask.
func isTerminal(*os.File) bool { return false }
