package lexicon

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	for _, tt := range []struct{ give, want string }{
		{"", ""},
		{"abc 您好", "abc 您好"},
		{"淘寶", "淘宝"},
		{"ＡＢ①", "ab1"},
		{"第⑩名⑴", "第10名(1)"},
		{"TMALL", "tmall"},
		{"親愛的，歡迎光臨！", "亲爱的,欢迎光临!"},
		{"a\xffb", "a\xffb"},
		{"Ａ\xff", "a\xff"},
	} {
		require.Equal(t, tt.want, Fold(tt.give), "Fold(%q)", tt.give)
		require.Equal(t, Fold(tt.want), Fold(Fold(tt.give)))
	}
	require.Equal(t, '亲', FoldRune('親'))
	require.Equal(t, '⑩', FoldRune('⑩'))
	clean := "已为您申请退款"
	require.Equal(t, clean, Fold(clean))
	require.Zero(t, testing.AllocsPerRun(10, func() { _ = Fold(clean) }), "clean text must not allocate")
}

func TestNormalize(t *testing.T) {
	text := "淘 寶，加\u200b微*信。ok     go"
	n := Normalize(text)
	require.Equal(t, "淘宝加微信。ok\ngo", n.Text)
	s, e := n.Original(0, len("淘宝"))
	require.Equal(t, "淘 寶", text[s:e])
	i := len("淘宝")
	s, e = n.Original(i, i+len("加微信"))
	require.Equal(t, "加\u200b微*信", text[s:e])
	s, e = n.Original(0, 0)
	require.Equal(t, -1, s)
	require.Equal(t, -1, e)
	s, _ = n.Original(0, len(n.Text)+1)
	require.Equal(t, -1, s)
	require.Equal(t, n.Text, Normalize(n.Text).Text)
	require.Equal(t, n.Text, NormalizeText(text))
	require.Equal(t, "10", Normalize("⑩").Text)
	s, e = Normalize("⑩").Original(0, 1)
	require.Equal(t, 0, s)
	require.Equal(t, len("⑩"), e)
}

func TestCut(t *testing.T) {
	words := func(text string) []string {
		var out []string
		for _, w := range Cut(text) {
			out = append(out, text[w.Start:w.End])
		}
		return out
	}
	require.Equal(t, []string{"亲自", "去", "父亲节"}, words("亲自去父亲节"))
	require.Equal(t, []string{"親愛", "的", "歡迎", "光臨"}, words("親愛的，歡迎光臨"))
	require.Equal(t, []string{"加", "QQ", "号", "123"}, words("加 QQ号 123!"))
	require.Equal(t, []string{"滚筒", "洗衣机"}, words("滚筒洗衣机"))
	require.Equal(t, []string{"a", "b"}, words("a\xffb"))
	require.Empty(t, Cut(""))
	require.Empty(t, Cut("，。！ 😀"))
	require.Greater(t, DefaultSegmenter().Words(), 10000)
}

func TestNewSegmenter(t *testing.T) {
	s, err := NewSegmenter(stringsReader("# test\n亲肤 100\n面料 100 n\n"))
	require.NoError(t, err)
	require.Equal(t, 2, s.Words())
	var got []string
	text := "亲肤面料"
	for _, w := range s.Cut(text) {
		got = append(got, text[w.Start:w.End])
	}
	require.Equal(t, []string{"亲肤", "面料"}, got)
	for _, bad := range []string{"词\n", "词 x\n", "词 -1\n", "\xff 1\n"} {
		_, err := NewSegmenter(stringsReader(bad))
		require.ErrorContains(t, err, "line 1")
	}
	// A matcher with its own segmenter uses it for word checks.
	m, err := Compile([]Entry{{Term: "亲", Word: true}}, WithSegmenter(s))
	require.NoError(t, err)
	require.Empty(t, m.FindAll("亲肤面料"))
	require.Len(t, m.FindAll("亲自"), 1, "亲自 is not in this small dictionary")
}
