package compliance

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// Issue 7: duplicate terms in one file silently replaced each other, while
// lexicon.Compile rejects them. Across files a later one still overrides.
func TestDuplicateTermsInOneFile(t *testing.T) {
	_, err := New(WithoutDefaults(), WithLexiconText("shop.txt", "饭桶 category=abuse\n# note\n飯桶 category=refusal severity=serious\n"))
	require.ErrorContains(t, err, "shop.txt:3:")
	require.ErrorContains(t, err, "line 1")

	// Across files the later file overrides an earlier one.
	c := mustNew(t, WithPlatform(JD),
		WithLexiconText("a.txt", "饭桶 category=abuse severity=warning\n"),
		WithLexiconText("b.txt", "飯桶 category=abuse severity=critical\n"))
	rep := c.Check("你这个饭桶")
	require.Len(t, rep.Violations, 1)
	require.Equal(t, Critical, rep.Violations[0].Severity)
	require.Equal(t, "b.txt:1", rep.Violations[0].Source)
}

// Issue 7: error messages echoed a 300k-character term whole.
func TestErrorsClipLongValues(t *testing.T) {
	long := strings.Repeat("长", 300000)
	for _, text := range []string{"x category=" + long, "x category=abuse severity=" + long, "x category=abuse x-handle=" + long, long, "x x-platforms=" + long} {
		_, err := New(WithoutDefaults(), WithLexiconText("shop.txt", text))
		require.Error(t, err)
		require.Less(t, utf8.RuneCountInString(err.Error()), 300, err.Error())
	}
	_, err := ParsePlatform(long)
	require.Less(t, utf8.RuneCountInString(err.Error()), 300)
}
