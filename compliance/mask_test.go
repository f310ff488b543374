package compliance

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/scripts"
)

func TestMask(t *testing.T) {
	jd := mustNew(t, WithPlatform(JD))
	for _, tt := range []struct {
		give string
		o    MaskOptions
		want string
	}{
		{give: "亲，加 微 信给你便宜点", want: "*，*****给你便宜点"},
		{give: "亲，加 微 信给你便宜点", o: MaskOptions{With: '□'}, want: "□，□□□□□给你便宜点"},
		{give: "亲，加 微 信给你便宜点", o: MaskOptions{Categories: []Category{OffPlatform}}, want: "亲，*****给你便宜点"},
		{give: "親，您的手机号15900001111已登记", o: MaskOptions{Categories: []Category{Privacy}}, want: "親，您的手机号***********已登记"},
		{give: "亲，加 微 信给你便宜点", o: MaskOptions{Categories: []Category{Privacy}}, want: "亲，加 微 信给你便宜点"},
		{give: "好的，马上处理", want: "好的，马上处理"},
		{give: "", want: ""},
	} {
		require.Equal(t, tt.want, Mask(jd.Check(tt.give), tt.o), "%q %+v", tt.give, tt.o)
	}

	// Reports built by hand: overlapping spans merge; spans outside the
	// text are ignored; an invalid With falls back to '*'.
	rep := Report{Text: "abcdef", Violations: []Violation{
		{Category: Abuse, Start: 1, End: 3}, {Category: Abuse, Start: 2, End: 5}, {Category: Abuse, Start: 4, End: 99},
		{Category: Abuse, Start: -1, End: 2}, {Category: Abuse, Start: 3, End: 3},
	}}
	require.Equal(t, "a****f", Mask(rep, MaskOptions{With: utf8.MaxRune + 1}))
	clean := Report{Text: "好的"}
	require.Equal(t, "好的", Mask(clean, MaskOptions{}))
}

// A masked reply keeps its length in characters, changes exactly the
// characters of the spans it masks, and has none of its violations left.
// Masking can expose a term outside the spans: in 15900001111qq, qq is not
// a word, and in ***********qq it is; so the property only requires that
// no violation of the masked text touches a masked span.
func TestPropertyMask(t *testing.T) {
	pieces := []string{"亲，", "您好，", "天猫也有", "淘-宝更便宜", "加 微 信", "你有病吧", "没素质", "我们拒绝为你服务", "全网最低价",
		"好评返现", "您的手机号15900001111", "卡号 4111111111111111", "爱买不买", "已为您登记", "请稍等", "谢谢", "，", "。", "qq", "12345678"}
	props := gopter.NewProperties(propParams(t))
	props.Property("masking hides every violation and nothing else", prop.ForAll(
		func(ix []int, pi int) bool {
			var b strings.Builder
			for _, i := range ix {
				b.WriteString(pieces[i%len(pieces)])
			}
			c := mustNew(t, WithPlatform(scripts.Platforms()[pi%len(scripts.Platforms())]))
			rep := c.Check(b.String())
			masked := Mask(rep, MaskOptions{})
			if utf8.RuneCountInString(masked) != utf8.RuneCountInString(rep.Text) {
				t.Logf("%q → %q changes the length", rep.Text, masked)
				return false
			}
			orig, got := []rune(rep.Text), []rune(masked)
			inSpan := make([]bool, len(orig)+1)
			for _, v := range rep.Violations {
				from := utf8.RuneCountInString(rep.Text[:v.Start])
				to := from + utf8.RuneCountInString(rep.Text[v.Start:v.End])
				for k := from; k < to; k++ {
					inSpan[k] = true
				}
			}
			for k := range orig {
				if inSpan[k] && got[k] != '*' || !inSpan[k] && got[k] != orig[k] {
					t.Logf("%q → %q: rune %d", rep.Text, masked, k)
					return false
				}
			}
			// Masked text is all ASCII '*' inside spans, so byte offsets
			// before a span's end differ; compare in runes.
			for _, v := range c.Check(masked).Violations {
				from := utf8.RuneCountInString(masked[:v.Start])
				to := from + utf8.RuneCountInString(masked[v.Start:v.End])
				for k := from; k < to; k++ {
					if inSpan[k] {
						t.Logf("%q → %q still has %s %q", rep.Text, masked, v.Category, v.Text)
						return false
					}
				}
			}
			return true
		},
		gen.SliceOfN(5, gen.IntRange(0, 1000)), gen.IntRange(0, 100),
	))
	props.TestingRun(t)
}

// FuzzMask: no report panics Mask, whatever its spans; masking a Check
// report keeps the text's length in characters.
func FuzzMask(f *testing.F) {
	f.Add("亲，加 微 信，您的手机号15900001111", 0, 3, uint8(0))
	f.Add("\xff亲\xfe", 1, 2, uint8(7))
	c, err := New(WithPlatform(JD))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string, start, end int, cat uint8) {
		rep := c.Check(text)
		masked := Mask(rep, MaskOptions{})
		if utf8.ValidString(text) && utf8.RuneCountInString(masked) != utf8.RuneCountInString(text) {
			t.Fatalf("Mask(%q) = %q changes the length", text, masked)
		}
		rep.Violations = append(rep.Violations, Violation{Category: Category(cat % 10), Start: start, End: end})
		_ = Mask(rep, MaskOptions{Categories: []Category{Category(cat % 10)}, With: rune(cat) - 3})
	})
}
