package pinyin

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/segdict"
	"github.com/stretchr/testify/require"
)

func TestReadings(t *testing.T) {
	tests := []struct {
		give       rune
		want       []string
		wantCommon []string
	}{
		{give: '微', want: []string{"wei"}, wantCommon: []string{"wei"}},
		{give: '长', want: []string{"zhang", "chang"}, wantCommon: []string{"zhang", "chang"}},
		{give: '行', want: []string{"xing", "hang", "heng"}, wantCommon: []string{"xing", "hang"}},
		{give: '了', want: []string{"le", "liao"}, wantCommon: []string{"le"}},
		{give: '绿', want: []string{"lv", "lu"}, wantCommon: []string{"lv"}},
		{give: '略', want: []string{"lve"}, wantCommon: []string{"lve"}},
		{give: '嗯', want: []string{"n", "ng"}, wantCommon: []string{"n", "ng"}}, // Unihan: ń, not en
		{give: '薇', want: []string{"wei"}, wantCommon: []string{"wei"}},
		{give: '龘', want: nil}, // not in the 通用规范汉字表
		{give: '微' + 0x10000, want: nil},
		{give: 'a', want: nil},
		{give: '國', want: nil}, // Traditional: fold first
		{give: -1, want: nil},
		{give: utf8.RuneError, want: nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.give), func(t *testing.T) {
			require.Equal(t, tt.want, Readings(tt.give))
			require.Equal(t, tt.wantCommon, CommonReadings(tt.give))
		})
	}
}

func TestHomophones(t *testing.T) {
	tests := []struct {
		give     string
		wantHead string // the first characters, most frequent first
		wantHas  []rune
		wantNot  []rune
	}{
		{give: "xin", wantHead: "心新信", wantHas: []rune("辛欣薪馨"), wantNot: []rune("鑫")}, // 鑫 is level 2
		{give: "wei", wantHead: "为位委", wantHas: []rune("微维威卫薇"), wantNot: []rune("葳")},
		{give: "hang", wantHas: []rune("行航杭"), wantNot: nil},
		{give: "liao", wantHas: []rune("料聊"), wantNot: []rune("了")}, // liao is a rare reading of 了
		{give: "zui", wantHead: "最", wantHas: []rune("罪嘴醉")},
		{give: "lv", wantHas: []rune("绿律旅")},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got := Homophones(tt.give)
			require.True(t, strings.HasPrefix(string(got), tt.wantHead), "got %s", string(got))
			for _, r := range tt.wantHas {
				require.Contains(t, got, r)
			}
			for _, r := range tt.wantNot {
				require.NotContains(t, got, r)
			}
		})
	}
	for _, give := range []string{"", "Wei", "wēi", "wie", "lue", "xin ", "weixin"} {
		require.Nil(t, Homophones(give), "%q", give)
	}
	// The result is the caller's.
	h := Homophones("xin")
	h[0] = 'x'
	require.Equal(t, '心', Homophones("xin")[0])
}

func TestIsSyllable(t *testing.T) {
	for _, s := range []string{"a", "wei", "xin", "zhuang", "lv", "nve", "er", "ng", "hm", "m", "biang"} {
		require.True(t, IsSyllable(s), "%q", s)
	}
	for _, s := range []string{"", "Wei", "wēi", "wie", "lü", "lue", "weixin", "zhuangg", "x", " a", "v"} {
		require.False(t, IsSyllable(s), "%q", s)
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		give   string
		want   []string
		wantOK bool
	}{
		{give: "weixin", want: []string{"wei", "xin"}, wantOK: true},
		{give: "wei xin", want: []string{"wei", "xin"}, wantOK: true},
		{give: "xian", want: []string{"xian"}, wantOK: true},
		{give: "xi'an", want: []string{"xi", "an"}, wantOK: true},
		{give: "fangan", want: []string{"fang", "an"}, wantOK: true},
		{give: "taobao", want: []string{"tao", "bao"}, wantOK: true},
		{give: "zhuangxiang", want: []string{"zhuang", "xiang"}, wantOK: true},
		{give: "haoping", want: []string{"hao", "ping"}, wantOK: true},
		{give: "lvse", want: []string{"lv", "se"}, wantOK: true},
		{give: "", wantOK: false},
		{give: " ' ", wantOK: false},
		{give: "weixn", wantOK: false},
		{give: "WeiXin", wantOK: false},
		{give: "微信", wantOK: false},
		{give: "vx", wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := Split(tt.give)
			require.Equal(t, tt.wantOK, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		give  string
		limit int
		want  []string
	}{
		// Same-tone homophones first: 威 wēi before 为 wéi, 芯 xìn before 心 xīn.
		{give: "微信", limit: 8, want: []string{"微信", "wei信", "微xin", "weixin", "威信", "微芯", "危信", "微衅"}},
		{give: "淘宝", limit: 4, want: []string{"淘宝", "tao宝", "淘bao", "taobao"}},
		{give: "加微信", limit: 5, want: []string{"加微信", "jia微信", "加wei信", "加微xin", "jiawei信"}},
		{give: "vx", limit: 8, want: []string{"vx"}},           // nothing to expand
		{give: "微", limit: 3, want: []string{"微", "wei", "威"}}, // one character
		{give: "微信", limit: -5, want: []string{"微信"}},
		{give: "", limit: 3, want: []string{""}},
		{give: "龘信", limit: 3, want: []string{"龘信", "龘xin", "龘芯"}}, // 龘 is not in the table
		{give: "微\xff信", limit: 2, want: []string{"微\xff信", "wei\xff信"}},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, Variants(tt.give, tt.limit))
		})
	}
	require.Len(t, Variants("微信", 0), DefaultLimit)
	require.Len(t, Variants("微信", math.MaxInt), 100) // every combination, no overflow
}

func TestExpander(t *testing.T) {
	// Readings override the customary reading (长 zhang).
	got, err := Expander{Limit: 4, Readings: []string{"chang", "cheng"}}.Expand("长城")
	require.NoError(t, err)
	require.Equal(t, []string{"长城", "chang城", "长cheng", "changcheng"}, got)

	// An empty reading keeps the table's.
	got, err = Expander{Limit: 3, Readings: []string{"", "xin"}}.Expand("微信")
	require.NoError(t, err)
	require.Equal(t, []string{"微信", "wei信", "微xin"}, got)

	// Pinyin only.
	got, err = Expander{Limit: 100, Homophones: -1}.Expand("微信")
	require.NoError(t, err)
	require.Equal(t, []string{"微信", "wei信", "微xin", "weixin"}, got)

	// One homophone per character and reading.
	got, err = Expander{Limit: 100, Homophones: 1}.Expand("微信")
	require.NoError(t, err)
	require.Len(t, got, 9) // 3 × 3
	require.Contains(t, got, "威芯")

	// Keep drops variants without spending the limit; the term is kept.
	got, err = Expander{Limit: 5, Keep: func(v string) bool { return v != "威信" }}.Expand("微信")
	require.NoError(t, err)
	require.Equal(t, []string{"微信", "wei信", "微xin", "weixin", "微芯"}, got)

	// A tone digit picks the homophones: 为 wèi, 位 wèi first.
	got, err = Expander{Limit: 6, Readings: []string{"wei4", ""}}.Expand("微信")
	require.NoError(t, err)
	require.Equal(t, []string{"微信", "wei信", "微xin", "weixin", "为信", "微芯"}, got)
	got, err = Expander{Keep: func(string) bool { return false }}.Expand("微信")
	require.NoError(t, err)
	require.Equal(t, []string{"微信"}, got)

	for _, tt := range []struct {
		give     string
		readings []string
		wantMsg  string
	}{
		{give: "微信", readings: []string{"wei"}, wantMsg: `pinyin: readings do not fit the term: 1 readings for 2 Han characters in "微信"`},
		{give: "微信", readings: []string{"wei", "xin", "ma"}, wantMsg: `pinyin: readings do not fit the term: 3 readings for 2 Han characters in "微信"`},
		{give: "微信", readings: []string{"wēi", "xin"}, wantMsg: `pinyin: readings do not fit the term: "wēi" is not a toneless syllable with an optional tone digit`},
		{give: "微信", readings: []string{"wei6", "xin"}, wantMsg: `pinyin: readings do not fit the term: "wei6" is not a toneless syllable with an optional tone digit`},
		{give: "微信", readings: []string{"1", "xin"}, wantMsg: `pinyin: readings do not fit the term: "1" is not a toneless syllable with an optional tone digit`},
		{give: "vx", readings: []string{}, wantMsg: ""},
		{give: "vx", readings: []string{"wei"}, wantMsg: `pinyin: readings do not fit the term: 1 readings for 0 Han characters in "vx"`},
	} {
		_, err := Expander{Readings: tt.readings}.Expand(tt.give)
		if tt.wantMsg == "" {
			require.NoError(t, err)
			continue
		}
		require.True(t, errors.Is(err, ErrReadings), "%v", err)
		require.EqualError(t, err, tt.wantMsg)
	}
}

// TestVariantsWork bounds the work by counting it: at most 16×limit
// combinations examined, at most three states made for each, and rendering
// linear in the term's length.
func TestVariantsWork(t *testing.T) {
	sizes := []int{1, 2, 10, 100, 1000}
	if testing.Short() {
		sizes = sizes[:4]
	}
	for _, n := range sizes {
		term := strings.Repeat("微信", n)
		for _, limit := range []int{1, 32, 200} {
			positions, err := Expander{}.positions(term)
			require.NoError(t, err)
			out, w := enumerate(positions, limit, func(string) bool { return false }) // the worst case
			require.Len(t, out, 1)
			require.LessOrEqual(t, w.examined, examineFactor*limit)
			require.LessOrEqual(t, w.pushed, 3*w.examined, "n=%d limit=%d", n, limit)
			// A state's chain of changes is at most its cost, and costs grow
			// at most by one per examined state in the worst case.
			require.LessOrEqual(t, w.rendered, w.examined*(w.examined+1), "n=%d limit=%d", n, limit)
		}
	}
}

// TestHardNegatives records what the defaults produce for the terms the
// lead will expand first, and which of the variants are words of their own
// or inside one (in the segmentation dictionary): those are the false
// positives a Keep filter must remove. Across word boundaries there are more
// (违反现行 holds 反现, 型号平板 号平); the dictionary cannot see those.
func TestHardNegatives(t *testing.T) {
	words := map[string]bool{}
	var list []string
	for _, line := range strings.Split(segdict.Words, "\n") {
		if w, _, ok := strings.Cut(line, " "); ok && line[0] != '#' {
			words[w] = true
			list = append(list, w)
		}
	}
	inWord := func(v string) bool { // inside a longer word
		for _, w := range list {
			if len(w) > len(v) && strings.Contains(w, v) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		give      string
		wantWords []string // variants that are dictionary words, in order
	}{
		{give: "微信", wantWords: []string{"威信"}},
		{give: "好评", wantWords: nil},
		{give: "返现", wantWords: []string{"范县"}}, // not a word in words.txt, but inside 示范县 and 模范县
		{give: "淘宝", wantWords: nil},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			all := Variants(tt.give, 0)
			require.Len(t, all, DefaultLimit)
			var real []string
			for _, v := range all[1:] {
				if words[v] || inWord(v) {
					real = append(real, v)
				}
			}
			t.Logf("%s: %d variants, %d of them dictionary words %v: %v", tt.give, len(all), len(real), real, all)
			require.Equal(t, tt.wantWords, real)
			kept, err := Expander{Keep: func(v string) bool { return !words[v] && !inWord(v) }}.Expand(tt.give)
			require.NoError(t, err)
			require.Len(t, kept, DefaultLimit)
			for _, v := range kept[1:] {
				require.False(t, words[v] || inWord(v), v)
			}
		})
	}
}

// TestConcurrentFirstUse runs the first load from many goroutines at once
// (meaningful under -race; the table may already be loaded by another test,
// which the race detector also covers through the Once).
func TestConcurrentFirstUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			require.Equal(t, []string{"wei"}, Readings('微'))
			require.NotEmpty(t, Variants("微信", 16))
			require.True(t, IsSyllable("xin"))
		}()
	}
	wg.Wait()
}

func FuzzVariants(f *testing.F) {
	for _, s := range []string{"微信", "加微信", "好评返现", "淘宝", "", "vx", "微\xff信", "長城", "a微b信c"} {
		f.Add(s, 8, 2)
	}
	f.Fuzz(func(t *testing.T, term string, limit, homs int) {
		limit %= 300 // keep a run short; the bound is tested elsewhere
		out, err := Expander{Limit: limit, Homophones: homs % 60}.Expand(term)
		require.NoError(t, err)
		require.NotEmpty(t, out)
		require.Equal(t, term, out[0])
		require.LessOrEqual(t, len(out), max(effectiveLimit(limit), 1))
		seen := map[string]bool{}
		for _, v := range out {
			require.False(t, seen[v], "duplicate %q", v)
			seen[v] = true
		}
		if parts, ok := Split(term); ok {
			require.Equal(t, strings.Join(strings.FieldsFunc(term, func(r rune) bool { return r == ' ' || r == '\'' }), ""), strings.Join(parts, ""))
		}
	})
}

func effectiveLimit(limit int) int {
	if limit == 0 {
		return DefaultLimit
	}
	return limit
}
