package compliance

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/internal/corpus"
	"github.com/huashu/huashu/lexicon"
	"github.com/huashu/huashu/scripts"
)

// TestEveryDefaultTermSurvivesEvasion writes every default rule term that
// does not need word boundaries in Traditional characters, in full width,
// and with noise between its characters, and requires the checker of a
// platform where the term applies to flag it with the term's category.
func TestEveryDefaultTermSurvivesEvasion(t *testing.T) {
	checkers := map[Platform]*Checker{}
	for _, p := range scripts.Platforms() {
		checkers[p] = mustNew(t, WithPlatform(p))
	}
	noise := []string{" ", "*", "·", "\u200b", "❤️", "-"}
	checked := 0
	for _, name := range ruleFiles() {
		data, err := defaultRules.ReadFile("rules/" + name)
		require.NoError(t, err)
		es, err := lexicon.Parse(name, strings.NewReader(string(data)))
		require.NoError(t, err)
		for _, e := range es {
			if e.Word || len(e.Except) > 0 || e.Pattern {
				continue // segmentation, exceptions and patterns: see the table and family tests
			}
			var c *Checker
			for _, p := range []Platform{JD, Taobao, Doudian, PDD, Generic} {
				if appliesTo(e, p) && checkers[p].enabled[mustCategory(t, e.Attrs["category"])] {
					c = checkers[p]
					break
				}
			}
			if c == nil {
				continue
			}
			for i, variant := range []string{
				scripts.ToTraditional(e.Term),
				corpus.ToFullWidth(e.Term),
				interleave(e.Term, noise[len(e.Term)%len(noise)]),
				interleave(scripts.ToTraditional(e.Term), noise[(len(e.Term)+1)%len(noise)]),
			} {
				if lexicon.NormalizeText(variant) != lexicon.NormalizeText(e.Term) {
					continue // the Traditional rendering is not one folding undoes (rare)
				}
				handle := ""
				if e.Attrs["x-handle"] == "required" {
					handle = " 12345678" // the term counts only with a handle after it
				}
				text := "您好。" + variant + handle + "。谢谢"
				rep := c.Check(text)
				found := false
				for _, v := range rep.Violations {
					if v.Category.String() == e.Attrs["category"] && strings.Contains(variant+handle, strings.TrimSpace(v.Text)) {
						found = true
					}
				}
				require.True(t, found, "%s:%d %q variant %d %q on %s: %v", name, e.Line, e.Term, i, variant, c.Platform(), cats(rep))
				checked++
			}
		}
	}
	t.Logf("%d variants of default terms checked", checked)
	require.Greater(t, checked, 500)
}

func mustCategory(t *testing.T, s string) Category {
	c, err := ParseCategory(s)
	require.NoError(t, err)
	return c
}

func interleave(s, sep string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
