package jsmod

import "bytes"

// Estimating what esbuild spends joining strings.
//
// esbuild folds "a" + "b" into "ab" whatever its options (there is no
// switch), and a chain "s0" + "s1" + … + "sN" is folded from the left one
// operand at a time, each fold allocating the whole string built so far:
// memory and time quadratic in the length of the chain (a 349 KB chain
// needed 8.7 GB). The same holds after a value that is not folded
// (x + "a" + "b" + …: esbuild joins the trailing literals), for template
// literals (their parts are copied each time), and for numbers, true,
// false, null, undefined, regular expressions, [] and {} next to a string
// (they are turned into strings first).
//
// So the scan follows, at each bracket level, the chain of binary "+" in
// progress: its operands are the tokens between two "+" (a bracketed group
// is one token of its level). An operand that holds an identifier (in
// JavaScript) is not folded and ends the run of folded operands; any
// other operand may be a constant, and joining it to a run of constants
// costs the length of the joined text, estimated by the operand's bytes
// plus foldOperandCost (a few constants grow when turned into strings:
// {} is "[object Object]"). Operators that bind less tightly than "+"
// (",", "?", "=", "&&", comparisons …) and statement boundaries end the
// chain; the others stay inside the operand. In TypeScript identifiers
// do not end a run (enum members are inlined constants), and after "as"
// or "satisfies" the type that follows is part of the operand.
//
// The estimate is conservative (an operand is taken to be a constant
// unless it plainly is not) and its total over the file is bounded by
// maxFoldCost; a file over it is refused on the esbuild path with
// errFoldTooLong at the "+" where the bound was crossed.

const (
	// maxFoldCost bounds the estimated total length (in bytes of source)
	// of the strings esbuild builds while joining constants: at two bytes
	// per UTF-16 unit, a few hundred megabytes at most, while an 800-line
	// concatenation of 80-character strings costs a quarter of it.
	maxFoldCost = 1 << 27
	// foldOperandCost is added to each operand's length.
	foldOperandCost = 16
)

// foldChain is the string concatenation in progress at one level.
type foldChain struct {
	opStart   int  // the offset of its first token
	run       int  // the length of the run of constants joined so far
	extra     int  // TypeScript: the lengths of the enum members it names
	inOperand bool // an operand has started
	opaque    bool // it holds an identifier: esbuild does not fold it
	typeMode  bool // TypeScript: a type after "as"/"satisfies" follows
}

// The words that esbuild turns into strings, and the operators that leave
// a constant a constant ("void 0" is undefined; an identifier after them
// still marks the operand), are marked wordFoldLiteral (wordFlags); the
// punctuators that bind at least as tightly as "+" or are part of an
// operand, which neither end a chain nor an operand, are marked in
// punctFoldNeutral.

// foldTest, set by tests, makes every scan follow the concatenations.
var foldTest bool

// needFold reports whether the scan of JavaScript text must follow its
// string concatenations: whether their estimated cost could exceed
// maxFoldCost. Otherwise foldAt stays -1 whatever they are, and following
// them is wasted work.
//
// The bound: within a level, the operands of one run of joined constants
// are disjoint spans of the text, each estimated at its length plus
// foldOperandCost (in JavaScript no enum member adds to it), so a run of k
// operands is estimated at most N + 16k for a text of N bytes; each of its
// k-1 joins (one per binary "+") adds at most that much to the cost, and
// k ≤ 2(k-1). With P the number of "+" bytes, the total over all runs is
// at most P·N + 32·P².
func needFold(text []byte) bool {
	if foldTest {
		return true
	}
	p := bytes.Count(text, []byte{'+'})
	if p == 0 {
		return false
	}
	n := len(text)
	// p ≤ maxFoldCost/n keeps the products below overflow.
	return p > maxFoldCost/n || p*n+32*p*p > maxFoldCost
}

// foldToken accounts token t (before it updates s.prev) to the chain of
// the current level.
func (s *nestScanner) foldToken(t nestTok) {
	lv := &s.levels[len(s.levels)-1]
	c := &lv.fold
	switch t.kind {
	case tokTmplTail:
		return // closes an inner level, which pop ended
	case tokTmplHead:
		if t.text == "}" {
			return
		}
	case tokPunct:
		switch op := t.op(); {
		case op == pRParen || op == pRBrack || op == pRBrace:
			return
		case op == pPlus && s.prev == prevEnd:
			s.foldOperand(c, t.start, t.start)
			c.typeMode = false
			return
		case c.typeMode || punctFoldNeutral[op]:
		default:
			s.endChain(lv)
			return
		}
	case tokWord:
		switch {
		case s.afterDot || c.typeMode:
		case t.flags()&wordRelation != 0:
			s.endChain(lv)
			return
		case s.ts && t.flags()&wordTypeAfter != 0:
			c.typeMode = true
		case t.flags()&wordFoldLiteral == 0 && !s.ts:
			s.startOperand(c, t.start)
			c.opaque = true
			return
		}
	case tokValue:
	}
	s.startOperand(c, t.start)
	if s.enum != nil {
		if b := s.enum.boundOf(s.tokenName(t)); b > 0 {
			c.extra = saturate(c.extra + b)
			lv.refs = saturate(lv.refs + b)
		}
	}
}

// startOperand starts an operand at offset at unless one is in progress.
func (s *nestScanner) startOperand(c *foldChain, at int) {
	if !c.inOperand {
		c.inOperand, c.opStart, c.opaque, c.extra = true, at, false, 0
	}
}

// foldOperand ends the operand that ends at offset end; at is where a
// refusal is reported.
func (s *nestScanner) foldOperand(c *foldChain, end, at int) {
	if !c.inOperand {
		return
	}
	c.inOperand = false
	if c.opaque {
		c.run = 0
		return
	}
	n := saturate(end - c.opStart + foldOperandCost + c.extra)
	if c.run > 0 {
		s.foldCost = saturate(s.foldCost + c.run + n)
		if s.foldCost > maxFoldCost && s.foldAt < 0 {
			s.foldAt = at
		}
	}
	c.run = saturate(c.run + n)
}

// endChain ends the chain in progress at level lv: its last operand is
// joined as well.
func (s *nestScanner) endChain(lv *nestLevel) {
	c := &lv.fold
	if c.inOperand && c.run > 0 {
		s.foldOperand(c, min(s.i, len(s.text)), c.opStart)
	}
	lv.fold = foldChain{}
}

// saturate caps an estimate just over maxFoldCost, so that sums of
// estimates cannot overflow.
func saturate(n int) int { return min(n, maxFoldCost+1) }
