package compliance

import (
	"strings"
	"unicode/utf8"

	"github.com/huashu/huashu/scripts"
)

// Suggestion is something the agent can send instead.
type Suggestion struct {
	// Kind is "rewrite" (the reply with the offending parts replaced) or
	// "script" (an approved reply from the phrasebook).
	Kind     string           `json:"kind"`
	Text     string           `json:"text"`
	ScriptID string           `json:"script_id,omitempty"`
	Scenario scripts.Scenario `json:"scenario,omitempty"`
	// For lists the indices of the report's violations this answers.
	For []int `json:"for"`
}

// SuggestOptions tune [Checker.SuggestWith].
type SuggestOptions struct {
	Type        scripts.CustomerType // the buyer's type, if known
	Slots       map[string]string    // values for script slots ({reason}, {solution}, {minutes}, {item})
	Traditional bool                 // render in Traditional characters
	Max         int                  // at most this many suggestions (default 4)
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

// Suggest returns what to send instead of the reply in rep: a deterministic
// rewrite where every violation has one (亲 → 您, a competitor's name → 其他平台,
// personal data masked), then phrasebook scripts that fit the violations.
// Every suggestion passes c.Check with no violations. A clean report gets none.
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
	seen := map[string]bool{}
	add := func(s Suggestion) {
		if o.Traditional {
			s.Text = scripts.ToTraditional(s.Text)
		}
		if len(out) >= o.Max || seen[s.Text] || !c.Check(s.Text).Clean() {
			return
		}
		seen[s.Text] = true
		out = append(out, s)
	}
	if text, ok := rewrite(rep); ok {
		all := make([]int, len(rep.Violations))
		for i := range all {
			all[i] = i
		}
		add(Suggestion{Kind: "rewrite", Text: text, For: all})
	}
	platform := c.platform.String()
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
					add(Suggestion{Kind: "script", Text: text, ScriptID: s.ID, Scenario: s.Scenario, For: which[cat]})
				}
			}
		}
		for _, sc := range scenariosFor[cat] {
			found := c.phrasebook.Find(scripts.Query{Scenario: sc, Type: o.Type, Platform: platform})
			for _, s := range found {
				text, err := s.Render(o.Slots)
				if err != nil {
					continue
				}
				before := len(out)
				add(Suggestion{Kind: "script", Text: text, ScriptID: s.ID, Scenario: s.Scenario, For: which[cat]})
				if len(out) > before {
					break // one script per scenario
				}
			}
		}
	}
	return out
}

// rewrite replaces every violation by its Rewrite; it fails if one has none.
func rewrite(rep Report) (string, bool) {
	var b strings.Builder
	last := 0
	for _, v := range rep.Violations {
		if v.Rewrite == "" || v.Start < last {
			return "", false
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
	}
	b.WriteString(rep.Text[last:])
	return b.String(), true
}
