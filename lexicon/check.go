package lexicon

import (
	"fmt"
	"github.com/huashu/huashu/internal/enum"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

// entryCheck holds what must be verified before a match of an entry counts.
type entryCheck struct {
	word      bool
	latinEnds bool // only the ends that are letters or digits must be word ends
	startHan  bool // the term's first character is Han: gse decides the start boundary
	endHan    bool
	key       string // the folded term, for the segmentation window
	except    []exceptContext
}

// exceptContext is one way an exception surrounds its term: the folded units
// before the term (nearest first) and after it.
type exceptContext struct {
	before []rune
	after  []rune
}

func newEntryCheck(e Entry, key []rune) (entryCheck, error) {
	c := entryCheck{word: e.Word, key: string(key)}
	c.startHan, c.endHan = isHan(key[0]), isHan(key[len(key)-1])
	for _, x := range e.Except {
		xk, err := termKey(x)
		if err != nil {
			return c, fmt.Errorf("%w: exception %q: %v", ErrBadException, enum.Clip(x), err)
		}
		found := false
		for k := 0; k+len(key) <= len(xk); k++ {
			if !slices.Equal(xk[k:k+len(key)], key) {
				continue
			}
			if len(xk) == len(key) {
				return c, fmt.Errorf("%w: exception %q is the term itself", ErrBadException, enum.Clip(x))
			}
			before := slices.Clone(xk[:k])
			slices.Reverse(before)
			c.except = append(c.except, exceptContext{before: before, after: slices.Clone(xk[k+len(key):])})
			found = true
		}
		if !found {
			return c, fmt.Errorf("%w: %q", ErrBadException, enum.Clip(x))
		}
	}
	return c, nil
}

// accept reports whether the match of entry p at text[start:end] survives the
// entry's exceptions and word rule.
func (m *Matcher) accept(text string, p int32, start, end int) bool {
	c := &m.checks[m.pats[p].check]
	if len(c.except) > 0 {
		// An exception's context begins with the unit next to the match on
		// each side: reading those two once rules out most exceptions
		// (亲 has dozens) before any is compared in full.
		next, hasNext := m.unitNext(text, end, true)
		prev, hasPrev := m.unitNext(text, start, false)
		for i := range c.except {
			x := &c.except[i]
			if len(x.after) > 0 && (!hasNext || x.after[0] != next) || len(x.before) > 0 && (!hasPrev || x.before[0] != prev) {
				continue
			}
			if m.unitsMatch(text, end, x.after, true) && m.unitsMatch(text, start, x.before, false) {
				return false
			}
		}
	}
	if c.word {
		return m.isWord(text, c, start, end)
	}
	if c.latinEnds {
		return (c.startHan || latinBoundary(text, start)) && (c.endHan || latinBoundary(text, end))
	}
	return true
}

// unitsMatch reports whether the units next to pos (after it when forward,
// before it, nearest first, otherwise) are want, skipping noise as the
// matcher does and never across a break.
func (m *Matcher) unitsMatch(text string, pos int, want []rune, forward bool) bool {
	if len(want) == 0 {
		return true
	}
	j, noise, ok := 0, 0, false
	fn := func(u unit) bool {
		switch u.kind {
		case foldtab.Noise:
			noise++
			return noise <= m.cfg.maxNoise
		case foldtab.Break:
			return false
		}
		noise = 0
		if u.r != want[j] {
			return false
		}
		j++
		if j == len(want) {
			ok = true
			return false
		}
		return true
	}
	if forward {
		forEachUnit(text, pos, len(text), fn)
	} else {
		forEachUnitBack(text, pos, fn)
	}
	return ok
}

// unitNext returns the unit next to pos (after it when forward, before it
// otherwise) as [Matcher.unitsMatch] reads it: past at most the allowed
// noise, never across a break; false when there is none.
func (m *Matcher) unitNext(text string, pos int, forward bool) (rune, bool) {
	var r rune
	noise, ok := 0, false
	fn := func(u unit) bool {
		switch u.kind {
		case foldtab.Noise:
			noise++
			return noise <= m.cfg.maxNoise
		case foldtab.Break:
			return false
		}
		r, ok = u.r, true
		return false
	}
	if forward {
		forEachUnit(text, pos, len(text), fn)
	} else {
		forEachUnitBack(text, pos, fn)
	}
	return r, ok
}

// forEachUnitBack calls fn for the units of text[:to] from the last backwards.
func forEachUnitBack(text string, to int, fn func(u unit) bool) {
	for i := to; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		f, k := foldtab.Lookup(r)
		if r == utf8.RuneError && n == 1 {
			f, k = r, foldtab.Other
		}
		if k != foldtab.Expand {
			if !fn(unit{f, i - n, i, k, true, true}) {
				return
			}
			i -= n
			continue
		}
		exp := []rune(foldtab.Expansion(r))
		for j := len(exp) - 1; j >= 0; j-- {
			_, xk := foldtab.Lookup(exp[j])
			if !fn(unit{exp[j], i - n, i, xk, j == 0, j == len(exp)-1}) {
				return
			}
		}
		i -= n
	}
}

// wordContext is how many Han characters on each side of a match are given
// to the segmenter to decide whether the match stands as a word.
const wordContext = 6

// isWord reports whether the match at text[start:end] begins and ends on word
// boundaries: decided by the segmenter for a Han end of the term, by Unicode
// letter/digit adjacency ([latinBoundary]) for any other.
func (m *Matcher) isWord(text string, c *entryCheck, start, end int) bool {
	if !c.startHan && !latinBoundary(text, start) {
		return false
	}
	if !c.endHan && !latinBoundary(text, end) {
		return false
	}
	if !c.startHan && !c.endHan {
		return true
	}
	var before, after [wordContext]rune
	nb, na := 0, 0
	if c.startHan {
		forEachUnitBack(text, start, func(u unit) bool {
			if u.kind != foldtab.Other || !isHan(u.r) {
				return false
			}
			before[nb] = u.r
			nb++
			return nb < wordContext
		})
	}
	if c.endHan {
		forEachUnit(text, end, len(text), func(u unit) bool {
			if u.kind != foldtab.Other || !isHan(u.r) {
				return false
			}
			after[na] = u.r
			na++
			return na < wordContext
		})
	}
	if nb == 0 && na == 0 {
		return true
	}
	buf := make([]byte, 0, 3*(nb+na)+len(c.key))
	for i := nb - 1; i >= 0; i-- {
		buf = utf8.AppendRune(buf, before[i])
	}
	from := len(buf)
	buf = append(buf, c.key...)
	to := len(buf)
	for _, r := range after[:na] {
		buf = utf8.AppendRune(buf, r)
	}
	return m.segmenter().boundaries(buf, from, to)
}

// latinBoundary reports whether pos is a word boundary for a term whose end
// there is a letter or digit: the characters on both sides, folded, are not
// both letters or digits of a script other than Han. This is how users of
// word lists expect Latin ends to behave (ToolGood, houbb): vx_abc123, vx:abc
// and http://ToolGood.com hold the words vx and toolgood, and TMALL does not
// hold TM; a hyphen followed by a digit joins a model code, so WX-2000 does
// not hold WX. Unicode word segmentation (UAX #29) would join letters across
// _ . : and ', so it is not used here.
func latinBoundary(text string, pos int) bool {
	if pos <= 0 || pos >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:pos])
	after, n := utf8.DecodeRuneInString(text[pos:])
	if isLatinWordRune(before) && FoldRune(after) == '-' {
		// A hyphen between letters and digits joins a model code (WX-2000).
		next, _ := utf8.DecodeRuneInString(text[pos+n:])
		if f := FoldRune(next); '0' <= f && f <= '9' {
			return false
		}
	}
	return !isLatinWordRune(before) || !isLatinWordRune(after)
}

// isLatinWordRune reports whether r, folded, is a letter or digit that is not Han.
func isLatinWordRune(r rune) bool {
	f := FoldRune(r)
	if f < utf8.RuneSelf {
		return 'a' <= f && f <= 'z' || '0' <= f && f <= '9'
	}
	return (unicode.IsLetter(f) || unicode.IsDigit(f)) && !isHan(f)
}
