package pinyin

//go:generate go run gen.go

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxHomophones bounds the length of a [Homophones] list. The longest list
// of the table (ji) has 52 characters, so no list is cut today; the bound
// keeps a regenerated table from surprising callers.
const MaxHomophones = 64

// charInfo is what the table knows of one character.
type charInfo struct {
	rank     int32  // position in charData: 0 is the most frequent character
	off      uint32 // readings are table.readings[off : off+n]
	n        uint8  // number of readings
	nCommon  uint8  // the first nCommon readings are common
	isCommon bool   // level 1 of the 通用规范汉字表
}

type table struct {
	syllables  []string               // sorted
	chars      map[rune]charInfo      // every character of charData
	readings   []uint16               // syllable indexes, per character
	tones      []toneSet              // the tones of each reading, parallel to readings
	homophones map[uint16][]homophone // common characters by common reading, by rank
	unknown    int                    // readings not in syllables: 0 unless charData is corrupt
}

// A toneSet has bit t-1 set for tone t (1 to 4, 5 for the neutral tone).
type toneSet uint8

// matches reports whether two sets share a full tone; a neutral tone counts
// only when a set has nothing else (Pinlu counts many unstressed 是 shi).
func (a toneSet) matches(b toneSet) bool {
	return a.full()&b.full() != 0
}

func (a toneSet) full() toneSet {
	if a&0xF != 0 {
		return a & 0xF
	}
	return a
}

// A homophone is a common character read with a syllable, in these tones.
type homophone struct {
	r     rune
	tones toneSet
}

var (
	tab     *table
	tabOnce sync.Once
)

// load parses the generated table on first use.
func load() *table {
	tabOnce.Do(func() { tab = parse(syllableData, charData, commonChars) })
	return tab
}

// parse builds the table from the generated constants. It trusts them: the
// tests check that every entry parses back to the source data.
func parse(sylls, chars string, common int) *table {
	t := &table{
		syllables:  strings.Fields(sylls),
		chars:      make(map[rune]charInfo, 8192),
		readings:   make([]uint16, 0, 10240),
		tones:      make([]toneSet, 0, 10240),
		homophones: make(map[uint16][]homophone, 512),
	}
	var (
		cur   rune = -1
		info  charInfo
		rank  int32
		start = -1 // start of the current syllable in chars, or -1
		end   = -1 // end of its letters, or -1 before its first tone digit
		tones toneSet
		rare  bool
	)
	flushSyllable := func(i int) {
		if start < 0 {
			return
		}
		if end < 0 {
			end = i
		}
		if s, ok := t.syllableIndex(chars[start:end]); ok {
			t.readings = append(t.readings, uint16(s))
			t.tones = append(t.tones, tones)
			info.n++
			if !rare {
				info.nCommon++
			}
		} else {
			t.unknown++
		}
		start, end, tones = -1, -1, 0
	}
	flushChar := func() {
		if cur < 0 {
			return
		}
		t.chars[cur] = info
		if info.isCommon {
			for k := info.off; k < info.off+uint32(info.nCommon); k++ {
				s := t.readings[k]
				if len(t.homophones[s]) < MaxHomophones {
					t.homophones[s] = append(t.homophones[s], homophone{cur, t.tones[k]})
				}
			}
		}
	}
	for i, r := range chars {
		switch {
		case r >= utf8.RuneSelf:
			flushSyllable(i)
			flushChar()
			cur = r
			info = charInfo{rank: rank, off: uint32(len(t.readings)), isCommon: int(rank) < common}
			rank++
			rare = false
		case r == ',':
			flushSyllable(i)
		case r == ';':
			flushSyllable(i)
			rare = true
		case r >= '1' && r <= '5':
			if end < 0 {
				end = i
			}
			tones |= 1 << (r - '1')
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flushSyllable(len(chars))
	flushChar()
	return t
}

// syllableIndex finds s in the sorted syllable list.
func (t *table) syllableIndex(s string) (int, bool) {
	i := sort.SearchStrings(t.syllables, s)
	return i, i < len(t.syllables) && t.syllables[i] == s
}

// Readings returns the toneless readings of the Han character r, the
// customary one first, then the others by how often they occur; nil if r is
// not one of the 8,105 characters of the table.
//
//	Readings('长') // [zhang chang]
//	Readings('行') // [xing hang heng]
func Readings(r rune) []string {
	t := load()
	info, ok := t.chars[r]
	if !ok {
		return nil
	}
	out := make([]string, info.n)
	for i, s := range t.readings[info.off : info.off+uint32(info.n)] {
		out[i] = t.syllables[s]
	}
	return out
}

// CommonReadings returns the readings of r that are common (see the package
// documentation), the customary one first; nil if r is not in the table.
// These are the readings [Homophones] lists and [Expander] use.
func CommonReadings(r rune) []string {
	t := load()
	info, ok := t.chars[r]
	if !ok {
		return nil
	}
	out := make([]string, info.nCommon)
	for i, s := range t.readings[info.off : info.off+uint32(info.nCommon)] {
		out[i] = t.syllables[s]
	}
	return out
}

// Homophones returns the common characters (level 1 of the 通用规范汉字表)
// that have syllable among their common readings, most frequent first, at
// most [MaxHomophones] of them; nil if there are none or syllable is not a
// toneless syllable.
//
//	Homophones("xin") // [心 新 信 寻 辛 薪 欣 芯 锌 馨 衅]
func Homophones(syllable string) []rune {
	t := load()
	i, ok := t.syllableIndex(syllable)
	if !ok {
		return nil
	}
	h := t.homophones[uint16(i)]
	if len(h) == 0 {
		return nil
	}
	out := make([]rune, len(h))
	for i, x := range h {
		out[i] = x.r
	}
	return out
}

// IsSyllable reports whether s is a toneless Mandarin syllable as this
// package writes them: lower case ASCII, ü as v ("lv", "nve"), attested by a
// reading in Unihan. "lue" and "nue", common keyboard spellings of lüe and
// nüe, are not syllables here; neither are upper case or toned forms.
func IsSyllable(s string) bool {
	_, ok := load().syllableIndex(s)
	return ok
}

// IsCommon reports whether r is one of the 3,500 common characters (level 1
// of the 通用规范汉字表), the characters homophone lists are drawn from.
func IsCommon(r rune) bool {
	return load().chars[r].isCommon
}

// Split splits a run of toneless pinyin into syllables, preferring longer
// syllables first and backtracking when the rest cannot be split: "weixin" →
// [wei xin], "xian" → [xian], "fangan" → [fang an]. It reports false, with a
// nil slice, if s is empty or cannot be split completely. Apostrophes and
// spaces separate syllables explicitly: "xi'an" and "xi an" → [xi an]. Its
// cost is linear in len(s).
func Split(s string) ([]string, bool) {
	t := load()
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\'' }) {
		syl, ok := t.split(part)
		if !ok {
			return nil, false
		}
		out = append(out, syl...)
	}
	return out, len(out) > 0
}

// maxSyllableLen is the length of the longest syllable (chuang, shuang,
// zhuang).
const maxSyllableLen = 6

// split splits one run by dynamic programming from the end: best[i] is the
// length of the longest syllable starting at i after which the rest splits,
// so the work is at most maxSyllableLen lookups per byte.
func (t *table) split(s string) ([]string, bool) {
	n := len(s)
	best := make([]int8, n+1) // 0: no split from here; best[n] is the end
	best[n] = -1
	for i := n - 1; i >= 0; i-- {
		for l := min(maxSyllableLen, n-i); l > 0; l-- {
			if best[i+l] != 0 {
				if _, ok := t.syllableIndex(s[i : i+l]); ok {
					best[i] = int8(l)
					break
				}
			}
		}
	}
	if best[0] == 0 {
		return nil, false
	}
	var out []string
	for i := 0; i < n; i += int(best[i]) {
		out = append(out, s[i:i+int(best[i])])
	}
	return out, true
}
