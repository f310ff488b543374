package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// spans renders matches as "text=term" strings for compact assertions.
func spans(text string, entries []Entry, ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, text[m.Start:m.End]+"="+entries[m.Entry].Term)
	}
	return out
}

var testEntries = []Entry{
	{Term: "亲", Word: true, Except: []string{"亲肤", "亲水"}},
	{Term: "亲爱的"},
	{Term: "淘宝"},
	{Term: "加微信"},
	{Term: "微信", Except: []string{"微信支付"}},
	{Term: "好评返现"},
	{Term: "智障"},
	{Term: "神经病"},
	{Term: "滚", Word: true},
	{Term: "有病", Word: true},
	{Term: "QQ", Word: true},
	{Term: "TM", Word: true},
	{Term: "10"},
	{Term: "拼多多"},
	{Term: "多多"},
}

func TestFindAll(t *testing.T) {
	m, err := Compile(testEntries)
	require.NoError(t, err)
	for _, tt := range []struct {
		give string
		want []string
	}{
		// Words, not substrings.
		{"亲，您好", []string{"亲=亲"}},
		{"好的亲", []string{"亲=亲"}},
		{"请亲耐心等待", []string{"亲=亲"}},
		{"亲自", nil},
		{"父亲节快乐", nil},
		{"亲子装", nil},
		{"亲肤面料", nil},
		{"这款亲水涂层", nil},
		{"亲戚朋友", nil},
		{"滚筒洗衣机", nil},
		{"滚动播放", nil},
		{"你给我滚", []string{"滚=滚"}},
		{"有病毒的文件", nil},
		{"你有病吧", []string{"有病=有病"}},
		{"TMALL", nil},
		{"tm", []string{"tm=TM"}},
		{"加我QQ", []string{"QQ=QQ"}},
		{"QQ号多少", []string{"QQ=QQ"}},
		{"QQQ", nil},
		// Traditional, full-width, case, compatibility forms.
		{"淘寶", []string{"淘寶=淘宝"}},
		{"親愛的，歡迎光臨", []string{"親愛的=亲爱的"}},
		{"ＱＱ号", []string{"ＱＱ=QQ"}},
		{"qq", []string{"qq=QQ"}},
		{"第⑩名", []string{"⑩=10"}},
		{"神經病", []string{"神經病=神经病"}},
		// Noise between the characters of a term.
		{"淘*宝", []string{"淘*宝=淘宝"}},
		{"淘-宝", []string{"淘-宝=淘宝"}},
		{"加 微 信", []string{"加 微 信=加微信"}},
		{"微❤信", []string{"微❤信=微信"}},
		{"微❤️信", []string{"微❤️信=微信"}},
		{"好-评-返-现", []string{"好-评-返-现=好评返现"}},
		{"智·障", []string{"智·障=智障"}},
		{"淘\u200b宝", []string{"淘\u200b宝=淘宝"}},
		{"淘😀宝", []string{"淘😀宝=淘宝"}},
		{"神 經 病", []string{"神 經 病=神经病"}},
		{"  淘宝  ", []string{"淘宝=淘宝"}},
		// ...but never across a break or too much noise.
		{"淘。宝", nil},
		{"淘\n宝", nil},
		{"淘！宝", nil},
		{"淘     宝", nil},
		{"淘****宝", []string{"淘****宝=淘宝"}},
		{"淘*****宝", nil},
		// Exceptions.
		{"微信支付", nil},
		{"微 信 支 付", nil},
		{"用微信付款", []string{"微信=微信"}},
		// Leftmost-longest, non-overlapping.
		{"加微信", []string{"加微信=加微信"}},
		{"拼多多", []string{"拼多多=拼多多"}},
		{"多多拼多多", []string{"多多=多多", "拼多多=拼多多"}},
		{"淘宝淘宝", []string{"淘宝=淘宝", "淘宝=淘宝"}},
		// Nothing to find.
		{"", nil},
		{"已为您申请退款，请注意查收", nil},
		{"\xff\xfe淘\xff宝", nil},
		{"淘宝\xff", []string{"淘宝=淘宝"}},
	} {
		t.Run(tt.give, func(t *testing.T) {
			got := spans(tt.give, testEntries, m.FindAll(tt.give))
			if tt.want == nil {
				tt.want = []string{}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestOverlapping(t *testing.T) {
	m, err := Compile(testEntries, Overlapping())
	require.NoError(t, err)
	require.Equal(t, []string{"加微信=加微信", "微信=微信"}, spans("加微信", testEntries, m.FindAll("加微信")))
	require.Equal(t, []string{"拼多多=拼多多", "多多=多多"}, spans("拼多多", testEntries, m.FindAll("拼多多")))
}

func TestMaxNoise(t *testing.T) {
	entries := []Entry{{Term: "淘宝"}}
	m0, err := Compile(entries, WithMaxNoise(0))
	require.NoError(t, err)
	require.Empty(t, m0.FindAll("淘 宝"))
	require.Len(t, m0.FindAll("淘宝"), 1)
	m1, err := Compile(entries, WithMaxNoise(1))
	require.NoError(t, err)
	require.Len(t, m1.FindAll("淘 宝"), 1)
	require.Empty(t, m1.FindAll("淘  宝"))
	_, err = Compile(entries, WithMaxNoise(-1))
	require.ErrorIs(t, err, ErrInvalidOption)
	_, err = Compile(entries, WithMaxNoise(17))
	require.ErrorIs(t, err, ErrInvalidOption)
}

func TestCompileErrors(t *testing.T) {
	for _, tt := range []struct {
		name    string
		give    []Entry
		wantErr error
		wantMsg string
	}{
		{"duplicate that matches differently", []Entry{{Term: "淘宝"}, {Term: "淘寶", Word: true}}, ErrDuplicate, `like entry 0 ("淘宝") but matches differently`},
		{"bad exception", []Entry{{Term: "亲", Except: []string{"父母"}}}, ErrBadException, "父母"},
		{"exception is term", []Entry{{Term: "亲", Except: []string{"親"}}}, ErrBadException, "term itself"},
		{"bad pattern", []Entry{{Term: "(你", Pattern: true}}, ErrBadPattern, "missing closing )"},
		{"long term shown cut", []Entry{{Term: "亲", Except: []string{strings.Repeat("长", 300)}}}, ErrBadException, "长…"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile(tt.give)
			require.ErrorIs(t, err, tt.wantErr)
			require.Contains(t, err.Error(), tt.wantMsg)
			require.Less(t, len(err.Error()), 400)
			var ee *EntryError
			require.True(t, errors.As(err, &ee))
		})
	}
}

// TestCompileTakesWordLists: the public lists users have hold terms that
// fold alike and terms that can never match; Compile merges the first and
// skips the second, and says so.
func TestCompileTakesWordLists(t *testing.T) {
	give := []Entry{
		{Term: "兼容并蓄"}, {Term: "a"}, {Term: ""}, {Term: "┻┼"}, {Term: "a\xffb"},
		{Term: strings.Repeat("长", MaxTermLen+1)}, {Term: "你好！再见"}, {Term: "兼容幷蓄"}, {Term: "加微信"}, {Term: "加 微 信"}, {Term: "A"},
	}
	m, err := Compile(give)
	require.NoError(t, err)
	var skipped []int
	for _, e := range m.Skipped() {
		skipped = append(skipped, e.Index)
	}
	require.Equal(t, []int{2, 3, 4, 5, 6}, skipped)
	for i, want := range []error{ErrEmptyTerm, ErrEmptyTerm, ErrInvalidUTF8, ErrTooLong, ErrBreakInTerm} {
		require.ErrorIs(t, m.Skipped()[i], want)
	}
	require.Equal(t, []int{0, 7}, m.Merged(7))
	require.Equal(t, []int{0, 7}, m.Merged(0))
	require.Equal(t, []int{8, 9}, m.Merged(9))
	require.Equal(t, []int{1, 10}, m.Merged(1))
	require.Equal(t, []int{6}, m.Merged(6))
	ms := m.FindAll("兼容幷蓄，加-微-信")
	require.Equal(t, []Match{{0, 12, 0}, {15, 26, 8}}, ms)
	require.Equal(t, len(give), m.Len())
	m, err = Compile(nil)
	require.NoError(t, err)
	require.Empty(t, m.FindAll("anything"))
	require.Equal(t, 0, m.Len())
}

func TestAppendAllReusesDst(t *testing.T) {
	m, err := Compile([]Entry{{Term: "淘宝"}, {Term: "加微信"}})
	require.NoError(t, err)
	text := strings.Repeat("亲，淘宝和加 微 信都不能说。", 10)
	dst := make([]Match, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		dst = m.AppendAll(dst[:0], text)
	})
	require.Len(t, dst, 20)
	require.Zero(t, allocs, "AppendAll with a reused dst must not allocate")
	// Appends after what dst holds.
	dst = append(dst[:0], Match{Start: -1})
	dst = m.AppendAll(dst, "淘宝")
	require.Equal(t, []Match{{Start: -1}, {0, 6, 0}}, dst)
}

func TestHugeAndHostileInput(t *testing.T) {
	m, err := Compile(testEntries)
	require.NoError(t, err)
	big := strings.Repeat("您好，这是一段很长的文本，淘 宝 ❤ 加微信 亲\x00\xff", 10<<20/64)
	ms := m.FindAll(big)
	require.NotEmpty(t, ms)
	for _, x := range ms {
		require.True(t, x.Start >= 0 && x.Start < x.End && x.End <= len(big))
	}
	for _, s := range []string{"\x00", "\xff\xff\xff", "\xe4\xbd", "\xed\xa0\x80", strings.Repeat("*", 1000), strings.Repeat("亲", 1000), "\u200d\u200d\u200d"} {
		_ = m.FindAll(s)
	}
}

func TestAccessors(t *testing.T) {
	m, err := Compile(testEntries)
	require.NoError(t, err)
	require.Equal(t, len(testEntries), m.Len())
	require.Greater(t, m.MemoryUsage(), 0)
	require.Greater(t, m.States(), len(testEntries))
}
