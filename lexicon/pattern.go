package lexicon

import (
	"bytes"
	"fmt"
	"github.com/huashu/huashu/internal/enum"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

// Slots a pattern may use, written <name> or <name:N>; see "Patterns" in the
// package documentation. Each expands to a bounded piece of RE2 syntax over
// folded text.
var slots = map[string]struct {
	expand func(n int) string
	defN   int // N when written without one; 0: the slot takes no N
	maxN   int
}{
	// A number in any style: digits, Chinese numerals, financial numerals.
	"num": {func(int) string {
		return `(?:[0-9零〇一二三四五六七八九十百千万两幺壹贰叁肆伍陆柒捌玖拾佰仟]{1,12}(?:\.[0-9]{1,2})?)`
	}, 0, 0},
	// An amount of money: a number with a currency sign or unit, or both.
	"money": {func(int) string {
		return `(?:[¥$]?[0-9零〇一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]{1,8}(?:\.[0-9]{1,2})?(?:元|块钱|块|毛钱|毛|角|rmb|米)?)`
	}, 0, 0},
	// A chat handle: 5 to 20 letters, digits, '_' or '-'.
	"handle": {func(int) string { return `(?:[a-z0-9_\-]{5,20})` }, 0, 0},
	// 1 to N Han characters.
	"han": {func(n int) string { return `(?:\p{Han}{1,` + strconv.Itoa(n) + `})` }, 4, 16},
	// 0 to N characters of any kind, within the sentence.
	"any": {func(n int) string { return `(?:.{0,` + strconv.Itoa(n) + `})` }, 4, 16},
}

// compiledPattern is a pattern entry ready to verify around its anchors.
type compiledPattern struct {
	entry   int32 // index of the entry in the slice given to Compile
	re      *regexp.Regexp
	anchors []string // literals of which every match contains one
	maxLen  int      // most characters a match can span
	// before and after bound the characters a match holds before and after
	// the anchor it contains (at most maxLen).
	before, after int
	// exceptReach is the characters of the longest exception but one: how
	// far an exception overlapping a match reaches beyond it.
	exceptReach int
	exceptFirst uint64 // firstRuneBit of each exception's first rune
	exceptBytes int    // the longest exception's length in bytes
	// pieces are literal sets of which every match holds one each, in this
	// order and without overlap: a window without them cannot match, and
	// is passed over without running the regexp (see mayMatch).
	pieces [][][]byte
	word   bool
	except [][]byte // folded exceptions
}

// expandSlots replaces the slots of a pattern with their RE2 syntax.
func expandSlots(src string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			_, n := utf8.DecodeRuneInString(src[i+1:])
			b.WriteString(src[i : i+1+n])
			i += 1 + n
			continue
		case c == '<':
			j := strings.IndexByte(src[i:], '>')
			if j < 0 {
				return "", fmt.Errorf("unclosed slot at %q (write \\< for a literal <)", enum.Clip(src[i:]))
			}
			name, arg, hasArg := strings.Cut(src[i+1:i+j], ":")
			s, ok := slots[name]
			if !ok {
				return "", fmt.Errorf("unknown slot <%s> (known: <num>, <money>, <handle>, <han:N>, <any:N>)", enum.Clip(name))
			}
			n := s.defN
			if hasArg {
				v, err := strconv.Atoi(arg)
				if err != nil || s.maxN == 0 || v < 1 || v > s.maxN {
					if s.maxN == 0 {
						return "", fmt.Errorf("slot <%s> takes no length", name)
					}
					return "", fmt.Errorf("slot <%s:%s>: want a length from 1 to %d", name, enum.Clip(arg), s.maxN)
				}
				n = v
			}
			b.WriteString(s.expand(n))
			i += j + 1
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), nil
}

// patternCache keeps compiled patterns by source, so that a pattern that
// Parse has checked and that several matchers use (the agent rules and the
// buyer rules of one checker, five platforms) is parsed and compiled once.
// A compiled pattern is immutable (regexp.Regexp is safe for concurrent
// use); the cache holds at most maxCachedPatterns of them.
var (
	patternCache   sync.Map // source → *compiledPattern (entry fields unset)
	cachedPatterns atomic.Int64
)

const maxCachedPatterns = 4096

// compilePattern returns the compiled form of a pattern, from the cache when
// it has been compiled before. The caller sets the entry's own fields on its
// copy.
func compilePattern(src string) (*compiledPattern, error) {
	p, err := sharedPattern(src)
	if err != nil {
		return nil, err
	}
	c := *p
	return &c, nil
}

// sharedPattern returns the cached compiled form of a pattern, compiling and
// caching it first if need be. The result is shared: it must not be changed.
func sharedPattern(src string) (*compiledPattern, error) {
	if p, ok := patternCache.Load(src); ok {
		return p.(*compiledPattern), nil
	}
	p, err := compilePatternUncached(src)
	if err != nil {
		return nil, err
	}
	if cachedPatterns.Load() < maxCachedPatterns {
		if _, loaded := patternCache.LoadOrStore(src, p); !loaded {
			cachedPatterns.Add(1)
		}
	}
	return p, nil
}

// compilePatternUncached parses a pattern, folds its literals as text is
// folded, checks that its matches are bounded, and finds its anchors.
func compilePatternUncached(src string) (*compiledPattern, error) {
	if !utf8.ValidString(src) {
		return nil, ErrInvalidUTF8
	}
	if strings.TrimSpace(src) == "" {
		return nil, ErrEmptyTerm
	}
	expanded, err := expandSlots(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	re, err := syntax.Parse(expanded, syntax.PerlX|syntax.UnicodeGroups)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	if err := foldPattern(re); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	n, err := patternMaxLen(re)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	if n > MaxTermLen {
		return nil, fmt.Errorf("%w: a match can span %d characters (at most %d)", ErrTooLong, n, MaxTermLen)
	}
	lits := literalSet(re)
	if !usableAnchors(lits.set) {
		return nil, fmt.Errorf("%w: no text that every match contains (a pattern needs a literal part, such as 找 in 你找<any:4>去)", ErrBadPattern)
	}
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	compiled.Longest()
	p := &compiledPattern{re: compiled, anchors: lits.set, maxLen: n, before: min(lits.before, n), after: min(lits.after, n), pieces: requiredPieces(re)}
	if hasAssertion(re) {
		// ^, $ and \b see the text around a match: verify in the whole window.
		p.before, p.after = n, n
	}
	return p, nil
}

// hasAssertion reports whether re holds an empty-width assertion (^, $,
// \A, \z, \b, \B), whose result depends on the text around a match.
func hasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if hasAssertion(sub) {
			return true
		}
	}
	return false
}

// maxPieceSet bounds the literals of one required piece: a larger set costs
// more to look for than it is likely to save.
const maxPieceSet = 16

// requiredPieces returns literal sets of which every match of re holds one
// each, in this order and without overlap: the literals of the parts of a
// concatenation, in turn, where a part must match (a literal, a small class,
// a repetition at least once of something with pieces, an alternation with
// a small literal set). Parts that may be absent contribute nothing.
func requiredPieces(re *syntax.Regexp) [][][]byte {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) > 0 {
			return [][][]byte{{[]byte(string(re.Rune))}}
		}
	case syntax.OpCharClass, syntax.OpAlternate:
		if s := literalSet(re).set; usableAnchors(s) && len(s) <= maxPieceSet {
			piece := make([][]byte, len(s))
			for i, lit := range s {
				piece[i] = []byte(lit)
			}
			return [][][]byte{piece}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredPieces(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredPieces(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][][]byte
		for _, sub := range re.Sub {
			out = append(out, requiredPieces(sub)...)
		}
		return out
	}
	return nil
}

// mayMatch reports whether text holds p's required pieces in order, which
// every match of p does. It takes, piece by piece, the occurrence that ends
// first after the previous one: if any choice of occurrences fits, that
// one does.
func (p *compiledPattern) mayMatch(text []byte) bool {
	pos := 0
	for _, piece := range p.pieces {
		end := -1
		for _, lit := range piece {
			limit := len(text)
			if end >= 0 {
				limit = min(limit, end-1) // an occurrence must end before end to do better
			}
			if limit-pos < len(lit) {
				continue
			}
			if i := bytes.Index(text[pos:limit], lit); i >= 0 {
				end = pos + i + len(lit)
			}
		}
		if end < 0 {
			return false
		}
		pos = end
	}
	return true
}

// foldPattern folds the literals and small character classes of re in
// place, as text is folded, and drops their noise characters (a space or a
// comma in a pattern is noise, as in a term). A break in a literal is an error.
func foldPattern(re *syntax.Regexp) error {
	switch re.Op {
	case syntax.OpLiteral:
		var out []rune
		for _, r := range re.Rune {
			for _, f := range Fold(string(r)) {
				switch _, k := foldtab.Lookup(f); k {
				case foldtab.Noise:
				case foldtab.Break:
					return fmt.Errorf("literal contains the break %q", string(f))
				default:
					out = append(out, f)
				}
			}
		}
		re.Flags &^= syntax.FoldCase
		if len(out) == 0 {
			re.Op, re.Rune = syntax.OpEmptyMatch, nil
		} else {
			re.Rune = out
		}
	case syntax.OpCharClass:
		size := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			size += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if size > 256 { // \p{Han}, [a-z0-9]...: written for folded text already
			return nil
		}
		var rs []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				rs = append(rs, FoldRune(r))
			}
		}
		slices.Sort(rs)
		rs = slices.Compact(rs)
		ranges := make([]rune, 0, 2*len(rs))
		for _, r := range rs {
			if n := len(ranges); n > 0 && ranges[n-1]+1 == r {
				ranges[n-1] = r
				continue
			}
			ranges = append(ranges, r, r)
		}
		re.Rune = ranges
	}
	for _, sub := range re.Sub {
		if err := foldPattern(sub); err != nil {
			return err
		}
	}
	return nil
}

// patternMaxLen reports the most characters a match of re can span, or an
// error for unbounded repetition.
func patternMaxLen(re *syntax.Regexp) (int, error) {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune), nil
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, nil
	case syntax.OpStar, syntax.OpPlus:
		return 0, fmt.Errorf("unbounded repetition %s: write {0,N} or <any:N> with N at most 16", enum.Clip(re.String()))
	case syntax.OpRepeat:
		if re.Max < 0 {
			return 0, fmt.Errorf("unbounded repetition %s: give an upper bound", enum.Clip(re.String()))
		}
		n, err := patternMaxLen(re.Sub[0])
		return n * re.Max, err
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n, err := patternMaxLen(sub)
			if err != nil {
				return 0, err
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total, nil
	case syntax.OpCapture, syntax.OpQuest:
		return patternMaxLen(re.Sub[0])
	}
	return 0, nil // empty matches and assertions
}

// maxAnchors bounds how many literals stand for one pattern part.
const maxAnchors = 64

// literals is a set of literals of which every match of a regexp contains
// one, with how far a match reaches around that occurrence.
type literals struct {
	set []string
	// exact: every match is exactly one of the literals.
	exact bool
	// before and after bound the characters a match holds before the
	// occurrence of the literal and after it.
	before, after int
}

// literalSet returns literals of which every match of re contains one; set
// is nil when there are none. It works like the required-literal extraction
// of Hyperscan's and ripgrep's prefilters, over the parse tree.
func literalSet(re *syntax.Regexp) literals {
	switch re.Op {
	case syntax.OpLiteral:
		return literals{set: []string{string(re.Rune)}, exact: true}
	case syntax.OpEmptyMatch:
		return literals{set: []string{""}, exact: true}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if len(out)+int(re.Rune[i+1]-re.Rune[i])+1 > 8 {
				return literals{}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return literals{set: out, exact: true}
	case syntax.OpCapture:
		return literalSet(re.Sub[0])
	case syntax.OpPlus:
		s := literalSet(re.Sub[0])
		return literals{set: s.set, before: MaxTermLen, after: MaxTermLen} // unbounded: Compile rejects it
	case syntax.OpRepeat:
		if re.Min < 1 {
			return literals{}
		}
		s := literalSet(re.Sub[0])
		if re.Max < 0 {
			return literals{set: s.set, before: MaxTermLen, after: MaxTermLen}
		}
		// The literal lies in one of the repetitions; the others lie around it.
		n, _ := patternMaxLen(re.Sub[0])
		return literals{set: s.set, exact: s.exact && re.Min == 1 && re.Max == 1,
			before: (re.Max-1)*n + s.before, after: (re.Max-1)*n + s.after}
	case syntax.OpAlternate:
		var out literals
		out.exact = true
		for _, sub := range re.Sub {
			s := literalSet(sub)
			if s.set == nil || len(out.set)+len(s.set) > maxAnchors {
				return literals{}
			}
			out.set = append(out.set, s.set...)
			out.exact = out.exact && s.exact
			out.before, out.after = max(out.before, s.before), max(out.after, s.after)
		}
		slices.Sort(out.set)
		out.set = slices.Compact(out.set)
		return out
	case syntax.OpConcat:
		// lens[i] is the most characters sub i can match; a literal found in
		// subs i..j reaches the subs before i and after j.
		var buf [16]int
		lens := buf[:0]
		if len(re.Sub) > len(buf) {
			lens = make([]int, 0, len(re.Sub))
		}
		lens = lens[:len(re.Sub)]
		total := 0
		for i, sub := range re.Sub {
			lens[i], _ = patternMaxLen(sub)
			total += lens[i]
		}
		var best, run literals
		runOK, allExact := false, true
		done := 0      // characters the subs before the current one can match
		runBefore := 0 // characters the subs before run's first can match
		for i, sub := range re.Sub {
			s := literalSet(sub)
			if s.set == nil || !s.exact {
				allExact = false
				if runOK {
					considerSpan(&best, run, runBefore, total-done)
				}
				runOK, run = false, literals{}
				if s.set != nil {
					considerSpan(&best, s, done, total-done-lens[i])
				}
				done += lens[i]
				continue
			}
			if !runOK {
				run, runOK, runBefore = s, true, done
				done += lens[i]
				continue
			}
			if len(run.set)*len(s.set) > maxAnchors {
				considerSpan(&best, run, runBefore, total-done)
				run, runBefore = s, done
				allExact = false
				done += lens[i]
				continue
			}
			prod := make([]string, 0, len(run.set)*len(s.set))
			for _, a := range run.set {
				for _, b := range s.set {
					prod = append(prod, a+b)
				}
			}
			run.set = prod
			done += lens[i]
		}
		if runOK {
			if allExact {
				slices.Sort(run.set)
				return literals{set: slices.Compact(run.set), exact: true}
			}
			considerSpan(&best, run, runBefore, 0)
		}
		best.exact = false
		return best
	}
	return literals{}
}

// considerSpan makes s the best literals of a concatenation if they are
// better anchors than best's; before and after are the characters the
// concatenation's other subs can match on each side of the subs s comes from.
func considerSpan(best *literals, s literals, before, after int) {
	if !usableAnchors(s.set) || best.set != nil && !betterAnchors(s.set, best.set) {
		return
	}
	*best = literals{set: s.set, before: before + s.before, after: after + s.after}
}

// usableAnchors reports whether every literal of s is non-empty.
func usableAnchors(s []string) bool {
	if len(s) == 0 {
		return false
	}
	for _, x := range s {
		if x == "" {
			return false
		}
	}
	return true
}

// betterAnchors prefers the set whose shortest literal is longer, then the smaller set.
func betterAnchors(a, b []string) bool {
	la, lb := minRunes(a), minRunes(b)
	if la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func minRunes(s []string) int {
	n := -1
	for _, x := range s {
		if c := utf8.RuneCountInString(x); n < 0 || c < n {
			n = c
		}
	}
	return n
}

// verify tries pattern p around a cluster of its anchors found in text
// (sorted, each window overlapping the next) and appends the matches that
// contain one of them. The regexp runs over text[hs:he], the stretch that
// any match containing one of the anchors lies in; text[ns:ne] holds it and
// the exceptions' reach around it (see [Matcher.appendPatterns]).
func (m *Matcher) verify(dst []Match, sc *patternScratch, p *compiledPattern, text string, hits []span, ns, ne, hs, he int) []Match {
	patternWork.Add(int64(ne - ns))
	sc.text, sc.spans = appendNormalized(sc.text[:0], sc.spans[:0], text[ns:ne], m.cfg.maxNoise)
	norm, spans := sc.text, sc.spans
	// The normalized stretch to match in: its bytes come from text[hs:he].
	ha := 0
	for ha < len(spans) && spans[ha].start < hs-ns {
		ha++
	}
	hb := ha
	for hb < len(spans) && spans[hb].start < he-ns {
		hb++
	}
	if !p.mayMatch(norm[ha:hb]) {
		return dst
	}
	// Each hit in the normalized text: [s, e).
	nh := sc.nh[:0]
	k := 0
	for _, h := range hits {
		for k < len(spans) && spans[k].start < h.start-ns {
			k++
		}
		e := k
		for e < len(spans) && spans[e].start < h.end-ns {
			e++
		}
		if e > k {
			nh = append(nh, span{k, e})
		}
	}
	sc.nh = nh
	j := 0
	for _, loc := range p.re.FindAllIndex(norm[ha:hb], -1) {
		a, b := loc[0]+ha, loc[1]+ha
		for j < len(nh) && nh[j].start < a {
			j++
		}
		if a == b || j == len(nh) || nh[j].end > b {
			continue
		}
		if p.excepted(norm, a, b) {
			continue
		}
		s, e := spans[a].start+ns, spans[b-1].end+ns
		if p.word && !m.patternIsWord(text, string(norm[a:b]), s, e) {
			continue
		}
		dst = append(dst, Match{s, e, int(p.entry)})
	}
	return dst
}

// reachBack and reachFwd say how far around an anchor of a pattern, at
// text[start:end], verification looks: at most n[i] characters before start
// (after end), never across a break. n is ascending; the result's i-th
// offset is where the walk over n[i] characters ends. For n[i] the
// pattern's longest match, it is the window a match holding the anchor
// must lie in.
func reachBack(text string, start int, n *[3]int) [3]int {
	at := [3]int{start, start, start}
	k := 0
	forEachUnitBack(text, start, func(u unit) bool {
		if u.kind == foldtab.Break || k >= n[2] {
			return false
		}
		if u.kind != foldtab.Noise {
			k++
		}
		for i := range at {
			// a character within the n[i] closest, or noise before reaching them
			if k <= n[i] && (u.kind != foldtab.Noise || k < n[i]) {
				at[i] = u.start
			}
		}
		return true
	})
	return at
}

func reachFwd(text string, end int, n *[3]int) [3]int {
	at := [3]int{end, end, end}
	k := 0
	forEachUnit(text, end, len(text), func(u unit) bool {
		if u.kind == foldtab.Break || k >= n[2] {
			return false
		}
		if u.kind != foldtab.Noise {
			k++
		}
		for i := range at {
			if k <= n[i] && (u.kind != foldtab.Noise || k < n[i]) {
				at[i] = u.end
			}
		}
		return true
	})
	return at
}

// patternWork counts the bytes of text that pattern verification has
// looked at, so that a test can hold it to linear cost.
var patternWork atomic.Int64

// patternScratch is the memory one AppendAll call uses to verify patterns,
// kept in a pool so that verifying allocates nothing once warm.
type patternScratch struct {
	anchors []Match
	hits    []patternHit
	cluster []span
	nh      []span
	text    []byte
	spans   []span
}

var scratchPool = sync.Pool{New: func() any { return new(patternScratch) }}

// patternHit is an anchor of pattern pat found at text[start:end].
type patternHit struct {
	pat        int32
	start, end int
}

// appendPatterns verifies the patterns whose anchors occur in text and adds
// their matches to dst[n0:], resolving overlaps as the matcher's mode says.
func (m *Matcher) appendPatterns(dst []Match, n0 int, text string) []Match {
	sc := scratchPool.Get().(*patternScratch)
	defer scratchPool.Put(sc)
	anchors := m.anchors.AppendAll(sc.anchors[:0], text)
	sc.anchors = anchors
	if len(anchors) == 0 {
		return dst
	}
	hits := sc.hits[:0]
	for _, a := range anchors {
		for _, p := range m.anchorPats[a.Entry] {
			hits = append(hits, patternHit{p, a.Start, a.End})
		}
	}
	sc.hits = hits
	slices.SortFunc(hits, func(a, b patternHit) int {
		if a.pat != b.pat {
			return int(a.pat - b.pat)
		}
		return a.start - b.start
	})
	n1 := len(dst)
	cluster := sc.cluster[:0]
	odd := -1 // whether text holds a rune that defeats narrowing (see below); -1: not yet known
	for i := 0; i < len(hits); {
		p := m.patterns[hits[i].pat]
		// Three reaches on each side of an anchor: how far a match holding
		// it extends (the stretch the regexp runs over), that plus the
		// exceptions' reach (the stretch normalized), and the pattern's
		// longest match (the window, which decides the cluster).
		nb := [3]int{p.before, min(p.before+p.exceptReach, p.maxLen), p.maxLen}
		nf := [3]int{p.after, min(p.after+p.exceptReach, p.maxLen), p.maxLen}
		if p.before < p.maxLen || p.after < p.maxLen {
			// A match lies within before and after of the anchor it holds,
			// and every anchor in the window is a hit, unless a rune that
			// expands (⑩) or an invalid byte hides one from the anchors'
			// automaton: then the whole window is matched, as it must be
			// to find the same matches.
			if odd < 0 {
				odd = 0
				if m.anchors.hasOddRune(text) {
					odd = 1
				}
			}
			if odd == 1 {
				nb = [3]int{p.maxLen, p.maxLen, p.maxLen}
				nf = nb
			}
		}
		back, fwd := reachBack(text, hits[i].start, &nb), reachFwd(text, hits[i].end, &nf)
		cluster = append(cluster[:0], span{hits[i].start, hits[i].end})
		j := i + 1
		for ; j < len(hits) && hits[j].pat == hits[i].pat && hits[j].start < fwd[2]; j++ {
			cluster = append(cluster, span{hits[j].start, hits[j].end})
			f := reachFwd(text, hits[j].end, &nf)
			fwd = [3]int{max(fwd[0], f[0]), max(fwd[1], f[1]), max(fwd[2], f[2])}
		}
		dst = m.verify(dst, sc, p, text, cluster, back[1], fwd[1], back[0], fwd[0])
		i = j
	}
	sc.cluster = cluster
	if len(dst) == n1 {
		return dst
	}
	all := dst[n0:]
	slices.SortFunc(all, compareMatches)
	all = slices.Compact(all)
	if !m.cfg.overlapping {
		// Leftmost-longest over terms and patterns together.
		slices.SortStableFunc(all, func(a, b Match) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return b.End - a.End
		})
		kept := all[:0]
		end := -1
		for _, x := range all {
			if x.Start >= end {
				kept = append(kept, x)
				end = x.End
			}
		}
		all = kept
	}
	return dst[:n0+len(all)]
}

// excepted reports whether one of p's exceptions occurs in text
// overlapping [a, b). An occurrence starts before b and at most the longest
// exception's length before a; only where the rune at a start could begin
// an exception (by exceptFirst) are the exceptions compared.
func (p *compiledPattern) excepted(text []byte, a, b int) bool {
	if len(p.except) == 0 {
		return false
	}
	for i := max(0, a-p.exceptBytes+1); i < b; {
		r, n := utf8.DecodeRune(text[i:])
		if p.exceptFirst&firstRuneBit(r) != 0 {
			for _, x := range p.except {
				if i+len(x) > a && bytes.HasPrefix(text[i:], x) {
					return true
				}
			}
		}
		i += n
	}
	return false
}

// firstRuneBit is r's bit in a 64-bit set of runes (a Bloom filter with one
// hash): exceptFirst holds the bits of the exceptions' first runes.
func firstRuneBit(r rune) uint64 { return 1 << (uint32(r) * 0x9E3779B1 >> 26) }

// patternIsWord decides the word rule for a pattern's match, whose folded
// text is key, at text[start:end].
func (m *Matcher) patternIsWord(text, key string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(key)
	last, _ := utf8.DecodeLastRuneInString(key)
	c := entryCheck{word: true, key: key, startHan: isHan(first), endHan: isHan(last)}
	return m.isWord(text, &c, start, end)
}

// hasOddRune reports whether text holds a rune that expands when folded
// (⑩ → 10) or an invalid byte, by m's class table.
func (m *Matcher) hasOddRune(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if m.cls.ascii[c] == clsExpand {
				return true
			}
			i++
			continue
		}
		r, n := decodeRune(text, i)
		if k := uint(r - cjkFirst); k < uint(len(m.cls.cjk)) {
			i += n // no ideograph expands
			continue
		}
		if r == utf8.RuneError && n == 1 || m.cls.of(r) == clsExpand {
			return true
		}
		i += n
	}
	return false
}
