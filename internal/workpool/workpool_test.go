package workpool

import (
	"sync/atomic"
	"testing"
)

func TestRunEveryTaskOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7} {
		for _, n := range []int{0, 1, 5, 100} {
			seen := make([]atomic.Int32, n)
			Run(workers, n, func(i int) { seen[i].Add(1) })
			for i := range seen {
				if got := seen[i].Load(); got != 1 {
					t.Errorf("workers %d, n %d: task %d ran %d times", workers, n, i, got)
				}
			}
		}
	}
}

func TestRunRaisesPanicInCaller(t *testing.T) {
	var done atomic.Int32
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the task's panic", r)
		}
		if done.Load() != 9 {
			t.Errorf("%d other tasks ran, want 9", done.Load())
		}
	}()
	Run(2, 10, func(i int) {
		if i == 3 {
			panic("boom")
		}
		done.Add(1)
	})
	t.Error("Run returned after a panic")
}
