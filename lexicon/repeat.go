package lexicon

import (
	"slices"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

type foldRepeatsOpt bool

func (o foldRepeatsOpt) apply(c *config) { c.foldRepeats = bool(o) }

// FoldRepeats makes the matcher also find terms written with a character
// repeated inside them, an evasion of word filters: 加微微信 for 加微信, 好好评返现
// for 好评返现, asssert for assert. A repeat counts only inside a match, so
// 谢谢 and 看看 in ordinary text change nothing, and digits never fold (1000
// is not 10). An entry with exceptions keeps its own spelling. It costs one more pass over text that holds a repeated letter
// or Han character, and a second automaton of the terms with their repeats
// folded.
func FoldRepeats() Option { return foldRepeatsOpt(true) }

// collapseKey folds runs of one character in a key to one, except digits.
func collapseKey(key []rune) []rune {
	out := make([]rune, 0, len(key))
	for i, r := range key {
		if i > 0 && r == key[i-1] && repeatable(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// repeatable reports whether a repeat of r may be an evasion: letters and
// Han characters, not digits.
func repeatable(r rune) bool { return !('0' <= r && r <= '9') }

// compileRepeats builds the automaton that matches text with its repeats
// folded: each entry's term with its repeats folded, where that does not
// make it another entry's term.
func (m *Matcher) compileRepeats(entries []Entry, keys [][]rune) error {
	plain := make([]Entry, len(entries))
	taken := map[string]bool{}
	for i := range entries {
		if k := keys[i]; k != nil && slices.Equal(collapseKey(k), k) {
			taken[string(k)] = true
		}
	}
	for i, e := range entries {
		k := keys[i]
		if k == nil || e.Pattern || len(e.Except) > 0 {
			// Left out here (the Term "" is skipped): an entry with exceptions
			// keeps its own spelling, since folding its repeats would fold its
			// exceptions into it (妈妈的 is 妈的 with a repeat).
			continue
		}
		c := collapseKey(k)
		if !slices.Equal(c, k) {
			if taken[string(c)] {
				continue
			}
			taken[string(c)] = true
		}
		plain[i] = Entry{Term: string(c), Word: e.Word}
	}
	cfg := m.cfg
	cfg.foldRepeats = false
	opts := []Option{WithMaxNoise(cfg.maxNoise), overlappingOpt(cfg.overlapping)}
	if cfg.seg != nil {
		opts = append(opts, WithSegmenter(cfg.seg))
	}
	cm, err := Compile(plain, opts...)
	if err != nil {
		return err
	}
	m.repeats = cm
	return nil
}

// appendRepeats finds the matches that only folding repeats reveals and adds
// them to dst[n0:]: it builds text without the repeated characters (keeping
// noise, which the matcher skips anyway), matches it, and keeps each match
// that holds a dropped character strictly inside it and overlaps no match
// found already.
func (m *Matcher) appendRepeats(dst []Match, n0 int, text string) []Match {
	dropped := m.repeats.droppedRepeats(text, m.cfg.maxNoise)
	if len(dropped) == 0 {
		return dst
	}
	// The text without the dropped runes, and where each of its bytes came from.
	buf := make([]byte, 0, len(text))
	from := make([]int, 0, len(text)+1)
	last := 0
	for _, d := range dropped {
		for j := last; j < d; j++ {
			from = append(from, j)
		}
		buf = append(buf, text[last:d]...)
		_, n := utf8.DecodeRuneInString(text[d:])
		last = d + n
	}
	for j := last; j < len(text); j++ {
		from = append(from, j)
	}
	buf = append(buf, text[last:]...)
	from = append(from, len(text))
	found := m.repeats.AppendAll(nil, string(buf))
	n1 := len(dst)
	for _, f := range found {
		s, e := from[f.Start], from[f.End-1]+1
		for e < len(text) && !utf8.RuneStart(text[e]) {
			e++
		}
		i, _ := slices.BinarySearch(dropped, s+1)
		if i == len(dropped) || dropped[i] >= e {
			continue // no repeat inside: the first pass found it, or nothing is new
		}
		overlap := false
		for _, x := range dst[n0:n1] {
			if x.Start < e && s < x.End && (!m.cfg.overlapping || x.Entry == f.Entry) {
				overlap = true
				break
			}
		}
		if !overlap {
			dst = append(dst, Match{s, e, f.Entry})
		}
	}
	if len(dst) > n1 {
		slices.SortFunc(dst[n0:], compareMatches)
	}
	return dst
}

// droppedRepeats returns the byte offsets in text of the runes that
// appendRepeats drops: a rune that folds like the last rune before it that
// is not noise (at most maxNoise noise runes between them, no break), where
// that character is in m's alphabet and is not a digit. Only a repeat of a
// character that some term holds can be inside a new match.
//
// m is the automaton of the collapsed terms, and its class table decides: a
// rune's class is the class of its fold when the fold is in the alphabet,
// so two runes of one class from firstClass up fold alike. Text without such
// a pair, nearly every reply, costs one table load per rune and allocates
// nothing; the fold itself is looked up only for a pair.
func (m *Matcher) droppedRepeats(text string, maxNoise int) []int {
	var dropped []int
	cjk := m.cls.cjk
	ascii := &m.cls.ascii
	prev := uint16(clsOther) // class of the last unit; never equal below firstClass
	noise := 0
	for i := 0; i < len(text); {
		c := text[i]
		var cls uint16
		n := 1
		if c < utf8.RuneSelf {
			cls = ascii[c]
		} else {
			var r rune
			r, n = decodeRune(text, i) // this pass runs only when a repeat is possible: no need to inline
			if k := uint(r - cjkFirst); k < uint(len(cjk)) {
				cls = cjk[k]
			} else if r == utf8.RuneError && n == 1 {
				cls = clsBreak // an invalid byte ends any repeat, as a break does
			} else {
				cls = m.cls.of(r)
			}
		}
		switch {
		case cls >= firstClass:
			if cls == prev {
				r, _ := utf8.DecodeRuneInString(text[i:])
				if f, _ := foldtab.Lookup(r); repeatable(f) {
					dropped = append(dropped, i)
				}
			}
			prev, noise = cls, 0
		case cls == clsNoise:
			if noise++; noise > maxNoise {
				prev = clsOther
			}
		case cls == clsOther:
			prev, noise = clsOther, 0
		default: // a break or a rune that expands (⑩) ends any repeat
			prev = clsOther
		}
		i += n
	}
	return dropped
}
