package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/foldtab"
)

// DefaultMaxNoise is how many noise characters may stand between two
// characters of a term by default; see [WithMaxNoise].
const DefaultMaxNoise = 4

// FoldRune folds one rune: Traditional → Simplified, full-width → half-width,
// upper → lower case, compatibility forms → their plain form. A rune whose
// fold is several runes (⑩ → "10") is returned unchanged; [Fold] expands it.
func FoldRune(r rune) rune {
	f, _ := foldtab.Lookup(r)
	return f
}

// Fold returns text with every rune folded as [FoldRune] does, expanding
// multi-rune compatibility forms (⑩ → "10", ⑴ → "(1)"). Noise and breaks are
// kept. Fold returns text itself, without allocating, when nothing changes.
// Invalid UTF-8 bytes are kept as they are. Fold is idempotent.
func Fold(text string) string {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return foldFrom(text, i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if f, k := foldtab.Lookup(r); f != r || k == foldtab.Expand {
			return foldFrom(text, i)
		}
		i += n
	}
	return text
}

func foldFrom(text string, i int) string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	b.WriteString(text[:i])
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(text[i])
			i++
			continue
		}
		f, k := foldtab.Lookup(r)
		if k == foldtab.Expand {
			b.WriteString(foldtab.Expansion(r))
		} else {
			b.WriteRune(f)
		}
		i += n
	}
	return b.String()
}

// unit is one folded rune of the text, with the byte span of the original rune
// it comes from. An expanded rune (⑩) yields several units sharing one span;
// first and last say where a unit stands in its rune's expansion.
type unit struct {
	r          rune
	start, end int
	kind       foldtab.Kind
	first      bool
	last       bool
}

// forEachUnit calls fn for every unit of text[from:to] in order, stopping when fn
// returns false. Invalid bytes are units of kind Other with r = utf8.RuneError.
func forEachUnit(text string, from, to int, fn func(u unit) bool) {
	for i := from; i < to; {
		r, n := decodeRune(text, i)
		f, k := foldtab.Lookup(r)
		if r == utf8.RuneError && n == 1 {
			f, k = r, foldtab.Other
		}
		if k != foldtab.Expand {
			if !fn(unit{f, i, i + n, k, true, true}) {
				return
			}
			i += n
			continue
		}
		exp := foldtab.Expansion(r)
		firstU, lastU := unitBounds(exp)
		for j, x := range exp {
			_, xk := foldtab.Lookup(x)
			if !fn(unit{x, i, i + n, xk, j == firstU, j == lastU}) {
				return
			}
		}
		i += n
	}
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with ASCII and the
// three-byte sequences of nearly all Chinese text decoded inline. A
// three-byte sequence led by E1..EC or EE..EF cannot be overlong or a
// surrogate, so valid continuation bytes suffice; E0 and ED leads take
// the checked path.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c-0xE1 < 0x0F && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(text[i:])
}

// Normalized is text folded and stripped of noise, as the matcher sees it,
// with a map back to the original text.
type Normalized struct {
	// Text is the folded text without noise. Breaks (line and sentence ends)
	// are kept, and a run of more than the allowed noise characters becomes
	// one "\n", since no term may span it.
	Text  string
	spans []span // for each byte of Text, the original span it came from
}

type span struct{ start, end int }

// Normalize folds text as [Fold] does and removes noise the way the matcher
// skips it (with [DefaultMaxNoise]). Use [Normalized.Original] to map a range
// of the result back to the original text. Normalize is idempotent:
// Normalize(Normalize(s).Text).Text == Normalize(s).Text.
func Normalize(text string) Normalized { return normalize(text, DefaultMaxNoise) }

func normalize(text string, maxNoise int) Normalized {
	b, spans := appendNormalized(nil, nil, text, maxNoise)
	return Normalized{Text: string(b), spans: spans}
}

// appendNormalized appends the normalized form of text to b and, for each
// byte appended, the original span it came from to spans.
func appendNormalized(b []byte, spans []span, text string, maxNoise int) ([]byte, []span) {
	noise, noiseStart, prevEnd := 0, 0, 0
	emitted := false
	forEachUnit(text, 0, len(text), func(u unit) bool {
		if u.kind == foldtab.Noise {
			if noise == 0 {
				noiseStart = u.start
			}
			noise++
			return true
		}
		if noise > maxNoise && emitted {
			// The marker stands for the noise between the previous unit and
			// this one; noise inside an expanded rune (the ")" of ⑴) maps to
			// the empty span at its end.
			b = append(b, '\n')
			spans = append(spans, span{max(noiseStart, prevEnd), max(u.start, prevEnd)})
		}
		noise = 0
		n := len(b)
		b = utf8.AppendRune(b, u.r)
		for k := n; k < len(b); k++ {
			spans = append(spans, span{u.start, u.end})
		}
		emitted = true
		prevEnd = u.end
		return true
	})
	return b, spans
}

// NormalizeText returns Normalize(text).Text without building the map back
// to the original text: cheaper when only the normalized text is needed (to
// compare two replies, say).
func NormalizeText(text string) string {
	var b strings.Builder
	noise, emitted := 0, false
	forEachUnit(text, 0, len(text), func(u unit) bool {
		if u.kind == foldtab.Noise {
			noise++
			return true
		}
		if noise > DefaultMaxNoise && emitted {
			b.WriteByte('\n')
		}
		noise = 0
		b.WriteRune(u.r)
		emitted = true
		return true
	})
	return b.String()
}

// Original maps the byte range [i, j) of n.Text back to the byte range of the
// original text it was made from. It returns (-1, -1) when the range is empty
// or out of bounds.
func (n Normalized) Original(i, j int) (start, end int) {
	if i < 0 || j > len(n.spans) || i >= j {
		return -1, -1
	}
	return n.spans[i].start, n.spans[j-1].end
}
