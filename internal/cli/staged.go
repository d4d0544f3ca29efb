package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fpcheck/fpcheck/analyzers/project"
	"github.com/fpcheck/fpcheck/internal/config"
	"github.com/fpcheck/fpcheck/internal/i18n"
	"github.com/fpcheck/fpcheck/rules"
)

// The staged snapshot: what `hook run` checks. The files a check reads are
// taken from the git index (git ls-files -s) and their staged bytes from
// the object database (git cat-file --batch), and written under a private
// temporary directory:
//
//   - the whole index, also entries outside a sparse checkout's cone
//     (skip-worktree), since the commit holds them;
//   - only what Load reads: the code roots, and the few files it names at
//     DIR, not the rest of the repository;
//   - as staged: no checkout, so no smudge, process or eol filter and no
//     other command from the git configuration runs;
//   - never followed out: a symbolic link (mode 120000) becomes a link to
//     itself, which nothing can read through, and a submodule (a gitlink,
//     mode 160000) an empty directory, as in a clone without --recursive;
//   - removed on every way out: return, panic, SIGINT, SIGTERM, SIGHUP;
//     what a SIGKILL leaves is removed by a later run once abandoned.

// snapshotPrefix starts the name of a snapshot directory in os.TempDir();
// the process ID follows, so an abandoned one can be told from a live one.
const snapshotPrefix = "fpcheck-staged-"

var snapshotName = regexp.MustCompile(`^` + snapshotPrefix + `([0-9]+)-[0-9]+$`)

// abandonedAge is how old a snapshot of a process that is gone must be
// before a run removes it: a hook in another PID namespace sharing the
// temporary directory is not mistaken for a dead one.
const abandonedAge = 10 * time.Minute

// snapshot is one staged snapshot being written or checked.
type snapshot struct {
	dir    string // the temporary directory, the repository root's copy
	top    string // the repository root, where git runs
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex // held while a file is written and while removing
	removed bool
	made    map[string]bool // directories created (repository-relative)
	written map[string]bool // entries written (repository-relative)
	buf     []byte          // a blob's bytes, reused
}

// indexEntry is one stage-0 entry of the index.
type indexEntry struct {
	mode string // "100644", "100755", "120000" or "160000"
	oid  string
	path string // repository-relative, slash-separated
}

func newSnapshot(top string) (*snapshot, error) {
	removeAbandonedSnapshots()
	dir, err := os.MkdirTemp("", snapshotPrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &snapshot{
		dir: dir, top: top, ctx: ctx, cancel: cancel,
		made: map[string]bool{}, written: map[string]bool{},
	}, nil
}

// remove stops any git still running for the snapshot and deletes it. It
// may be called more than once, and from the signal handler while export
// runs.
func (s *snapshot) remove() {
	s.cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.removed {
		return
	}
	s.removed = true
	_ = os.RemoveAll(s.dir)
}

var errSnapshotRemoved = msgs.Errorf("staged.removed")

// export writes the staged files that checking the project at rel
// (repository-relative, slash-separated, "" for the root) reads. It
// returns the unmerged paths it left out (a merge in progress).
func (s *snapshot) export(rel string) ([]string, error) {
	prefix := ""
	if rel != "" {
		prefix = rel + "/"
	}
	// First what tells the layout, and the configuration: the files Load
	// and config.Find read by name, every app.json and plugin.json (where
	// the code roots are) and every symbolic link. DIR itself too when it is not a
	// directory in the index, so Load says what it is.
	spec := rel
	if spec == "" {
		spec = "."
	}
	specs := []string{spec}
	for d := rel; d != ""; {
		d = path.Dir(d)
		if d == "." {
			d = ""
		}
		specs = append(specs, path.Join(d, config.FileName))
	}
	atDIR := map[string]bool{"project.config.json": true, "package.json": true, ".gitmodules": true, config.FileName: true}
	var first []indexEntry
	unmerged, err := s.lsFiles(specs, func(e indexEntry) {
		local, inside := strings.CutPrefix(e.path, prefix)
		if e.path == rel || !inside {
			first = append(first, e) // DIR itself, or fpcheck.json above it
			return
		}
		// Symbolic links too (written as links to themselves), so that a
		// code root reached through one is refused the way Load refuses
		// it in the working tree.
		if name := path.Base(local); atDIR[local] || name == "app.json" || name == "plugin.json" || e.mode == "120000" {
			first = append(first, e)
		}
	})
	if err != nil {
		return nil, err
	}
	if werr := s.write(first); werr != nil {
		return nil, werr
	}

	// Then the code roots and the package.json files the npm build reads.
	dirAbs := filepath.Join(s.dir, filepath.FromSlash(rel))
	layout, err := project.Discover(dirAbs)
	if err != nil {
		return unmerged, nil // not a project: Load says why
	}
	specs = specs[:0]
	for _, root := range layout.Roots() {
		specs = append(specs, path.Join(spec, root))
	}
	for _, p := range layout.Config.PackNpmPackageJSON {
		specs = append(specs, path.Join(spec, p))
	}
	// And the baseline fpcheck.json names, wherever it is in the
	// repository.
	if b := s.baseline(dirAbs); b != "" {
		specs = append(specs, b)
	}
	var rest []indexEntry
	more, err := s.lsFiles(specs, func(e indexEntry) {
		if !s.written[e.path] {
			rest = append(rest, e)
		}
	})
	if err != nil {
		return nil, err
	}
	for _, p := range more {
		if !slices.Contains(unmerged, p) {
			unmerged = append(unmerged, p)
		}
	}
	return unmerged, s.write(rest)
}

// baseline returns the repository-relative path of the baseline file that
// the fpcheck.json found from dir (in the snapshot) names, "" when none or
// when it is outside the repository (then it is read where it is).
func (s *snapshot) baseline(dir string) string {
	p := config.Find(dir, s.dir)
	if p == "" {
		return ""
	}
	cfg, err := config.Load(p, p, rules.IDs())
	if err != nil || cfg.Baseline == "" || filepath.IsAbs(cfg.Baseline) {
		return "" // a broken config is reported by the check
	}
	rel, err := filepath.Rel(s.dir, filepath.Join(filepath.Dir(p), filepath.FromSlash(cfg.Baseline)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// gitCommand is git with arguments, run at the repository root with the
// snapshot's context: pathspecs are literal (a file named "*.js" is not a
// glob) and no file-system monitor is asked.
func (s *snapshot) gitCommand(args ...string) *exec.Cmd {
	cmd := exec.CommandContext(s.ctx, "git", append([]string{"-c", "core.fsmonitor=false"}, args...)...)
	cmd.Dir = s.top
	env := []string{"GIT_LITERAL_PATHSPECS=1"}
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GIT_LITERAL_PATHSPECS", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS":
		default:
			env = append(env, kv)
		}
	}
	cmd.Env = env
	return cmd
}

// lsFiles calls each for the stage-0 entries of the index under the
// pathspecs (the whole index, skip-worktree entries included) and returns
// the unmerged paths, once each.
func (s *snapshot) lsFiles(specs []string, each func(indexEntry)) ([]string, error) {
	cmd := s.gitCommand(append([]string{"ls-files", "--stage", "-z", "--"}, specs...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var unmerged []string
	var parseErr error
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	sc.Split(splitNUL)
	for sc.Scan() {
		// <mode> SP <object> SP <stage> TAB <path>
		meta, p, ok := strings.Cut(sc.Text(), "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 {
			parseErr = msgs.Errorf("staged.bad-line", sc.Text())
			break
		}
		if f[2] != "0" {
			if len(unmerged) == 0 || unmerged[len(unmerged)-1] != p {
				unmerged = append(unmerged, p)
			}
			continue
		}
		each(indexEntry{mode: f[0], oid: f[1], path: p})
	}
	if parseErr == nil {
		parseErr = sc.Err()
	}
	if parseErr != nil {
		_ = cmd.Process.Kill()
	}
	if err := cmd.Wait(); err != nil && parseErr == nil {
		parseErr = gitError("git ls-files", err, stderr.Bytes())
	}
	if s.ctx.Err() != nil {
		return nil, errSnapshotRemoved
	}
	return unmerged, parseErr
}

func splitNUL(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func gitError(what string, err error, stderr []byte) error {
	if msg := strings.TrimSpace(string(stderr)); msg != "" {
		return fmt.Errorf("%s: %w: %s", what, err, msg)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// write writes entries into the snapshot: blobs with their staged bytes
// (those too big to be parsed as sparse files of their size, which Load
// only lists), symbolic links as links to themselves, gitlinks as empty
// directories.
//
// Nothing written can leave the snapshot: a path is a clean, local,
// relative one (git allows no other in the index, and a crafted index is
// refused), and the only symbolic links in the snapshot are the ones made
// here, which point nowhere.
func (s *snapshot) write(entries []indexEntry) error {
	var blobs []indexEntry
	for _, e := range entries {
		if s.written[e.path] {
			continue
		}
		if !localPath(e.path) {
			return msgs.Errorf("staged.bad-path", e.path)
		}
		s.written[e.path] = true
		switch e.mode {
		case "100644", "100755":
			blobs = append(blobs, e)
		case "120000":
			// A link to itself: it is a symbolic link to whoever
			// looks (Load never follows one), and nothing can be read
			// through it, wherever it pointed.
			if err := s.locked(func() error {
				if err := s.mkdirs(path.Dir(e.path)); err != nil {
					return err
				}
				// Without symbolic links (Windows without the
				// privilege) it is left out: Load skips one anyway.
				_ = os.Symlink(path.Base(e.path), s.full(e.path))
				return nil
			}); err != nil {
				return err
			}
		case "160000":
			if err := s.locked(func() error { return s.mkdirs(e.path) }); err != nil {
				return err
			}
		default:
			return msgs.Errorf("staged.bad-mode", e.path, e.mode)
		}
	}
	if len(blobs) == 0 {
		return nil
	}
	sizes := make([]int64, len(blobs))
	i := 0
	if err := s.catFile("--batch-check", blobs, func(size int64, _ *bufio.Reader) error {
		sizes[i] = size
		i++
		return nil
	}); err != nil {
		return err
	}
	var small []indexEntry
	for i, e := range blobs {
		if sizes[i] <= project.MaxParseSize {
			small = append(small, e)
			continue
		}
		if err := s.locked(func() error { return s.create(e.path, sizes[i], nil) }); err != nil {
			return err
		}
	}
	i = 0
	return s.catFile("--batch", small, func(size int64, r *bufio.Reader) error {
		e := small[i]
		i++
		return s.locked(func() error { return s.create(e.path, size, r) })
	})
}

// catFile asks git cat-file (--batch or --batch-check) for the objects of
// entries, in order, and calls each with an object's size and, for
// --batch, the reader positioned at its bytes, which each must consume.
func (s *snapshot) catFile(mode string, entries []indexEntry, each func(size int64, r *bufio.Reader) error) error {
	if len(entries) == 0 {
		return nil
	}
	cmd := s.gitCommand("cat-file", mode)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err = cmd.Start(); err != nil {
		return err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, e := range entries {
			if _, werr := w.WriteString(e.oid + "\n"); werr != nil {
				break
			}
		}
		_ = w.Flush()
		_ = stdin.Close()
	}()
	readErr := readBatch(bufio.NewReaderSize(stdout, 64<<10), mode == "--batch", entries, each)
	if readErr != nil {
		_ = cmd.Process.Kill()
	}
	err = cmd.Wait()
	if s.ctx.Err() != nil {
		return errSnapshotRemoved
	}
	if readErr != nil {
		return readErr
	}
	if err != nil {
		return gitError("git cat-file", err, stderr.Bytes())
	}
	return nil
}

// readBatch reads git cat-file's answers for entries from r.
func readBatch(r *bufio.Reader, contents bool, entries []indexEntry, each func(size int64, r *bufio.Reader) error) error {
	for _, e := range entries {
		header, err := r.ReadString('\n')
		if err != nil {
			return msgs.Errorf("staged.read", e.path, i18n.Raw(err.Error()))
		}
		// <object> SP <type> SP <size> LF, or <object> SP missing LF
		f := strings.Fields(header)
		if len(f) != 3 || f[0] != e.oid || f[1] != "blob" {
			return msgs.Errorf("staged.unreadable", e.path, e.oid, strings.TrimSpace(header))
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return msgs.Errorf("staged.bad-header", strings.TrimSpace(header))
		}
		if err := each(size, r); err != nil {
			return err
		}
		if contents {
			if b, err := r.ReadByte(); err != nil || b != '\n' {
				return msgs.Errorf("staged.no-newline", e.path)
			}
		}
	}
	return nil
}

// locked runs f holding the snapshot's lock, unless it was removed.
func (s *snapshot) locked(f func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.removed {
		return errSnapshotRemoved
	}
	return f()
}

// localPath reports whether p (slash-separated) is a clean relative path
// that stays inside the directory it is joined to.
func localPath(p string) bool {
	return p != "" && p != "." && path.Clean(p) == p && filepath.IsLocal(filepath.FromSlash(p))
}

// full is the snapshot's file for the repository-relative path p.
func (s *snapshot) full(p string) string { return filepath.Join(s.dir, filepath.FromSlash(p)) }

// mkdirs creates the directory dir (repository-relative) and its parents.
func (s *snapshot) mkdirs(dir string) error {
	if dir == "." || s.made[dir] {
		return nil
	}
	if err := os.MkdirAll(s.full(dir), 0o700); err != nil {
		return err
	}
	for d := dir; d != "." && !s.made[d]; d = path.Dir(d) {
		s.made[d] = true
	}
	return nil
}

// create writes the file p (repository-relative) with size bytes from r,
// or, with r nil, as a sparse file of that size.
func (s *snapshot) create(p string, size int64, r io.Reader) error {
	if err := s.mkdirs(path.Dir(p)); err != nil {
		return err
	}
	if r == nil {
		f, err := os.OpenFile(s.full(p), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		err = f.Truncate(size)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if int64(cap(s.buf)) < size {
		s.buf = make([]byte, size)
	}
	s.buf = s.buf[:size]
	if _, err := io.ReadFull(r, s.buf); err != nil {
		return msgs.Errorf("staged.read", p, i18n.Raw(err.Error()))
	}
	return writeNew(s.full(p), s.buf)
}

// removeAbandonedSnapshots removes the snapshots in os.TempDir() that a
// killed hook run left: its process is gone and the snapshot is old.
func removeAbandonedSnapshots() {
	tmp := os.TempDir()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := snapshotName.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() {
			continue
		}
		pid, err := strconv.Atoi(m[1])
		if err != nil || pid == os.Getpid() {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < abandonedAge || !abandoned(info, pid) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(tmp, e.Name()))
	}
}

// gatedWriter passes writes through until shut, then drops them: once a
// signal has removed the snapshot, errors about the files that vanished are
// not printed.
type gatedWriter struct {
	mu   sync.Mutex
	w    io.Writer
	shut bool
}

func (g *gatedWriter) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.shut {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (g *gatedWriter) close() {
	g.mu.Lock()
	g.shut = true
	g.mu.Unlock()
}
