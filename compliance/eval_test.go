package compliance

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// evalCase is one labelled reply of testdata/dev.json (a copy of the
// project's shared evaluation sample).
type evalCase struct {
	ID       string     `json:"id"`
	Platform string     `json:"platform"`
	Text     string     `json:"text"`
	Expect   []evalSpan `json:"expect"`
	Allow    []evalSpan `json:"allow"`
}

type evalSpan struct {
	Cat  []string `json:"cat"`
	Span string   `json:"span"`
}

func (s evalSpan) locate(text string) (int, int) {
	i := strings.Index(text, s.Span)
	if i < 0 {
		return -1, -1
	}
	return i, i + len(s.Span)
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// TestEvalDev scores the default rules on the labelled sample. An expected
// span is found when a violation of one of its categories overlaps it; a
// violation is a false positive when it overlaps no expected or allowed span
// of its category. Recall is counted under each expected span's first
// category; both must be at least 0.95 per category.
func TestEvalDev(t *testing.T) {
	data, err := os.ReadFile("testdata/dev.json")
	require.NoError(t, err)
	var cases []evalCase
	require.NoError(t, json.Unmarshal(data, &cases))
	require.NotEmpty(t, cases)
	checkers := map[string]*Checker{}
	type score struct{ expected, found, reported, truePos int }
	scores := map[string]*score{}
	get := func(cat string) *score {
		if scores[cat] == nil {
			scores[cat] = &score{}
		}
		return scores[cat]
	}
	for _, cs := range cases {
		c := checkers[cs.Platform]
		if c == nil {
			p, err := ParsePlatform(cs.Platform)
			require.NoError(t, err)
			c, err = New(WithPlatform(p))
			require.NoError(t, err)
			checkers[cs.Platform] = c
		}
		rep := c.Check(cs.Text)
		for _, e := range cs.Expect {
			s0, s1 := e.locate(cs.Text)
			require.GreaterOrEqual(t, s0, 0, "%s: span %q not in text", cs.ID, e.Span)
			get(e.Cat[0]).expected++
			hit := false
			for _, v := range rep.Violations {
				if slices.Contains(e.Cat, v.Category.String()) && overlaps(v.Start, v.End, s0, s1) {
					hit = true
				}
			}
			if hit {
				get(e.Cat[0]).found++
			} else {
				t.Logf("MISS %s (%s) %q: want %v %q, got %v", cs.ID, cs.Platform, cs.Text, e.Cat, e.Span, summarize(rep))
			}
		}
		for _, v := range rep.Violations {
			ok := false
			for _, e := range append(slices.Clone(cs.Expect), cs.Allow...) {
				s0, s1 := e.locate(cs.Text)
				if slices.Contains(e.Cat, v.Category.String()) && overlaps(v.Start, v.End, s0, s1) {
					ok = true
				}
			}
			get(v.Category.String()).reported++
			if ok {
				get(v.Category.String()).truePos++
			} else {
				t.Logf("FALSE POSITIVE %s (%s) %q: %s %q (%s)", cs.ID, cs.Platform, cs.Text, v.Category, v.Text, v.Source)
			}
		}
	}
	cats := make([]string, 0, len(scores))
	for c := range scores {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	for _, cat := range cats {
		s := scores[cat]
		recall, precision := ratio(s.found, s.expected), ratio(s.truePos, s.reported)
		t.Logf("%-18s recall %.2f (%d/%d)  precision %.2f (%d/%d)", cat, recall, s.found, s.expected, precision, s.truePos, s.reported)
		require.GreaterOrEqual(t, recall, 0.95, "recall of %s", cat)
		require.GreaterOrEqual(t, precision, 0.95, "precision of %s", cat)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func summarize(rep Report) []string {
	var out []string
	for _, v := range rep.Violations {
		out = append(out, v.Category.String()+":"+v.Text)
	}
	return out
}
