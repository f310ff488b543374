package pinyin

import (
	"slices"
	"strings"
	"testing"

	"github.com/huashu/huashu/internal/proptest"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

func propParams(t *testing.T) *gopter.TestParameters { return proptest.Params(t, 400) }

// tableChars returns the table's characters by rank.
func tableChars() []rune {
	tab := load()
	out := make([]rune, len(tab.chars))
	for r, info := range tab.chars {
		out[info.rank] = r
	}
	return out
}

func TestPropHomophones(t *testing.T) {
	tab := load()
	props := gopter.NewProperties(propParams(t))
	props.Property("every homophone of s is common, reads s commonly, and the list is by rank", prop.ForAll(
		func(i int) bool {
			s := tab.syllables[i]
			prev := int32(-1)
			for _, h := range Homophones(s) {
				info := tab.chars[h]
				if !IsCommon(h) || !slices.Contains(CommonReadings(h), s) || info.rank <= prev {
					t.Logf("%s: %c", s, h)
					return false
				}
				prev = info.rank
			}
			return true
		},
		gen.IntRange(0, len(tab.syllables)-1),
	))
	chars := tableChars()
	props.Property("every reading is a syllable; a common character is a homophone of its common readings", prop.ForAll(
		func(i int) bool {
			r := chars[i]
			rs := Readings(r)
			common := CommonReadings(r)
			if len(rs) == 0 || !slices.Equal(rs[:len(common)], common) {
				return false
			}
			for _, s := range rs {
				in := slices.Contains(Homophones(s), r)
				if !IsSyllable(s) || in != (IsCommon(r) && slices.Contains(common, s)) {
					t.Logf("%c %s", r, s)
					return false
				}
			}
			return true
		},
		gen.IntRange(0, len(chars)-1),
	))
	props.TestingRun(t)
}

func TestPropSplit(t *testing.T) {
	tab := load()
	props := gopter.NewProperties(propParams(t))
	props.Property("joined syllables split back into syllables that join to the same text", prop.ForAll(
		func(idx []int, sep bool) bool {
			parts := make([]string, len(idx))
			for i, k := range idx {
				parts[i] = tab.syllables[k]
			}
			joiner := ""
			if sep {
				joiner = "'"
			}
			got, ok := Split(strings.Join(parts, joiner))
			if !ok || strings.Join(got, "") != strings.Join(parts, "") {
				t.Logf("%q → %q %v", parts, got, ok)
				return false
			}
			if sep && !slices.Equal(got, parts) { // apostrophes fix the split
				return false
			}
			for _, s := range got {
				if !IsSyllable(s) {
					return false
				}
			}
			return true
		},
		gen.SliceOfN(6, gen.IntRange(0, len(tab.syllables)-1)).SuchThat(func(v []int) bool { return len(v) > 0 }),
		gen.Bool(),
	))
	props.TestingRun(t)
}

// spells reports whether v is term with each Han character of the table
// written as itself, one of its common readings or a homophone of one.
func spells(v string, term []rune) bool {
	if len(term) == 0 {
		return v == ""
	}
	r := term[0]
	choices := []string{string(r)}
	if isHan(r) {
		for _, s := range CommonReadings(r) {
			choices = append(choices, s)
			for _, h := range Homophones(s) {
				choices = append(choices, string(h))
			}
		}
	}
	for _, c := range choices {
		if rest, ok := strings.CutPrefix(v, c); ok && spells(rest, term[1:]) {
			return true
		}
	}
	return false
}

func TestPropVariants(t *testing.T) {
	chars := tableChars()
	props := gopter.NewProperties(propParams(t))
	genTerm := gen.SliceOfN(4, gen.IntRange(-2, len(chars)-1)).Map(func(idx []int) string {
		var b strings.Builder
		for _, i := range idx {
			switch {
			case i == -2:
				b.WriteString("x")
			case i == -1:
				b.WriteString("龘") // Han, not in the table
			default:
				b.WriteRune(chars[i%500]) // mostly common characters
			}
		}
		return b.String()
	})
	props.Property("variants: the term first, distinct, bounded, each a spelling of the term", prop.ForAll(
		func(term string, limit int) bool {
			out := Variants(term, limit)
			if len(out) == 0 || out[0] != term || len(out) > limit {
				return false
			}
			seen := map[string]bool{}
			for _, v := range out {
				if seen[v] || !spells(v, []rune(term)) {
					t.Logf("%s: %q", term, v)
					return false
				}
				seen[v] = true
			}
			return true
		},
		genTerm,
		gen.IntRange(1, 100),
	))
	props.Property("a smaller limit gives a prefix of a larger one", prop.ForAll(
		func(term string, a, b int) bool {
			small, large := Variants(term, min(a, b)), Variants(term, max(a, b))
			return slices.Equal(small, large[:len(small)])
		},
		genTerm,
		gen.IntRange(1, 60),
		gen.IntRange(1, 60),
	))
	props.Property("the all-pinyin spelling of a term of table characters comes early", prop.ForAll(
		func(term string) bool {
			var want strings.Builder
			for _, r := range term {
				if rs := CommonReadings(r); rs != nil {
					want.WriteString(rs[0])
				} else {
					want.WriteRune(r)
				}
			}
			// Cost of the all-pinyin spelling: one per table character; every
			// variant before it costs as much or less, and with k characters
			// of the table there are at most 2^k such mixed spellings plus
			// the same-cost ones using second readings.
			return slices.Contains(Variants(term, 1<<10), want.String())
		},
		genTerm,
	))
	props.TestingRun(t)
}
