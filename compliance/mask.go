package compliance

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// MaskOptions tune [Mask]. The zero value masks every violation with '*'.
type MaskOptions struct {
	// Categories limits masking to violations of these categories, such as
	// []Category{Privacy} to hide only personal data; empty masks all.
	Categories []Category
	// With replaces each masked character (default '*').
	With rune
}

// Mask returns the report's text with the spans of its violations hidden:
// every character of a span, including the spaces or symbols inserted in
// it (加 微 信 → *****), becomes o.With, so the text keeps its length in
// characters and the rest of the reply reads as written. It is what
// sensitive-word libraries call replace; Suggest's rewrites instead
// replace what has a replacement (亲 → 您, 15900001111 → 159****1111).
//
// Mask uses only the report, so a report kept from an earlier Check can be
// masked later. Spans outside the text are ignored. When nothing is masked
// the text is returned as is.
func Mask(rep Report, o MaskOptions) string {
	if o.With == 0 || !utf8.ValidRune(o.With) {
		o.With = '*'
	}
	type span struct{ start, end int }
	var spans []span
	for _, v := range rep.Violations {
		if len(o.Categories) > 0 && !slices.Contains(o.Categories, v.Category) {
			continue
		}
		if v.Start < 0 || v.End > len(rep.Text) || v.Start >= v.End {
			continue
		}
		spans = append(spans, span{v.Start, v.End})
	}
	if len(spans) == 0 {
		return rep.Text
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	b.Grow(len(rep.Text))
	last := 0 // end of what has been written
	for _, s := range spans {
		if s.end <= last {
			continue // inside a span already masked
		}
		start := max(s.start, last)
		b.WriteString(rep.Text[last:start])
		for range utf8.RuneCountInString(rep.Text[start:s.end]) {
			b.WriteRune(o.With)
		}
		last = s.end
	}
	b.WriteString(rep.Text[last:])
	return b.String()
}
