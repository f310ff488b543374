package lexicon

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/huashu/huashu/internal/foldtab"
	"github.com/huashu/huashu/internal/proptest"
)

func propParams(t *testing.T) *gopter.TestParameters { return proptest.Params(t, 400) }

// Term characters: Simplified Han with Traditional forms, ASCII, digits.
var termRunes = []rune("亲淘宝微信好评返现爱们多拼abqx10")

// Text characters: term characters and their variants, other Han, noise,
// breaks, an expanding rune and an invalid byte (written as \xff).
var textRunes = []rune("亲親淘寶宝微信好評评返現现爱愛们們多拼abqxABQＱＸ10①⑩⑴的了您 *·-\u200b❤\ufe0f😀,，。\n!\xff")

// genText generates strings of 0 to maxLen runes from alphabet ('\xff'
// stands for an invalid byte).
func genText(alphabet []rune, maxLen int) gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(0, maxLen),
		gen.SliceOfN(maxLen, gen.IntRange(0, len(alphabet)-1)),
	).Map(func(v []any) string {
		n, ix := v[0].(int), v[1].([]int)
		var b strings.Builder
		for _, i := range ix[:n] {
			if alphabet[i] == '\xff' {
				b.WriteByte(0xff)
				continue
			}
			b.WriteRune(alphabet[i])
		}
		return b.String()
	})
}

type lexCase struct {
	Entries  []Entry
	Text     string
	MaxNoise int
}

var propNoise = []string{"", "", "", " ", "*", "·", "\u200b", "❤️", "，", "😀", " - ", "  *  ", "。", "\n"}

// render writes s with each rune replaced by one of its variants and noise
// between runes, as picked by the numbers in picks.
func render(b *strings.Builder, s string, picks []int) {
	i := 0
	for _, r := range s {
		p := picks[i%len(picks)] + i
		vs := variantsOf(r)
		b.WriteRune(vs[p%len(vs)])
		b.WriteString(propNoise[(p/7)%len(propNoise)])
		i++
	}
}

// genLexCase generates a lexicon and a text made of random pieces, terms and
// exception contexts in variant spellings, so that matches are frequent.
func genLexCase() gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(1, 8),
		gen.SliceOfN(8, gopter.CombineGens(
			genText(termRunes, 4),
			gen.IntRange(0, 2), // 0: the entry has an exception
			genText(termRunes, 2),
			genText(termRunes, 2),
		)),
		gen.IntRange(0, 10),
		gen.SliceOfN(10, gopter.CombineGens(
			gen.IntRange(0, 2), // 0: random text, 1: a term, 2: an exception
			gen.IntRange(0, 1000),
			gen.SliceOfN(3, gen.IntRange(0, 1000)),
			genText(textRunes, 5),
		)),
		gen.IntRange(0, 4),
	).Map(func(v []any) lexCase {
		var es []Entry
		seen := map[string]bool{}
		for _, f := range v[1].([][]any)[:v[0].(int)] {
			term := f[0].(string)
			key, err := termKey(term)
			if err != nil || seen[string(key)] {
				continue
			}
			seen[string(key)] = true
			e := Entry{Term: term}
			if f[1].(int) == 0 && (f[2].(string) != "" || f[3].(string) != "") {
				e.Except = []string{f[2].(string) + term + f[3].(string)}
			}
			es = append(es, e)
		}
		var b strings.Builder
		for _, p := range v[3].([][]any)[:v[2].(int)] {
			kind, idx, picks, random := p[0].(int), p[1].(int), p[2].([]int), p[3].(string)
			switch {
			case kind == 1 && len(es) > 0:
				render(&b, es[idx%len(es)].Term, picks)
			case kind == 2 && len(es) > 0 && len(es[idx%len(es)].Except) > 0:
				render(&b, es[idx%len(es)].Except[0], picks)
			default:
				b.WriteString(random)
			}
		}
		return lexCase{Entries: es, Text: b.String(), MaxNoise: v[4].(int)}
	})
}

// naiveFindAll is the reference: normalize the text, try every entry at every
// position, drop matches that split an expanded rune or sit inside an
// exception, then select leftmost-longest non-overlapping ones (or all).
func naiveFindAll(entries []Entry, text string, maxNoise int, overlapping bool) []Match {
	n := normalize(text, maxNoise)
	rs := []rune(n.Text)
	byteAt := make([]int, len(rs)+1)
	for i, b := 0, 0; i < len(rs); i++ {
		byteAt[i] = b
		b += utf8.RuneLen(rs[i])
		byteAt[i+1] = b
	}
	origSpan := func(i int) span { return n.spans[byteAt[i]] }
	type cand struct{ i, l, entry int }
	var cands []cand
	for ei, e := range entries {
		key, _ := termKey(e.Term)
		var ctx []exceptContext
		if len(e.Except) > 0 {
			c, _ := newEntryCheck(e, key)
			ctx = c.except
		}
	pos:
		for i := 0; i+len(key) <= len(rs); i++ {
			if !slices.Equal(rs[i:i+len(key)], key) {
				continue
			}
			j := i + len(key)
			if i > 0 && origSpan(i-1) == origSpan(i) || j < len(rs) && origSpan(j-1) == origSpan(j) {
				continue // splits an expanded rune
			}
			for _, x := range ctx {
				if j+len(x.after) > len(rs) || i-len(x.before) < 0 {
					continue
				}
				before := slices.Clone(rs[i-len(x.before) : i])
				slices.Reverse(before)
				if slices.Equal(rs[j:j+len(x.after)], x.after) && slices.Equal(before, x.before) {
					continue pos
				}
			}
			cands = append(cands, cand{i, len(key), ei})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.i != b.i {
			return a.i - b.i
		}
		return b.l - a.l
	})
	var out []Match
	last := 0
	for _, c := range cands {
		if !overlapping && c.i < last {
			continue
		}
		out = append(out, Match{origSpan(c.i).start, origSpan(c.i + c.l - 1).end, c.entry})
		last = c.i + c.l
	}
	if overlapping {
		slices.SortFunc(out, compareMatches)
	}
	return out
}

func TestPropertyMatcherAgreesWithNaive(t *testing.T) {
	props := gopter.NewProperties(propParams(t))
	for _, overlapping := range []bool{false, true} {
		props.Property("matcher == naive reference, overlapping="+strconv.FormatBool(overlapping), prop.ForAll(
			func(c lexCase) bool {
				opts := []Option{WithMaxNoise(c.MaxNoise)}
				if overlapping {
					opts = append(opts, Overlapping())
				}
				m, err := Compile(c.Entries, opts...)
				if err != nil {
					t.Logf("compile: %v", err)
					return false
				}
				got := m.FindAll(c.Text)
				want := naiveFindAll(c.Entries, c.Text, c.MaxNoise, overlapping)
				if len(got) == 0 && len(want) == 0 {
					return true
				}
				if !slices.Equal(got, want) {
					t.Logf("text %q entries %+v maxNoise %d\n got %v\nwant %v", c.Text, c.Entries, c.MaxNoise, got, want)
					return false
				}
				return true
			}, genLexCase()))
	}
	props.TestingRun(t)
}

func TestPropertySpansFoldToTerm(t *testing.T) {
	props := gopter.NewProperties(propParams(t))
	props.Property("text[Start:End] folds to the term, on rune boundaries", prop.ForAll(
		func(c lexCase) bool {
			m, err := Compile(c.Entries, WithMaxNoise(c.MaxNoise), Overlapping())
			if err != nil {
				return false
			}
			for _, x := range m.FindAll(c.Text) {
				if x.Start < 0 || x.End > len(c.Text) || x.Start >= x.End {
					return false
				}
				if b := runeBoundaries(c.Text); !b[x.Start] || !b[x.End] {
					return false
				}
				got, err := termKey(c.Text[x.Start:x.End])
				want, _ := termKey(c.Entries[x.Entry].Term)
				if err != nil || string(got) != string(want) {
					t.Logf("span %q of %q does not fold to %q", c.Text[x.Start:x.End], c.Text, c.Entries[x.Entry].Term)
					return false
				}
			}
			return true
		}, genLexCase()))
	props.TestingRun(t)
}

// variantsOf lists the runes that fold to r (r included).
func variantsOf(r rune) []rune { return append([]rune{r}, foldtab.Preimages(r)...) }

func TestPropertyVariantsFound(t *testing.T) {
	noise := []string{"", " ", "*", "-", "·", "\u200b", "❤️", "，", "😀", "_ ."}
	props := gopter.NewProperties(propParams(t))
	props.Property("Traditional, full-width, case and noise variants of a term are found", prop.ForAll(
		func(term string, picks []int, around string) bool {
			key, err := termKey(term)
			if err != nil {
				return true
			}
			m, err := Compile([]Entry{{Term: term}})
			if err != nil {
				return false
			}
			var b strings.Builder
			for i, r := range key {
				vs := variantsOf(r)
				p := picks[i%len(picks)]
				b.WriteRune(vs[p%len(vs)])
				if i < len(key)-1 {
					b.WriteString(noise[p%len(noise)])
				}
			}
			variant := b.String()
			text := around + "。" + variant + "\n" + around
			start := len(around) + len("。")
			for _, x := range m.FindAll(text) {
				if x.Start == start && x.End == start+len(variant) {
					return true
				}
			}
			t.Logf("variant %q of %q not found in %q: %v", variant, term, text, m.FindAll(text))
			return false
		},
		genText([]rune("亲爱们淘宝微信好评返现说话脑质广告国级顶东猫拼鱼abqxvtm"), 5).SuchThat(func(s string) bool { return s != "" }),
		gen.SliceOfN(6, gen.IntRange(0, 1000)).SuchThat(func(v []int) bool { return len(v) > 0 }),
		genText(textRunes, 10),
	))
	props.TestingRun(t)
}

func TestPropertyFoldIdempotent(t *testing.T) {
	props := gopter.NewProperties(propParams(t))
	props.Property("Fold and Normalize are idempotent", prop.ForAll(
		func(s string) bool {
			f := Fold(s)
			n := Normalize(s).Text
			return Fold(f) == f && Normalize(n).Text == n && NormalizeText(s) == n
		}, gen.OneGenOf(genText(textRunes, 40), gen.AnyString())))
	props.Property("Normalize maps every rune back to original text that folds to it", prop.ForAll(
		func(s string) bool {
			n := Normalize(s)
			for i, r := range n.Text {
				if r == '\n' {
					continue
				}
				st, en := n.Original(i, i+utf8.RuneLen(r))
				if st < 0 || !strings.ContainsRune(Fold(s[st:en]), r) {
					return false
				}
			}
			return true
		}, gen.OneGenOf(genText(textRunes, 40), gen.AnyString())))
	props.TestingRun(t)
}
