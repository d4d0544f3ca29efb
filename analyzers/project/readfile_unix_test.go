//go:build unix

package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadNoFollow: readNoFollow reads a file whatever size Lstat saw
// (smaller, larger, zero), and refuses a symbolic link (ELOOP) and a FIFO
// without blocking.
func TestReadNoFollow(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("中文 text\n", 1000)
	file := filepath.Join(dir, "f.js")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{0, 1, int64(len(text)) - 1, int64(len(text)), int64(len(text)) * 2} {
		got, err := readNoFollow(file, size)
		if err != nil || string(got) != text {
			t.Errorf("size hint %d: %d bytes, %v; want %d bytes", size, len(got), err, len(text))
		}
	}
	link := filepath.Join(dir, "link.js")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	if _, err := readNoFollow(link, 0); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("through a symbolic link: %v, want ELOOP", err)
	}
	if text, skip, _ := readFileAt(link); skip != SymbolicLink || text != nil {
		t.Errorf("readFileAt(link) = %d bytes, %v; want SymbolicLink", len(text), skip)
	}
	fifo := filepath.Join(dir, "fifo.js")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	if text, skip, _ := readFileAt(fifo); skip != Unreadable || text != nil {
		t.Errorf("readFileAt(fifo) = %d bytes, %v; want Unreadable", len(text), skip)
	}
	// Replaced by a FIFO after Lstat: the open must not wait for a
	// writer (the test would hang) and there is nothing to read.
	if text, err := readNoFollow(fifo, 10); len(text) != 0 {
		t.Errorf("readNoFollow(fifo) = %q, %v; want nothing", text, err)
	}
}
