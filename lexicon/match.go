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
	n0 := len(dst)
	repeat := true // whether text may hold a repeat; the scan tells
	if len(m.cells) > 1 {
		sc := scanner{m: m, text: text, dst: dst, n0: n0, restart: -1}
		sc.run()
		if m.cfg.overlapping {
			slices.SortFunc(sc.dst[n0:], compareMatches)
		}
		dst, repeat = sc.dst, sc.repeat
	}
	if m.repeats != nil && repeat {
		dst = m.appendRepeats(dst, n0, text)
	}
	if m.anchors != nil {
		dst = m.appendPatterns(dst, n0, text)
	}
	return dst
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

// scanner is the state of one AppendAll call; it lives on the caller's stack.
type scanner struct {
	m    *Matcher
	text string
	dst  []Match
	n0   int

	s     int32 // automaton state
	noise int   // noise runes since the last unit

	// The leftmost-longest candidate not yet committed.
	have               bool
	candStart, candEnd int
	candEntry          int32
	restart            int // after a commit: the byte offset to resume scanning at, else -1

	// repeat is set when two units of one alphabet class follow each other
	// (with no more than the allowed noise between them, no break): the
	// text may hold a repeat that FoldRepeats folds. Pairs passed over
	// again after a commit may set it needlessly; none is missed.
	repeat bool
}

// run scans the text. The common path (one unit per rune) is inline; runes
// that expand to several units go through expand. In leftmost-longest mode a
// match is committed only once no match can start at or before it; the scan
// then resumes from the root at the committed match's end, so that matches
// passed over while it was pending are found again and no later match can
// overlap it.
func (sc *scanner) run() {
	m := sc.m
	text := sc.text
	cells, rootNext := m.cells, m.rootNext
	cjk := m.cls.cjk
	ascii := &m.cls.ascii
	index := m.cls.index
	pages := m.cls.pages
	maxNoise := m.cfg.maxNoise
	s := int32(0)
	noise := 0
	prev := uint16(clsOther) // class of the last unit, for repeat; clsOther after anything else
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
				// Three-byte sequences led by E1..EC or EE..EF cannot be
				// overlong or surrogates, so two continuation bytes suffice;
				// E0 and ED leads take the checked path.
				if c-0xE1 < 0x0F && c != 0xED && i+2 < len(text) && (uint16(text[i+1])|uint16(text[i+2])<<8)&0xC0C0 == 0x8080 {
					r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
					n = 3
				} else {
					r, n = utf8.DecodeRuneInString(text[i:])
				}
				if k := uint(r - cjkFirst); k < uint(len(cjk)) {
					cls = cjk[k]
				} else if r == utf8.RuneError && n == 1 {
					cls = clsOther
				} else {
					cls = pages[index[r>>8]][r&0xff]
				}
			}
			if cls >= firstClass {
				if cls == prev {
					sc.repeat = true
				}
				prev = cls
				noise = 0
				emits := false
				for s != 0 {
					c := &cells[s]
					t := int(c.base&baseMask) + int(cls)
					if uint(t) < uint(len(cells)) && cells[t].check == s {
						s = int32(t)
						emits = cells[t].base < 0
						goto moved
					}
					s = c.fail
				}
				s = rootNext[cls]
				emits = s < 0
				s &= baseMask
			moved:
				if emits || sc.have {
					sc.s = s
					sc.emit(i+n, 0)
					if sc.restart >= 0 {
						i, s, noise, sc.restart = sc.restart, 0, 0, -1
						continue
					}
				}
				i += n
				continue
			}
			if cls == clsOther { // no term spans this rune: the common case outside the alphabet
				noise = 0
				s = 0
				prev = clsOther
				if !sc.have {
					i += n
					continue
				}
				sc.reset()
			} else if cls == clsBreak {
				noise = 0
				s = 0
				prev = clsOther
				if sc.have {
					sc.reset()
				}
			} else if cls == clsNoise {
				noise++
				if noise > maxNoise {
					prev = clsOther
					if s != 0 {
						s = 0
						sc.reset()
					}
				}
			} else { // clsExpand
				prev = clsOther
				sc.s, sc.noise = s, noise
				r, _ := utf8.DecodeRuneInString(text[i:])
				sc.expand(r, i, i+n)
				s, noise = sc.s, sc.noise
			}
			if sc.restart >= 0 {
				i, s, noise, sc.restart = sc.restart, 0, 0, -1
				continue
			}
			i += n
		}
		if !sc.have {
			return
		}
		sc.commit()
		i, s, noise, sc.restart = sc.restart, 0, 0, -1
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
	after := 0 // non-noise units of this rune after the current one
	for j, x := range exp {
		if j > firstU && j <= lastU {
			if _, k := foldtab.Lookup(x); k != foldtab.Noise {
				after++
			}
		}
	}
	for j, x := range exp {
		cls := m.cls.of(x)
		switch {
		case cls >= firstClass:
			sc.noise = 0
			sc.s = m.step(sc.s, cls)
			if m.cells[sc.s].base < 0 || sc.have {
				sc.emit(end, after)
			}
			if j >= firstU && after > 0 {
				after--
			}
		case cls == clsNoise:
			sc.noise++
			if sc.noise > m.cfg.maxNoise {
				sc.reset()
			}
		default:
			if j >= firstU && j <= lastU && after > 0 {
				after--
			}
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
	for s != 0 {
		c := &m.cells[s]
		t := c.base&baseMask + int32(cls)
		if uint32(t) < uint32(len(m.cells)) && m.cells[t].check == s {
			return t
		}
		s = c.fail
	}
	return m.rootNext[cls] & baseMask
}

// emit handles the terms ending at the current unit, which belongs to the
// rune ending at byte end and is followed in that rune by skip more non-noise
// units (0 unless the rune expands). It first commits the candidate once no
// match ending here or later can start at or before it.
func (sc *scanner) emit(end, skip int) {
	m := sc.m
	if sc.have {
		d := m.depth(sc.s)
		if d == 0 {
			sc.commit()
			return
		}
		if from, _ := unitStart(sc.text, end, skip, d); sc.candStart < from {
			sc.commit()
			return
		}
	}
	for e := m.emit[sc.s]; e >= 0; e = m.emit[m.cells[e].fail] {
		p := m.out[e]
		pat := &m.pats[p]
		start, aligned := unitStart(sc.text, end, skip, int(pat.length))
		if skip > 0 || !aligned {
			continue // the match would split an expanded rune
		}
		if m.cfg.overlapping {
			if pat.check < 0 || m.accept(sc.text, p, start, end) {
				sc.dst = append(sc.dst, Match{start, end, int(pat.entry)})
			}
			continue
		}
		if sc.have && (start > sc.candStart || start == sc.candStart && end <= sc.candEnd) {
			break // shorter terms start later: no better candidate here
		}
		if pat.check >= 0 && !m.accept(sc.text, p, start, end) {
			continue
		}
		sc.have = true
		sc.candStart, sc.candEnd, sc.candEntry = start, end, pat.entry
		break
	}
}

// commit appends the candidate and asks the scan to resume at its end.
func (sc *scanner) commit() {
	sc.dst = append(sc.dst, Match{sc.candStart, sc.candEnd, int(sc.candEntry)})
	sc.have = false
	sc.restart = sc.candEnd
	sc.s = 0
	sc.noise = 0
}

// unitStart walks back from the unit that ends the match (in the rune ending
// at byte end, followed there by skip non-noise units) over k non-noise
// units, and returns the byte offset of the rune holding the k-th and whether
// that unit is the first non-noise unit of its rune. The automaton has seen
// those k units with no break between them, so the walk only skips noise.
func unitStart(text string, end, skip, k int) (int, bool) {
	for i := end; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		_, kind := foldtab.Lookup(r)
		if r == utf8.RuneError && n == 1 {
			kind = foldtab.Other
		}
		switch kind {
		case foldtab.Noise:
		case foldtab.Expand:
			units := 0
			for _, x := range foldtab.Expansion(r) {
				if _, xk := foldtab.Lookup(x); xk != foldtab.Noise {
					units++
				}
			}
			avail := units - skip
			skip = 0
			if k <= avail {
				return i - n, k == avail
			}
			k -= avail
		default:
			k--
			if k == 0 {
				return i - n, true
			}
		}
		i -= n
	}
	return 0, false
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
