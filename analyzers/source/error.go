package source

import "fmt"

// Error is a file that could not be parsed: the byte offset of the broken
// construct (BOM included; len(text) for errors at the end of the input)
// and what was expected and found, in lower case without a trailing
// period. Every parser (jsonpos, wxml, wxss, jsmod) reports this one type,
// as its SyntaxError.
type Error struct {
	Offset  int
	Message string
	// Limit is set when the text may well be valid but exceeds a bound
	// fpcheck keeps on its own work (nesting, esbuild's string folding):
	// the file was not analyzed, which is not the same as broken.
	Limit bool
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Message)
}
