// Package jsonpos validates strict JSON (RFC 8259) and gives access to its
// values with their byte offsets.
//
// WeChat rejects app.json, page json, plugin.json and project.config.json
// files that contain comments, trailing commas or any other extension of
// JSON, so Parse reports the first such error with its exact byte offset and
// a message saying what was expected and what was found. A leading UTF-8 BOM
// is tolerated; all offsets refer to the original text, BOM included.
//
// Value access follows JSON.parse semantics: when an object repeats a key,
// the last member wins. Object keys are matched exactly; unlike gjson paths,
// '.', '*', '?' and '|' are ordinary characters in keys.
//
// Parse records every value's span while validating, so walking a document
// is linear in its size whatever the nesting. Value.Result converts a value
// to a gjson.Result (with an absolute Index) for code that speaks gjson.
package jsonpos

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Kind is the type of a JSON value.
type Kind uint8

// The kinds of JSON values. Missing is the Kind of a Value that does not
// exist, such as the result of Get for an absent key.
const (
	Missing Kind = iota
	Null
	False
	True
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"missing", "null", "false", "true", "number", "string", "object", "array"}

// String returns the kind's lower-case name, e.g. "object".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// node is one value of a document. Nodes are stored in document order
// (pre-order), so the first child of a container is the node after it and
// next skips the container's whole subtree.
type node struct {
	start, end       int32 // span of the raw value
	keyStart, keyEnd int32 // span of the quoted key of an object member, else -1
	next             int32 // index of the first node after this subtree
	count            int32 // number of elements or members
	kind             Kind
	escapes          bool // the string value contains backslash escapes
	keyEscapes       bool // the key contains backslash escapes
}

// Doc is a valid JSON document. It is immutable and safe for concurrent use.
type Doc struct {
	text  string
	nodes []node
}

// Parse validates text as strict JSON (RFC 8259) and returns the document,
// or the first syntax error. A leading UTF-8 BOM is skipped; offsets always
// refer to the original text, BOM included. Strings must be valid UTF-8 and
// nesting is limited to MaxDepth levels.
//
// The error is a concrete pointer: compare it with nil before storing it in
// an error interface.
func Parse(text []byte) (*Doc, *SyntaxError) {
	if len(text) > math.MaxInt32 {
		return nil, &SyntaxError{Offset: 0, Message: msgs.New("json.too-large")}
	}
	p := parser{s: string(text), build: true}
	// Typical configuration files hold a value every 16 to 32 bytes.
	p.nodes = make([]node, 0, len(text)/24+1)
	if err := p.parse(); err != nil {
		return nil, err
	}
	return &Doc{text: p.s, nodes: p.nodes}, nil
}

// Validate reports the first syntax error in text, exactly as Parse would,
// without recording the document's values. It returns nil for valid JSON.
func Validate(text []byte) *SyntaxError {
	p := parser{s: string(text)}
	return p.parse()
}

// Text returns the document's original text, BOM included.
func (d *Doc) Text() string { return d.text }

// HasBOM reports whether the text starts with a UTF-8 byte order mark.
func (d *Doc) HasBOM() bool { return strings.HasPrefix(d.text, bom) }

// Root returns the top-level value.
func (d *Doc) Root() Value {
	if d == nil || len(d.nodes) == 0 {
		return Value{}
	}
	return Value{doc: d, n: 0}
}

// Value is one value of a Doc, or a missing value (the zero Value). It is
// a small handle: copying it is cheap, and its accessors compute results
// from the document's text on demand.
type Value struct {
	doc *Doc
	n   int32
}

// Member is one member of an object.
type Member struct {
	// Key is the decoded key.
	Key string
	// KeyStart and KeyEnd delimit the quoted key, quotes included.
	KeyStart, KeyEnd int
	// Value is the member's value.
	Value Value
	// Duplicate reports that a later member of the object has the same key,
	// so JSON.parse (and Get) ignore this member.
	Duplicate bool
}

func (v Value) node() *node {
	if v.doc == nil {
		return nil
	}
	return &v.doc.nodes[v.n]
}

// Exists reports whether v is a value of the document rather than missing.
func (v Value) Exists() bool { return v.doc != nil }

// Kind returns v's kind, or Missing.
func (v Value) Kind() Kind {
	if nd := v.node(); nd != nil {
		return nd.kind
	}
	return Missing
}

// Raw returns v's text exactly as written, or "" when v is missing.
func (v Value) Raw() string {
	if nd := v.node(); nd != nil {
		return v.doc.text[nd.start:nd.end]
	}
	return ""
}

// Start returns the byte offset of v's first byte in the original text, or
// -1 when v is missing.
func (v Value) Start() int {
	if nd := v.node(); nd != nil {
		return int(nd.start)
	}
	return -1
}

// End returns the byte offset just after v's last byte in the original
// text, or -1 when v is missing. text[v.Start():v.End()] == v.Raw().
func (v Value) End() int {
	if nd := v.node(); nd != nil {
		return int(nd.end)
	}
	return -1
}

// Str returns the decoded value of a string, or "" when v is not a string.
// Unpaired UTF-16 surrogate escapes such as "\ud800" decode to U+FFFD, as
// in encoding/json.
func (v Value) Str() string {
	nd := v.node()
	if nd == nil || nd.kind != String {
		return ""
	}
	return unquote(v.doc.text[nd.start:nd.end], nd.escapes)
}

// Bool returns the value of a true or false literal; ok is false for
// every other kind.
func (v Value) Bool() (b, ok bool) {
	switch v.Kind() {
	case True:
		return true, true
	case False:
		return false, true
	default:
		return false, false
	}
}

// Float returns the value of a number; ok is false for every other kind.
// Numbers too large for a float64 are ±Inf, as in JSON.parse.
func (v Value) Float() (f float64, ok bool) {
	if v.Kind() != Number {
		return 0, false
	}
	f, _ = strconv.ParseFloat(v.Raw(), 64)
	return f, true
}

// Len returns the number of elements of an array or members of an object
// (duplicates included), or 0 for other kinds.
func (v Value) Len() int {
	if nd := v.node(); nd != nil {
		return int(nd.count)
	}
	return 0
}

// Get returns the member of object v whose decoded key is exactly key, or
// a missing Value. When the key is repeated, the last member wins, as in
// JSON.parse. key is not a path: '.', '*' and '/' match themselves.
// Get is linear in the number of members; to visit many keys of a large
// object, range over Members instead.
func (v Value) Get(key string) Value {
	nd := v.node()
	if nd == nil || nd.kind != Object {
		return Value{}
	}
	found := Value{}
	for c := v.n + 1; c < nd.next; c = v.doc.nodes[c].next {
		if v.doc.keyEquals(c, key) {
			found = Value{doc: v.doc, n: c}
		}
	}
	return found
}

// Members returns the members of object v in source order, duplicates
// included and flagged, or nil when v is not an object.
func (v Value) Members() []Member {
	nd := v.node()
	if nd == nil || nd.kind != Object || nd.count == 0 {
		return nil
	}
	d := v.doc
	ms := make([]Member, 0, nd.count)
	for c := v.n + 1; c < nd.next; c = d.nodes[c].next {
		cn := &d.nodes[c]
		ms = append(ms, Member{
			Key:      unquote(d.text[cn.keyStart:cn.keyEnd], cn.keyEscapes),
			KeyStart: int(cn.keyStart),
			KeyEnd:   int(cn.keyEnd),
			Value:    Value{doc: d, n: c},
		})
	}
	markDuplicates(ms)
	return ms
}

// markDuplicates flags each member followed by a member with the same key.
func markDuplicates(ms []Member) {
	if len(ms) <= 8 {
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				if ms[i].Key == ms[j].Key {
					ms[i].Duplicate = true
					break
				}
			}
		}
		return
	}
	seen := make(map[string]struct{}, len(ms))
	for i := len(ms) - 1; i >= 0; i-- {
		if _, ok := seen[ms[i].Key]; ok {
			ms[i].Duplicate = true
		} else {
			seen[ms[i].Key] = struct{}{}
		}
	}
}

// Elements returns the elements of array v in order, or nil when v is not
// an array.
func (v Value) Elements() []Value {
	nd := v.node()
	if nd == nil || nd.kind != Array || nd.count == 0 {
		return nil
	}
	es := make([]Value, 0, nd.count)
	for c := v.n + 1; c < nd.next; c = v.doc.nodes[c].next {
		es = append(es, Value{doc: v.doc, n: c})
	}
	return es
}

// Result returns v as a gjson.Result whose Index is v's absolute offset in
// the original text (gjson documents Index 0 as "unknown"; here it is the
// real offset of a value at the start of the text). Raw is exactly the
// value's text, without the trailing whitespace gjson.Parse keeps for
// objects and arrays, and Str is decoded like Str. Note that gjson paths
// resolve repeated keys to the first member, not the last.
func (v Value) Result() gjson.Result {
	nd := v.node()
	if nd == nil {
		return gjson.Result{}
	}
	r := gjson.Result{Raw: v.Raw(), Index: int(nd.start)}
	switch nd.kind {
	case Null:
		r.Type = gjson.Null
	case False:
		r.Type = gjson.False
	case True:
		r.Type = gjson.True
	case Number:
		r.Type = gjson.Number
		r.Num, _ = v.Float()
	case String:
		r.Type = gjson.String
		r.Str = v.Str()
	default:
		r.Type = gjson.JSON
	}
	return r
}

// keyEquals reports whether node c's decoded key is key.
func (d *Doc) keyEquals(c int32, key string) bool {
	cn := &d.nodes[c]
	raw := d.text[cn.keyStart:cn.keyEnd]
	if !cn.keyEscapes {
		return raw[1:len(raw)-1] == key
	}
	return unquote(raw, true) == key
}

// unquote decodes the valid JSON string literal raw (quotes included).
// Escapes of unpaired UTF-16 surrogates decode to U+FFFD, as in
// encoding/json; JSON.parse keeps them, but a Go string cannot.
func unquote(raw string, escapes bool) string {
	s := raw[1 : len(raw)-1]
	if !escapes {
		return s
	}
	b := make([]byte, 0, len(s))
	for {
		k := strings.IndexByte(s, '\\')
		if k < 0 {
			return string(append(b, s...))
		}
		b = append(b, s[:k]...)
		c := s[k+1]
		s = s[k+2:]
		switch c {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(s)
			s = s[4:]
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
					r2 = hex4(s[2:])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					s = s[6:]
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default: // '"', '\\', '/'
			b = append(b, c)
		}
	}
}

// hex4 decodes the 4 hex digits at the start of s.
func hex4(s string) rune {
	var r rune
	for i := range 4 {
		c := s[i]
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
