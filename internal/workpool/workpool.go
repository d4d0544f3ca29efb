// Package workpool runs independent tasks on a pool of goroutines.
package workpool

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run calls task(i) for every i in [0, n), on workers goroutines
// (GOMAXPROCS when workers <= 0), and returns when all have returned.
// Tasks are handed out in order, one at a time. A panic in a task is
// raised again in the caller once the others have finished, so that the
// caller's recover (the command line's internal-error report) sees it.
func Run(workers, n int, task func(i int)) {
	RunEach(workers, n, func() func(int) { return task })
}

// RunEach is Run for tasks that keep state per worker: each worker calls
// start once and runs the tasks it takes with the function start returns.
func RunEach(workers, n int, start func() func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		if n > 0 {
			task := start()
			for i := range n {
				task(i)
			}
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var panicked any
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					panicked = r
					mu.Unlock()
				}
			}()
			task := start()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				task(i)
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
