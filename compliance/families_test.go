package compliance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/scripts"
)

// The rule families are held in both directions by line files, one pair per
// family, written from the category's definition:
//
//	testdata/positives/NAME.txt   category[@platform]<TAB>reply: must be flagged in that category
//	testdata/negatives/NAME.txt   [platform<TAB>]reply: must be clean (on every platform when none is given)
//
// Blank lines and # comments are skipped.
func TestFamilies(t *testing.T) {
	checkers := map[Platform]*Checker{}
	get := func(p Platform) *Checker {
		if checkers[p] == nil {
			checkers[p] = mustNew(t, WithPlatform(p))
		}
		return checkers[p]
	}
	pos, err := filepath.Glob("testdata/positives/*.txt")
	require.NoError(t, err)
	neg, err := filepath.Glob("testdata/negatives/*.txt")
	require.NoError(t, err)
	for _, file := range pos {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, line := range dataLines(string(raw)) {
			head, text, ok := strings.Cut(line, "\t")
			require.True(t, ok, "%s: %q: want category<TAB>reply", file, line)
			code, plat, _ := strings.Cut(head, "@")
			cat, err := ParseCategory(code)
			require.NoError(t, err, "%s: %q", file, line)
			p := Generic
			if plat != "" {
				p, err = ParsePlatform(plat)
				require.NoError(t, err, "%s: %q", file, line)
			}
			rep := get(p).Check(text)
			found := false
			for _, v := range rep.Violations {
				found = found || v.Category == cat
			}
			if !found { // every miss is listed, not only the first
				t.Errorf("%s: %s: %q not flagged as %s: %v", file, p, text, cat, summarize(rep))
			}
		}
	}
	for _, file := range neg {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, line := range dataLines(string(raw)) {
			platforms := scripts.Platforms()
			if head, text, ok := strings.Cut(line, "\t"); ok {
				p, err := ParsePlatform(head)
				require.NoError(t, err, "%s: %q", file, line)
				platforms, line = []Platform{p}, text
			}
			for _, p := range platforms {
				rep := get(p).Check(line)
				if !rep.Clean() {
					t.Errorf("%s: %s: %q flagged: %v", file, p, line, summarize(rep))
				}
			}
		}
	}
}
