package main

import (
	"encoding/json"
	"math"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// agentDay is one agent's work on one day (China time): the conversations
// they first answered that day, whole. The pipeline sums them per agent and
// day.
type agentDay struct {
	Agent, Day string
	// Score sums the conversations' quality scores (质检评分), turns and
	// flagged turns exactly, so the combine gives the same whatever the
	// grouping.
	Score      conversation.DayScore
	Points     float64   // the flagged turns' estimated platform points
	ByCategory [16]int64 // violations, by compliance.Category
	Spam       int64     // spam findings on this agent's replies
	Slow       int64     // slow_response findings on this agent's replies (or conversations, when unanswered)
}

// mergeAgentDays adds b to a (same agent and day).
func mergeAgentDays(a, b agentDay) agentDay {
	a.Score.Merge(b.Score)
	a.Points += b.Points
	for i := range a.ByCategory {
		a.ByCategory[i] += b.ByCategory[i]
	}
	a.Spam += b.Spam
	a.Slow += b.Slow
	return a
}

func encodeAgentDay(d agentDay) ([]byte, error) { return json.Marshal(d) }

func decodeAgentDay(b []byte) (agentDay, error) {
	var d agentDay
	err := json.Unmarshal(b, &d)
	return d, err
}

// scoreOut is one line of the scores output.
type scoreOut struct {
	Agent string `json:"agent"`
	Day   string `json:"day"` // YYYY-MM-DD, China time: the conversations first answered that day
	// Score is the quality score (质检评分), 0–100, one decimal: the mean of
	// the scores of the agent's conversations of the day, as examples/audit
	// reports it (conversation.Scorecard gives the formula).
	Score         float64 `json:"score"`
	Conversations int64   `json:"conversations"`
	AgentTurns    int64   `json:"agent_turns"`
	FlaggedTurns  int64   `json:"flagged_turns"`
	// CleanShare is the share of the agent's turns that were clean, 0–100,
	// one decimal (what "score" was before it became the quality score).
	CleanShare   float64          `json:"clean_share"`
	Deduction    float64          `json:"deduction"` // the conversations' deductions before the floor, to one decimal
	Points       float64          `json:"penalty_points"`
	Violations   map[string]int64 `json:"violations"`
	Spam         int64            `json:"spam"`
	SlowResponse int64            `json:"slow_response"`
}

// formatScore writes an agent's day as a JSON line.
func formatScore(_ string, d agentDay) (string, error) {
	out := scoreOut{Agent: d.Agent, Day: d.Day, Score: d.Score.Score(), Conversations: d.Score.Conversations,
		AgentTurns: d.Score.Turns, FlaggedTurns: d.Score.FlaggedTurns, CleanShare: 100, Deduction: d.Score.Deduction(),
		Points: d.Points, Violations: map[string]int64{}, Spam: d.Spam, SlowResponse: d.Slow}
	if t := d.Score.Turns; t > 0 {
		out.CleanShare = math.Round(1000*float64(t-d.Score.FlaggedTurns)/float64(t)) / 10
	}
	for _, c := range compliance.Categories() {
		if n := d.ByCategory[c]; n > 0 {
			out.Violations[c.String()] = n
		}
	}
	b, err := json.Marshal(out)
	return string(b), err
}
