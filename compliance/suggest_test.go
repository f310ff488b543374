package compliance

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/scripts"
)

// The first suggestion answers the most serious violation; a rewrite comes
// first when it answers it too; a partial rewrite says what it leaves.
func TestSuggestOrder(t *testing.T) {
	jd := mustNew(t, WithPlatform(JD))
	for _, tt := range []struct {
		give      string
		wantFirst string // ScriptID, or "rewrite"
		wantFor   []Category
	}{
		// The case: 亲 (a warning) has a rewrite, 加 微 信 (serious) has none.
		{give: "亲，加 微 信给你便宜点", wantFirst: "platform-1", wantFor: []Category{OffPlatform}},
		{give: "亲，天猫超市也能买到，加 微 信给你便宜点", wantFirst: "platform-1", wantFor: []Category{Competitor, OffPlatform}},
		// Every violation has a rewrite: the rewrite answers the worst and comes first.
		{give: "親，淘寶上也有同款，您的手机号15900001111已登记", wantFirst: "rewrite", wantFor: []Category{ForbiddenAddress, Competitor, Privacy}},
		{give: "亲，天猫超市也能买到", wantFirst: "rewrite", wantFor: []Category{ForbiddenAddress, Competitor}},
		{give: "你有病吧，亲", wantFirst: "apologise-1", wantFor: []Category{Abuse}},
	} {
		rep := jd.Check(tt.give)
		sug := jd.SuggestWith(rep, SuggestOptions{Max: 10})
		require.NotEmpty(t, sug, tt.give)
		first := sug[0]
		if tt.wantFirst == "rewrite" {
			require.Equal(t, Rewrite, first.Kind, tt.give)
		} else {
			require.Equal(t, tt.wantFirst, first.ScriptID, tt.give)
		}
		var got []Category
		for _, i := range first.For {
			got = append(got, rep.Violations[i].Category)
		}
		require.Equal(t, tt.wantFor, got, tt.give)
		require.Empty(t, first.Remaining, tt.give)
		require.True(t, jd.Check(first.Text).Clean(), tt.give)
		// Severities never rise down the list.
		for i := 1; i < len(sug); i++ {
			require.LessOrEqual(t, worstOf(rep, sug[i]), worstOf(rep, sug[i-1]), "%s: %v", tt.give, sug)
		}
	}
}

func worstOf(rep Report, s Suggestion) Severity {
	w := Severity(0)
	for _, i := range s.For {
		w = max(w, rep.Violations[i].Severity)
	}
	return w
}

// A rewrite replaces what can be replaced and lists the rest.
func TestSuggestPartialRewrite(t *testing.T) {
	jd := mustNew(t, WithPlatform(JD))
	rep := jd.Check("亲，天猫超市也能买到，加 微 信给你便宜点")
	require.Len(t, rep.Violations, 3)
	var partial *Suggestion
	for _, s := range jd.SuggestWith(rep, SuggestOptions{Max: 10}) {
		if s.Kind == Rewrite {
			partial = &s
		}
	}
	require.NotNil(t, partial)
	require.Equal(t, "您好，其他平台也能买到，加 微 信给你便宜点", partial.Text)
	require.Equal(t, []int{0, 1}, partial.For)
	require.Equal(t, []int{2}, partial.Remaining)
	require.NotEmpty(t, partial.Remaining)
	left := jd.Check(partial.Text)
	require.Len(t, left.Violations, 1)
	require.Equal(t, OffPlatform, left.Violations[0].Category)

	// With the default Max of 4 the partial rewrite comes after the scripts
	// that answer the serious violation.
	sug := jd.Suggest(rep)
	require.Equal(t, "platform-1", sug[0].ScriptID)

	// Nothing to rewrite: no rewrite suggestion.
	rep = jd.Check("我们拒绝为你服务")
	for _, s := range jd.Suggest(rep) {
		require.Equal(t, Scripted, s.Kind)
	}
}

func TestSuggestTraditionalVariants(t *testing.T) {
	tb := mustNew(t, WithPlatform(Taobao))
	rep := tb.Check("加我微信，我在这里跟进")
	for _, tt := range []struct {
		v       scripts.Variant
		want    string
		notWant string
	}{
		{scripts.Traditional, "爲了保障您的權益", ""},
		{scripts.Taiwan, "為了保障您的權益", "裏"},
		{scripts.HongKong, "為了保障您的權益", "裡"},
	} {
		sug := tb.SuggestWith(rep, SuggestOptions{Traditional: tt.v})
		require.NotEmpty(t, sug)
		require.Contains(t, sug[0].Text, tt.want, tt.v)
		for _, s := range sug {
			if tt.notWant != "" {
				require.NotContains(t, s.Text, tt.notWant, tt.v)
			}
			require.Len(t, tb.Check(s.Text).Violations, len(s.Remaining), "%s: %s", tt.v, s.Text)
		}
	}
}

// A custom script's own slots are filled from SuggestOptions.Slots, or from
// its declared defaults.
func TestSuggestCustomSlots(t *testing.T) {
	pb, err := scripts.New([]scripts.Script{{
		ID: "stay-1", Scenario: scripts.StayOnPlatform,
		Text:         "我们只在平台内沟通，下单即可领取{coupon}。",
		SlotDefaults: map[string]string{"coupon": "店铺优惠券"},
	}})
	require.NoError(t, err)
	c := mustNew(t, WithPlatform(Taobao), WithPhrasebook(pb))
	rep := c.Check("加我微信给你便宜点")
	sug := c.SuggestWith(rep, SuggestOptions{Slots: map[string]string{"coupon": "5元无门槛券"}})
	require.Len(t, sug, 1)
	require.Equal(t, "我们只在平台内沟通，下单即可领取5元无门槛券。", sug[0].Text)
	sug = c.Suggest(rep)
	require.Equal(t, "我们只在平台内沟通，下单即可领取店铺优惠券。", sug[0].Text)
}
