//go:build !unix

package jsmod

import "time"

// processCPU returns the CPU time the process has used (not known here).
func processCPU() (time.Duration, bool) { return 0, false }
