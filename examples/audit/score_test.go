package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAgentScores: each conversation is scored for its agent (100 less the
// deductions of its flagged turns and findings), an agent's day is the mean
// of its conversations, the overall score the mean of the days.
func TestAgentScores(t *testing.T) {
	var log strings.Builder
	turn := func(conv, role, agent, at, text string) {
		b, _ := json.Marshal(map[string]string{"conversation": conv, "role": role, "at": at, "text": text, "agent": agent})
		log.Write(append(b, '\n'))
	}
	// 2026-03-15
	turn("c1", "agent", "a1", "2026-03-15 10:00:00", "加我微信")  // serious on JD: 10 + 25/5 = 15
	turn("c1", "agent", "a1", "2026-03-15 10:00:30", "亲，在的")  // warning: 1 + 0
	turn("c2", "agent", "a1", "2026-03-15 11:00:00", "您好，在的") // clean: 100
	turn("c3", "agent", "a2", "2026-03-15 11:00:00", "您好，在的")
	turn("c3", "buyer", "", "2026-03-15 11:00:10", "你们这破店，骗子") // the buyer's abuse costs a2 nothing
	turn("c3", "agent", "a2", "2026-03-15 11:00:20", "您好，请问有什么问题")
	// 2026-03-16
	turn("c4", "agent", "a1", "2026-03-16 10:00:00", "您好，在的")
	for _, at := range []string{"10:00:00", "10:00:20", "10:00:40"} { // spam: 5
		turn("c5", "agent", "a2", "2026-03-16 "+at, "您好，在的")
	}
	turn("c6", "buyer", "", "2026-03-16 12:00:00", "在吗")
	turn("c6", "agent", "a2", "2026-03-16 12:30:00", "您好，在的") // a slow response: 3

	var out, errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-platform", "jd", "-json", "-"}, strings.NewReader(log.String()), &out, &errb), errb.String())
	var got struct {
		AgentScores []agentScore `json:"agent_scores"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	require.Equal(t, []agentScore{
		{Agent: "a1", Score: 96, Conversations: 3, Turns: 4, FlaggedTurns: 2, Findings: 0, Days: []dayScoreRow{
			{Day: "2026-03-15", Score: 92, Conversations: 2, Turns: 3, FlaggedTurns: 2, Deduction: 16},
			{Day: "2026-03-16", Score: 100, Conversations: 1, Turns: 1},
		}},
		{Agent: "a2", Score: 98, Conversations: 3, Turns: 6, FlaggedTurns: 0, Findings: 2, Days: []dayScoreRow{
			{Day: "2026-03-15", Score: 100, Conversations: 1, Turns: 2},
			{Day: "2026-03-16", Score: 96, Conversations: 2, Turns: 4, Findings: 2, Deduction: 8},
		}},
	}, got.AgentScores)

	out.Reset()
	run([]string{"-platform", "jd"}, strings.NewReader(log.String()), &out, &errb)
	htmlPath := filepath.Join(t.TempDir(), "r.html")
	run([]string{"-platform", "jd", "-html", htmlPath}, strings.NewReader(log.String()), &bytes.Buffer{}, &errb)
	page, err := os.ReadFile(htmlPath)
	require.NoError(t, err)
	require.Equal(t, 2, strings.Count(string(page), `class="spark"`), "a trend per agent: the log spans two days")
	require.Contains(t, string(page), `<title>2026-03-15: 92</title>`)
	require.Regexp(t, `(?m)^  a1\s+96\.0\s+3 conversations\s+4 turns\s+2 flagged\s+0 findings\s+by day: 03-15 92 → 03-16 100$`, out.String())
}

// The formula's parts, the floor, and the cost of many agents in one
// conversation are tested with conversation.Scorecard
// (compliance/conversation/scorecard_test.go).
