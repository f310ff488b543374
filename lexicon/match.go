package lexicon

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

// Match is one occurrence of a term: text[Start:End] is the matched original
// text (byte offsets on rune boundaries, noise inside the span included) and
// Entry is the index of the term's entry in the slice given to [Compile].
type Match struct {
	Start, End int
	Entry      int
}

// FindAll returns the matches in text; see [Matcher.AppendAll].
func (m *Matcher) FindAll(text string) []Match { return m.AppendAll(nil, text) }

// AppendAll appends the matches in text to dst and returns the extended
// slice. It allocates only when dst must grow, or to decide the word
// boundaries of entries that set Word. Matches are ordered by Start (then End,
// then Entry). By default they are the leftmost-longest non-overlapping
// matches: scanning from the left, the earliest starting match wins, the
// longest among those starting together, and the scan resumes after it;
// with [Overlapping], every match is reported.
//
// Any string is valid input: invalid UTF-8 bytes match nothing and end any
// match that spans them.
func (m *Matcher) AppendAll(dst []Match, text string) []Match {
	if len(m.slots) == 0 {
		return dst
	}
	sc := scanner{m: m, text: text, dst: dst, n0: len(dst), lastEnd: -1, restart: -1}
	sc.run()
	if m.cfg.overlapping {
		slices.SortFunc(sc.dst[sc.n0:], compareMatches)
	}
	return sc.dst
}

func compareMatches(a, b Match) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End, b.End); c != 0 {
		return c
	}
	return cmp.Compare(a.Entry, b.Entry)
}

// ringSize holds the start offsets of the last MaxTermLen units.
const ringSize = MaxTermLen

// scanner is the state of one AppendAll call; it lives on the caller's stack.
type scanner struct {
	m    *Matcher
	text string
	dst  []Match
	n0   int

	s     int32 // automaton state
	u     int   // units in the alphabet seen so far
	noise int   // noise runes since the last unit

	// The leftmost-longest candidate not yet committed.
	have                bool
	candStartU, candLen int
	candStart, candEnd  int
	candEntry           int32
	lastEnd             int // first unit index after the last committed match
	restart             int // after a commit: the byte offset to resume scanning at, else -1
	ring                [ringSize]int
}

// run scans the text. The common path (one unit per rune) is inline; runes
// that expand to several units go through expand. In leftmost-longest mode a
// match is committed only once no match can start at or before it; the scan
// then resumes from the root at the committed match's end, so that matches
// passed over while it was pending are found again.
func (sc *scanner) run() {
	m := sc.m
	text := sc.text
	slots := m.slots
	ascii := &m.cls.ascii
	index := m.cls.index
	pages := m.cls.pages
	maxNoise := m.cfg.maxNoise
	s := int32(0)
	i := 0
	for {
		for i < len(text) {
			c := text[i]
			var cls uint16
			n := 1
			if c < utf8.RuneSelf {
				cls = ascii[c]
			} else {
				var r rune
				if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
					r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
					n = 3
					if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
						r, n = utf8.RuneError, 1
					}
				} else {
					r, n = utf8.DecodeRuneInString(text[i:])
				}
				if r == utf8.RuneError && n == 1 {
					cls = clsOther
				} else {
					cls = pages[index[r>>8]][r&0xff]
				}
			}
			if cls >= firstClass {
				sc.noise = 0
				sc.ring[sc.u&(ringSize-1)] = i << 1
				sc.u++
				for {
					t := slots[s].base + int32(cls)
					if uint32(t) < uint32(len(slots)) && slots[t].check == s {
						s = t
						break
					}
					if s == 0 {
						break
					}
					s = slots[s].fail
				}
				if slots[s].emit >= 0 || sc.have {
					sc.s = s
					sc.emit(i+n, true)
					if sc.restart >= 0 {
						i, s, sc.restart = sc.restart, 0, -1
						continue
					}
				}
				i += n
				continue
			}
			switch cls {
			case clsNoise:
				sc.noise++
				if sc.noise > maxNoise && s != 0 {
					s = 0
					sc.reset()
				}
			case clsExpand:
				sc.s = s
				r, _ := utf8.DecodeRuneInString(text[i:])
				sc.expand(r, i, i+n)
				s = sc.s
			default: // clsOther, clsBreak: no term spans this rune
				sc.noise = 0
				if s != 0 || sc.have {
					s = 0
					sc.reset()
				}
			}
			if sc.restart >= 0 {
				i, s, sc.restart = sc.restart, 0, -1
				continue
			}
			i += n
		}
		if !sc.have {
			return
		}
		sc.commit()
		i, s, sc.restart = sc.restart, 0, -1
	}
}

// reset returns to the root, committing any candidate: no later match can
// start before this point.
func (sc *scanner) reset() {
	sc.s = 0
	if sc.have {
		sc.commit()
	}
}

// expand feeds the units of an expanded rune (⑩ → "10") at text[start:end].
func (sc *scanner) expand(r rune, start, end int) {
	m := sc.m
	exp := foldtab.Expansion(r)
	firstU, lastU := unitBounds(exp)
	for j, x := range exp {
		first, last := j == firstU, j == lastU
		cls := m.cls.of(x)
		switch {
		case cls >= firstClass:
			sc.noise = 0
			flag := 0
			if !first {
				flag = 1
			}
			sc.ring[sc.u&(ringSize-1)] = start<<1 | flag
			sc.u++
			sc.s = m.step(sc.s, cls)
			if m.slots[sc.s].emit >= 0 || sc.have {
				sc.emit(end, last)
			}
		case cls == clsNoise:
			sc.noise++
			if sc.noise > m.cfg.maxNoise {
				sc.reset()
			}
		default:
			sc.noise = 0
			sc.reset()
		}
		if sc.restart >= 0 {
			return
		}
	}
}

// step follows the goto and failure links from s on class cls.
func (m *Matcher) step(s int32, cls uint16) int32 {
	slots := m.slots
	for {
		t := slots[s].base + int32(cls)
		if uint32(t) < uint32(len(slots)) && slots[t].check == s {
			return t
		}
		if s == 0 {
			return 0
		}
		s = slots[s].fail
	}
}

// emit handles the terms ending at the current unit (which ends at byte end;
// last says it is the last unit of its rune) and commits the candidate once
// no later match can start at or before it.
func (sc *scanner) emit(end int, last bool) {
	m := sc.m
	slots := m.slots
	u := sc.u // units so far; the current unit is u-1
	// Commit first: no match ending here or later starts before u-depth.
	// The scan then restarts at the committed match's end.
	if sc.have && sc.candStartU < u-m.depth(sc.s) {
		sc.commit()
		return
	}
	for e := slots[sc.s].emit; e >= 0; e = slots[slots[e].fail].emit {
		p := m.out[e]
		pat := &m.pats[p]
		startU := u - int(pat.length)
		ring := sc.ring[startU&(ringSize-1)]
		if !last || ring&1 != 0 {
			continue // the match would split an expanded rune
		}
		start := ring >> 1
		if m.cfg.overlapping {
			if !pat.needs || m.accept(sc.text, p, start, end) {
				sc.dst = append(sc.dst, Match{start, end, int(pat.entry)})
			}
			continue
		}
		if startU < sc.lastEnd {
			continue // overlaps the last committed match; shorter ones may not
		}
		if sc.have && (startU > sc.candStartU || startU == sc.candStartU && int(pat.length) <= sc.candLen) {
			break // shorter terms start later: no better candidate here
		}
		if pat.needs && !m.accept(sc.text, p, start, end) {
			continue
		}
		sc.have = true
		sc.candStartU, sc.candLen = startU, int(pat.length)
		sc.candStart, sc.candEnd, sc.candEntry = start, end, pat.entry
		break
	}
}

// commit appends the candidate and asks the scan to resume at its end.
func (sc *scanner) commit() {
	sc.dst = append(sc.dst, Match{sc.candStart, sc.candEnd, int(sc.candEntry)})
	sc.lastEnd = sc.u
	sc.have = false
	sc.restart = sc.candEnd
	sc.s = 0
	sc.noise = 0
}

// unitBounds returns the byte indices in exp of its first and last runes that
// are not noise: a match may start and end only there ("(1)" for ⑴ has one).
func unitBounds(exp string) (first, last int) {
	first, last = -1, -1
	for j, x := range exp {
		if _, k := foldtab.Lookup(x); k != foldtab.Noise {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	return first, last
}
