package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPenaltyPerConversation: a conversation counts once, at its worst
// turn, for its shop and the day of that turn; a log without shops is one
// shop.
func TestPenaltyPerConversation(t *testing.T) {
	turn := func(conv, shop, at, text string) string {
		b, _ := json.Marshal(map[string]string{"conversation": conv, "shop": shop, "role": "agent", "at": at, "text": text, "agent": "a1"})
		return string(b) + "\n"
	}
	log := turn("c1", "s1", "2026-03-15 10:00:00", "加我微信") + // serious: 25 on JD
		turn("c1", "s1", "2026-03-15 10:00:30", "你是不是傻") + // serious again: the same incident
		turn("c1", "s1", "2026-03-15 10:01:00", "亲，在的") + // a warning: 0
		turn("c2", "s1", "2026-03-15 11:00:00", "加我微信") +
		turn("c3", "s2", "2026-03-15 23:59:00", "亲，好的") + // a warning before midnight
		turn("c3", "s2", "2026-03-16 00:00:10", "加我微信") // the worst turn's day counts
	type estimate struct {
		Points        float64      `json:"points"`
		Conversations int          `json:"conversations"`
		ByShopDay     []penaltyRow `json:"by_shop_day"`
	}
	audit := func(log string) estimate {
		var out, errb bytes.Buffer
		require.Equal(t, 1, run([]string{"-platform", "jd", "-json", "-"}, strings.NewReader(log), &out, &errb), errb.String())
		var got struct {
			PenaltyEstimate estimate `json:"penalty_estimate"`
		}
		require.NoError(t, json.Unmarshal(out.Bytes(), &got))
		return got.PenaltyEstimate
	}
	require.Equal(t, estimate{Points: 75, Conversations: 3, ByShopDay: []penaltyRow{
		{Shop: "s1", Day: "2026-03-15", Conversations: 2, Points: 50},
		{Shop: "s2", Day: "2026-03-16", Conversations: 1, Points: 25},
	}}, audit(log), "per turn it would be 100")

	noShops := strings.NewReplacer(`"shop":"s1",`, "", `"shop":"s2",`, "").Replace(log)
	require.NotContains(t, noShops, "shop")
	require.Equal(t, estimate{Points: 75, Conversations: 3, ByShopDay: []penaltyRow{
		{Day: "2026-03-15", Conversations: 2, Points: 50},
		{Day: "2026-03-16", Conversations: 1, Points: 25},
	}}, audit(noShops))

	var out bytes.Buffer
	run([]string{"-platform", "jd"}, strings.NewReader(noShops), &out, &bytes.Buffer{})
	require.Contains(t, out.String(), "estimated penalty points: 75 in 3 conversations (an estimate")
	require.Regexp(t, `\(whole log\)\s+2026-03-15\s+2 conversations\s+50 points \(est\.\)`, out.String())
}
