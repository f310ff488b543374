package lexicon

import (
	"slices"

	"github.com/huashu/huashu/internal/pinyin"
)

// Variants are other spellings of a term that the matcher also finds and
// reports as the term's entry: numerals in the other style (下三滥 and 下3滥),
// and, for entries with Sounds, sound-alike characters and pinyin.

type foldNumeralsOpt bool

func (o foldNumeralsOpt) apply(c *config) { c.foldNumerals = bool(o) }

// FoldNumerals makes the matcher also find terms with their numerals written
// in the other style: 下3滥 for 下三滥, 0售 for 零售, 二五零 for 250. One
// numeral changes style, or all of them; an entry with exceptions keeps its
// own spelling, since its exceptions are written for it.
func FoldNumerals() Option { return foldNumeralsOpt(true) }

// maxVariants bounds how many other spellings one entry adds.
const maxVariants = 16

// numeralForms maps a numeral to its forms in the other style.
var numeralForms = map[rune][]rune{
	'0': {'零', '〇'}, '1': {'一'}, '2': {'二'}, '3': {'三'}, '4': {'四'},
	'5': {'五'}, '6': {'六'}, '7': {'七'}, '8': {'八'}, '9': {'九'},
	'零': {'0', '〇'}, '〇': {'0', '零'}, '一': {'1'}, '二': {'2'}, '两': {'2'}, '三': {'3'}, '四': {'4'},
	'五': {'5'}, '六': {'6'}, '七': {'7'}, '八': {'8'}, '九': {'9'},
}

// numeralVariants returns key spelled with its numerals in the other style,
// each numeral alone and all together, at most limit of them. An entry with
// exceptions gets none: its exceptions are written for its own spelling.
func numeralVariants(key []rune, limit int) [][]rune {
	var at []int
	for i, r := range key {
		if _, ok := numeralForms[r]; ok {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	var out [][]rune
	add := func(v []rune) {
		if len(out) < limit {
			out = append(out, v)
		}
	}
	for _, i := range at {
		for _, f := range numeralForms[key[i]] {
			v := append([]rune(nil), key...)
			v[i] = f
			add(v)
		}
	}
	if len(at) > 1 {
		v := append([]rune(nil), key...)
		for _, i := range at {
			v[i] = numeralForms[key[i]][0]
		}
		add(v)
	}
	return out
}

// maxSoundVariants bounds the sound-alike spellings of one entry.
const maxSoundVariants = 32

// soundVariants returns other spellings of key by sound (see [Entry.Sounds]):
// each Han character as itself, its pinyin, or a common homophone, cheapest
// first (internal/pinyin). Each comes with whether it changes a Han
// character into another one: such a variant must stand as a word, so that
// 反现 is not 返现 inside 违反现行. The first expansion parses the reading
// table (a generated literal) once: a few milliseconds, paid by the first
// Compile of an entry with Sounds. A polyphonic term gets its characters'
// common readings (长城 is expanded as zhang and chang).
func soundVariants(key []rune) (vs [][]rune, homophone []bool) {
	out, err := pinyin.Expander{Limit: maxSoundVariants}.Expand(string(key))
	if err != nil {
		return nil, nil
	}
	for _, v := range out[1:] {
		rs := []rune(v)
		h := false
		for _, r := range rs {
			if isHan(r) && !slices.Contains(key, r) {
				h = true
			}
		}
		vs, homophone = append(vs, rs), append(homophone, h)
	}
	return vs, homophone
}

// addVariants adds the variants of every plain entry to the matcher's
// patterns and returns the keys extended with theirs. A variant that is
// already another entry's term is left to that entry.
func (m *Matcher) addVariants(entries []Entry, keys [][]rune, seen map[string]int) [][]rune {
	for i, e := range entries {
		key := keys[i]
		if key == nil || e.Pattern {
			continue
		}
		var vs [][]rune
		if m.cfg.foldNumerals && len(e.Except) == 0 {
			vs = numeralVariants(key, maxVariants)
		}
		wordAt := len(vs) // variants from here on that must stand as words
		var homophone []bool
		if e.Sounds {
			sv, h := soundVariants(key)
			vs, homophone = append(vs, sv...), h
		}
		for j, v := range vs {
			if _, dup := seen[string(v)]; dup {
				continue
			}
			seen[string(v)] = i
			p := pattern{length: int32(len(v)), check: -1, entry: int32(i)}
			c := entryCheck{word: e.Word || j >= wordAt && homophone[j-wordAt], key: string(v), startHan: isHan(v[0]), endHan: isHan(v[len(v)-1])}
			// A variant that begins or ends in a letter (weixin, wei信) must not
			// run into other letters there, whatever the entry says.
			c.latinEnds = !c.word && (isLatinWordRune(v[0]) || isLatinWordRune(v[len(v)-1]))
			if c.word || c.latinEnds {
				p.check = int32(len(m.checks))
				m.checks = append(m.checks, c)
			}
			m.pats = append(m.pats, p)
			keys = append(keys, v)
		}
	}
	return keys
}
