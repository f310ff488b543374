package compliance

import (
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/internal/proptest"
	"github.com/huashu/huashu/scripts"
)

func propParams(t *testing.T) *gopter.TestParameters { return proptest.Params(t, 300) }

// Every phrasebook script, on every platform it is tagged for, in
// Simplified and Traditional rendering, passes Check with no violations.
func TestEveryScriptPassesCheck(t *testing.T) {
	pb := scripts.Default()
	require.GreaterOrEqual(t, pb.Len(), 60)
	for _, p := range scripts.Platforms() {
		c := mustNew(t, WithPlatform(p))
		for _, s := range pb.All() {
			if !s.For(p, 0) {
				continue
			}
			text, err := s.Render(nil)
			require.NoError(t, err, s.ID)
			for _, x := range []string{text, scripts.ToTraditional(text)} {
				rep := c.Check(x)
				require.True(t, rep.Clean(), "%s on %s: %q: %v", s.ID, p, x, cats(rep))
			}
		}
	}
}

// Safe slot values drawn at random keep every script clean.
func TestPropertyScriptsWithSlotsPassCheck(t *testing.T) {
	checkers := map[Platform]*Checker{}
	for _, p := range scripts.Platforms() {
		checkers[p] = mustNew(t, WithPlatform(p))
	}
	all := scripts.Default().All()
	reasons := []string{"库存不足", "物流停运", "活动规则限制", "系统升级", "商品已拆封"}
	solutions := []string{"为您补发新品", "为您办理退款", "为您换货", "给您补偿一张优惠券", "优先为您安排发货"}
	props := gopter.NewProperties(propParams(t))
	props.Property("scripts with random safe slot values pass Check on their platforms", prop.ForAll(
		func(si, pi, ri, so, minutes int, trad bool) bool {
			s := all[si%len(all)]
			p := scripts.Platforms()[pi%len(scripts.Platforms())]
			if !s.For(p, 0) {
				return true
			}
			text, err := s.Render(map[string]string{
				"reason": reasons[ri%len(reasons)], "solution": solutions[so%len(solutions)],
				"minutes": strconv.Itoa(minutes), "item": "保温杯",
			})
			if err != nil {
				return false
			}
			if trad {
				text = scripts.ToTraditional(text)
			}
			rep := checkers[p].Check(text)
			if !rep.Clean() {
				t.Logf("%s on %s: %q: %v", s.ID, p, text, cats(rep))
			}
			return rep.Clean()
		},
		gen.IntRange(0, 1000), gen.IntRange(0, 100), gen.IntRange(0, 100), gen.IntRange(0, 100), gen.IntRange(1, 120), gen.Bool(),
	))
	props.TestingRun(t)
}

// Every suggestion for any report passes Check: reports built from rule
// terms, detector hits and clean text in random combinations.
func TestPropertySuggestionsPassCheck(t *testing.T) {
	pieces := []string{"亲，", "您好，", "天猫也有", "淘-宝更便宜", "加 微 信", "你有病吧", "没素质", "我们拒绝为你服务", "全网最低价",
		"好评返现", "您的手机号15900001111", "卡号 4111111111111111", "爱买不买", "已为您登记", "请稍等", "谢谢", "，", "。"}
	props := gopter.NewProperties(propParams(t))
	props.Property("every flagged reply gets suggestions, they pass Check, and the first answers the worst violation", prop.ForAll(
		func(ix []int, pi int, typ int, variant int) bool {
			var b strings.Builder
			for _, i := range ix {
				b.WriteString(pieces[i%len(pieces)])
			}
			p := scripts.Platforms()[pi%len(scripts.Platforms())]
			c := mustNew(t, WithPlatform(p))
			rep := c.Check(b.String())
			sug := c.SuggestWith(rep, SuggestOptions{Type: scripts.CustomerType(typ % 4), Traditional: scripts.Variant(variant % 4)})
			if !rep.Clean() && len(sug) == 0 {
				t.Logf("no suggestion for %q on %s: %v", b.String(), p, cats(rep))
				return false
			}
			for _, s := range sug {
				got := c.Check(s.Text)
				if len(got.Violations) != len(s.Remaining) || (s.Kind == Scripted && len(s.Remaining) > 0) {
					t.Logf("suggestion %q for %q on %s leaves %v, claims %v", s.Text, b.String(), p, cats(got), s.Remaining)
					return false
				}
			}
			if len(sug) > 0 {
				first := Severity(0)
				for _, i := range sug[0].For {
					first = max(first, rep.Violations[i].Severity)
				}
				worst := Severity(0)
				for _, v := range rep.Violations {
					worst = max(worst, v.Severity)
				}
				if first != worst {
					t.Logf("first suggestion %q for %q on %s answers %s, the worst is %s", sug[0].Text, b.String(), p, first, worst)
					return false
				}
			}
			return true
		},
		gen.SliceOfN(4, gen.IntRange(0, 1000)), gen.IntRange(0, 100), gen.IntRange(0, 100), gen.IntRange(0, 100),
	))
	props.TestingRun(t)
}

// FuzzCheck: no input panics Check or Suggest, and reported spans are
// well formed and ordered.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "你再这样没素质的说话，我们拒绝为你服务，谢谢", "亲，加 微 信", "联系我手机：15900001111", "\xff\xfe", "一五九零零零零幺幺幺幺", "https://x.cn/a", "11010519491231002X", "4111 1111 1111 1111 ＱＱ 淘寶"} {
		f.Add(s, uint8(1))
	}
	checkers := map[Platform]*Checker{}
	for _, p := range scripts.Platforms() {
		c, err := New(WithPlatform(p), WithAllow("QQ音乐会员"))
		if err != nil {
			f.Fatal(err)
		}
		checkers[p] = c
	}
	f.Fuzz(func(t *testing.T, text string, pi uint8) {
		c := checkers[scripts.Platforms()[int(pi)%len(scripts.Platforms())]]
		rep := c.Check(text)
		prev := 0
		for _, v := range rep.Violations {
			if v.Start < prev || v.Start >= v.End || v.End > len(text) || text[v.Start:v.End] != v.Text {
				t.Fatalf("bad violation %+v in %q", v, text)
			}
			prev = v.Start
		}
		_ = c.Suggest(rep)
	})
}
