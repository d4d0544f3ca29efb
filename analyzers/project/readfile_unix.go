//go:build unix

package project

import (
	"io/fs"
	"syscall"
)

// readNoFollow reads the file name with raw system calls: open (never
// through a symbolic link: O_NOFOLLOW), read until the end, close. size
// is the length Lstat saw, to size the buffer. os.ReadFile makes eleven
// calls per file on Linux (the runtime registers each file with its poller
// and fails, with four fcntl around it, then an fstat); this makes four or
// five, which at 20,000 files is a few percent of a run. O_NONBLOCK keeps
// a file replaced by a FIFO since Lstat from blocking the open.
func readNoFollow(name string, size int64) ([]byte, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOCTTY, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	buf := make([]byte, 0, max(size, 0)+1) // +1: the read that sees the end
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		var n int
		err := retryEINTR(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n <= 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if len(buf) > MaxParseSize {
			return buf, nil // readFileAt says it is too large
		}
	}
}

func retryEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR { //nolint:errorlint // syscall.Errno is compared, never wrapped
			return err
		}
	}
}
