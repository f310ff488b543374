package pinyin

import (
	"container/heap"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Defaults of an [Expander].
const (
	// DefaultLimit is the number of variants, the term included, an
	// Expander with no Limit returns at most.
	DefaultLimit = 32
	// DefaultHomophones is the number of homophones per character and
	// reading an Expander with no Homophones considers.
	DefaultHomophones = 8
	// examineFactor bounds the candidates Expand looks at to examineFactor
	// times the limit, whatever Keep rejects.
	examineFactor = 16
)

// ErrReadings reports readings given to an [Expander] that do not fit its
// term.
var ErrReadings = errors.New("pinyin: readings do not fit the term")

// An Expander turns a term into its sound-alike variants. Each Han character
// of the table may be replaced by its pinyin syllable or by a common
// homophone; other runes stay as they are. The zero value uses the defaults.
// An Expander is a plain value: copy it freely; it is safe for concurrent use
// as long as Keep is.
//
// Variants come cheapest first, the cost of a variant being the sum over its
// characters of the cost of the choice in that character's list: the
// character itself (0), the syllable of each common reading (1, 2…), then
// the homophones of each reading, those that share a tone with it first,
// each group most frequent first (one more than their place in the list).
// So for 微信 (wēi xìn) the order starts 微信, wei信, 微xin, weixin, 威信,
// 微芯…, and the term itself is always first. Syllables are written without separators (weixin, not wei xin);
// matching "wei xin" is the matcher's business (spaces are noise to it).
//
// There is no combinatorial blow-up: Expand examines at most 16×Limit
// candidates, each at a cost proportional to the term's length plus its
// number of changes, holds at most three pending candidates per examined
// one, and returns at most Limit.
type Expander struct {
	// Limit is the most variants returned, the term included; 0 means
	// DefaultLimit. Negative values count as 1 (the term alone).
	Limit int
	// Homophones is the most homophones considered per character and
	// reading, same tone first, then most frequent; 0 means
	// DefaultHomophones, negative means none (pinyin spellings only).
	Homophones int
	// Readings, if not nil, gives one toneless syllable per Han character of
	// the term, in order, for terms whose characters are read otherwise than
	// the table's customary reading (长城: "chang", "cheng"). A syllable may
	// end in a tone digit, 1 to 4 or 5 for neutral ("chang2"), to pick
	// which homophones come first; without one, the character's own tones
	// for that syllable are used. An empty string keeps the table's common
	// readings for that character. A reading may be given for a character
	// outside the table. Each syllable, without its digit, must pass
	// IsSyllable.
	Readings []string
	// Keep, if not nil, filters variants: one it rejects is left out and
	// does not count against Limit. Use it to drop sound-alikes that are
	// words of their own (微信 → 威信 "prestige", 返现 → 范县 "a county").
	// The term itself is never passed to Keep.
	Keep func(variant string) bool
}

// Variants returns the sound-alike variants of term with the default
// Expander settings and the given limit (0 for DefaultLimit): the term
// first, then its pinyin and homophone spellings, cheapest first.
//
//	Variants("微信", 6) // [微信 wei信 微xin weixin 威信 微芯]
func Variants(term string, limit int) []string {
	v, _ := Expander{Limit: limit}.Expand(term) // no Readings: no error
	return v
}

// Expand returns the variants of term, the term first. It fails only on
// Readings that do not fit the term: a count different from the number of
// Han characters in it, or a string that is not a syllable ([ErrReadings]).
// Without Readings, a term with no character of the table yields just
// itself.
func (e Expander) Expand(term string) ([]string, error) {
	limit := e.Limit
	switch {
	case limit == 0:
		limit = DefaultLimit
	case limit < 0:
		limit = 1
	}
	positions, err := e.positions(term)
	if err != nil {
		return nil, err
	}
	out, _ := enumerate(positions, limit, e.Keep)
	return out, nil
}

// positions splits term into positions with their options.
func (e Expander) positions(term string) ([]position, error) {
	homs := e.Homophones
	switch {
	case homs == 0:
		homs = DefaultHomophones
	case homs < 0:
		homs = 0
	}
	t := load()
	if e.Readings != nil {
		han := 0
		for _, r := range term {
			if isHan(r) {
				han++
			}
		}
		if han != len(e.Readings) {
			return nil, fmt.Errorf("%w: %d readings for %d Han characters in %q", ErrReadings, len(e.Readings), han, term)
		}
	}

	// Each position is one rune of the term with its options; the first
	// option is the rune itself.
	var positions []position
	han := 0
	for i, r := range term {
		// The term's own bytes, so that the first variant is the term even
		// if it is not valid UTF-8.
		_, size := utf8.DecodeRuneInString(term[i:])
		p := position{opts: []string{term[i : i+size]}, cost: []int{0}}
		if isHan(r) {
			var rs []reading
			info, inTable := t.chars[r]
			if e.Readings != nil && e.Readings[han] != "" {
				rd, err := t.parseReading(e.Readings[han])
				if err != nil {
					return nil, err
				}
				if rd.tones == 0 && inTable {
					// No tone given: the character's own tones for it.
					for k := info.off; k < info.off+uint32(info.n); k++ {
						if t.readings[k] == rd.syllable {
							rd.tones = t.tones[k]
						}
					}
				}
				rs = []reading{rd}
			} else if inTable {
				for k := info.off; k < info.off+uint32(info.nCommon); k++ {
					rs = append(rs, reading{t.readings[k], t.tones[k]})
				}
			}
			han++
			p = t.options(p, r, rs, homs)
		}
		positions = append(positions, p)
	}
	return positions, nil
}

// A reading is a syllable with the tones to prefer among its homophones
// (none: no preference).
type reading struct {
	syllable uint16
	tones    toneSet
}

// parseReading parses a syllable with an optional tone digit: "chang",
// "chang2".
func (t *table) parseReading(s string) (reading, error) {
	var rd reading
	syl := s
	if n := len(s); n > 1 && s[n-1] >= '1' && s[n-1] <= '5' {
		syl = s[:n-1]
		rd.tones = 1 << (s[n-1] - '1')
	}
	i, ok := t.syllableIndex(syl)
	if !ok {
		return rd, fmt.Errorf("%w: %q is not a toneless syllable with an optional tone digit", ErrReadings, s)
	}
	rd.syllable = uint16(i)
	return rd, nil
}

// options appends to p (which holds r itself at cost 0) the syllable of each
// reading, at costs 1, 2…, then the homophones of each reading: those that
// share a tone with it first, each group most frequent first, at one more
// than their index, so that a pinyin spelling stays cheaper than a
// homophone: weixin (1+1) comes before 威信 (3+0).
func (t *table) options(p position, r rune, rs []reading, homs int) position {
	for _, rd := range rs {
		p = p.add(t.syllables[rd.syllable], len(p.opts))
	}
	for _, rd := range rs {
		n := 0
		for pass := 0; pass < 2; pass++ {
			for _, h := range t.homophones[rd.syllable] {
				if n == homs {
					break
				}
				same := rd.tones == 0 || rd.tones.matches(h.tones)
				if h.r == r || same != (pass == 0) {
					continue
				}
				if c := string(h.r); !p.has(c) {
					n++
					p = p.add(c, len(p.opts)+1)
				}
			}
		}
	}
	return p
}

// A position is one rune of the term with the ways to write it and their
// costs, cheapest (the rune itself, cost 0) first, costs non-decreasing.
type position struct {
	opts []string
	cost []int
}

// has reports whether s is an option already.
func (p position) has(s string) bool {
	for _, x := range p.opts {
		if x == s {
			return true
		}
	}
	return false
}

// add appends s at cost c unless it is already there.
func (p position) add(s string, c int) position {
	if p.has(s) {
		return p
	}
	p.opts = append(p.opts, s)
	p.cost = append(p.cost, c)
	return p
}

// isHan reports whether r is in one of the CJK unified ideograph blocks,
// where every character of the table lies.
func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0x20000 && r <= 0x323AF
}

// A state is one combination of choices, one per position that has more
// than one option (a "slot"), kept as a change of its parent so that making
// a child costs O(1): the choices of a state are those of its ancestors, the
// latest change of a slot winning, and 0 for a slot never changed.
//
// Each combination is made exactly once, from a unique parent. Let j be the
// last slot with a non-zero choice k. If k > 1 the parent lowers it to k-1;
// if k = 1 and slot j-1 has choice 0 the parent has the 1 at j-1 instead;
// otherwise the parent has 0 at j. So a state has at most three children:
// raise slot j by one, shift a 1 at j to j+1, or extend by a 1 at j+1. The
// second option of every slot is a syllable at cost 1 (see options), so a
// shift keeps the cost and no child is cheaper than its parent: popping
// states from a heap by cost yields combinations cheapest first.
type state struct {
	cost   int
	parent *state
	slot   int // slot changed from the parent; -1 for the root
	val    int // its new choice
}

type stateHeap []*state

func (h stateHeap) Len() int { return len(h) }
func (h stateHeap) Less(i, j int) bool {
	if h[i].cost != h[j].cost {
		return h[i].cost < h[j].cost
	}
	// Same cost: changes further left first, so wei信 comes before 微xin.
	return h[i].slot < h[j].slot
}
func (h stateHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *stateHeap) Push(x any)   { *h = append(*h, x.(*state)) }
func (h *stateHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// work counts what enumerate did, for the tests that bound it.
type work struct{ examined, pushed, rendered int }

// enumerate returns up to limit combinations of the positions' options,
// cheapest first, the term itself (every choice 0) first and always. It
// examines at most examineFactor×limit combinations and makes at most three
// states per combination examined; rendering one costs O(len(positions)).
func enumerate(positions []position, limit int, keep func(string) bool) ([]string, work) {
	var w work
	var slots []int // positions with more than one option
	for i, p := range positions {
		if len(p.opts) > 1 {
			slots = append(slots, i)
		}
	}
	out := make([]string, 0, min(limit, 64))
	seen := make(map[string]struct{}, min(limit, 64))
	choice := make([]int, len(positions))
	stamp := make([]int, len(slots)) // stamp[slot] == w.examined+1: choice set
	var b strings.Builder
	render := func(s *state) string {
		clear(choice)
		for p := s; p != nil && p.slot >= 0; p = p.parent {
			w.rendered++
			if stamp[p.slot] != w.examined+1 {
				stamp[p.slot] = w.examined + 1
				choice[slots[p.slot]] = p.val
			}
		}
		b.Reset()
		for i, p := range positions {
			b.WriteString(p.opts[choice[i]])
		}
		return b.String()
	}
	push := func(h *stateHeap, s *state) {
		heap.Push(h, s)
		w.pushed++
	}
	budget := math.MaxInt // examineFactor×limit, saturated
	if limit <= math.MaxInt/examineFactor {
		budget = examineFactor * limit
	}
	h := &stateHeap{{slot: -1}}
	for ; h.Len() > 0 && len(out) < limit && w.examined < budget; w.examined++ {
		s := heap.Pop(h).(*state)
		v := render(s)
		// Different choices can spell the same string (xi+ao, xia+o).
		if _, dup := seen[v]; !dup {
			seen[v] = struct{}{}
			if s.slot < 0 || keep == nil || keep(v) {
				out = append(out, v)
			}
		}
		j := s.slot
		if j >= 0 {
			if p := positions[slots[j]]; s.val+1 < len(p.opts) { // raise
				push(h, &state{cost: s.cost - p.cost[s.val] + p.cost[s.val+1], parent: s, slot: j, val: s.val + 1})
			}
		}
		if j+1 < len(slots) {
			next := positions[slots[j+1]].cost[1]
			if j >= 0 && s.val == 1 { // shift
				push(h, &state{cost: s.cost - positions[slots[j]].cost[1] + next, parent: s.parent, slot: j + 1, val: 1})
			}
			push(h, &state{cost: s.cost + next, parent: s, slot: j + 1, val: 1}) // extend
		}
	}
	return out, w
}
