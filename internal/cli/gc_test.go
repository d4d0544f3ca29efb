package cli

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestTuneGC: the fpcheck process sets a soft memory limit from the size
// of the files it will parse, unless GOMEMLIMIT or GOGC is set; a
// Command without TuneGC (tests, embedding) leaves the runtime alone.
func TestTuneGC(t *testing.T) {
	dir := t.TempDir()
	for name, size := range map[string]int{"app.json": 100, "pages/a.js": 5000, "pages/a.png": 1 << 20, "node_modules/x/index.js": 1 << 20, ".git/objects/x.js": 1 << 20} {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if b, n := inputSize(dir); b != 5100 || n != 2 {
		t.Errorf("inputSize = %d bytes, %d files; want 5100, 2 (no image, node_modules or hidden directory)", b, n)
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, tc := range []struct {
		tune bool
		env  map[string]string
		want int64
	}{
		{tune: true, want: memoryLimit(5100, 2)},
		{tune: true, env: map[string]string{"GOMEMLIMIT": "1GiB"}, want: math.MaxInt64},
		{tune: true, env: map[string]string{"GOGC": "200"}, want: math.MaxInt64},
		{tune: false, want: math.MaxInt64},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		c := &Command{Stdout: io.Discard, Stderr: io.Discard, TuneGC: tc.tune, getenv: func(k string) string { return tc.env[k] }}
		c.tuneGC(dir)
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("TuneGC=%v env=%v: limit %d, want %d", tc.tune, tc.env, got, tc.want)
		}
	}
}
