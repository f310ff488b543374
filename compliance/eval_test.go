package compliance

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// evalCase is one labelled reply of an evaluation set (testdata/dev.json and
// testdata/dev2.json are copies of the project's public development sets;
// see their README for the format).
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

// evalScore is the outcome of one evaluation set, per category.
type evalScore struct {
	cats                      map[string]*catScore
	clean, cleanPass          int
	misses, falsePos, suggest []string
}

type catScore struct{ expected, found, reported, truePos int }

func (s *evalScore) cat(c string) *catScore {
	if s.cats[c] == nil {
		s.cats[c] = &catScore{}
	}
	return s.cats[c]
}

// scoreEval scores the default rules on labelled cases, as the sets' README
// says: an expected span is found when a violation of one of its categories
// overlaps it (counted under its first category); a violation is correct when
// it overlaps an expected or allowed span listing its category; a clean case
// passes when nothing is reported outside its allowed spans; every complete
// suggestion must pass Check, and a partial rewrite must leave exactly the
// violations it lists in Remaining.
func scoreEval(t testing.TB, cases []evalCase) *evalScore {
	s := &evalScore{cats: map[string]*catScore{}}
	checkers := map[string]*Checker{}
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
			cat := s.cat(e.Cat[0])
			cat.expected++
			hit := slices.ContainsFunc(rep.Violations, func(v Violation) bool {
				return slices.Contains(e.Cat, v.Category.String()) && overlaps(v.Start, v.End, s0, s1)
			})
			if hit {
				cat.found++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("%s (%s) %q: want %v %q, got %v", cs.ID, cs.Platform, cs.Text, e.Cat, e.Span, summarize(rep)))
			}
		}
		spans := append(slices.Clone(cs.Expect), cs.Allow...)
		stray := false
		for _, v := range rep.Violations {
			ok := slices.ContainsFunc(spans, func(e evalSpan) bool {
				s0, s1 := e.locate(cs.Text)
				return slices.Contains(e.Cat, v.Category.String()) && overlaps(v.Start, v.End, s0, s1)
			})
			cat := s.cat(v.Category.String())
			cat.reported++
			if ok {
				cat.truePos++
			} else {
				stray = true
				s.falsePos = append(s.falsePos, fmt.Sprintf("%s (%s) %q: %s %q (%s)", cs.ID, cs.Platform, cs.Text, v.Category, v.Text, v.Source))
			}
		}
		if len(cs.Expect) == 0 {
			s.clean++
			if !stray {
				s.cleanPass++
			}
		}
		for _, sg := range c.Suggest(rep) {
			// A partial rewrite keeps exactly its Remaining violations.
			if r := c.Check(sg.Text); len(r.Violations) != len(sg.Remaining) {
				s.suggest = append(s.suggest, fmt.Sprintf("%s: suggestion %q: %v", cs.ID, sg.Text, summarize(r)))
			}
		}
	}
	return s
}

func (s *evalScore) log(t testing.TB, name string) {
	cats := make([]string, 0, len(s.cats))
	for c := range s.cats {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	for _, cat := range cats {
		c := s.cats[cat]
		t.Logf("%s %-18s recall %.2f (%3d/%3d)  precision %.2f (%3d/%3d)", name, cat,
			ratio(c.found, c.expected), c.found, c.expected, ratio(c.truePos, c.reported), c.truePos, c.reported)
	}
	t.Logf("%s clean pass %.3f (%d/%d)", name, ratio(s.cleanPass, s.clean), s.cleanPass, s.clean)
}

func loadEval(t testing.TB, path string) []evalCase {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var cases []evalCase
	require.NoError(t, json.Unmarshal(data, &cases))
	require.NotEmpty(t, cases)
	return cases
}

var evalFile = flag.String("eval", "", "score a labelled set in the dev.json format (TestEvalFile)")

// evalFloors are the scores the development sets must keep: recall and
// precision per category, and the clean pass rate. They only move up.
var evalFloors = map[string]struct {
	recall, precision, clean float64
}{
	"testdata/dev.json":  {0.95, 0.95, 1.00},
	"testdata/dev2.json": {0.90, 0.95, 0.98},
}

// TestEval scores the default rules on the development sets and holds them
// to their floors. Run with -v to see the scores, misses and false positives.
func TestEval(t *testing.T) {
	for path, floor := range evalFloors {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(path, "testdata/"), ".json"), func(t *testing.T) {
			s := scoreEval(t, loadEval(t, path))
			for _, m := range s.misses {
				t.Logf("MISS %s", m)
			}
			for _, m := range s.falsePos {
				t.Logf("FALSE POSITIVE %s", m)
			}
			s.log(t, path)
			for cat, c := range s.cats {
				require.GreaterOrEqual(t, ratio(c.found, c.expected), floor.recall, "recall of %s", cat)
				require.GreaterOrEqual(t, ratio(c.truePos, c.reported), floor.precision, "precision of %s", cat)
			}
			require.GreaterOrEqual(t, ratio(s.cleanPass, s.clean), floor.clean, "clean pass")
			require.Empty(t, s.suggest, "suggestions that do not pass Check")
		})
	}
}

// TestEvalFile scores any labelled set given with -eval FILE, without floors:
//
//	go test ./compliance -run TestEvalFile -v -eval path/to/set.json
func TestEvalFile(t *testing.T) {
	if *evalFile == "" {
		t.Skip("no -eval FILE")
	}
	s := scoreEval(t, loadEval(t, *evalFile))
	for _, m := range s.misses {
		t.Logf("MISS %s", m)
	}
	for _, m := range s.falsePos {
		t.Logf("FALSE POSITIVE %s", m)
	}
	s.log(t, *evalFile)
	for _, m := range s.suggest {
		t.Logf("BAD SUGGESTION %s", m)
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
