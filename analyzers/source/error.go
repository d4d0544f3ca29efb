package source

import (
	"fmt"

	"github.com/fpcheck/fpcheck/internal/i18n"
)

// Error is a file that could not be parsed: the byte offset of the broken
// construct (BOM included; len(text) for errors at the end of the input)
// and what was expected and found, in lower case without a trailing
// period (esbuild's own messages keep esbuild's case). Every parser
// (jsonpos, wxml, wxss, jsmod) reports this one type, as its SyntaxError,
// with a message of its own catalog, rendered late in the run's language.
type Error struct {
	Offset  int
	Message i18n.Message
	// Limit is set when the text may well be valid but exceeds a bound
	// fpcheck keeps on its own work (nesting, esbuild's string folding):
	// the file was not analyzed, which is not the same as broken.
	Limit bool
}

// Error implements the error interface, in English.
func (e *Error) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Message.String())
}
