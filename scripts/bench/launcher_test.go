package main

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"testing"
)

// TestMain makes the test binary a launcher when asked (see
// TestLauncherPeak).
func TestMain(m *testing.M) {
	if os.Getenv("FPCHECK_BENCH_TEST_LAUNCHER") == "1" {
		if err := serveLaunches(os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestLauncherPeak: a run started by the launcher reports its own peak
// RSS, not the peak of the process that asked for it (here, the test,
// holding 256 MB), which a run started directly with os/exec reports on
// Linux.
func TestLauncherPeak(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss in KiB and the inherited peak are Linux's")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "FPCHECK_BENCH_TEST_LAUNCHER=1")
	l, err := startLauncherCmd(cmd) // while the test is small
	if err != nil {
		t.Fatal(err)
	}
	defer l.close()

	held := make([]byte, 256<<20)
	for i := range held {
		held[i] = 1
	}
	small := []string{self, "-test.run", "^$"} // the test binary, running no test

	direct := exec.Command(small[0], small[1:]...)
	if err = direct.Run(); err != nil {
		t.Fatal(err)
	}
	directKiB := direct.ProcessState.SysUsage().(*syscall.Rusage).Maxrss

	res, err := l.run(small, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak RSS of the same small run: %d KiB started directly, %d KiB through the launcher", directKiB, res.MaxRSSKiB)
	if res.MaxRSSKiB > 64<<10 {
		t.Errorf("through the launcher the run reports %d KiB, more than it can hold (the test holds 256 MB)", res.MaxRSSKiB)
	}
	if res.Code != 0 {
		t.Errorf("exit status %d", res.Code)
	}
	held[len(held)-1] = 0
}
