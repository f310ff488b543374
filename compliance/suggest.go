package compliance

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/huashu/huashu/scripts"
)

// Suggestion is something the agent can send instead.
type Suggestion struct {
	// Kind is Rewrite (the reply with the offending parts replaced) or
	// Scripted (an approved reply from the phrasebook).
	Kind     SuggestionKind   `json:"kind"`
	Text     string           `json:"text"`
	ScriptID string           `json:"script_id,omitempty"`
	Scenario scripts.Scenario `json:"scenario,omitempty"`
	// For lists the indices of the report's violations this answers.
	For []int `json:"for"`
	// Remaining lists, for a rewrite that could not replace everything,
	// the indices of the report's violations still in Text: the rewrite
	// fixes what it can, and these need the agent (or a script). Empty for
	// scripts and complete rewrites, which pass Check clean and can be sent
	// as they are.
	Remaining []int `json:"remaining,omitempty"`
}

// SuggestOptions tune [Checker.SuggestWith].
type SuggestOptions struct {
	Type  scripts.CustomerType // the buyer's type, if known
	Slots map[string]string    // values for script slots ({reason}, {solution}, {minutes}, {item}, or a custom script's own)
	// Traditional renders the suggestions in Traditional Chinese: standard
	// (scripts.Traditional), Taiwan (scripts.Taiwan) or Hong Kong
	// (scripts.HongKong). The zero value leaves them as written.
	Traditional scripts.Variant
	Max         int // at most this many suggestions (default 4)
}

// scenariosFor lists, per category, the scenarios whose scripts answer it.
var scenariosFor = map[Category][]scripts.Scenario{
	Abuse:            {scripts.Apologise, scripts.Appease, scripts.OfferOptions},
	Refusal:          {scripts.Appease, scripts.ExplainLimit, scripts.OfferOptions, scripts.Escalate},
	ForbiddenAddress: {scripts.Greet},
	OffPlatform:      {scripts.StayOnPlatform}, // after platform-1: the payment script
}

// preferred picks, for categories answered by one StayOnPlatform script, the script that fits.
var preferred = map[Category]string{
	Competitor:       "platform-1",
	OffPlatform:      "platform-1",
	AdAbsolute:       "platform-5",
	Privacy:          "platform-3",
	ReviewInducement: "platform-6",
}

// Suggest returns what to send instead of the reply in rep, most useful
// first:
//
//   - a deterministic rewrite, which replaces every violation that has a
//     replacement (亲 → 您, a competitor's name → 其他平台, personal data
//     masked as 159****1111). When some violation has none, the rewrite
//     still fixes the others and lists what is left in
//     [Suggestion.Remaining];
//   - phrasebook scripts that fit the violations' categories.
//
// Suggestions are ordered by the most serious violation they answer, so the
// first one always answers the worst problem; among those, a rewrite comes
// before scripts. A complete suggestion (no Remaining) passes c.Check with
// no violations; a partial rewrite passes with exactly its Remaining ones.
// A clean report gets none.
func (c *Checker) Suggest(rep Report) []Suggestion { return c.SuggestWith(rep, SuggestOptions{}) }

// SuggestWith is [Checker.Suggest] with options.
func (c *Checker) SuggestWith(rep Report, o SuggestOptions) []Suggestion {
	if rep.Clean() {
		return nil
	}
	if o.Max <= 0 {
		o.Max = 4
	}
	var out []Suggestion
	seen := map[string]int{} // text → index in out
	add := func(s Suggestion) bool {
		s.Text = o.Traditional.Convert(s.Text)
		if k, ok := seen[s.Text]; ok {
			// One script answering several categories answers them all.
			out[k].For = append(out[k].For, s.For...)
			slices.Sort(out[k].For)
			out[k].For = slices.Compact(out[k].For)
			return false
		}
		if !c.passes(s, rep) {
			return false
		}
		seen[s.Text] = len(out)
		out = append(out, s)
		return true
	}
	if text, done, left := rewrite(rep); len(done) > 0 {
		add(Suggestion{Kind: Rewrite, Text: text, For: done, Remaining: left})
	}
	platform := c.platform
	// Categories in order of first appearance, each with the violations it covers.
	var cats []Category
	which := map[Category][]int{}
	for i, v := range rep.Violations {
		if _, ok := which[v.Category]; !ok {
			cats = append(cats, v.Category)
		}
		which[v.Category] = append(which[v.Category], i)
	}
	for _, cat := range cats {
		if id, ok := preferred[cat]; ok {
			if s, ok := c.phrasebook.Get(id); ok && s.For(platform, o.Type) {
				if text, err := s.Render(o.Slots); err == nil {
					add(Suggestion{Kind: Scripted, Text: text, ScriptID: s.ID, Scenario: s.Scenario, For: slices.Clone(which[cat])})
				}
			}
		}
		for _, sc := range scenariosFor[cat] {
			for _, s := range c.phrasebook.Find(scripts.Query{Scenario: sc, Type: o.Type, Platform: platform}) {
				text, err := s.Render(o.Slots)
				if err == nil && add(Suggestion{Kind: Scripted, Text: text, ScriptID: s.ID, Scenario: s.Scenario, For: slices.Clone(which[cat])}) {
					break // one script per scenario
				}
			}
		}
	}
	// Most serious violation answered first; then complete before partial,
	// rewrites before scripts, and more violations answered before fewer.
	worst := func(s Suggestion) Severity {
		w := Severity(0)
		for _, i := range s.For {
			w = max(w, rep.Violations[i].Severity)
		}
		return w
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if wa, wb := worst(a), worst(b); wa != wb {
			return wa > wb
		}
		if (len(a.Remaining) == 0) != (len(b.Remaining) == 0) {
			return len(a.Remaining) == 0
		}
		if (a.Kind == Rewrite) != (b.Kind == Rewrite) {
			return a.Kind == Rewrite
		}
		return len(a.For) > len(b.For)
	})
	if len(out) > o.Max {
		out = out[:o.Max]
	}
	return out
}

// passes reports whether a suggestion checks as it claims: clean when
// complete; for a partial rewrite, with one violation left for each of its
// Remaining ones, in the same categories.
func (c *Checker) passes(s Suggestion, rep Report) bool {
	got := c.Check(s.Text)
	if len(got.Violations) != len(s.Remaining) {
		return false
	}
	want := make([]Category, 0, len(s.Remaining))
	for _, i := range s.Remaining {
		want = append(want, rep.Violations[i].Category)
	}
	have := make([]Category, 0, len(got.Violations))
	for _, v := range got.Violations {
		have = append(have, v.Category)
	}
	slices.Sort(want)
	slices.Sort(have)
	return slices.Equal(want, have)
}

// rewrite replaces each violation that has a Rewrite and does not overlap
// one already replaced. It returns the text and the indices of the
// violations replaced (done) and left as they were (left).
func rewrite(rep Report) (text string, done, left []int) {
	var b strings.Builder
	last := 0
	for i, v := range rep.Violations {
		switch {
		case v.Start < last && v.End <= last:
			done = append(done, i) // inside a span already replaced
			continue
		case v.Rewrite == "" || v.Start < last:
			left = append(left, i)
			continue
		}
		b.WriteString(rep.Text[last:v.Start])
		r := v.Rewrite
		// "亲，..." reads better as "您好，..." than as "您，...".
		if r == "您" {
			if next, _ := utf8.DecodeRuneInString(rep.Text[v.End:]); next == '，' || next == ',' || next == '!' || next == '！' || next == '~' {
				r = "您好"
			}
		}
		b.WriteString(r)
		last = v.End
		done = append(done, i)
	}
	b.WriteString(rep.Text[last:])
	return b.String(), done, left
}
