package compliance

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/internal/segdict"
)

var updateSweep = flag.Bool("update-sweep", false, "rewrite testdata/sweep_flagged.txt from the current rules")

// TestDictionarySweep puts every word of the compact dictionary (64k common
// words) into a neutral reply and checks it on JD, the strictest platform.
// The words flagged must be exactly those in testdata/sweep_flagged.txt,
// which a person has read: insults, absolute claims, rival platforms'
// names. A rule change that starts flagging ordinary words (废物袋, 去死皮,
// 京东方) fails here and shows the words; after reading them, rerun with
// -update-sweep to accept the new list.
func TestDictionarySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps 64k words")
	}
	c := mustNew(t, WithPlatform(JD))
	var got []string
	for _, line := range strings.Split(segdict.Words, "\n") {
		w, _, _ := strings.Cut(line, " ")
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		rep := c.Check("我们的" + w + "很不错")
		if rep.Clean() {
			continue
		}
		var terms []string
		for _, v := range rep.Violations {
			terms = append(terms, v.Category.String()+":"+v.Text)
		}
		got = append(got, w+"\t"+strings.Join(terms, " "))
	}
	slices.Sort(got)
	const golden = "testdata/sweep_flagged.txt"
	header := "# Words of internal/segdict flagged in \"我们的<word>很不错\" on JD, with what\n" +
		"# flagged them. Read before accepting: go test ./compliance -run Sweep -update-sweep\n"
	raw, err := os.ReadFile(golden)
	if *updateSweep {
		if err == nil { // keep the file's own comments
			header = ""
			for _, line := range strings.Split(string(raw), "\n") {
				if strings.HasPrefix(line, "#") {
					header += line + "\n"
				}
			}
		}
		require.NoError(t, os.WriteFile(golden, []byte(header+strings.Join(got, "\n")+"\n"), 0o644))
		return
	}
	require.NoError(t, err)
	want := dataLines(string(raw))
	var added, removed []string
	for _, g := range got {
		if !slices.Contains(want, g) {
			added = append(added, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			removed = append(removed, w)
		}
	}
	require.Empty(t, added, "newly flagged words (false positives?)")
	require.Empty(t, removed, "words no longer flagged (lost recall?)")
}

// dataLines returns the lines of a testdata file that are neither blank nor
// # comments, trimmed.
func dataLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
