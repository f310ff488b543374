package lexicon

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPublicWordLists: Compile takes the lists users already have as they
// are (testdata/wordlists: houbb/sensitive-word's dictionary and
// ToolGood.Words' lists, Apache-2.0, licences beside them), merging terms
// that fold alike (asshole and ASSHOLE, 兼容并蓄 and 兼容幷蓄) and leaving out
// those that can never match (┻┼), and still finds what they hold.
func TestPublicWordLists(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles 64k terms")
	}
	for _, tt := range []struct {
		file   string
		lines  int
		sample string
	}{
		{"houbb_sensitive_word_dict.txt", 60000, "39種有毒食品"},
		{"toolgood_BadWord.txt", 1000, "asshole"},
		{"toolgood_IllegalKeywords.txt", 5000, ""},
	} {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile("testdata/wordlists/" + tt.file)
			require.NoError(t, err)
			var entries []Entry
			for _, line := range strings.Split(strings.TrimPrefix(string(raw), "\uFEFF"), "\n") {
				if line = strings.TrimRight(line, "\r"); line != "" {
					entries = append(entries, Entry{Term: line})
				}
			}
			require.Greater(t, len(entries), tt.lines)
			m, err := Compile(entries)
			require.NoError(t, err)
			merged := 0
			for i := range entries {
				if g := m.Merged(i); g[0] != i {
					merged++
				}
			}
			t.Logf("%d entries: %d merged into an earlier one, %d skipped", len(entries), merged, len(m.Skipped()))
			for _, s := range m.Skipped() {
				require.Error(t, s.Err)
			}
			require.Less(t, len(m.Skipped()), len(entries)/100)
			if tt.sample != "" {
				require.NotEmpty(t, m.FindAll("这里写着"+tt.sample+"呢"), tt.sample)
			}
		})
	}
}

// The three capabilities that users of houbb and ToolGood rely on and that
// their test suites exercise: repeated characters, numeral style, and Latin
// word ends decided by letter and digit adjacency.
func TestPeerSuiteCapabilities(t *testing.T) {
	m, err := Compile([]Entry{{Term: "assert"}, {Term: "fuck", Word: true}, {Term: "加微信"}, {Term: "下三滥"}, {Term: "零售"},
		{Term: "vx", Word: true}, {Term: "toolgood", Word: true}}, FoldRepeats(), FoldNumerals())
	require.NoError(t, err)
	for give, want := range map[string]string{
		"asssert":             "asssert",
		"fFuck":               "fFuck",
		"加微微信":                "加微微信",
		"下3滥":                 "下3滥",
		"0售":                  "0售",
		"vx_abc123":           "vx",
		"vx:abc":              "vx",
		"http://ToolGood.com": "ToolGood",
	} {
		ms := m.FindAll(give)
		require.Len(t, ms, 1, give)
		require.Equal(t, want, give[ms[0].Start:ms[0].End], give)
	}
	require.Empty(t, m.FindAll("vxabc"))
	require.Empty(t, m.FindAll("toolgoods"))
}
