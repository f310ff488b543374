package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/segment"
	"github.com/go-ego/gse"
	"github.com/huashu/huashu/internal/foldtab"
	"github.com/huashu/huashu/internal/segdict"
)

// Segmenter cuts text into words: Han text by a dictionary (with gse's
// shortest-path segmentation), other text at Unicode word boundaries
// (UAX #29). It is immutable once built and safe for concurrent use.
type Segmenter struct {
	// spans calls yield with the byte span of each word of folded Han text.
	// It is a closure over a gse.Segmenter rather than a field of that type:
	// a type reachable from an interface drags its exported methods into
	// every binary that uses reflect's MethodByName (html/template does), and
	// gse.Segmenter's methods include LoadDictEmbed with 17 MB of embedded
	// dictionaries. A func type's descriptor names no gse type.
	spans func(folded []byte, yield func(start, end int))
	words int
}

// Word is one word of a text: text[Start:End], byte offsets into the
// original text, on rune boundaries.
type Word struct {
	Start, End int
}

var (
	defaultSegOnce sync.Once
	defaultSeg     *Segmenter
)

// DefaultSegmenter returns the segmenter built from the compact dictionary
// embedded in huashu (see internal/segdict): the most frequent words of gse's
// Simplified Chinese dictionary plus every word that contains a character on
// which a default lexicon entry's word boundary depends. It is loaded once, on
// first use (about 60 ms and 10 MB of heap, against about 2.3 s and 205 MB for
// gse's full dictionary).
func DefaultSegmenter() *Segmenter {
	defaultSegOnce.Do(func() {
		s, err := NewSegmenter(strings.NewReader(segdict.Words))
		if err != nil {
			panic("lexicon: embedded segmentation dictionary: " + err.Error())
		}
		defaultSeg = s
	})
	return defaultSeg
}

// NewSegmenter builds a segmenter from a dictionary in gse's text format: one
// word per line, then its frequency, then an optional part of speech,
// separated by spaces. Lines starting with # and blank lines are skipped. To
// segment with gse's full dictionary, pass its s_1.txt. Errors name the line.
func NewSegmenter(dict io.Reader) (*Segmenter, error) {
	var b strings.Builder
	sc := bufio.NewScanner(dict)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineLen)
	line, words := 0, 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Fields(t)
		if !utf8.ValidString(f[0]) {
			return nil, fmt.Errorf("lexicon: segmentation dictionary line %d: invalid UTF-8", line)
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("lexicon: segmentation dictionary line %d: %q has no frequency", line, f[0])
		}
		if v, err := strconv.ParseFloat(f[1], 64); err != nil || v < 0 {
			return nil, fmt.Errorf("lexicon: segmentation dictionary line %d: bad frequency %q", line, f[1])
		}
		// Store words folded, as the segmenter sees folded text.
		b.WriteString(Fold(f[0]))
		for _, x := range f[1:] {
			b.WriteByte(' ')
			b.WriteString(x)
		}
		b.WriteByte('\n')
		words++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: segmentation dictionary line %d: %w", line+1, err)
	}
	seg := new(gse.Segmenter)
	seg.SkipLog = true
	seg.NotLoadHMM = true
	if err := seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("lexicon: segmentation dictionary: %w", err)
	}
	spans := func(folded []byte, yield func(start, end int)) {
		for _, sg := range seg.Segment(folded) {
			yield(sg.Start(), sg.End())
		}
	}
	return &Segmenter{spans: spans, words: words}, nil
}

// Words reports how many dictionary words the segmenter holds.
func (s *Segmenter) Words() int { return s.words }

// Cut cuts text into words with [DefaultSegmenter].
func Cut(text string) []Word { return DefaultSegmenter().AppendCut(nil, text) }

// Cut cuts text into words. Spaces, punctuation, symbols and emoji are not
// words and are left out. Han text is folded (Traditional → Simplified)
// before segmentation, so 親愛的 cuts like 亲爱的; offsets refer to text.
func (s *Segmenter) Cut(text string) []Word { return s.AppendCut(nil, text) }

// AppendCut appends the words of text to dst and returns it; see [Segmenter.Cut].
// Bytes that are not valid UTF-8 are never part of a word.
func (s *Segmenter) AppendCut(dst []Word, text string) []Word {
	from := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			dst = s.appendCutValid(dst, text, from, i)
			from = i + 1
		}
		i += n
	}
	return s.appendCutValid(dst, text, from, len(text))
}

// appendCutValid cuts the valid UTF-8 text[lo:hi].
func (s *Segmenter) appendCutValid(dst []Word, text string, lo, hi int) []Word {
	if lo >= hi {
		return dst
	}
	us := segment.NewWordSegmenterDirect([]byte(text[lo:hi]))
	off := lo
	hanStart := -1
	flushHan := func(end int) {
		if hanStart >= 0 {
			dst = s.appendHan(dst, text, hanStart, end)
			hanStart = -1
		}
	}
	for us.Segment() {
		n := len(us.Bytes())
		switch us.Type() {
		case segment.Ideo:
			if hanStart < 0 {
				hanStart = off
			}
		case segment.None:
			flushHan(off)
		default:
			flushHan(off)
			dst = append(dst, Word{off, off + n})
		}
		off += n
	}
	flushHan(off)
	return dst
}

// appendHan segments the Han run text[from:to] with gse.
func (s *Segmenter) appendHan(dst []Word, text string, from, to int) []Word {
	folded := make([]byte, 0, to-from)
	offs := make([]int, 0, to-from+1) // folded byte → original byte, at rune starts
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		f, k := foldtab.Lookup(r)
		if k == foldtab.Expand {
			f = r
		}
		for j := 0; j < utf8.RuneLen(f); j++ {
			offs = append(offs, i)
		}
		folded = utf8.AppendRune(folded, f)
		i += n
	}
	offs = append(offs, to)
	s.spans(folded, func(start, end int) {
		dst = append(dst, Word{offs[start], offs[end]})
	})
	return dst
}

// boundaries reports whether byte offsets from and to of the folded window
// buf both fall between words of its segmentation.
func (s *Segmenter) boundaries(buf []byte, from, to int) bool {
	okFrom, okTo := from == 0, to == len(buf)
	s.spans(buf, func(start, end int) {
		if start == from {
			okFrom = true
		}
		if end == to {
			okTo = true
		}
	})
	return okFrom && okTo
}

// segmenter returns the matcher's segmenter: the one given with
// WithSegmenter, or the default, loaded on first use.
func (m *Matcher) segmenter() *Segmenter {
	if m.cfg.seg != nil {
		return m.cfg.seg
	}
	return DefaultSegmenter()
}
