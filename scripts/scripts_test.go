package scripts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDefaultPhrasebook(t *testing.T) {
	pb := Default()
	require.GreaterOrEqual(t, pb.Len(), 60)
	seen := map[Scenario]int{}
	types := map[CustomerType]int{}
	for _, s := range pb.All() {
		seen[s.Scenario]++
		for _, ty := range s.Types {
			types[ty]++
		}
		_, err := s.Render(nil)
		require.NoError(t, err, s.ID)
		if strings.Contains(s.Text, "亲") && !strings.Contains(s.Text, "亲自") {
			require.NotContains(t, s.Platforms, JD, "%s addresses the buyer as 亲 but is tagged for JD", s.ID)
			require.NotEmpty(t, s.Platforms, "%s addresses the buyer as 亲: tag its platforms", s.ID)
		}
	}
	for sc := Greet; sc <= FollowUpVisit; sc++ {
		require.NotZero(t, seen[sc], "no script for %s", sc)
	}
	for ty := Aggressive; ty <= Habitual; ty++ {
		require.NotZero(t, types[ty], "no script for %s buyers", ty)
	}
}

func TestNewValidates(t *testing.T) {
	for _, tt := range []struct {
		give []Script
		want string
	}{
		{[]Script{{Scenario: Greet, Text: "x"}}, "no ID"},
		{[]Script{{ID: "a", Text: "x"}}, "invalid scenario"},
		{[]Script{{ID: "a", Scenario: Greet}}, "empty"},
		{[]Script{{ID: "a", Scenario: Greet, Text: "x"}, {ID: "a", Scenario: Greet, Text: "y"}}, "duplicate ID"},
		{[]Script{{ID: "a", Scenario: Greet, Text: "{who}"}}, "unknown slot {who}"},
		{[]Script{{ID: "a", Scenario: Greet, Text: "x", Platforms: []Platform{JD, 0}}}, "scripts: a: invalid platform 0"},
		{[]Script{{ID: "b", Scenario: Greet, Text: "x", Platforms: []Platform{99}}}, "scripts: b: invalid platform 99"},
		{[]Script{{ID: "c", Scenario: Greet, Text: "x", Types: []CustomerType{Quiet, 7}}}, "scripts: c: invalid customer type 7"},
		{[]Script{{ID: "d", Scenario: 13, Text: "x"}}, "scripts: d: invalid scenario 13"},
	} {
		_, err := New(tt.give)
		require.ErrorContains(t, err, tt.want)
		if strings.Contains(tt.want, "invalid") {
			require.ErrorIs(t, err, ErrUnknown)
		}
	}
}

// TestScriptPlatformsFromJSON: platforms in a phrasebook file parse as
// ParsePlatform does (JD, tmall, 天猫), and an unknown one is an error that
// names the script, with the package prefix once.
func TestScriptPlatformsFromJSON(t *testing.T) {
	var got []Script
	require.NoError(t, json.Unmarshal([]byte(`[{"id":"x","scenario":"问候","types":["激进型"],"platforms":["JD"," tmall","天猫","抖店"],"text":"您好"}]`), &got))
	require.Equal(t, []Platform{JD, Taobao, Taobao, Doudian}, got[0].Platforms)
	require.Equal(t, []CustomerType{Aggressive}, got[0].Types)
	require.Equal(t, Greet, got[0].Scenario)
	pb, err := New(got)
	require.NoError(t, err)
	require.Len(t, pb.Find(Query{Platform: Taobao}), 1)
	require.Empty(t, pb.Find(Query{Platform: PDD}))

	for _, tt := range []struct{ give, want string }{
		{`{"id":"greet-9","scenario":"greet","platforms":["jd","tmal"],"text":"您好"}`,
			`scripts: greet-9: unknown code: platform "tmal" (want generic, jd, taobao, doudian or pdd)`},
		{`{"platforms":["amazon"],"id":"late-id","scenario":"greet","text":"您好"}`, `scripts: late-id: unknown code: platform "amazon"`},
		{`{"id":"t","scenario":"greet","types":["grumpy"],"text":"您好"}`, `scripts: t: unknown code: customer type "grumpy"`},
		{`{"id":"s","scenario":"dance","text":"您好"}`, `scripts: s: unknown code: scenario "dance"`},
		{`{"scenario":"dance","text":"您好"}`, `scripts: unknown code: scenario "dance"`},
	} {
		var s Script
		err := json.Unmarshal([]byte(tt.give), &s)
		require.ErrorIs(t, err, ErrUnknown, tt.give)
		require.True(t, strings.HasPrefix(err.Error(), tt.want), "got %v\nwant %s", err, tt.want)
		require.Equal(t, 1, strings.Count(err.Error(), "scripts:"), err.Error())
	}
}

// TestFindAnyPlatform: the zero platform in a query or For means any.
func TestFindAnyPlatform(t *testing.T) {
	pb := Default()
	require.Len(t, pb.Find(Query{}), pb.Len())
	s, ok := pb.Get("greet-4") // tagged not-JD
	require.True(t, ok)
	require.True(t, s.For(0, 0))
	require.False(t, s.For(JD, 0))
	require.True(t, s.For(Taobao, 0))
}

func TestRenderAndSlots(t *testing.T) {
	s := Script{ID: "t", Scenario: ExplainLimit, Text: "由于{reason}，我们{solution}，{minutes}分钟内回复，{reason}。"}
	require.Equal(t, []string{"reason", "solution", "minutes"}, s.Slots())
	got, err := s.Render(map[string]string{"reason": "缺货", "solution": "先退款"})
	require.NoError(t, err)
	require.Equal(t, "由于缺货，我们先退款，10分钟内回复，缺货。", got)
	_, err = Script{ID: "u", Scenario: Greet, Text: "{nope}"}.Render(nil)
	require.ErrorContains(t, err, "no value for slot {nope}")
	_, err = Script{ID: "v", Scenario: Greet, Text: "abc{reason"}.Render(nil)
	require.ErrorContains(t, err, "unclosed")
}

func TestFind(t *testing.T) {
	pb := Default()
	got := pb.Find(Query{Scenario: Appease, Type: Aggressive, Platform: JD})
	require.NotEmpty(t, got)
	require.Contains(t, got[0].Types, Aggressive, "scripts for the type come first")
	for _, s := range got {
		require.Equal(t, Appease, s.Scenario)
		require.True(t, s.For(JD, Aggressive))
	}
	for _, s := range pb.Find(Query{Platform: JD}) {
		require.True(t, len(s.Platforms) == 0 || slices.Contains(s.Platforms, JD))
	}
	require.Len(t, pb.Find(Query{}), pb.Len())
	s, ok := pb.Get("escalate-1")
	require.True(t, ok)
	require.Equal(t, Escalate, s.Scenario)
	_, ok = pb.Get("nope")
	require.False(t, ok)
}

func TestCodes(t *testing.T) {
	for sc := Greet; sc <= FollowUpVisit; sc++ {
		back, err := ParseScenario(sc.String())
		require.NoError(t, err)
		require.Equal(t, sc, back)
	}
	_, err := ParseScenario("dance")
	require.Error(t, err)
	for ty := CustomerType(0); ty <= Habitual; ty++ {
		back, err := ParseCustomerType(ty.String())
		require.NoError(t, err)
		require.Equal(t, ty, back)
	}
	_, err = ParseCustomerType("grumpy")
	require.Error(t, err)
	var ty CustomerType
	require.NoError(t, ty.UnmarshalText([]byte("quiet")))
	require.Equal(t, Quiet, ty)
	var sc Scenario
	require.NoError(t, sc.UnmarshalText([]byte("escalate")))
	require.Equal(t, Escalate, sc)
}

func TestToTraditional(t *testing.T) {
	require.Equal(t, "您好，非常抱歉給您添麻煩了", ToTraditional("您好，非常抱歉给您添麻烦了"))
	require.Equal(t, "abc 123", ToTraditional("abc 123"))
}

// A custom script can declare slots of its own, with or without a default.
func TestDeclaredSlots(t *testing.T) {
	defaults := map[string]string{"coupon": "一张5元优惠券", "order": ""}
	pb, err := New([]Script{
		{ID: "mine-1", Scenario: OfferOptions, Text: "为表歉意，我们为您补发{coupon}，订单{order}已加急处理，约{minutes}分钟内发出。", SlotDefaults: defaults},
		{ID: "mine-2", Scenario: Closing, Text: "{minutes}分钟后再联系您。", SlotDefaults: map[string]string{"minutes": "30"}},
	})
	require.NoError(t, err)
	defaults["coupon"] = "changed after New"
	s, ok := pb.Get("mine-1")
	require.True(t, ok)
	require.Equal(t, []string{"coupon", "order", "minutes"}, s.Slots())

	_, err = s.Render(nil)
	require.ErrorContains(t, err, "no value for slot {order}", "a slot declared without a default must be filled")
	got, err := s.Render(map[string]string{"order": "2023001"})
	require.NoError(t, err)
	require.Equal(t, "为表歉意，我们为您补发一张5元优惠券，订单2023001已加急处理，约10分钟内发出。", got, "declared default, then DefaultSlot; New copied the map")
	got, err = s.Render(map[string]string{"order": "2023001", "coupon": "赠品"})
	require.NoError(t, err)
	require.Contains(t, got, "补发赠品")

	s, _ = pb.Get("mine-2")
	got, err = s.Render(nil)
	require.NoError(t, err)
	require.Equal(t, "30分钟后再联系您。", got, "a script's own default wins over DefaultSlot")

	for _, tt := range []struct {
		give Script
		want string
	}{
		{Script{ID: "x", Scenario: Closing, Text: "送您{coupon}"}, "unknown slot {coupon} (declare it in SlotDefaults)"},
		{Script{ID: "x", Scenario: Closing, Text: "送您{优惠 券}", SlotDefaults: map[string]string{"优惠 券": ""}}, `bad slot name "优惠 券"`},
		{Script{ID: "x", Scenario: Closing, Text: "送您", SlotDefaults: map[string]string{"": "x"}}, `bad slot name ""`},
	} {
		_, err := New([]Script{tt.give})
		require.ErrorContains(t, err, tt.want)
	}
	// Declared slots survive JSON, as custom phrasebooks are often kept.
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.Contains(t, string(b), `"slot_defaults":{"minutes":"30"}`)
}

func TestKnownSlots(t *testing.T) {
	known := KnownSlots()
	require.Equal(t, []string{"reason", "solution", "minutes", "item"}, known)
	known[0] = "changed"
	require.Equal(t, "reason", KnownSlots()[0], "a copy: the package's list cannot be changed")
	for _, name := range KnownSlots() {
		v, ok := DefaultSlot(name)
		require.True(t, ok, name)
		require.NotEmpty(t, v, name)
	}
	_, ok := DefaultSlot("coupon")
	require.False(t, ok)
}
