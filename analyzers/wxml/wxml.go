// Package wxml is a purpose-built scanner for WXML, the template language of
// WeChat mini-programs. It finds every start tag with exact byte offsets for
// the tag, its name and each attribute, without building a tree.
//
// WXML looks like XML but is not: "{{ ... }}" expressions may hold '<', '>'
// and even the quote that delimits the attribute they sit in, and inline
// <wxs> bodies are JavaScript. Regular expressions and HTML parsers both get
// these wrong, so this scanner handles them explicitly:
//
//   - Text content and attribute values are scanned for "{{"; an expression
//     runs to its closing "}}", and nothing inside it is markup.
//   - Inside an expression, '...' and "..." string literals are skipped, so a
//     "}}" inside a string does not close the expression. A string literal
//     may not hold a line break or "{{". When one does, or is left open, or
//     no "}}" outside strings follows, the quote is taken to be a stray one:
//     the expression ends at the first "}}" after "{{", and from then on
//     every expression of the document does. This keeps the scanner linear
//     on hostile input; a document with a stray quote in an expression is
//     invalid anyway.
//   - Braces are not counted: "{{ {a: {b: 1}} }}" ends at the first "}}"
//     and leaves " }}" as text.
//   - A "{{" in text with no "}}" anywhere after it is plain text. In an
//     attribute value it is a [SyntaxError].
//   - The body of <wxs> without a src attribute, and of <script>, is raw text
//     up to the first "</wxs" (or "</script") followed by optional white space
//     and '>'.
//   - Comments are skipped and recorded in [Document.Comments]. A "<!--"
//     inside an attribute value, an expression or a raw-text body is not a
//     comment. CDATA sections, "<!DOCTYPE ...>" and "<?xml ...?>" are
//     skipped; end tags are skipped and not reported.
//   - An unquoted attribute value ends at white space, '>' or "/>".
//   - A '<' that starts none of these, such as one followed by a space or a
//     digit, is text.
//
// Nesting is never judged: unclosed or mismatched end tags are not errors.
// Parse is linear in the size of its input and never recurses.
//
// # What is kept
//
// Parse scans every start tag and attribute (a malformed one is a
// SyntaxError wherever it is), but it records only the facts that fpcheck
// reads: the elements that produce dependencies or that a rule judges, and
// for each of them only the attributes read. The rest (<view>, <text>,
// class, bindings) is scanned and dropped, so a document holds a few
// elements, not one per tag of the page. The list is [kept], written down
// once here; TestKeptCoversReads in package rules checks it against the
// element names and attributes that rules and the dependency graph read. A
// rule that needs another element or attribute adds it there.
//
// Names of kept elements and attributes are shared constants, and kept
// attribute values are small copies (paths, names, versions): a Document
// holds no reference to the text, so the caller may drop the text once it
// has everything else it needs from it.
package wxml

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/fpcheck/fpcheck/analyzers/source"
)

// keptElement is one element Parse records, with the attributes it keeps.
type keptElement struct {
	name  string
	attrs []string
}

// kept lists the elements Parse records, by exact (case-sensitive) name, and
// for each the attributes it keeps. Who reads them:
//
//   - import, include: src, a WXML dependency (analyzers/graph);
//   - wxs: src, a WXS dependency (analyzers/graph); without src, its inline
//     body (BodyStart, BodyEnd), parsed for require calls
//     (analyzers/project);
//   - functional-page-navigator: name and version (navigator-invalid-name,
//     navigator-invalid-version, navigator-develop-version), and the
//     element itself (functional-pages-misplaced);
//   - button: open-type; open-data, web-view: the element itself
//     (component-unsupported-in-plugin).
//
// <template> is not kept: the templates a page uses come in through
// <import>, and no rule judges <template is> or <template name>.
var kept = map[string]keptElement{}

func init() {
	for _, k := range []keptElement{
		{"import", []string{"src"}},
		{"include", []string{"src"}},
		{"wxs", []string{"src"}},
		{"functional-page-navigator", []string{"name", "version"}},
		{"button", []string{"open-type"}},
		{"open-data", nil},
		{"web-view", nil},
	} {
		kept[k.name] = k
	}
}

// Keeps reports whether Parse records the element named element and, when
// attr is not "", its attribute attr.
func Keeps(element, attr string) bool {
	k, ok := kept[element]
	if !ok || attr == "" {
		return ok
	}
	return keptAttr(k, attr) != ""
}

// Kept returns the names of the elements Parse records, sorted.
func Kept() []string {
	names := make([]string, 0, len(kept))
	for n := range kept {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// keptAttr returns k's shared copy of the attribute name, or "" when k does
// not keep it.
func keptAttr(k keptElement, name string) string {
	for _, a := range k.attrs {
		if a == name {
			return a
		}
	}
	return ""
}

// Document is the result of scanning one WXML file.
type Document struct {
	// Elements holds the start tags (including self-closing ones) of the
	// kept elements (see Keeps), in source order, each with its kept
	// attributes.
	Elements []Element
	// Comments holds every "<!-- ... -->" comment in source order: Start
	// at "<!--", End just past "-->", the text between them. Comments in
	// the body of an inline <wxs> or <script> are part of that body, not
	// WXML comments, and are not listed. An unterminated comment is a
	// SyntaxError and is not listed.
	Comments []source.Comment
}

// Element is one start tag. All offsets are byte offsets into the scanned
// text.
type Element struct {
	// Name is the tag name exactly as written, case preserved (a kept
	// element's name matches exactly).
	Name string
	// Start is the offset of '<' and End the offset just past the '>' of
	// the start tag.
	Start, End int
	// NameStart and NameEnd delimit Name.
	NameStart, NameEnd int
	// Attrs are the kept attributes in source order.
	Attrs []Attr
	// SelfClosing reports a start tag ending in "/>".
	SelfClosing bool
	// BodyStart and BodyEnd delimit the inline body of a raw-text element
	// (<wxs> without src, <script>): from End up to the '<' of its end tag.
	// Both are -1 for other elements and for self-closing ones. When the end
	// tag is missing, Parse reports a SyntaxError and BodyEnd is the end of
	// the text.
	BodyStart, BodyEnd int
}

// Attr is one attribute of a start tag.
type Attr struct {
	// Name is the attribute name exactly as written.
	Name string
	// NameStart and NameEnd delimit Name.
	NameStart, NameEnd int
	// HasValue is false for a valueless attribute such as <input disabled>.
	HasValue bool
	// Quote is '"' or '\'' for a quoted value, else 0.
	Quote byte
	// Value is the raw text of the value, between the quotes if any, with
	// no entity decoding and no trimming.
	Value string
	// ValueStart and ValueEnd delimit Value; both equal NameEnd when
	// HasValue is false.
	ValueStart, ValueEnd int
}

// Attr returns the first attribute named exactly name. Only kept attributes
// are found (see Keeps).
func (e *Element) Attr(name string) (Attr, bool) {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a, true
		}
	}
	return Attr{}, false
}

// SyntaxError reports text that cannot be scanned, such as an unterminated
// comment or attribute value.
type SyntaxError = source.Error

// Parse scans a WXML document and records the kept elements (see Keeps). It
// never panics. When the text is lexically broken it returns a
// *SyntaxError together with a Document holding the elements found before
// the error. The Document does not refer to text.
func Parse(text []byte) (*Document, error) {
	return parse(text, false)
}

// parse is Parse; with all set it records every element and attribute (for
// the scanner's tests).
func parse(text []byte, all bool) (*Document, error) {
	p := &parser{text: text, all: all, noCloseFrom: len(text) + 1}
	err := p.run()
	p.attachAttrs()
	// A copy: a pointer into p would keep the parser, and the text it
	// refers to, alive as long as the document.
	doc := p.doc
	if err != nil {
		return &doc, err
	}
	return &doc, nil
}

// parser holds the scanning state of one Parse call.
type parser struct {
	text []byte
	// all records every element and attribute, not only the kept ones.
	all bool
	doc Document
	// attrs holds the attributes of all elements; attrEnd[i] is the end in
	// attrs of those of Elements[i]. attachAttrs hands them out at the end,
	// when attrs no longer grows.
	attrs   []Attr
	attrEnd []int
	// naiveMustache is set once a string-aware expression scan fails; from
	// then on an expression ends at the first "}}".
	naiveMustache bool
	// noCloseFrom is an offset at and after which the text holds no "}}"
	// (len(text)+1 while unknown).
	noCloseFrom int
}

// attachAttrs points each element's Attrs at its part of p.attrs.
func (p *parser) attachAttrs() {
	lo := 0
	for i, hi := range p.attrEnd {
		if hi > lo {
			p.doc.Elements[i].Attrs = p.attrs[lo:hi:hi]
		}
		lo = hi
	}
}

// addElement records el, whose attributes are at the end of p.attrs.
func (p *parser) addElement(el Element) {
	p.doc.Elements = append(p.doc.Elements, el)
	p.attrEnd = append(p.attrEnd, len(p.attrs))
}

// run scans text content from the start of the document.
func (p *parser) run() *SyntaxError {
	t := p.text
	for i := 0; i < len(t); {
		k := bytes.IndexAny(t[i:], "<{")
		if k < 0 {
			return nil
		}
		i += k
		if t[i] == '<' {
			next, err := p.markup(i)
			if err != nil {
				return err
			}
			i = next
			continue
		}
		if !hasAt(t, i, "{{") {
			i++
			continue
		}
		if end := p.mustacheEnd(i); end >= 0 {
			i = end
		} else {
			i += 2 // an unclosed "{{" in text is text
		}
	}
	return nil
}

// markup scans the construct starting with the '<' at i and returns the
// offset where text content resumes.
func (p *parser) markup(i int) (int, *SyntaxError) {
	t := p.text
	switch {
	case hasAt(t, i, "<!--"):
		end, err := skipPast(t, i, i+4, "-->", "wxml.comment")
		if err == nil {
			p.doc.Comments = append(p.doc.Comments, source.Comment{Start: i, End: end, TextStart: i + 4, TextEnd: end - 3})
		}
		return end, err
	case hasAt(t, i, "<![CDATA["):
		return skipPast(t, i, i+9, "]]>", "wxml.cdata")
	case hasAt(t, i, "<!") && i+2 < len(t) && isLetter(t[i+2]):
		return skipPast(t, i, i+2, ">", "wxml.declaration")
	case hasAt(t, i, "<?") && i+2 < len(t) && isNameStart(t[i+2]):
		return skipPast(t, i, i+2, "?>", "wxml.pi")
	case hasAt(t, i, "</") && i+2 < len(t) && isNameStart(t[i+2]):
		return p.endTag(i)
	case i+1 < len(t) && isNameStart(t[i+1]):
		return p.startTag(i)
	}
	return i + 1, nil // a stray '<' is text
}

// skipPast returns the offset just past the first closer at or after from,
// or a SyntaxError at start, with the message key, when there is none.
func skipPast(t []byte, start, from int, closer, key string) (int, *SyntaxError) {
	k := bytes.Index(t[from:], []byte(closer))
	if k < 0 {
		return 0, &SyntaxError{Offset: start, Message: msgs.New(key)}
	}
	return from + k + len(closer), nil
}

// endTag skips the end tag whose '<' is at i. Anything between the name and
// the '>' is ignored.
func (p *parser) endTag(i int) (int, *SyntaxError) {
	t := p.text
	j := scanName(t, i+2)
	k := bytes.IndexByte(t[j:], '>')
	if k < 0 {
		return 0, &SyntaxError{Offset: i, Message: msgs.New("wxml.end-tag", clip(t[i+2:j]))}
	}
	return j + k + 1, nil
}

// startTag scans the start tag whose '<' is at i, records it, and skips the
// body of a raw-text element.
func (p *parser) startTag(i int) (int, *SyntaxError) {
	t := p.text
	j := scanName(t, i+1)
	el := Element{
		Start:     i,
		NameStart: i + 1,
		NameEnd:   j,
		BodyStart: -1,
		BodyEnd:   -1,
	}
	k, keep := kept[string(t[i+1:j])]
	switch {
	case keep:
		el.Name = k.name
	case p.all:
		el.Name, keep = string(t[i+1:j]), true
	}
	hasSrc := false
	for {
		j = skipSpace(t, j)
		if j >= len(t) {
			return 0, &SyntaxError{Offset: i, Message: msgs.New("wxml.start-tag", clip(t[el.NameStart:el.NameEnd]))}
		}
		switch t[j] {
		case '>':
			el.End = j + 1
			return p.finish(el, keep, hasSrc)
		case '/':
			if hasAt(t, j, "/>") {
				el.End = j + 2
				el.SelfClosing = true
				return p.finish(el, keep, hasSrc)
			}
			j++ // a stray '/' inside a tag is ignored
		case '=', '<', '"', '\'':
			j++ // stray punctuation inside a tag is ignored
		default:
			a, next, err := p.attr(j)
			if err != nil {
				return 0, err
			}
			name := t[a.NameStart:a.NameEnd]
			hasSrc = hasSrc || string(name) == "src"
			if keep {
				if p.all {
					a.Name = string(name)
				} else {
					a.Name = keptAttr(k, string(name))
				}
				if a.Name != "" {
					a.Value = string(t[a.ValueStart:a.ValueEnd])
					p.attrs = append(p.attrs, a)
				}
			}
			j = next
		}
	}
}

// finish records el when keep is set (its kept attributes are at the end
// of p.attrs) and, for a raw-text element, skips its body and end tag. It
// returns the offset where text content resumes.
func (p *parser) finish(el Element, keep, hasSrc bool) (int, *SyntaxError) {
	add := func() {
		if keep {
			p.addElement(el)
		}
	}
	name := p.text[el.NameStart:el.NameEnd]
	closer := rawTextCloser(name, el.SelfClosing, hasSrc)
	if closer == "" {
		add()
		return el.End, nil
	}
	bodyEnd, next := rawEnd(p.text, el.End, closer)
	el.BodyStart = el.End
	if bodyEnd < 0 {
		el.BodyEnd = len(p.text)
		add()
		return 0, &SyntaxError{Offset: el.Start, Message: msgs.New("wxml.body", string(name), string(name), closer)}
	}
	el.BodyEnd = bodyEnd
	add()
	return next, nil
}

// rawTextCloser returns "</wxs" or "</script" when the start tag named name
// starts a raw-text body, else "".
func rawTextCloser(name []byte, selfClosing, hasSrc bool) string {
	if selfClosing {
		return ""
	}
	switch string(name) {
	case "wxs":
		if hasSrc {
			return ""
		}
		return "</wxs"
	case "script":
		return "</script"
	}
	return ""
}

// rawEnd finds the first closer at or after from that is followed by
// optional white space and '>'. It returns the offset of the closer's '<'
// and the offset just past the '>', or -1, -1.
func rawEnd(t []byte, from int, closer string) (bodyEnd, next int) {
	pat := []byte(closer)
	for i := from; i <= len(t); {
		k := bytes.Index(t[i:], pat)
		if k < 0 {
			break
		}
		s := i + k
		j := skipSpace(t, s+len(pat))
		if j < len(t) && t[j] == '>' {
			return s, j + 1
		}
		i = j // white space cannot hold the closer
	}
	return -1, -1
}

// attr scans the attribute whose name starts at j and returns it with the
// offset just past it.
func (p *parser) attr(j int) (Attr, int, *SyntaxError) {
	t := p.text
	end := j
	for end < len(t) && isAttrNameByte(t[end]) {
		end++
	}
	a := Attr{NameStart: j, NameEnd: end, ValueStart: end, ValueEnd: end}
	k := skipSpace(t, end)
	if k >= len(t) || t[k] != '=' {
		return a, end, nil
	}
	k = skipSpace(t, k+1)
	if k >= len(t) {
		return a, k, nil // the caller reports the unterminated tag
	}
	a.HasValue = true
	if t[k] == '"' || t[k] == '\'' {
		return p.quotedValue(a, k)
	}
	return p.unquotedValue(a, k)
}

// quotedValue scans the value whose opening quote is at k.
func (p *parser) quotedValue(a Attr, k int) (Attr, int, *SyntaxError) {
	t := p.text
	q := t[k]
	for j := k + 1; j < len(t); {
		switch {
		case t[j] == q:
			a.Quote = q
			a.ValueStart, a.ValueEnd = k+1, j
			return a, j + 1, nil
		case hasAt(t, j, "{{"):
			end, err := p.valueMustache(a, j)
			if err != nil {
				return a, 0, err
			}
			j = end
		default:
			j++
		}
	}
	return a, 0, &SyntaxError{Offset: k, Message: msgs.New("wxml.attr-value", clip(t[a.NameStart:a.NameEnd]), rune(q))}
}

// unquotedValue scans the value starting at k. It ends at white space, '>'
// or "/>", but a "{{ ... }}" inside it is taken whole.
func (p *parser) unquotedValue(a Attr, k int) (Attr, int, *SyntaxError) {
	t := p.text
	j := k
	for j < len(t) && !isSpace(t[j]) && t[j] != '>' && !hasAt(t, j, "/>") {
		if hasAt(t, j, "{{") {
			end, err := p.valueMustache(a, j)
			if err != nil {
				return a, 0, err
			}
			j = end
			continue
		}
		j++
	}
	a.ValueStart, a.ValueEnd = k, j
	return a, j, nil
}

// valueMustache skips the expression starting at the "{{" at j inside the
// value of a.
func (p *parser) valueMustache(a Attr, j int) (int, *SyntaxError) {
	end := p.mustacheEnd(j)
	if end < 0 {
		return 0, &SyntaxError{Offset: j, Message: msgs.New("wxml.expression", clip(p.text[a.NameStart:a.NameEnd]))}
	}
	return end, nil
}

// mustacheEnd returns the offset just past the "}}" closing the expression
// whose "{{" is at open, or -1 when it has none.
func (p *parser) mustacheEnd(open int) int {
	if !p.naiveMustache {
		if end := p.stringAwareEnd(open + 2); end >= 0 {
			return end
		}
		p.naiveMustache = true
	}
	from := open + 2
	if from >= p.noCloseFrom {
		return -1
	}
	k := bytes.Index(p.text[from:], []byte("}}"))
	if k < 0 {
		p.noCloseFrom = from
		return -1
	}
	return from + k + 2
}

// stringAwareEnd returns the offset just past the first "}}" at or after i
// that is outside string literals, or -1 when there is none or a string
// literal is left open.
func (p *parser) stringAwareEnd(i int) int {
	t := p.text
	for i < len(t) {
		switch t[i] {
		case '}':
			if hasAt(t, i, "}}") {
				return i + 2
			}
			i++
		case '"', '\'':
			i = stringEnd(t, i)
			if i < 0 {
				return -1
			}
		default:
			i++
		}
	}
	return -1
}

// stringEnd returns the offset just past the string literal whose opening
// quote is at i. A backslash escapes the next byte. It returns -1 when a
// line break, a "{{" or the end of the text comes first: such a quote is
// most likely a stray one, pairing with a quote of later markup.
func stringEnd(t []byte, i int) int {
	q := t[i]
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case q:
			return j + 1
		case '\\':
			j++
		case '\n', '\r':
			return -1
		case '{':
			if hasAt(t, j, "{{") {
				return -1
			}
		}
	}
	return -1
}

// scanName returns the end of the tag name starting at i.
func scanName(t []byte, i int) int {
	for i < len(t) && isNameByte(t[i]) {
		i++
	}
	return i
}

// skipSpace returns the first offset at or after i that is not white space.
func skipSpace(t []byte, i int) int {
	for i < len(t) && isSpace(t[i]) {
		i++
	}
	return i
}

// hasAt reports whether t holds s at offset i.
func hasAt(t []byte, i int, s string) bool {
	return i >= 0 && i <= len(t) && len(t)-i >= len(s) && string(t[i:i+len(s)]) == s
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isNameStart reports whether c may start a tag name.
func isNameStart(c byte) bool {
	return isLetter(c) || c == '_'
}

// isNameByte reports whether c may continue a tag name.
func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '-' || c == ':' || c == '.'
}

// isAttrNameByte reports whether c may be part of an attribute name: any
// byte but white space and the tag's punctuation.
func isAttrNameByte(c byte) bool {
	switch c {
	case '=', '>', '/', '<', '"', '\'':
		return false
	}
	return !isSpace(c)
}

// clip shortens a name quoted in an error message to at most 40 bytes,
// cutting on a rune boundary.
func clip(b []byte) string {
	const limit = 40
	if len(b) <= limit {
		return string(b)
	}
	n := limit
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "..."
}
