package compliance

import "unicode/utf8"

// Fast rejection for the detectors. Most replies hold no number, no Latin
// letter, no link and no document word, and each detector scans the whole
// text to find that out. One pass over the text first says, for each
// detector, whether it could find anything at all; a detector that could
// not is skipped. The gates only skip work: what they let through is
// decided by the detectors as before, and TestDetectorGatesChangeNothing
// compares the results with and without them over the test corpora.

// detectorGates is what one pass over a reply tells the detectors. Each
// field errs on the side of running the detector.
type detectorGates struct {
	// digits counts the runes that may be digits of a number: digitValue's
	// digits in any style and look-alike letters. detectNumbers reports no
	// run shorter than minNumberDigits, so below that it finds nothing.
	digits int
	// house is set when a rune that may end a number part (a digit, a
	// look-alike or Latin letter, 十, 百) stands right before a house mark
	// (号, 栋, 室…): without that, detectNumbers reports no house-level part
	// and detectAddresses does not run.
	house bool
	// handle is set when a rune a handle or an e-mail address may start
	// with is present: an ASCII or full-width letter or digit, '_', '-',
	// '.', '@' (detectHandles starts tokens only there).
	handle bool
	// document is set when 证 or 护 is present: every document word holds one.
	document bool
	// link is set when '.' or ':' is present: every link holds one.
	link bool
}

// minNumberDigits is the fewest digits of any run [Checker.classify] acts
// on (a handle spelled in Chinese numerals, 5 to 12 of them; every number it
// classifies has more).
const minNumberDigits = 5

// allGates lets every detector run: the reference the gates are tested against.
var allGates = detectorGates{digits: minNumberDigits, house: true, handle: true, document: true, link: true}

// numbers reports whether detectNumbers could find a number or a house-level part.
func (g *detectorGates) numbers() bool { return g.digits >= minNumberDigits || g.house }

// Bits of asciiGate and of hanGate.
const (
	gDigit  = 1 << iota // may be a digit of a number (digitValue or lookAlike)
	gNumEnd             // may end a number part before a house mark
	gHandle             // may start a handle or e-mail token
	gLink               // '.' or ':'
	gHouse              // a house mark
	gDoc                // 证 or 护
)

// asciiGate holds the gate bits of each ASCII byte.
var asciiGate = func() (t [utf8.RuneSelf]uint8) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		var g uint8
		_, digit := digitValue(c)
		_, alike := lookAlike(c)
		if digit || alike {
			g |= gDigit | gNumEnd
		}
		if isASCIILetter(c) {
			g |= gNumEnd
		}
		if isHandleRune(foldNarrow(c)) {
			g |= gHandle
		}
		if c == '.' || c == ':' {
			g |= gLink
		}
		t[c] = g
	}
	return t
}()

// The CJK Unified Ideographs block, where nearly every rune of a reply lies.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// hanGateRunes are the runes of the CJK block that gateOf gives any bit:
// Chinese numerals, 十, 百, house marks, 证 and 护. TestHanGateRunes checks
// the list against gateOf over the whole block.
const hanGateRunes = "零洞一壹幺二贰两三叁四肆五伍六陆七柒八捌九玖十百号號栋棟幢单單室楼樓层層座户组組队隊证护"

// hanSpecial marks hanGateRunes, one bit each, so that every other
// ideograph costs the gates one load.
var hanSpecial = func() (t [(hanLast - hanFirst + 64) / 64]uint64) {
	for _, r := range hanGateRunes {
		t[(r-hanFirst)/64] |= 1 << ((r - hanFirst) % 64)
	}
	return t
}()

// gateOf returns the gate bits of a rune, from the detectors' own tests.
func gateOf(r rune) uint8 {
	var g uint8
	_, digit := digitValue(r)
	_, alike := lookAlike(r)
	if digit || alike {
		g |= gDigit | gNumEnd
	}
	if isASCIILetter(r) || r == '十' || r == '百' || r >= 0xFF21 && r <= 0xFF5A {
		g |= gNumEnd
	}
	if isHandleRune(foldNarrow(r)) {
		g |= gHandle
	}
	if r == '.' || r == ':' {
		g |= gLink
	}
	if isHouseMark(r) {
		g |= gHouse
	}
	if r == '证' || r == '护' {
		g |= gDoc
	}
	return g
}

// scanGates makes the one pass over text. It decodes as detectNumbers
// does, so that an invalid byte is a rune of its own.
func scanGates(text string) detectorGates {
	var g detectorGates
	var prev uint8 // gate bits of the previous rune
	for i := 0; i < len(text); {
		step()
		c := text[i]
		var bits uint8
		if c < utf8.RuneSelf {
			bits = asciiGate[c]
			i++
		} else {
			r, n := decodeRune(text, i)
			i += n
			if k := uint(r - hanFirst); k <= hanLast-hanFirst {
				if hanSpecial[k/64]&(1<<(k%64)) == 0 {
					prev = 0
					continue
				}
			}
			bits = gateOf(r)
		}
		if bits&gDigit != 0 {
			g.digits++
		}
		if bits&gHouse != 0 && prev&gNumEnd != 0 {
			g.house = true
		}
		if bits&gHandle != 0 {
			g.handle = true
		}
		if bits&gLink != 0 {
			g.link = true
		}
		if bits&gDoc != 0 {
			g.document = true
		}
		prev = bits
	}
	return g
}
