package main

import (
	"encoding/json"
	"math"

	"github.com/huashu/huashu/compliance"
)

// agentDay is one agent's work on one day (China time); the pipeline sums
// them per agent and day.
type agentDay struct {
	Agent, Day   string
	AgentTurns   int64
	FlaggedTurns int64
	Points       float64
	ByCategory   [16]int64 // violations, by compliance.Category
	Spam         int64     // spam findings on this agent's replies
	Slow         int64     // slow_response findings on this agent's replies (or conversations, when unanswered)
}

// mergeAgentDays adds b to a (same agent and day).
func mergeAgentDays(a, b agentDay) agentDay {
	a.AgentTurns += b.AgentTurns
	a.FlaggedTurns += b.FlaggedTurns
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
	Agent        string `json:"agent"`
	Day          string `json:"day"` // YYYY-MM-DD, China time
	AgentTurns   int64  `json:"agent_turns"`
	FlaggedTurns int64  `json:"flagged_turns"`
	// Score is the share of the agent's turns that were clean, 0–100, one
	// decimal: the number a team lead compares across agents and days.
	Score        float64          `json:"score"`
	Points       float64          `json:"penalty_points"`
	Violations   map[string]int64 `json:"violations"`
	Spam         int64            `json:"spam"`
	SlowResponse int64            `json:"slow_response"`
}

// formatScore writes an agent's day as a JSON line.
func formatScore(_ string, d agentDay) (string, error) {
	out := scoreOut{Agent: d.Agent, Day: d.Day, AgentTurns: d.AgentTurns, FlaggedTurns: d.FlaggedTurns, Score: 100,
		Points: d.Points, Violations: map[string]int64{}, Spam: d.Spam, SlowResponse: d.Slow}
	if d.AgentTurns > 0 {
		out.Score = math.Round(1000*float64(d.AgentTurns-d.FlaggedTurns)/float64(d.AgentTurns)) / 10
	}
	for _, c := range compliance.Categories() {
		if n := d.ByCategory[c]; n > 0 {
			out.Violations[c.String()] = n
		}
	}
	b, err := json.Marshal(out)
	return string(b), err
}
