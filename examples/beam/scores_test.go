package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// shiftLog rewrites a generated log with its times moved by shift and its
// conversation ids prefixed; bad lines are copied as they are.
func shiftLog(t *testing.T, src, dst string, shift time.Duration, prefix string) {
	t.Helper()
	var out strings.Builder
	for _, l := range readLines(t, src) {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) != nil {
			out.WriteString(l + "\n")
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, m["at"].(string))
		require.NoError(t, err, l)
		m["at"] = at.Add(shift).Format(time.RFC3339Nano)
		m["conversation"] = prefix + m["conversation"].(string)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		out.Write(append(b, '\n'))
	}
	require.NoError(t, os.WriteFile(dst, []byte(out.String()), 0o644))
}

// scoreRow is what both programs report for one agent on one day.
type scoreRow struct {
	Score                                     float64
	Conversations, Turns, FlaggedTurns, Finds int64
	Deduction                                 float64
}

// auditScores runs examples/audit -json - and returns its agent_scores, and
// their days by "agent day".
func auditScores(t *testing.T, platform, path string) ([]agentScore, map[string]scoreRow) {
	t.Helper()
	var rep struct {
		AgentScores []agentScore `json:"agent_scores"`
	}
	require.NoError(t, json.Unmarshal([]byte(runAudit(t, platform, path, "-json", "-")), &rep))
	rows := map[string]scoreRow{}
	for _, a := range rep.AgentScores {
		for _, d := range a.Days {
			rows[a.Agent+" "+d.Day] = scoreRow{d.Score, d.Conversations, d.Turns, d.FlaggedTurns, d.Findings, d.Deduction}
		}
	}
	return rep.AgentScores, rows
}

// TestScoresMatchAudit: the pipeline's scores.jsonl and summary give every
// agent the quality score (质检评分) examples/audit gives on the same log,
// day by day, exactly; and examples/audit on one day's log gives that day
// what the pipeline gives it from the whole log. The log spans three days,
// and conversations cross midnight: each counts on the day its agent first
// answered in it.
func TestScoresMatchAudit(t *testing.T) {
	dir := t.TempDir()
	gen, _ := generate(t, dir, 1000, 11)
	days := filepath.Join(dir, "days")
	require.NoError(t, os.Mkdir(days, 0o755))
	first, third := filepath.Join(days, "a.jsonl"), filepath.Join(days, "b.jsonl")
	shiftLog(t, gen, first, 12*time.Hour+30*time.Minute, "") // 22:30 on the 15th to past midnight
	gen2, _ := generate(t, t.TempDir(), 600, 12)
	shiftLog(t, gen2, third, 48*time.Hour, "b-") // the 17th, from 10:00
	whole := filepath.Join(dir, "whole.jsonl")
	require.NoError(t, os.WriteFile(whole, []byte(strings.Join(append(readLines(t, first), readLines(t, third)...), "\n")+"\n"), 0o644))

	out := filepath.Join(dir, "out") + "/"
	got := runPipeline(t, Options{Inputs: []string{filepath.Join(days, "*.jsonl")}, Output: out, Shards: 2, Config: Config{Platform: "taobao"}})

	beam := map[string]scoreRow{}
	for _, l := range readLines(t, out+"scores-*-of-00002.jsonl") {
		var s scoreOut
		require.NoError(t, json.Unmarshal([]byte(l), &s), l)
		beam[s.Agent+" "+s.Day] = scoreRow{s.Score, s.Conversations, s.AgentTurns, s.FlaggedTurns, s.Spam + s.SlowResponse, s.Deduction}
	}
	wantAgents, want := auditScores(t, "taobao", whole)
	require.Equal(t, want, beam)
	perDay := map[string]int{}
	for k, r := range want {
		perDay[k[strings.LastIndexByte(k, ' ')+1:]]++
		require.Positive(t, r.Conversations, k)
	}
	require.Equal(t, map[string]int{"2026-03-15": 12, "2026-03-16": 12, "2026-03-17": 12}, perDay, "chatgen's 12 agents on each day")
	var low, high float64 = 100, 0
	for _, r := range want {
		low, high = min(low, r.Score), max(high, r.Score)
	}
	require.Less(t, low, high, "scores that differ, or the comparison shows little")

	// The summary: the same quality scores, in text and in JSON.
	require.Equal(t, body(runAudit(t, "taobao", whole)), body(got))
	require.Contains(t, got, "Quality score by agent (质检评分")
	var sj summaryJSON
	require.NoError(t, json.Unmarshal([]byte(readLines(t, out+"summary.json")[0]), &sj))
	require.Equal(t, wantAgents, sj.AgentScores)

	// A day's log through examples/audit, the whole log through the
	// pipeline: the same scores for that day.
	_, day := auditScores(t, "taobao", third)
	require.Len(t, day, 12)
	for k, r := range day {
		require.True(t, strings.HasSuffix(k, " 2026-03-17"), k)
		require.Equal(t, r, beam[k], k)
	}
}
