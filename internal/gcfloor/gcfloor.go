// Package gcfloor gives the Go collector a floor under its heap goal.
//
// fpcheck's live heap is small next to what it allocates: parsing a file
// makes a syntax tree, keeps a few facts of it and drops the rest. Under
// the runtime's default (GOGC=100) the heap goal is twice the live heap,
// which for a 500-page project is 4 to 14 MB, so the collector runs every
// few milliseconds, 20 and more times, each time stopping the workers.
// With a floor the goal is never below Floor bytes, and above it the
// default policy holds: the goal stays twice the live heap, so memory
// stays linear in the project's size (docs/performance.md, "GC policy").
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
// 3 times instead of 20; 24 MB took it to 41 MB for little more speed.
const Floor = 16 << 20

// defaultPercent is the runtime's GOGC, which holds above the floor.
const defaultPercent = 100

var once sync.Once

// Start installs the floor for the rest of the process, unless the
// environment sets GOGC or GOMEMLIMIT.
func Start() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	once.Do(func() {
		debug.SetGCPercent(Percent(liveHeap(), Floor))
		arm()
	})
}

// Percent is the GOGC that puts the heap goal of a live heap of live bytes
// at floor, and never below the default: goal = live × (1 + GOGC/100).
// Before the first collection the runtime takes 4 MB as the live heap.
func Percent(live, floor uint64) int {
	if live == 0 {
		live = 4 << 20
	}
	if live >= floor/2 {
		return defaultPercent
	}
	return int(((floor-live)*100 + live - 1) / live) // rounded up
}

// sentinel is garbage as soon as it is made; its finalizer runs after the
// collection that finds it, re-tunes GOGC and makes the next one.
type sentinel struct{ _ [16]byte }

func arm() {
	s := &sentinel{}
	runtime.SetFinalizer(s, func(*sentinel) {
		p := Percent(liveHeap(), Floor)
		debug.SetGCPercent(p)
		if p != defaultPercent {
			arm()
		}
		// At or above the floor the default holds from now on: fpcheck's
		// live heap only grows during a run, so the floor is not needed
		// again and nothing more runs after each collection.
	})
}

var liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// liveHeap is the heap marked live by the last collection, 0 before one.
func liveHeap() uint64 {
	s := make([]metrics.Sample, 1)
	copy(s, liveSample)
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
