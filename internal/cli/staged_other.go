//go:build !unix

package cli

import (
	"io/fs"
	"os"
)

// hookSignals are the signals on which hook run removes its snapshot
// before it dies.
var hookSignals = []os.Signal{os.Interrupt}

// dieOf ends the process after sig.
func dieOf(os.Signal) { os.Exit(1) }

// abandoned cannot tell a dead hook run from a live one here: snapshots are
// left to the system's cleaning of its temporary directory.
func abandoned(fs.FileInfo, int) bool { return false }

// writeNew writes a new file of the snapshot.
func writeNew(name string, data []byte) error { return os.WriteFile(name, data, 0o600) }
