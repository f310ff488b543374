package lexicon

import (
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/huashu/huashu/internal/foldtab"
)

// Fast paths are checked against the plain code they replace, kept here as
// the reference: they must find exactly what it finds.

// droppedRepeatsRef is the runes appendRepeats drops, decided rune by rune
// from the fold table: the definition droppedRepeats implements with its
// class table.
func droppedRepeatsRef(m *Matcher, text string) []int {
	var dropped []int
	var prev rune = -1
	noise := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		f, k := foldtab.Lookup(r)
		switch {
		case r == utf8.RuneError && n == 1 || k == foldtab.Break || k == foldtab.Expand:
			prev = -1
		case k == foldtab.Noise:
			if noise++; noise > m.cfg.maxNoise {
				prev = -1
			}
		default:
			if f == prev && repeatable(f) && m.repeats.cls.of(f) >= firstClass {
				dropped = append(dropped, i)
			}
			prev, noise = f, 0
		}
		i += n
	}
	return dropped
}

// repeatTexts are texts with repeats of every kind: in and out of the
// alphabet, across noise, breaks, expanding runes, invalid bytes, variant
// spellings and digits.
var repeatTexts = []string{
	"", "谢谢看看", "加微微信", "加微 微信", "加微*****微信", "加微。微信", "加微⑩微信", "加微\xff微信",
	"好好评返现", "好評评返現现", "ＱＱQq", "qQq", "11223", "１1", "淘淘寶宝", "亲親", "微\u200b微信",
	"加微❤️微信", "多多拼多多", "aaa", "⑩⑩", "\xff\xff", "微 * · 微", "，，", "。。",
}

func TestDroppedRepeatsMatchesReference(t *testing.T) {
	fuzzSetup(t)
	for key, m := range fuzzEvasion {
		for _, text := range repeatTexts {
			got, want := m.repeats.droppedRepeats(text, m.cfg.maxNoise), droppedRepeatsRef(m, text)
			if !slices.Equal(got, want) {
				t.Errorf("maxNoise %d: droppedRepeats(%q) = %v, want %v", key[0], text, got, want)
			}
		}
	}
	props := gopter.NewProperties(propParams(t))
	for noise := 0; noise <= 4; noise += 2 {
		m := fuzzEvasion[[2]int{noise, 0}]
		props.Property("droppedRepeats == reference, maxNoise="+strconv.Itoa(noise), prop.ForAll(
			func(text string) bool {
				got, want := m.repeats.droppedRepeats(text, noise), droppedRepeatsRef(m, text)
				if !slices.Equal(got, want) {
					t.Logf("text %q: got %v, want %v", text, got, want)
					return false
				}
				return true
			}, genText(textRunes, 24)))
	}
	props.TestingRun(t)
}

// The class table droppedRepeats reads must agree with the fold table for
// every rune: a rune of kind Other has its fold's class, any other rune its
// kind's class.
func TestClassTableAgreesWithFoldTable(t *testing.T) {
	fuzzSetup(t)
	m := fuzzEvasion[[2]int{4, 0}].repeats
	for r := rune(0); r < utf8.MaxRune+1; r++ {
		f, k := foldtab.Lookup(r)
		got := m.cls.of(r)
		if k != foldtab.Other {
			if got != uint16(k) {
				t.Fatalf("class of %U (kind %d) = %d, want %d", r, k, got, k)
			}
			continue
		}
		if want := m.cls.of(f); got != want || got != clsOther && got < firstClass {
			t.Fatalf("class of %U = %d, class of its fold %U = %d", r, got, f, want)
		}
	}
}
