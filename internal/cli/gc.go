package cli

import (
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// The GC policy of a check run (Command.TuneGC, which cmd/fpcheck sets): a
// soft memory limit scaled to the input, unless the user set GOMEMLIMIT or
// GOGC, whose choice wins.
//
// fpcheck is a short batch process whose live heap only grows while it
// loads (every file's facts stay until the rules have run), and the
// parsers make far more garbage than they keep. Under the default GOGC=100
// each collection lets the heap grow to twice what is live, so the peak is
// about twice the final live heap. A limit a little above the final live
// heap makes the last collections come earlier instead and cuts that
// overshoot: measured at 5,000 generated pages (70 MB; live heap 400 MB
// at the end), peak RSS 715 → 568 MB with the same CPU time
// (docs/performance.md). GOGC stays at 100: GOGC=off under the same limit
// saved some CPU but lets the heap fill the whole limit on every input,
// which costs memory wherever the live heap is well below it; and when the
// heap is small the limit is never reached, so it changes nothing.
//
// The limit must stay above the live heap, or the collector runs
// continuously (Go caps it at half the CPU, still a large slowdown): it is
// memLimitFloor plus memLimitPerByte times the bytes of the files fpcheck
// parses (the live heap measured at the end was 5.7 bytes per byte of
// input) plus memLimitPerFile per file (for projects of many small files,
// whose live heap is mostly the per-file structures).
const (
	memLimitFloor   = 64 << 20
	memLimitPerByte = 8
	memLimitPerFile = 4 << 10
)

// memoryLimit is the soft memory limit for an input of files files of
// bytes bytes in all.
func memoryLimit(bytes, files int64) int64 {
	return memLimitFloor + memLimitPerByte*bytes + memLimitPerFile*files
}

// tuneGC sets the soft memory limit for checking the project in dir.
func (c *Command) tuneGC(dir string) {
	if !c.TuneGC || c.env("GOMEMLIMIT") != "" || c.env("GOGC") != "" {
		return
	}
	bytes, files := inputSize(dir)
	debug.SetMemoryLimit(memoryLimit(bytes, files))
}

// inputSize sums the sizes of the files under dir that fpcheck parses (by
// extension; never through a symbolic link, skipping node_modules and
// hidden directories as loading does), stopping at 250,000 files: a
// generous estimate of the input, since a larger limit is the safe side.
func inputSize(dir string) (bytes, files int64) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != dir && (name == "node_modules" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		switch filepath.Ext(name) {
		case ".js", ".ts", ".json", ".wxml", ".wxss", ".wxs":
		default:
			return nil
		}
		files++
		if info, err := d.Info(); err == nil {
			bytes += info.Size()
		}
		if files >= 250_000 {
			return filepath.SkipAll
		}
		return nil
	})
	return bytes, files
}
