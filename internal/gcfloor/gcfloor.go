// Package gcfloor sets fpcheck's collector policy: a floor under the heap
// goal, and GOGC=200 above it.
//
// fpcheck's live heap is small next to what it allocates: parsing a file
// makes a syntax tree, keeps a few facts of it and drops the rest. Under
// the runtime's default (GOGC=100) the heap goal is about twice the live
// heap, which for a 500-page project is 4 to 14 MB, so the collector runs
// every few milliseconds, 20 and more times, each time stopping the
// workers. With a floor the goal is never below Floor bytes. Above it the
// goal is about three times the live heap (GOGC=200): at 5,000 pages that
// takes 10 % off the wall time for 28 % more peak memory, and memory stays
// linear in the project's size (docs/performance.md, "GC policy").
//
// The runtime has no setting for this; Start adjusts GOGC after each
// collection (from a finalizer, which the runtime runs once per cycle for
// an object that lives until the next one), the way Uber's gctuner does
// for a ceiling. An explicit GOGC or GOMEMLIMIT in the environment wins:
// Start then does nothing.
package gcfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Floor is the least heap goal, in bytes. At 16 MB a 500-page project
// peaks at about 33 MB of RSS (25 MB without the floor) and is collected
// 5 times instead of 20; 24 MB took it to 41 MB for little more speed.
const Floor = 16 << 20

// Above is the GOGC that holds once the live heap is large enough for the
// floor not to matter.
const Above = 200

// runtimePercent is the runtime's own GOGC, in force before Start.
const runtimePercent = 100

var (
	once    sync.Once
	mu      sync.Mutex
	percent = runtimePercent // the GOGC set last
)

// Start installs the floor for the rest of the process, unless the
// environment sets GOGC or GOMEMLIMIT.
func Start() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	once.Do(func() {
		if tune() {
			arm()
		}
	})
}

// Percent is the GOGC that moves the heap goal to floor, and never below
// Above. The runtime's goal is live + base × GOGC/100, where live is the
// heap marked by the last collection (4 MB × GOGC/100 in all before the
// first one) and base adds to it the goroutine stacks and the global
// variables; goal is the goal under GOGC=current, from which base follows.
func Percent(live, goal uint64, current int, floor uint64) int {
	if current <= 0 || goal <= live {
		return Above
	}
	base := (goal - live) * 100 / uint64(current)
	if base == 0 || live+base*Above/100 >= floor {
		return Above
	}
	return int(((floor-live)*100 + base - 1) / base) // rounded up
}

// tune sets GOGC from the last collection and reports whether the floor
// is still above the goal under Above.
func tune() bool {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return false // a runtime without these metrics: keep its default
	}
	mu.Lock()
	defer mu.Unlock()
	p := Percent(s[0].Value.Uint64(), s[1].Value.Uint64(), percent, Floor)
	if p != percent {
		debug.SetGCPercent(p)
		percent = p
	}
	// At Above, it holds from now on: fpcheck's live heap only grows
	// during a run, so the floor is not needed again and nothing more
	// runs after each collection.
	return p != Above
}

// sentinel is garbage as soon as it is made; its finalizer runs after the
// collection that finds it, re-tunes GOGC and makes the next one.
type sentinel struct{ _ [16]byte }

func arm() {
	s := &sentinel{}
	runtime.SetFinalizer(s, func(*sentinel) {
		if tune() {
			arm()
		}
	})
}
