package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Numerals match in either style, as users of word lists expect (the
// houbb and ToolGood suites: 下3滥 for 下三滥, 0售 for 零售).
func TestNumeralStyle(t *testing.T) {
	m, err := Compile([]Entry{{Term: "下三滥"}, {Term: "零售"}, {Term: "250"}, {Term: "三无产品", Except: []string{"非三无产品"}}}, FoldNumerals())
	require.NoError(t, err)
	for _, tt := range []struct {
		give string
		want []int
	}{
		{"下3滥", []int{0}},
		{"下三滥", []int{0}},
		{"0售价", []int{1}},
		{"〇售", []int{1}},
		{"二五零", []int{2}}, // one numeral changes style, or all of them
		{"二5零", nil},
		{"二50", []int{2}},
		{"250ml", []int{2}},
		{"3无产品", nil}, // an entry with exceptions keeps its own spelling
		{"三无产品", []int{3}},
	} {
		var got []int
		for _, mt := range m.FindAll(tt.give) {
			got = append(got, mt.Entry)
		}
		require.Equal(t, tt.want, got, tt.give)
	}
	require.Equal(t, 4, m.Len())
}

func TestFoldRepeats(t *testing.T) {
	entries := []Entry{{Term: "加微信"}, {Term: "assert"}, {Term: "fuck", Word: true}, {Term: "好评返现"}, {Term: "谢了"}, {Term: "10元"}, {Term: "亲亲"}, {Term: "亲", Except: []string{"亲亲热热"}}}
	plain, err := Compile(entries)
	require.NoError(t, err)
	m, err := Compile(entries, FoldRepeats())
	require.NoError(t, err)
	for _, tt := range []struct {
		give string
		want []Match
	}{
		{"加微微信", []Match{{0, 12, 0}}},
		{"加 微 微 信吧", []Match{{0, 15, 0}}},
		{"加加微信", []Match{{3, 12, 0}}}, // found without folding
		{"asssert", []Match{{0, 7, 1}}},
		{"fFuck you", []Match{{0, 5, 2}}},
		{"好好评返返现", []Match{{0, 18, 3}}}, // the span covers the whole run
		{"谢谢了", []Match{{3, 9, 4}}},     // 谢了 is there as written: nothing new
		{"1000元", nil},                  // digits never fold
		{"亲亲", []Match{{0, 6, 6}}},
		{"亲亲亲", []Match{{0, 6, 6}, {6, 9, 7}}},
		{"谢谢您，看看这个", nil},
	} {
		require.Equal(t, tt.want, m.FindAll(tt.give), tt.give)
	}
	// Without the option, only what is written is found.
	require.Empty(t, plain.FindAll("加微微信"))
	require.Empty(t, plain.FindAll("asssert"))
}

// Pattern verification looks at each byte of text a bounded number of times,
// however dense the anchors: doubling the text doubles the work.
func TestPatternCostIsLinear(t *testing.T) {
	m, err := Compile([]Entry{
		{Term: "(好评|五星)<any:16>(返|送)<money>", Pattern: true},
		{Term: "找<any:16>去", Pattern: true},
		{Term: "最<han:2>", Pattern: true, Except: []string{"最近"}},
	}, FoldRepeats())
	require.NoError(t, err)
	work := func(n int) int64 {
		text := strings.Repeat("好评找最好去五星找返送最近", n) // anchors everywhere, no break
		patternWork.Store(0)
		_ = m.FindAll(text)
		return patternWork.Load()
	}
	small, large := work(2000), work(4000)
	require.Greater(t, small, int64(0))
	ratio := float64(large) / float64(small)
	t.Logf("work: %d bytes for n, %d for 2n (ratio %.2f)", small, large, ratio)
	require.Less(t, ratio, 2.2)
}

// An entry with Sounds also matches its sound-alike spellings: homophones
// standing as words, pinyin with Latin word ends, and mixtures.
func TestSounds(t *testing.T) {
	m, err := Compile([]Entry{{Term: "微信", Sounds: true}, {Term: "返现", Sounds: true}})
	require.NoError(t, err)
	for give, want := range map[string]string{
		"加我weixin吧":  "weixin",
		"加我 wei xin": "wei xin",
		"加我wei信":     "wei信",
		"加我微xin":     "微xin",
		"好评fanxian":  "fanxian",
		"加我微信":       "微信",
	} {
		ms := m.FindAll(give)
		require.Len(t, ms, 1, give)
		require.Equal(t, want, give[ms[0].Start:ms[0].End], give)
	}
	for _, clean := range []string{"违反现行规定", "weixinpay", "这是weixing牌"} {
		require.Empty(t, m.FindAll(clean), clean)
	}
	plain, err := Compile([]Entry{{Term: "微信"}})
	require.NoError(t, err)
	require.Empty(t, plain.FindAll("加我weixin吧"))
}

// Folding repeats must not fold an exception into its term: 妈妈的 holds 妈的
// with a repeat, and the entry's exception says it is not a match.
func TestFoldRepeatsKeepsExceptions(t *testing.T) {
	m, err := Compile([]Entry{{Term: "妈的", Except: []string{"妈妈的"}}, {Term: "加微信"}}, FoldRepeats())
	require.NoError(t, err)
	require.Empty(t, m.FindAll("妈妈的生日快到了"))
	require.Len(t, m.FindAll("妈的，加微微信"), 2)
}
