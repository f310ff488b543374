package lexicon

import (
	"fmt"
	"github.com/huashu/huashu/internal/enum"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

// Option configures [Compile]. Options are comparable values.
type Option interface{ apply(*config) }

type config struct {
	foldRepeats  bool
	foldNumerals bool
	overlapping  bool
	maxNoise     int
	seg          *Segmenter
}

type overlappingOpt bool

func (o overlappingOpt) apply(c *config) { c.overlapping = bool(o) }

// Overlapping makes the matcher report every match, overlapping or not,
// instead of the leftmost-longest non-overlapping ones.
func Overlapping() Option { return overlappingOpt(true) }

type maxNoiseOpt int

func (o maxNoiseOpt) apply(c *config) { c.maxNoise = int(o) }

// WithMaxNoise sets how many noise characters (spaces, punctuation, symbols,
// emoji, zero-width and combining characters) may stand between two
// characters of a term: 0 turns noise skipping off, the most is 16, the
// default is [DefaultMaxNoise].
func WithMaxNoise(n int) Option { return maxNoiseOpt(n) }

type segmenterOpt struct{ s *Segmenter }

func (o segmenterOpt) apply(c *config) { c.seg = o.s }

// WithSegmenter sets the segmenter that decides word boundaries for entries
// with Word set. The default is [DefaultSegmenter], loaded on first use.
func WithSegmenter(s *Segmenter) Option { return segmenterOpt{s} }

// Classes of runes in a matcher's class table. Classes from firstClass up are
// the term alphabet.
const (
	clsOther  = 0
	clsNoise  = 1
	clsBreak  = 2
	clsExpand = 3

	firstClass = 4
	maxClasses = 1 << 16
)

// The CJK Unified Ideographs block, which holds nearly every Han character of
// chat text, gets a flat class table: one load instead of two.
const (
	cjkFirst = 0x4E00
	cjkLast  = 0x9FFF
)

// classTable maps runes to classes: an ASCII table, a flat table for the CJK
// block, then 256-rune pages for everything.
type classTable struct {
	ascii [utf8.RuneSelf]uint16
	cjk   *[cjkLast - cjkFirst + 1]uint16 // classes of cjkFirst..cjkLast
	index []uint16                        // r>>8 → page; page 0 is all clsOther
	pages [][256]uint16
}

func (t *classTable) of(r rune) uint16 {
	if uint32(r) >= 0x110000 {
		return clsOther
	}
	return t.pages[t.index[r>>8]][r&0xff]
}

var (
	baseOnce    sync.Once
	baseClasses classTable // noise, break and expand classes of every rune
)

func baseClassTable() *classTable {
	baseOnce.Do(func() {
		t := &baseClasses
		t.index = make([]uint16, 0x110000>>8)
		t.pages = make([][256]uint16, 1, 300)
		for hi := rune(0); hi < 0x110000>>8; hi++ {
			if !foldtab.HasPage(hi) {
				continue
			}
			var p [256]uint16
			any := false
			for lo := rune(0); lo < 256; lo++ {
				if _, k := foldtab.Lookup(hi<<8 | lo); k != foldtab.Other {
					p[lo] = uint16(k) // kinds and classes share 1, 2, 3
					any = true
				}
			}
			if any {
				t.pages = append(t.pages, p)
				t.index[hi] = uint16(len(t.pages) - 1)
			}
		}
		for c := rune(0); c < utf8.RuneSelf; c++ {
			t.ascii[c] = t.of(c)
		}
	})
	return &baseClasses
}

// The automaton is a double array: a state is an index, and the child of
// state s on class c is t = base[s]&baseMask + c when check[t] == s. The sign
// bit of base[t] says that a term ends at t or on its failure chain, so the
// scan loop tests for output with the load it needs anyway. base and check
// are stored side by side, so that testing check[t] brings base[t], which the
// next step needs, into the cache.
// The failure link sits in the same cell, so that following it after a
// failed probe needs no other cache line; the root's transitions are also
// kept as a dense array indexed by class (rootNext), so falling back to the
// root costs one load.
type cell struct{ base, check, fail int32 }

const (
	emitFlag = -1 << 31
	baseMask = 1<<31 - 1
)

// pattern describes the term that ends at a state.
type pattern struct {
	length int32 // in folded units
	check  int32 // index into checks for an entry with Word or Except, else -1
	entry  int32 // the entry a match reports: itself, or the entry a variant spells
}

// Matcher finds the terms of a lexicon in text. It is immutable after
// [Compile] and safe for concurrent use by multiple goroutines.
type Matcher struct {
	cfg      config
	cls      classTable
	cells    []cell    // base, check and failure link of each state
	rootNext []int32   // class → child of the root (with emitFlag), or 0
	emit     []int32   // nearest state on the failure chain (self included) where a term ends, or -1
	out      []int32   // state → index into pats, or -1
	depths   []uint8   // state → depth in the trie
	pats     []pattern // one per entry, then one per variant
	nEntries int
	checks   []entryCheck
	nclasses int

	repeats    *Matcher // the terms with repeats folded (FoldRepeats)
	patterns   []*compiledPattern
	anchors    *Matcher  // the patterns' anchors, overlapping
	anchorPats [][]int32 // anchor entry → indices into patterns

	skipped []*EntryError
	groups  [][]int     // entries merged because their terms fold alike
	groupOf map[int]int // entry → index into groups
}

// merge records that entry i folds like entry first and is merged into it.
func (m *Matcher) merge(first, i int) {
	if m.groupOf == nil {
		m.groupOf = map[int]int{}
	}
	g, ok := m.groupOf[first]
	if !ok {
		g = len(m.groups)
		m.groups = append(m.groups, []int{first})
		m.groupOf[first] = g
	}
	m.groups[g] = append(m.groups[g], i)
	m.groupOf[i] = g
}

// Merged reports the entries merged with entry i because their terms fold
// alike, i included, in ascending order: the way back from a [Match], which
// names the first of them, to every entry. An entry merged with none gives
// []int{i}.
func (m *Matcher) Merged(i int) []int {
	if g, ok := m.groupOf[i]; ok {
		return slices.Clone(m.groups[g])
	}
	return []int{i}
}

// Skipped reports the entries [Compile] left out because they can never
// match, each with its index and why (errors.Is with [ErrEmptyTerm],
// [ErrBreakInTerm], [ErrTooLong] or [ErrInvalidUTF8]), in entry order.
func (m *Matcher) Skipped() []*EntryError { return slices.Clone(m.skipped) }

// compileAnchors builds the matcher of the patterns' anchors.
func (m *Matcher) compileAnchors() error {
	if len(m.patterns) == 0 {
		return nil
	}
	index := map[string]int{}
	var entries []Entry
	for pi, p := range m.patterns {
		for _, a := range p.anchors {
			k := NormalizeText(a)
			ai, ok := index[k]
			if !ok {
				ai = len(entries)
				index[k] = ai
				entries = append(entries, Entry{Term: a})
				m.anchorPats = append(m.anchorPats, nil)
			}
			if !slices.Contains(m.anchorPats[ai], int32(pi)) {
				m.anchorPats[ai] = append(m.anchorPats[ai], int32(pi))
			}
		}
	}
	am, err := Compile(entries, Overlapping(), WithMaxNoise(m.cfg.maxNoise))
	if err != nil {
		return fmt.Errorf("lexicon: pattern anchors: %w", err)
	}
	if len(am.skipped) > 0 {
		p := m.patterns[m.anchorPats[am.skipped[0].Index][0]]
		return &EntryError{Index: int(p.entry), Term: am.skipped[0].Term, Err: fmt.Errorf("%w: anchor %q: %v", ErrBadPattern, am.skipped[0].Term, am.skipped[0].Err)}
	}
	m.anchors = am
	return nil
}

// Compile builds a Matcher for entries. Match.Entry in results is an index
// into entries.
//
// Compile takes word lists as they come: entries whose terms fold to the
// same text (兼容幷蓄 and 兼容并蓄) are merged, and a match reports the first
// of them ([Matcher.Merged] gives the others); entries that can never match
// (empty, only noise such as ┻┼, a line or sentence break inside, invalid
// UTF-8, longer than [MaxTermLen]) are left out, and [Matcher.Skipped] says
// which and why. It fails with an [*EntryError] only on what a list of words
// cannot contain: an exception that does not contain its term, a bad
// pattern, two entries that fold alike but differ in how they match (Word,
// Except), or more distinct characters than a matcher holds.
func Compile(entries []Entry, opts ...Option) (*Matcher, error) {
	cfg := config{maxNoise: DefaultMaxNoise}
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	if cfg.maxNoise < 0 || cfg.maxNoise > 16 {
		return nil, fmt.Errorf("lexicon: %w: WithMaxNoise(%d) is outside 0..16", ErrInvalidOption, cfg.maxNoise)
	}
	m := &Matcher{cfg: cfg}
	keys := make([][]rune, len(entries))
	seen := make(map[string]int, len(entries))
	m.pats = make([]pattern, len(entries))
	entryErr := func(i int, err error) error {
		return &EntryError{Index: i, Term: entries[i].Term, Err: err}
	}
	for i, e := range entries {
		m.pats[i] = pattern{check: -1, entry: int32(i)}
		if e.Pattern {
			if e.Sounds {
				return nil, entryErr(i, fmt.Errorf("%w: sounds applies to terms, not patterns", ErrBadPattern))
			}
			p, err := compilePattern(e.Term)
			if err != nil {
				return nil, entryErr(i, err)
			}
			p.entry, p.word = int32(i), e.Word
			for _, x := range e.Except {
				k, err := termKey(x)
				if err != nil {
					return nil, entryErr(i, fmt.Errorf("%w: exception %q: %v", ErrBadException, enum.Clip(x), err))
				}
				p.except = append(p.except, []byte(string(k)))
				p.exceptReach = max(p.exceptReach, len(k)-1)
				p.exceptFirst |= firstRuneBit(k[0])
				p.exceptBytes = max(p.exceptBytes, len(string(k)))
			}
			m.patterns = append(m.patterns, p)
			continue
		}
		key, err := termKey(e.Term)
		if err != nil {
			m.skipped = append(m.skipped, &EntryError{Index: i, Term: e.Term, Err: err})
			continue
		}
		if j, dup := seen[string(key)]; dup {
			if e.Word != entries[j].Word || !slices.Equal(e.Except, entries[j].Except) {
				return nil, entryErr(i, fmt.Errorf("%w: folds to %q like entry %d (%q) but matches differently (word, except)", ErrDuplicate, enum.Clip(string(key)), j, enum.Clip(entries[j].Term)))
			}
			m.merge(j, i)
			continue
		}
		seen[string(key)] = i
		keys[i] = key
		m.pats[i].length = int32(len(key))
		chk, err := newEntryCheck(e, key)
		if err != nil {
			return nil, entryErr(i, err)
		}
		if chk.word || len(chk.except) > 0 {
			m.pats[i].check = int32(len(m.checks))
			m.checks = append(m.checks, chk)
		}
	}
	if err := m.compileAnchors(); err != nil {
		return nil, err
	}
	m.nEntries = len(entries)
	if cfg.foldRepeats {
		if err := m.compileRepeats(entries, keys); err != nil {
			return nil, err
		}
	}
	keys = m.addVariants(entries, keys, seen)
	// Alphabet: most frequent runes get the smallest classes, which packs the double array.
	freq := map[rune]int{}
	for _, k := range keys {
		for _, r := range k {
			freq[r]++
		}
	}
	alphabet := make([]rune, 0, len(freq))
	for r := range freq {
		alphabet = append(alphabet, r)
	}
	sort.Slice(alphabet, func(i, j int) bool {
		if freq[alphabet[i]] != freq[alphabet[j]] {
			return freq[alphabet[i]] > freq[alphabet[j]]
		}
		return alphabet[i] < alphabet[j]
	})
	if len(alphabet)+firstClass > maxClasses {
		return nil, fmt.Errorf("lexicon: %w: %d distinct characters in terms (at most %d)", ErrTooManyRunes, len(alphabet), maxClasses-firstClass)
	}
	m.nclasses = len(alphabet) + firstClass
	classOf := make(map[rune]uint16, len(alphabet))
	for i, r := range alphabet {
		classOf[r] = uint16(firstClass + i)
	}
	m.buildClassTable(alphabet, classOf)
	seqs := make([][]uint16, len(keys))
	for i, k := range keys {
		s := make([]uint16, len(k))
		for j, r := range k {
			s[j] = classOf[r]
		}
		seqs[i] = s
	}
	m.buildAutomaton(seqs)
	return m, nil
}

// termKey folds a term and drops its noise; it is what the automaton matches.
func termKey(term string) ([]rune, error) {
	if !utf8.ValidString(term) {
		return nil, ErrInvalidUTF8
	}
	var key []rune
	var err error
	forEachUnit(term, 0, len(term), func(u unit) bool {
		switch u.kind {
		case foldtab.Noise:
		case foldtab.Break:
			err = fmt.Errorf("%w: %q", ErrBreakInTerm, string(u.r))
			return false
		default:
			key = append(key, u.r)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if len(key) == 0 {
		if term == "" {
			return nil, ErrEmptyTerm
		}
		return nil, fmt.Errorf("%w: only noise characters", ErrEmptyTerm)
	}
	if len(key) > MaxTermLen {
		return nil, fmt.Errorf("%w: %d characters (at most %d)", ErrTooLong, len(key), MaxTermLen)
	}
	return key, nil
}

// buildClassTable copies the shared base table and writes the alphabet classes
// of every rune that folds to an alphabet rune, copying pages on write.
func (m *Matcher) buildClassTable(alphabet []rune, classOf map[rune]uint16) {
	base := baseClassTable()
	t := &m.cls
	t.ascii = base.ascii
	t.index = slices.Clone(base.index)
	t.pages = slices.Clone(base.pages)
	set := func(r rune, c uint16) {
		if r < utf8.RuneSelf {
			t.ascii[r] = c
		}
		hi := r >> 8
		pi := t.index[hi]
		if pi == 0 { // page 0 is shared by every rune that is Other: copy on write
			t.pages = append(t.pages, [256]uint16{})
			pi = uint16(len(t.pages) - 1)
			t.index[hi] = pi
		}
		t.pages[pi][r&0xff] = c
	}
	for _, a := range alphabet {
		c := classOf[a]
		set(a, c)
		for _, p := range foldtab.Preimages(a) {
			set(p, c)
		}
	}
	t.cjk = new([cjkLast - cjkFirst + 1]uint16)
	for r := rune(cjkFirst); r <= cjkLast; r++ {
		t.cjk[r-cjkFirst] = t.of(r)
	}
}

type trieNode struct {
	firstChild, nextSibling int32
	cls                     uint16
	pat                     int32 // entry index ending here, or -1
}

// buildAutomaton builds a trie of the class sequences, lays it out as a double
// array in breadth-first order and computes failure and output links.
func (m *Matcher) buildAutomaton(seqs [][]uint16) {
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return slices.Compare(seqs[a], seqs[b]) })
	nodes := make([]trieNode, 1, len(seqs)*2+1)
	nodes[0] = trieNode{firstChild: -1, nextSibling: -1, pat: -1}
	lastChild := make([]int32, 1, cap(nodes))
	lastChild[0] = -1
	for _, id := range order {
		if len(seqs[id]) == 0 {
			continue // a pattern, or an entry merged or left out
		}
		n := int32(0)
		for _, c := range seqs[id] {
			lc := lastChild[n]
			if lc >= 0 && nodes[lc].cls == c {
				n = lc
				continue
			}
			nodes = append(nodes, trieNode{firstChild: -1, nextSibling: -1, cls: c, pat: -1})
			lastChild = append(lastChild, -1)
			child := int32(len(nodes) - 1)
			if lc >= 0 {
				nodes[lc].nextSibling = child
			} else {
				nodes[n].firstChild = child
			}
			lastChild[n] = child
			n = child
		}
		nodes[n].pat = int32(id)
	}

	da := newDoubleArray(len(nodes))
	nodeSlot := make([]int32, len(nodes))
	queue := make([]int32, 0, len(nodes))
	queue = append(queue, 0)
	var cs []int32
	for qi := 0; qi < len(queue); qi++ {
		n := queue[qi]
		if nodes[n].firstChild < 0 {
			continue
		}
		cs = cs[:0]
		for c := nodes[n].firstChild; c >= 0; c = nodes[c].nextSibling {
			cs = append(cs, int32(nodes[c].cls))
		}
		b := da.findBase(cs)
		s := nodeSlot[n]
		da.base[s] = b
		for c := nodes[n].firstChild; c >= 0; c = nodes[c].nextSibling {
			t := b + int32(nodes[c].cls)
			da.use(t, s)
			nodeSlot[c] = t
			queue = append(queue, c)
		}
	}
	size := 0 // one past the last slot in use
	for _, t := range nodeSlot {
		size = max(size, int(t)+1)
	}
	base, check := da.base[:size:size], da.check[:size:size]
	fail := make([]int32, size)
	emit := make([]int32, size)
	out := make([]int32, size)
	depths := make([]uint8, size)
	for i := range out {
		out[i] = -1
		emit[i] = -1
	}
	for n, s := range nodeSlot {
		out[s] = nodes[n].pat
	}
	gotoFn := func(s int32, c int32) int32 {
		t := base[s] + c
		if t >= 0 && int(t) < size && check[t] == s {
			return t
		}
		return -1
	}
	// Failure links in BFS order (queue is BFS order).
	for _, n := range queue {
		s := nodeSlot[n]
		if out[s] >= 0 {
			emit[s] = s
		} else if n != 0 {
			emit[s] = emit[fail[s]]
		}
		for c := nodes[n].firstChild; c >= 0; c = nodes[c].nextSibling {
			t := nodeSlot[c]
			depths[t] = depths[s] + 1
			if n == 0 {
				continue // fail[t] = 0
			}
			cls := int32(nodes[c].cls)
			f := fail[s]
			for {
				if g := gotoFn(f, cls); g >= 0 {
					fail[t] = g
					break
				}
				if f == 0 {
					break
				}
				f = fail[f]
			}
		}
	}
	cells := make([]cell, size)
	for s := range cells {
		cells[s] = cell{base[s], check[s], fail[s]}
		if emit[s] >= 0 {
			cells[s].base |= emitFlag
		}
	}
	m.rootNext = make([]int32, m.nclasses)
	for c := nodes[0].firstChild; c >= 0; c = nodes[c].nextSibling {
		t := nodeSlot[c]
		if emit[t] >= 0 {
			t |= emitFlag // a term ends here: the scan tests the sign
		}
		m.rootNext[nodes[c].cls] = t
	}
	m.cells, m.emit = cells, emit
	m.out = out
	m.depths = depths
}

// doubleArray is the layout under construction. Free slots form a doubly
// linked list (next/prev, -1 at the ends) so that placing a node visits only
// free slots; a slot that has failed maxTries times as a first child's place
// leaves the list (it stays free for other children), so that holes nothing
// fits are not visited again and again.
type doubleArray struct {
	base, check []int32
	next, prev  []int32
	tries       []uint8
	listed      []bool
	head, tail  int32
}

const maxTries = 8

func newDoubleArray(n int) *doubleArray {
	da := &doubleArray{head: -1, tail: -1}
	da.grow(n + n/4 + 64)
	da.take(0)
	da.check[0] = -2 // the root is nobody's child, and not free
	return da
}

// grow extends the array to at least n slots, all new ones free.
func (da *doubleArray) grow(n int) {
	old := int32(len(da.check))
	if int(old) >= n {
		return
	}
	n = max(n, 2*int(old))
	for i := old; i < int32(n); i++ {
		da.check = append(da.check, -1)
		da.base = append(da.base, 0)
		da.next = append(da.next, -1)
		da.prev = append(da.prev, da.tail)
		da.tries = append(da.tries, 0)
		da.listed = append(da.listed, true)
		if da.tail >= 0 {
			da.next[da.tail] = i
		} else {
			da.head = i
		}
		da.tail = i
	}
}

// take removes free slot t from the free list.
func (da *doubleArray) take(t int32) {
	if !da.listed[t] {
		return
	}
	da.listed[t] = false
	p, n := da.prev[t], da.next[t]
	if p >= 0 {
		da.next[p] = n
	} else {
		da.head = n
	}
	if n >= 0 {
		da.prev[n] = p
	} else {
		da.tail = p
	}
}

func (da *doubleArray) use(t, parent int32) {
	da.grow(int(t) + 1)
	da.take(t)
	da.check[t] = parent
}

// findBase returns a base b such that b+c is free for every c in cs (sorted,
// all at least 1): it tries each free slot as the place of the first child.
func (da *doubleArray) findBase(cs []int32) int32 {
	for {
		for p := da.head; p >= 0; {
			b := p - cs[0]
			if b < 0 {
				p = da.next[p]
				continue
			}
			if int(b+cs[len(cs)-1]) >= len(da.check) {
				da.grow(int(b+cs[len(cs)-1]) + 1)
			}
			ok := true
			for _, c := range cs[1:] {
				if da.check[b+c] != -1 {
					ok = false
					break
				}
			}
			if ok {
				return b
			}
			np := da.next[p]
			if da.tries[p]++; da.tries[p] >= maxTries {
				da.take(p)
			}
			p = np
		}
		da.grow(len(da.check) + int(cs[len(cs)-1]) + 1)
	}
}

// Len reports how many entries the matcher was compiled from.
func (m *Matcher) Len() int { return m.nEntries }

// States reports how many slots the automaton's double array holds.
func (m *Matcher) States() int { return len(m.cells) }

// MemoryUsage reports the approximate heap bytes held by the matcher's
// automaton, class tables and check data (not the entries' own strings).
func (m *Matcher) MemoryUsage() int {
	n := len(m.cells)*12 + len(m.emit)*4 + len(m.rootNext)*4 + len(m.out)*4 + len(m.depths) + len(m.pats)*8
	n += len(m.cls.index)*2 + len(m.cls.pages)*512 + len(m.cls.cjk)*2
	for _, c := range m.checks {
		for _, e := range c.except {
			n += 4 * (len(e.before) + len(e.after))
		}
	}
	return n
}

func (m *Matcher) depth(s int32) int { return int(m.depths[s]) }

// isHan reports whether r is a Han ideograph.
func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }
