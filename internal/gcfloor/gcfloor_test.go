package gcfloor

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

const mb = 1 << 20

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		name          string
		live, goal    uint64
		current, want int
	}{
		// Before the first collection the goal is 4 MB × GOGC/100.
		{"start", 0, 4 * mb, 100, 400},
		// 1 MB live, 1 MB of stacks and globals: base 2 MB, 1 + 2 × 7.5.
		{"small heap", 1 * mb, 3 * mb, 100, 750},
		// The same, measured under GOGC=400 (goal 1 + 2 × 4).
		{"under another GOGC", 1 * mb, 9 * mb, 400, 750},
		{"almost there", 5 * mb, 10 * mb, 100, 220},   // 5 + 5 × 2.2 ≥ 16
		{"at the floor", 6 * mb, 11 * mb, 100, Above}, // 6 + 5 × 2 = 16
		{"above it", 100 * mb, 220 * mb, 300, Above},
		{"no figures", 0, 0, 100, Above},
	} {
		got := Percent(tc.live, tc.goal, tc.current, 16*mb)
		if got != tc.want {
			t.Errorf("%s: Percent = %d, want %d", tc.name, got, tc.want)
		}
		if base := (tc.goal - tc.live) * 100 / uint64(tc.current); tc.goal > 0 && got != Above && tc.live+base*uint64(got)/100 < 16*mb {
			t.Errorf("%s: GOGC %d puts the goal under the floor", tc.name, got)
		}
	}
}

// TestTuneReachesFloor: after tune, the runtime's own goal is the floor
// (to the megabyte), whatever its stacks and globals weigh.
func TestTuneReachesFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the collector")
	}
	before := debug.SetGCPercent(runtimePercent)
	defer debug.SetGCPercent(before)
	mu.Lock()
	percent = runtimePercent
	mu.Unlock()
	debug.FreeOSMemory() // a collection: small live heap
	if !tune() {
		t.Skip("the test binary's live heap is past the floor")
	}
	g := goalNow()
	if g < Floor || g > Floor+1*mb {
		t.Errorf("goal after tune = %.1f MB, want %d MB", float64(g)/mb, Floor/mb)
	}
}

func goalNow() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func TestStartKeepsExplicitGOGC(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	Start()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Fatalf("with GOGC set, Start changed GOGC to %d", got)
	}
}
