// Command bench is fpcheck's whole-process benchmark: it generates
// mini-programs of several sizes (internal/benchgen: correct by
// construction except for three planted violations), builds fpcheck, runs
// it as a process several times per size and reports the median wall time,
// user+system CPU time and peak RSS (from wait4's rusage, through a
// launcher: see launcher.go). It asserts on
// every run that fpcheck reports exactly the planted findings (rule IDs and
// positions) and nothing else.
//
// When they are installed in the cache directory, it runs the peers on the
// same corpus the same way:
//
//	npm i --prefix ~/.cache/fpcheck-bench dependency-cruiser@17.3.10 oxlint@1.95.0
//
// dependency-cruiser with a forbidden rule from the independent subpackage
// to outside it and a not-to-unresolvable rule; oxlint with every rule off
// (a parse-only run); and oxlint with a JS plugin checking the same
// boundary and unresolved relative requires.
//
//	go run ./scripts/bench [-sizes 500,5000,20000] [-runs 5] [-peers=false] [-bin FILE]
//
// The smoke mode .ci/run uses, a few seconds: -sizes 50 -runs 1 -peers=false.
// See docs/performance.md.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fpcheck/fpcheck/internal/benchgen"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == launcherFlag {
		if err := serveLaunches(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench launcher:", err)
			os.Exit(1)
		}
		return
	}
	l, err := startLauncher() // first, while this process is small
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	runner = l
	sizes := flag.String("sizes", "500,5000,20000", "comma-separated page counts")
	runs := flag.Int("runs", 5, "timed runs per tool and size (the median is reported)")
	peers := flag.Bool("peers", true, "also run dependency-cruiser and oxlint when installed in -cache")
	bin := flag.String("bin", "", "the fpcheck binary to measure (default: go build ./cmd/fpcheck)")
	cache := flag.String("cache", filepath.Join(home(), ".cache", "fpcheck-bench"), "npm prefix holding the peers")
	work := flag.String("dir", "", "directory for the corpora (default: a temporary one, removed after)")
	flag.BoolVar(&warmup, "warmup", true, "run each tool once more before the timed runs (to fill the page cache; its output is checked too)")
	flag.Parse()
	err = run(*sizes, *runs, *peers, *bin, *cache, *work)
	l.close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// runner starts the measured runs (see launcher.go).
var runner *launcher

// warmup: one untimed run first (-warmup).
var warmup = true

func home() string {
	h, _ := os.UserHomeDir()
	return h
}

// tool is one command measured on a corpus.
type tool struct {
	name string
	// args gives the command line for the corpus in dir.
	args func(dir string) []string
	// check judges one run's output; nil accepts any exit status.
	check func(stdout, stderr []byte, code int, c *benchgen.Corpus) (string, error)
}

type result struct {
	tool     string
	pages    int
	files    int
	mb       float64
	wall     time.Duration
	cpu      time.Duration
	rssMB    float64
	findings string
}

func run(sizeList string, runs int, peers bool, bin, cache, work string) error {
	var sizes []int
	for s := range strings.SplitSeq(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 10 {
			return fmt.Errorf("-sizes: %q is not a page count of at least 10", s)
		}
		sizes = append(sizes, n)
	}
	if runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	if work == "" {
		d, err := os.MkdirTemp("", "fpcheck-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		work = d
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if bin == "" {
		bin = filepath.Join(work, "fpcheck")
		fmt.Fprintln(os.Stderr, "bench: go build -o", bin, "./cmd/fpcheck")
		b := exec.Command("go", "build", "-o", bin, "./cmd/fpcheck")
		b.Stdout, b.Stderr = os.Stderr, os.Stderr
		if err := b.Run(); err != nil {
			return fmt.Errorf("building fpcheck: %w", err)
		}
	}
	bin, _ = filepath.Abs(bin)
	tools := []tool{{
		name:  "fpcheck",
		args:  func(dir string) []string { return []string{bin, "--format", "json", dir} },
		check: checkFpcheck,
	}}
	if peers {
		more, err := peerTools(cache, work)
		if err != nil {
			return err
		}
		tools = append(tools, more...)
	}
	var results []result
	for _, n := range sizes {
		dir := filepath.Join(work, fmt.Sprintf("p%d", n))
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		c, err := benchgen.Write(dir, benchgen.Options{Pages: n, Plant: true})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "bench: %d pages: %d files, %.1f MB\n", n, c.Files, float64(c.Bytes)/1e6)
		for _, t := range tools {
			r, err := measure(t, dir, c, runs)
			if err != nil {
				return fmt.Errorf("%s on %d pages: %w", t.name, n, err)
			}
			fmt.Fprintf(os.Stderr, "bench:   %-24s %7.2f s wall %7.2f s cpu %7.0f MB  %s\n", t.name, r.wall.Seconds(), r.cpu.Seconds(), r.rssMB, r.findings)
			results = append(results, r)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	fmt.Println("| tool | pages | files | MB | wall (s) | user+sys (s) | peak RSS (MB) | findings |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---|")
	for _, r := range results {
		fmt.Printf("| %s | %d | %d | %.1f | %.2f | %.2f | %.0f | %s |\n", r.tool, r.pages, r.files, r.mb, r.wall.Seconds(), r.cpu.Seconds(), r.rssMB, r.findings)
	}
	return nil
}

// measure runs t once to warm the page cache and check its output (unless
// -warmup=false), then runs times more, checking each, and returns the
// medians.
func measure(t tool, dir string, c *benchgen.Corpus, runs int) (result, error) {
	r := result{tool: t.name, pages: c.Pages, files: c.Files, mb: float64(c.Bytes) / 1e6}
	var walls, cpus, rss []float64
	first := 0
	if !warmup {
		first = 1
	}
	for i := first; i < runs+1; i++ {
		res, err := runner.run(t.args(dir), dir)
		if err != nil {
			return r, err
		}
		if t.check != nil {
			summary, err := t.check(res.Stdout, res.Stderr, res.Code, c)
			if err != nil {
				return r, err
			}
			r.findings = summary
		}
		if i == 0 {
			continue // warm-up
		}
		walls = append(walls, res.Wall.Seconds())
		cpus = append(cpus, res.CPU.Seconds())
		rss = append(rss, float64(res.MaxRSSKiB)/1024)
	}
	r.wall = time.Duration(median(walls) * float64(time.Second))
	r.cpu = time.Duration(median(cpus) * float64(time.Second))
	r.rssMB = median(rss)
	return r, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// checkFpcheck asserts that the JSON report holds exactly the planted
// findings, and exit status 1 (two of them are errors).
func checkFpcheck(stdout, stderr []byte, code int, c *benchgen.Corpus) (string, error) {
	var rep struct {
		Findings []struct {
			Rule   string `json:"rule"`
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout, &rep); err != nil {
		return "", fmt.Errorf("exit %d, not a JSON report (%w):\n%s%s", code, err, stdout, stderr)
	}
	var got, want []string
	for _, f := range rep.Findings {
		got = append(got, benchgen.Finding{Rule: f.Rule, Path: f.Path, Line: f.Line, Column: f.Column}.String())
	}
	for _, f := range c.Planted {
		want = append(want, f.String())
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		return "", fmt.Errorf("fpcheck reported\n  %s\nwant exactly the planted findings\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if code != 1 {
		return "", fmt.Errorf("fpcheck exited %d, want 1 (error findings)\n%s", code, stderr)
	}
	return fmt.Sprintf("%d planted, exact", len(got)), nil
}
