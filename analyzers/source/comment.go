package source

// Comment is the span of one comment of a file, as found by the parser of
// its language: "<!-- ... -->" in WXML, "/* ... */" in WXSS, "// ..." and
// "/* ... */" in JavaScript, WXS and TypeScript. All fields are byte offsets
// into the text that was parsed.
type Comment struct {
	// Start is the offset of the opening delimiter ("<!--", "/*" or "//")
	// and End the offset just past the closing one ("-->" or "*/"). A line
	// comment ends before the line break that ends it. Parsers do not
	// record unterminated block comments: they are syntax errors.
	Start, End int
	// TextStart and TextEnd delimit the text between the delimiters, not
	// trimmed: Start <= TextStart <= TextEnd <= End.
	TextStart, TextEnd int
}

// Text returns the text between the delimiters of c in text, or "" when c
// does not lie within text.
func (c Comment) Text(text []byte) string {
	if c.TextStart < 0 || c.TextStart > c.TextEnd || c.TextEnd > len(text) {
		return ""
	}
	return string(text[c.TextStart:c.TextEnd])
}
