package pinyin

import (
	"bufio"
	"compress/bzip2"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/huashu/huashu/internal/segdict"
	"github.com/stretchr/testify/require"
)

// unihanDir is where the Unihan source files are looked for: Debian's
// unicode-data package, or $HUASHU_UNIHAN.
func unihanDir() string {
	if d := os.Getenv("HUASHU_UNIHAN"); d != "" {
		return d
	}
	return "/usr/share/unicode"
}

// openUnihan opens a Unihan file, plain or bzip2-compressed, or skips the
// test when it is not on the machine: the checked-in table alone must make
// the other tests pass.
func openUnihan(t *testing.T, name string) io.Reader {
	t.Helper()
	path := filepath.Join(unihanDir(), name)
	if f, err := os.Open(path); err == nil {
		t.Cleanup(func() { f.Close() })
		return f
	}
	f, err := os.Open(path + ".bz2")
	if err != nil {
		t.Skipf("Unihan source not found (%s[.bz2]): install Debian's unicode-data or set HUASHU_UNIHAN to check the table against it", path)
	}
	t.Cleanup(func() { f.Close() })
	return bzip2.NewReader(f)
}

// readUnihan returns field → rune → value for the wanted fields, and the
// file's Unicode version.
func readUnihan(t *testing.T, name string, fields ...string) (map[string]map[rune]string, string) {
	t.Helper()
	out := map[string]map[rune]string{}
	for _, f := range fields {
		out[f] = map[rune]string{}
	}
	version := ""
	sc := bufio.NewScanner(openUnihan(t, name))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		cp, field, value := splitUnihanLine(t, line)
		if m, ok := out[field]; ok {
			m[cp] = value
		}
	}
	require.NoError(t, sc.Err())
	return out, version
}

func splitUnihanLine(t *testing.T, line string) (rune, string, string) {
	parts := strings.SplitN(line, "\t", 3)
	require.Len(t, parts, 3, "line %q", line)
	cp, err := strconv.ParseUint(strings.TrimPrefix(parts[0], "U+"), 16, 32)
	require.NoError(t, err, "line %q", line)
	return rune(cp), parts[1], parts[2]
}

// plain maps toned vowels to toneless ones, ü to v; written out here rather
// than derived through NFD as gen.go does, so the two check each other.
var plain = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ê", "e", "ế", "e", "ề", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v", "ü", "v",
	"ḿ", "m", "m̀", "m", "ń", "n", "ň", "n", "ǹ", "n",
)

// toneOf returns the tone of a toned reading, 5 for the neutral tone.
func toneOf(s string) int {
	for _, r := range s {
		switch {
		case strings.ContainsRune("āēīōūǖ\u0304", r):
			return 1
		case strings.ContainsRune("áéíóúǘḿńế\u0301", r):
			return 2
		case strings.ContainsRune("ǎěǐǒǔǚň\u030C", r):
			return 3
		case strings.ContainsRune("àèìòùǜǹề\u0300", r):
			return 4
		}
	}
	return 5
}

func toneless(t *testing.T, s string) string {
	out := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, plain.Replace(s))
	for _, r := range out {
		require.True(t, r >= 'a' && r <= 'z', "reading %q: toneless %q", s, out)
	}
	return out
}

// located returns the readings of a "loc:r1,r2 loc:r3" field value.
func located(v string) []string {
	var out []string
	for _, item := range strings.Fields(v) {
		_, rs, _ := strings.Cut(item, ":")
		out = append(out, strings.Split(rs, ",")...)
	}
	return out
}

// TestTableAgainstUnihan checks every entry of the generated table against
// Unihan: the character set and levels (kTGH), every character's readings,
// their order, tones and which are common (kMandarin, kHanyuPinlu,
// kTGHZ2013), and the syllable inventory.
func TestTableAgainstUnihan(t *testing.T) {
	if testing.Short() {
		t.Skip("decompressing Unihan takes seconds; run without -short to check the table against it")
	}
	rd, version := readUnihan(t, "Unihan_Readings.txt",
		"kMandarin", "kHanyuPinlu", "kTGHZ2013", "kHanyuPinyin", "kXHC1983")
	om, otherVersion := readUnihan(t, "Unihan_OtherMappings.txt", "kTGH")
	require.Equal(t, UnihanVersion, version, "table generated from another Unihan version: run go generate")
	require.Equal(t, version, otherVersion)
	tab := load()

	// Character set and levels.
	require.Len(t, tab.chars, len(om["kTGH"]))
	for r, v := range om["kTGH"] {
		_, idx, ok := strings.Cut(v, ":")
		require.True(t, ok, "kTGH %q", v)
		n, err := strconv.Atoi(idx)
		require.NoError(t, err)
		_, in := tab.chars[r]
		require.True(t, in, "%c U+%04X (kTGH %s) missing", r, r, v)
		require.Equal(t, n <= 3500, IsCommon(r), "%c: kTGH %s", r, v)
	}

	for r := range tab.chars {
		// Readings: kMandarin first, then kHanyuPinlu by count, then
		// kTGHZ2013 in order; common: kMandarin and Pinlu ≥ 5%.
		tones := map[string]toneSet{}
		addTone := func(s string) string {
			x := toneless(t, s)
			tones[x] |= 1 << (toneOf(s) - 1)
			return x
		}
		first := addTone(strings.Fields(rd["kMandarin"][r])[0])
		want := []string{first}
		common := []string{first}
		counts := map[string]int{}
		var order []string
		total := 0
		for _, item := range strings.Fields(rd["kHanyuPinlu"][r]) {
			s, n, _ := strings.Cut(strings.TrimSuffix(item, ")"), "(")
			c, err := strconv.Atoi(n)
			require.NoError(t, err)
			s = addTone(s)
			if _, ok := counts[s]; !ok {
				order = append(order, s)
			}
			counts[s] += c
			total += c
		}
		slices.SortStableFunc(order, func(a, b string) int { return counts[b] - counts[a] })
		for _, s := range order {
			if !slices.Contains(want, s) {
				want = append(want, s)
				if counts[s]*20 >= total {
					common = append(common, s)
				}
			}
		}
		for _, s := range located(rd["kTGHZ2013"][r]) {
			if s = addTone(s); !slices.Contains(want, s) {
				want = append(want, s)
			}
		}
		require.Equal(t, want, Readings(r), "%c U+%04X", r, r)
		require.Equal(t, common, CommonReadings(r), "%c U+%04X", r, r)
		info := tab.chars[r]
		for k := info.off; k < info.off+uint32(info.n); k++ {
			s := tab.syllables[tab.readings[k]]
			require.Equal(t, tones[s], tab.tones[k], "%c U+%04X %s: tones", r, r, s)
		}
	}

	// Syllables: every toneless reading of the file.
	sylls := map[string]bool{}
	for _, f := range []string{"kMandarin", "kHanyuPinlu"} {
		for _, v := range rd[f] {
			for _, item := range strings.Fields(v) {
				s, _, _ := strings.Cut(item, "(")
				sylls[toneless(t, s)] = true
			}
		}
	}
	for _, f := range []string{"kTGHZ2013", "kHanyuPinyin", "kXHC1983"} {
		for _, v := range rd[f] {
			for _, s := range located(v) {
				sylls[toneless(t, s)] = true
			}
		}
	}
	var want []string
	for s := range sylls {
		want = append(want, s)
	}
	slices.Sort(want)
	require.Equal(t, want, tab.syllables)
}

// TestTableOrder checks the ranking against the segmentation dictionary
// (in the repository): level 1 first, each level by non-increasing
// frequency.
func TestTableOrder(t *testing.T) {
	freq := map[rune]int64{}
	for _, line := range strings.Split(segdict.Words, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, n, ok := strings.Cut(line, " ")
		require.True(t, ok, "words.txt line %q", line)
		c, err := strconv.ParseInt(n, 10, 64)
		require.NoError(t, err)
		for _, r := range w {
			freq[r] += c
		}
	}
	tab := load()
	byRank := make([]rune, len(tab.chars))
	for r, info := range tab.chars {
		byRank[info.rank] = r
	}
	for i := 1; i < len(byRank); i++ {
		a, b := byRank[i-1], byRank[i]
		if IsCommon(a) != IsCommon(b) {
			require.True(t, IsCommon(a), "level 1 must come first: %c before %c", a, b)
			require.Equal(t, commonChars, i)
			continue
		}
		require.GreaterOrEqual(t, freq[a], freq[b], "%c (rank %d) before %c", a, i-1, b)
	}
}

// TestTableShape checks what the code relies on, on the checked-in table.
func TestTableShape(t *testing.T) {
	tab := load()
	require.Zero(t, tab.unknown, "readings of charData missing from syllableData")
	require.Len(t, tab.chars, 8105)
	require.True(t, slices.IsSorted(tab.syllables))
	longest := 0
	for _, s := range tab.syllables {
		longest = max(longest, len(s))
	}
	require.Equal(t, maxSyllableLen, longest)
	common := 0
	for r, info := range tab.chars {
		require.True(t, isHan(r), "%c U+%04X outside the Han blocks isHan knows", r, r)
		require.Positive(t, info.nCommon, "%c has no common reading", r)
		require.LessOrEqual(t, info.nCommon, info.n)
		if info.isCommon {
			common++
		}
	}
	require.Equal(t, 3500, common)
	for s, h := range tab.homophones {
		require.LessOrEqual(t, len(h), MaxHomophones, "%s", tab.syllables[s])
	}
}
