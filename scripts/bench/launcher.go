package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// Why the runs go through a launcher.
//
// Linux reports as a child's peak RSS (ru_maxrss) the larger of the
// child's own and the RSS high-water mark of the address space it was
// exec'd from, and Go starts children with vfork (CLONE_VM): that address
// space is the parent's. The bench holds a corpus's worth of memory after
// generating one, so every tool measured from it showed at least the
// bench's own peak (143 MB for fpcheck at 5,000 pages, which peaks at
// 100 MB). The bench therefore starts a launcher first thing, before it
// allocates anything — itself, re-executed with launcherFlag — and has it
// start every measured run. The launcher stays at a few MB, less than any
// tool measured, so the maximum is the tool's own. TestLauncherPeak
// checks it.

// launcherFlag, as the only argument, makes the program the launcher.
const launcherFlag = "-launcher"

// launchRequest is one run: the command line and its directory.
type launchRequest struct {
	Args []string
	Dir  string
}

// launchResult is what the launcher saw of a run.
type launchResult struct {
	Stdout, Stderr []byte
	Code           int
	Wall, CPU      time.Duration
	MaxRSSKiB      int64
	// Err is set when the command could not be run at all.
	Err string
}

// serveLaunches runs the requests read from r, one JSON value each, and
// writes a result for each to w, until r ends.
func serveLaunches(r io.Reader, w io.Writer) error {
	dec, enc := json.NewDecoder(bufio.NewReader(r)), json.NewEncoder(w)
	for {
		var req launchRequest
		if err := dec.Decode(&req); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		if err := enc.Encode(launch(req)); err != nil {
			return err
		}
	}
}

func launch(req launchRequest) launchResult {
	if len(req.Args) == 0 {
		return launchResult{Err: "no command"}
	}
	cmd := exec.Command(req.Args[0], req.Args[1:]...)
	cmd.Dir = req.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := launchResult{Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Wall: time.Since(start)}
	if cmd.ProcessState == nil {
		res.Err = fmt.Sprint(err)
		return res
	}
	res.Code = cmd.ProcessState.ExitCode()
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		res.Err = "no rusage on this system"
		return res
	}
	res.CPU = tvDuration(ru.Utime) + tvDuration(ru.Stime)
	res.MaxRSSKiB = ru.Maxrss // KiB on Linux
	return res
}

func tvDuration(t syscall.Timeval) time.Duration {
	return time.Duration(t.Sec)*time.Second + time.Duration(t.Usec)*time.Microsecond
}

// launcher is the bench's side of a running launcher.
type launcher struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  io.WriteCloser
	enc *json.Encoder
	dec *json.Decoder
}

// startLauncher starts the launcher: call it before allocating much.
func startLauncher() (*launcher, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return startLauncherCmd(exec.Command(self, launcherFlag))
}

// startLauncherCmd starts cmd as the launcher.
func startLauncherCmd(cmd *exec.Cmd) (*launcher, error) {
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &launcher{cmd: cmd, in: in, enc: json.NewEncoder(in), dec: json.NewDecoder(bufio.NewReader(out))}, nil
}

// run has the launcher run args in dir.
func (l *launcher) run(args []string, dir string) (launchResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var res launchResult
	if err := l.enc.Encode(launchRequest{Args: args, Dir: dir}); err != nil {
		return res, fmt.Errorf("launcher: %w", err)
	}
	if err := l.dec.Decode(&res); err != nil {
		return res, fmt.Errorf("launcher: %w", err)
	}
	if res.Err != "" {
		return res, fmt.Errorf("%s: %s", args[0], res.Err)
	}
	return res, nil
}

// close stops the launcher.
func (l *launcher) close() {
	l.in.Close()
	_ = l.cmd.Wait()
}
