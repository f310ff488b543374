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
	word    bool
	except  [][]byte // folded exceptions
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
	if p, ok := patternCache.Load(src); ok {
		c := *p.(*compiledPattern)
		return &c, nil
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
	c := *p
	return &c, nil
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
	set, _ := literalSet(re)
	if !usableAnchors(set) {
		return nil, fmt.Errorf("%w: no text that every match contains (a pattern needs a literal part, such as 找 in 你找<any:4>去)", ErrBadPattern)
	}
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadPattern, err)
	}
	compiled.Longest()
	return &compiledPattern{re: compiled, anchors: set, maxLen: n}, nil
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

// literalSet returns literals of which every match of re contains one, and
// whether every match of re is exactly one of them; nil when there are none.
// It works like the required-literal extraction of Hyperscan's and ripgrep's
// prefilters, over the parse tree.
func literalSet(re *syntax.Regexp) (set []string, exact bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if len(out)+int(re.Rune[i+1]-re.Rune[i])+1 > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return literalSet(re.Sub[0])
	case syntax.OpPlus:
		s, _ := literalSet(re.Sub[0])
		return s, false
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		s, ex := literalSet(re.Sub[0])
		return s, ex && re.Min == 1 && re.Max == 1
	case syntax.OpAlternate:
		var out []string
		exact = true
		for _, sub := range re.Sub {
			s, ex := literalSet(sub)
			if s == nil || len(out)+len(s) > maxAnchors {
				return nil, false
			}
			out = append(out, s...)
			exact = exact && ex
		}
		slices.Sort(out)
		return slices.Compact(out), exact
	case syntax.OpConcat:
		var best, run []string
		runOK, allExact := false, true
		consider := func(s []string) {
			if usableAnchors(s) && (best == nil || betterAnchors(s, best)) {
				best = s
			}
		}
		for _, sub := range re.Sub {
			s, ex := literalSet(sub)
			if s == nil || !ex {
				allExact = false
				if runOK {
					consider(run)
				}
				runOK, run = false, nil
				if s != nil {
					consider(s)
				}
				continue
			}
			if !runOK {
				run, runOK = s, true
				continue
			}
			if len(run)*len(s) > maxAnchors {
				consider(run)
				run = s
				allExact = false
				continue
			}
			prod := make([]string, 0, len(run)*len(s))
			for _, a := range run {
				for _, b := range s {
					prod = append(prod, a+b)
				}
			}
			run = prod
		}
		if runOK {
			if allExact {
				slices.Sort(run)
				return slices.Compact(run), true
			}
			consider(run)
		}
		return best, false
	}
	return nil, false
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
// contain one of them. The window looked at reaches the pattern's longest
// match beyond the first and last anchor, and never crosses a break, so
// every byte of text is verified for a pattern at most once per cluster.
func (m *Matcher) verify(dst []Match, sc *patternScratch, p *compiledPattern, text string, hits []span, ws, we int) []Match {
	patternWork.Add(int64(we - ws))
	sc.text, sc.spans = appendNormalized(sc.text[:0], sc.spans[:0], text[ws:we], m.cfg.maxNoise)
	norm, spans := sc.text, sc.spans
	// Each hit in the normalized text: [s, e).
	nh := sc.nh[:0]
	k := 0
	for _, h := range hits {
		for k < len(spans) && spans[k].start < h.start-ws {
			k++
		}
		e := k
		for e < len(spans) && spans[e].start < h.end-ws {
			e++
		}
		if e > k {
			nh = append(nh, span{k, e})
		}
	}
	sc.nh = nh
	j := 0
	for _, loc := range p.re.FindAllIndex(norm, -1) {
		a, b := loc[0], loc[1]
		for j < len(nh) && nh[j].start < a {
			j++
		}
		if a == b || j == len(nh) || nh[j].end > b {
			continue
		}
		if excepted(norm, a, b, p.except) {
			continue
		}
		s, e := spans[a].start+ws, spans[b-1].end+ws
		if p.word && !m.patternIsWord(text, string(norm[a:b]), s, e) {
			continue
		}
		dst = append(dst, Match{s, e, int(p.entry)})
	}
	return dst
}

// window returns how far a match of p containing text[start:end] can reach:
// maxLen characters on each side, never across a break.
func window(text string, start, end, maxLen int) (ws, we int) {
	ws, we = start, end
	k := 0
	forEachUnitBack(text, start, func(u unit) bool {
		if u.kind == foldtab.Break || k >= maxLen {
			return false
		}
		if u.kind != foldtab.Noise {
			k++
		}
		ws = u.start
		return true
	})
	k = 0
	forEachUnit(text, end, len(text), func(u unit) bool {
		if u.kind == foldtab.Break || k >= maxLen {
			return false
		}
		if u.kind != foldtab.Noise {
			k++
		}
		we = u.end
		return true
	})
	return ws, we
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
	for i := 0; i < len(hits); {
		p := m.patterns[hits[i].pat]
		ws, we := window(text, hits[i].start, hits[i].end, p.maxLen)
		cluster = append(cluster[:0], span{hits[i].start, hits[i].end})
		j := i + 1
		for ; j < len(hits) && hits[j].pat == hits[i].pat && hits[j].start < we; j++ {
			cluster = append(cluster, span{hits[j].start, hits[j].end})
			_, we2 := window(text, hits[j].start, hits[j].end, p.maxLen)
			we = max(we, we2)
		}
		dst = m.verify(dst, sc, p, text, cluster, ws, we)
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

// excepted reports whether one of the exceptions occurs in text overlapping
// [a, b). It looks only at the stretch an overlapping occurrence can lie in.
func excepted(text []byte, a, b int, except [][]byte) bool {
	for _, x := range except {
		lo, hi := max(0, a-len(x)+1), min(len(text), b+len(x)-1)
		for from := lo; from < hi; {
			i := bytes.Index(text[from:hi], x)
			if i < 0 {
				break
			}
			i += from
			if i < b && a < i+len(x) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// patternIsWord decides the word rule for a pattern's match, whose folded
// text is key, at text[start:end].
func (m *Matcher) patternIsWord(text, key string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(key)
	last, _ := utf8.DecodeLastRuneInString(key)
	c := entryCheck{word: true, key: key, startHan: isHan(first), endHan: isHan(last)}
	return m.isWord(text, &c, start, end)
}
