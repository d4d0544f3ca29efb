package jsmod

// The pre-scan's tokens by number rather than by text: punctuators and the
// classes of bytes, read through tables and switches on single bytes.

// punct identifies a punctuator.
type punct uint8

const (
	pOther     punct = iota // any other single byte
	pLParen                 // (
	pRParen                 // )
	pLBrack                 // [
	pRBrack                 // ]
	pLBrace                 // {
	pRBrace                 // }
	pSemi                   // ;
	pComma                  // ,
	pDot                    // .
	pEllipsis               // ...
	pQuestion               // ?
	pOptDot                 // ?.
	pNullish                // ??
	pNullishEq              // ??=
	pColon                  // :
	pNot                    // !
	pNe                     // !=
	pNeStrict               // !==
	pTilde                  // ~
	pPlus                   // +
	pInc                    // ++
	pPlusEq                 // +=
	pMinus                  // -
	pDec                    // --
	pMinusEq                // -=
	pStar                   // *
	pStarEq                 // *=
	pPow                    // **
	pPowEq                  // **=
	pSlash                  // /
	pSlashEq                // /=
	pPercent                // %
	pPercentEq              // %=
	pLt                     // <
	pLe                     // <=
	pShl                    // <<
	pShlEq                  // <<=
	pGt                     // >
	pGe                     // >=
	pShr                    // >>
	pShrEq                  // >>=
	pShrU                   // >>>
	pShrUEq                 // >>>=
	pAssign                 // =
	pEq                     // ==
	pEqStrict               // ===
	pArrow                  // =>
	pAmp                    // &
	pAnd                    // &&
	pAndEq                  // &&=
	pAmpEq                  // &=
	pPipe                   // |
	pOr                     // ||
	pOrEq                   // ||=
	pPipeEq                 // |=
	pCaret                  // ^
	pCaretEq                // ^=
	nPuncts
)

// punctWeight is what each operator adds to the expression chain (see
// opWeight; "+" and "-" are handled there).
var punctWeight = [nPuncts]uint8{
	pArrow: arrowWeight,
	pNot:   1, pTilde: 1, pQuestion: 1, pColon: 1, pPow: 1, pEllipsis: 1, pDot: 1, pOptDot: 1,
	pAssign: 1, pPlusEq: 1, pMinusEq: 1, pStarEq: 1, pSlashEq: 1, pPercentEq: 1, pPowEq: 1,
	pShlEq: 1, pShrEq: 1, pShrUEq: 1, pAmpEq: 1, pPipeEq: 1, pCaretEq: 1, pAndEq: 1, pOrEq: 1,
	pNullishEq: 1,
	pLt:        1, pGt: 1, pLe: 1, pGe: 1,
}

// punctFoldNeutral marks the punctuators that bind at least as tightly as
// "+" or are part of an operand (see fold.go).
var punctFoldNeutral = [nPuncts]bool{
	pLParen: true, pLBrack: true, pLBrace: true, pDot: true, pOptDot: true, pNot: true,
	pTilde: true, pInc: true, pDec: true, pStar: true, pSlash: true, pPercent: true,
	pPow: true, pMinus: true, pPlus: true,
}

// punctAt returns the punctuator at the start of b, which is not empty,
// and its length: the longest one that matches, or a single byte.
func punctAt(b []byte) (punct, int) {
	var c1, c2, c3 byte
	if len(b) > 1 {
		c1 = b[1]
		if len(b) > 2 {
			c2 = b[2]
			if len(b) > 3 {
				c3 = b[3]
			}
		}
	}
	switch b[0] {
	case '(':
		return pLParen, 1
	case ')':
		return pRParen, 1
	case '[':
		return pLBrack, 1
	case ']':
		return pRBrack, 1
	case '{':
		return pLBrace, 1
	case '}':
		return pRBrace, 1
	case ';':
		return pSemi, 1
	case ',':
		return pComma, 1
	case ':':
		return pColon, 1
	case '~':
		return pTilde, 1
	case '.':
		if c1 == '.' && c2 == '.' {
			return pEllipsis, 3
		}
		return pDot, 1
	case '?':
		switch c1 {
		case '?':
			if c2 == '=' {
				return pNullishEq, 3
			}
			return pNullish, 2
		case '.':
			return pOptDot, 2
		}
		return pQuestion, 1
	case '!':
		if c1 == '=' {
			if c2 == '=' {
				return pNeStrict, 3
			}
			return pNe, 2
		}
		return pNot, 1
	case '+':
		switch c1 {
		case '+':
			return pInc, 2
		case '=':
			return pPlusEq, 2
		}
		return pPlus, 1
	case '-':
		switch c1 {
		case '-':
			return pDec, 2
		case '=':
			return pMinusEq, 2
		}
		return pMinus, 1
	case '*':
		switch c1 {
		case '*':
			if c2 == '=' {
				return pPowEq, 3
			}
			return pPow, 2
		case '=':
			return pStarEq, 2
		}
		return pStar, 1
	case '/':
		if c1 == '=' {
			return pSlashEq, 2
		}
		return pSlash, 1
	case '%':
		if c1 == '=' {
			return pPercentEq, 2
		}
		return pPercent, 1
	case '<':
		switch c1 {
		case '<':
			if c2 == '=' {
				return pShlEq, 3
			}
			return pShl, 2
		case '=':
			return pLe, 2
		}
		return pLt, 1
	case '>':
		switch c1 {
		case '>':
			switch c2 {
			case '>':
				if c3 == '=' {
					return pShrUEq, 4
				}
				return pShrU, 3
			case '=':
				return pShrEq, 3
			}
			return pShr, 2
		case '=':
			return pGe, 2
		}
		return pGt, 1
	case '=':
		switch c1 {
		case '=':
			if c2 == '=' {
				return pEqStrict, 3
			}
			return pEq, 2
		case '>':
			return pArrow, 2
		}
		return pAssign, 1
	case '&':
		switch c1 {
		case '&':
			if c2 == '=' {
				return pAndEq, 3
			}
			return pAnd, 2
		case '=':
			return pAmpEq, 2
		}
		return pAmp, 1
	case '|':
		switch c1 {
		case '|':
			if c2 == '=' {
				return pOrEq, 3
			}
			return pOr, 2
		case '=':
			return pPipeEq, 2
		}
		return pPipe, 1
	case '^':
		if c1 == '=' {
			return pCaretEq, 2
		}
		return pCaret, 1
	}
	return pOther, 1
}

// Byte classes of the scan (byteClass).
const (
	cOther    uint8 = iota // a punctuator or anything else
	cSpace                 // ' ', '\t', '\f', '\v'
	cNewline               // '\n', '\r'
	cE2                    // the first byte of U+2028 and U+2029 (and of other characters)
	cSlash                 // '/'
	cWord                  // a byte of a word (isWordByte)
	cDigit                 // an ASCII digit
	cQuote                 // '\'', '"'
	cBacktick              // '`'
	cBrace                 // '}'
	cDot                   // '.'
	cSingle                // a punctuator that starts no longer one: ( ) [ ] { ; , : ~
)

// singlePunct is the punctuator of each cSingle byte, and of '}'.
var singlePunct = [256]punct{
	'(': pLParen, ')': pRParen, '[': pLBrack, ']': pRBrack, '{': pLBrace, '}': pRBrace,
	';': pSemi, ',': pComma, ':': pColon, '~': pTilde,
}

// byteClass classifies each byte for the scan.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		switch {
		case b == ' ' || b == '\t' || b == '\f' || b == '\v':
			t[c] = cSpace
		case b == '\n' || b == '\r':
			t[c] = cNewline
		case b == 0xE2:
			t[c] = cE2
		case b == '/':
			t[c] = cSlash
		case isWordByte(b):
			t[c] = cWord
		case isDigit(b):
			t[c] = cDigit
		case b == '\'' || b == '"':
			t[c] = cQuote
		case b == '`':
			t[c] = cBacktick
		case b == '}':
			t[c] = cBrace
		case b == '.':
			t[c] = cDot
		case singlePunct[c] != pOther:
			t[c] = cSingle
		}
	}
	return t
}()

// wordPart marks the bytes that continue a word: isWordByte or isDigit.
var wordPart = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isWordByte(byte(c)) || isDigit(byte(c))
	}
	return t
}()

// numberPart marks the bytes that continue a number: word bytes, digits
// and '.'.
var numberPart = func() (t [256]bool) {
	for c := range 256 {
		t[c] = wordPart[c] || c == '.'
	}
	return t
}()

// isLineSep reports whether b holds U+2028 or U+2029 at offset i (whose
// byte is 0xE2).
func isLineSep(b []byte, i int) bool {
	return i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9)
}

// hasLineBreak reports whether b holds a line terminator ("\n", "\r",
// U+2028 or U+2029): what bytes.ContainsAny(b, "\n\r\u2028\u2029") tells,
// without decoding runes.
func hasLineBreak(b []byte) bool {
	for i, c := range b {
		switch c {
		case '\n', '\r':
			return true
		case 0xE2:
			if isLineSep(b, i) {
				return true
			}
		}
	}
	return false
}

// stopTable marks the bytes of chars.
func stopTable(chars string) (t [256]bool) {
	for i := 0; i < len(chars); i++ {
		t[chars[i]] = true
	}
	return t
}

// The bytes where the skipping of a string literal, template text or line
// comment must look closer.
var (
	stringStop   = stopTable("'\"\\\n\r")
	templateStop = stopTable("\\`$")
	commentStop  = stopTable("\n\r\xE2")
)

// keywordStart marks the first bytes of the words wordFlags knows.
var keywordStart = stopTable("acdefiklnorstuvwyNI")
