package gcfloor

import (
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		live, floor uint64
		want        int
	}{
		{0, 16 * mb, 300},       // before the first collection: 4 MB taken as live
		{1 * mb, 16 * mb, 1500}, // goal 1 + 15 = 16 MB
		{4 * mb, 16 * mb, 300},
		{7 * mb, 16 * mb, 129},
		{8 * mb, 16 * mb, defaultPercent}, // twice the live heap reaches the floor
		{100 * mb, 16 * mb, defaultPercent},
	} {
		got := Percent(tc.live, tc.floor)
		if got != tc.want {
			t.Errorf("Percent(%d MB, %d MB) = %d, want %d", tc.live/mb, tc.floor/mb, got, tc.want)
		}
		if goal := tc.live + tc.live*uint64(got)/100; tc.live > 0 && goal < tc.floor && got != defaultPercent {
			t.Errorf("Percent(%d MB): goal %d MB is under the floor", tc.live/mb, goal/mb)
		}
	}
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
