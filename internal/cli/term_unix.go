//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || zos

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// isTerminal reports whether f is a terminal: whether it answers the
// terminal attributes request, as isatty(3) asks.
func isTerminal(f *os.File) bool {
	sc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	var ioctlErr error
	if err := sc.Control(func(fd uintptr) {
		_, ioctlErr = unix.IoctlGetTermios(int(fd), ioctlReadTermios)
	}); err != nil {
		return false
	}
	return ioctlErr == nil
}
