//go:build unix

package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowHookRun starts `fpcheck hook run` with its snapshot in tmp and a git
// that blocks once fpcheck reads the staged files (git cat-file, or git
// checkout-index), and returns when that point is reached.
func (r *hookRepo) slowHookRun(tmp string) *exec.Cmd {
	r.t.Helper()
	realGit, err := exec.LookPath("git")
	if err != nil {
		r.t.Skip("git is not installed")
	}
	shim := r.t.TempDir()
	started := filepath.Join(shim, "started")
	script := "#!/bin/sh\n" +
		"case \" $* \" in *\" cat-file \"*|*\" checkout-index \"*) : > " + shellQuote(started) + "; sleep 60;; esac\n" +
		"exec " + shellQuote(realGit) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(shim, "git"), []byte(script), 0o755); err != nil { //nolint:gosec // an executable shim
		r.t.Fatal(err)
	}
	cmd := exec.Command(r.bin, "hook", "run")
	cmd.Dir = r.dir
	cmd.Env = append(slices.Clip(r.env), "TMPDIR="+tmp, "PATH="+shim+string(os.PathListSeparator)+os.Getenv("PATH"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the shim's sleep, whatever happened
		if cmd.ProcessState == nil {
			_ = cmd.Wait()
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(started); err == nil {
			return cmd
		}
		if time.Now().After(deadline) {
			r.t.Fatal("fpcheck hook run never got to reading the staged files")
		}
	}
}

// snapshots lists the staged snapshots left in tmp.
func snapshots(t *testing.T, tmp string) []string {
	t.Helper()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "fpcheck-staged-") {
			left = append(left, e.Name())
		}
	}
	return left
}

// Interrupted (Ctrl-C in the terminal, or a CI job canceled), hook run
// removes its snapshot and dies of the signal, as a shell expects.
func TestHookSignalRemovesSnapshot(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			r := newHookRepo(t)
			r.commitProject("")
			tmp := t.TempDir()
			cmd := r.slowHookRun(tmp)
			if left := snapshots(t, tmp); len(left) != 1 {
				t.Fatalf("snapshots while hook run runs: %q, want one", left)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("hook run did not stop on %v", sig)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("hook run after %v: %v, want it to die of the signal", sig, err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("hook run after %v: %v, want it to die of the signal", sig, err)
			}
			if left := snapshots(t, tmp); len(left) != 0 {
				t.Errorf("hook run killed with %v left its snapshot behind: %q", sig, left)
			}
		})
	}
}

// SIGKILL cannot be handled: the snapshot it leaves is removed by the next
// hook run, once it is clearly abandoned (its process is gone and it is
// old); a snapshot of a running hook is left alone.
func TestHookRemovesAbandonedSnapshot(t *testing.T) {
	r := newHookRepo(t)
	r.commitProject("")
	tmp := t.TempDir()
	cmd := r.slowHookRun(tmp)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	left := snapshots(t, tmp)
	if len(left) != 1 {
		t.Fatalf("snapshots after SIGKILL: %q, want one", left)
	}
	// A recent one is left alone (its hook may run in another PID
	// namespace sharing this TMPDIR).
	env := append(slices.Clip(r.env), "TMPDIR="+tmp)
	run := func() {
		t.Helper()
		c := exec.Command(r.bin, "hook", "run")
		c.Dir, c.Env = r.dir, env
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("hook run: %v\n%s", err, out)
		}
	}
	run()
	if got := snapshots(t, tmp); len(got) != 1 {
		t.Fatalf("snapshots after a run beside a recent abandoned one: %q, want %q", got, left)
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(tmp, left[0]), old, old); err != nil {
		t.Fatal(err)
	}
	run()
	if got := snapshots(t, tmp); len(got) != 0 {
		t.Errorf("the abandoned snapshot was not removed: %q", got)
	}
}
