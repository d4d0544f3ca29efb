package jsmod

// TypeScript enums on the esbuild path.
//
// esbuild inlines the value of an enum member wherever the file names it
// (E.A, E["A"], before or after the declaration), and computes members
// from earlier ones with the constant folding of fold.go: in
// "enum E { A = 'xx', B = A + A, C = B + B, … }" each member doubles, so
// a 350-byte file made esbuild write 8 MB and thirty more members would
// need gigabytes; and a long value named many times is copied each time.
//
// So, in TypeScript, the scan estimates the length of each member's value:
// the bytes of the strings and templates of its initializer, 24 for a
// number or a member without one, the estimate of every member it names,
// and 16 for any other name. A member whose estimate exceeds maxEnumValue
// refuses the file; so does a file whose names of members, counted over
// the whole file (words and string literals alike, as E["A"] names A),
// add up to more than maxFoldCost of inlined text. Members of different
// enums with the same name are not told apart (the larger estimate
// counts). The estimates also weigh the operands of fold.go's chains; as
// a member can be named before its enum, a file with long members is
// scanned a second time with every estimate known from the start.

const (
	// maxEnumValue bounds the estimated length of one enum member's value.
	maxEnumValue = 1 << 20
	// enumNumber is the estimate for a number (or an auto-numbered member)
	// and enumName that for a name that is no known member.
	enumNumber = 24
	enumName   = 16
	// longMember is the estimate beyond which names of a member weigh more
	// than their own text, so that a second pass is needed.
	longMember = 16
)

// enumScan follows the enums of one pass of the scan.
type enumScan struct {
	known  map[string]int // the estimates of the previous pass, or nil
	bounds map[string]int // the estimates of the members seen so far
	at     map[string]int // the offset of each member's name
	refs   map[string]int // how often each word and string occurs (first pass only)

	next     bool   // "enum" was seen: the next "{" opens its body
	level    []int  // the indexes in levels of the open enum bodies
	expect   bool   // a member's name comes next
	name     string // the member being read
	nameAt   int
	init     bool // its initializer is being read
	acc      int  // the estimate of its value so far
	costlyAt int  // where the costliest inlining is (set by inlineCost)
}

// newEnumScan starts following enums; known holds the estimates of a
// previous pass, if any.
func newEnumScan(known map[string]int) *enumScan {
	e := &enumScan{known: known, bounds: map[string]int{}, at: map[string]int{}}
	if known == nil {
		e.refs = map[string]int{}
	}
	return e
}

// boundOf is the estimated length of the member name, or 0.
func (e *enumScan) boundOf(name string) int {
	if name == "" {
		return 0
	}
	if e.known != nil {
		return e.known[name]
	}
	return e.bounds[name]
}

// long reports whether a member is estimated longer than longMember.
func (e *enumScan) long() bool {
	for _, b := range e.bounds {
		if b > longMember {
			return true
		}
	}
	return false
}

// inlineCost is the estimated length of all the inlined member values.
func (e *enumScan) inlineCost() int {
	total, best := 0, -1
	for name, b := range e.bounds {
		n := e.refs[name]
		c := maxFoldCost + 1
		if n <= (maxFoldCost+1)/max(b, 1) {
			c = n * b
		}
		total = saturate(total + c)
		if c > best || c == best && e.at[name] < e.costlyAt {
			best, e.costlyAt = c, e.at[name]
		}
	}
	return total
}

// costliest is the offset of the member whose inlining costs most (valid
// after inlineCost).
func (e *enumScan) costliest() int { return e.costlyAt }

// tokenName is the name token t gives: a word, or a string's content.
func (s *nestScanner) tokenName(t nestTok) string {
	switch {
	case t.kind == tokWord:
		return t.text
	case t.kind == tokValue && t.text == "'" && s.i-t.start >= 2:
		return s.src[t.start+1 : s.i-1] // a slice of src, like words
	}
	return ""
}

// enumBody marks the level just opened as the body of an enum.
func (s *nestScanner) enumBody() {
	e := s.enum
	e.next = false
	s.levels[len(s.levels)-1].enum = true
	e.level = append(e.level, len(s.levels)-1)
	e.expect, e.init, e.name = true, false, ""
}

// enumToken follows token t (after it was read, before the levels change).
func (s *nestScanner) enumToken(t nestTok) {
	e := s.enum
	name := s.tokenName(t)
	if e.refs != nil && name != "" {
		e.refs[name]++
	}
	if t.kind == tokWord && t.text == "enum" && !s.afterDot {
		e.next = true
		return
	}
	if e.next && t.kind == tokPunct && t.text != "{" {
		e.next = false // "enum" was a name after all
	}
	if len(e.level) == 0 {
		return
	}
	top := len(s.levels) - 1
	inner := e.level[len(e.level)-1]
	if top < inner { // the body was closed by a stray bracket
		e.level = e.level[:len(e.level)-1]
		return
	}
	if top == inner {
		switch {
		case t.kind == tokPunct && (t.text == "," || t.text == "}"):
			s.endMember()
			e.expect = true
			if t.text == "}" {
				e.level = e.level[:len(e.level)-1]
			}
			return
		case e.expect:
			e.expect, e.name, e.nameAt = false, name, t.start
			return
		case t.kind == tokPunct && t.text == "=" && !e.init:
			e.init, e.acc = true, 0
			return
		}
	}
	if !e.init {
		return
	}
	switch {
	case t.kind == tokValue && (t.text == "'" || t.template()):
		e.acc = saturate(e.acc + s.i - t.start)
	case t.kind == tokTmplHead || t.kind == tokTmplTail:
		e.acc = saturate(e.acc + s.i - t.start)
	case t.kind == tokValue:
		e.acc = saturate(e.acc + enumNumber)
	case t.kind == tokWord:
		b := e.boundOf(t.text)
		if b == 0 {
			b = e.bounds[t.text] // an earlier member of this pass
		}
		if b == 0 {
			b = enumName
		}
		e.acc = saturate(e.acc + b)
	}
}

// endMember records the estimate of the member just read.
func (s *nestScanner) endMember() {
	e := s.enum
	if e.name == "" {
		e.init = false
		return
	}
	b := enumNumber
	if e.init {
		b = e.acc
	}
	if b > e.bounds[e.name] {
		e.bounds[e.name] = b
	}
	if _, ok := e.at[e.name]; !ok {
		e.at[e.name] = e.nameAt
	}
	if b > maxEnumValue && s.foldAt < 0 {
		s.foldAt = e.nameAt
	}
	e.name, e.init = "", false
}
