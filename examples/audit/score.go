package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/huashu/huashu/compliance/conversation"
)

// Quality scores (质检评分): each conversation an agent answered is scored out
// of 100 for that agent by conversation.Scorecard, whose doc gives the
// formula (flagged turns by severity and platform points, spam and slow
// replies); an agent's score for a day (China time) is the mean of the
// conversations they first answered that day (conversation.DayScore), and
// their overall score the mean of their days (conversation.OverallScore).
// examples/beam reports the same scores from the same library code.

// agentDay is one agent on one day (China time, "2006-01-02").
type agentDay struct {
	agent, day string
}

// scoreTurn counts an audited turn in its conversation's scorecard. An agent
// turn without an agent counts for "(unknown)", as everywhere in the audit.
func (cv *conv) scoreTurn(turn conversation.Turn, res conversation.TurnResult) {
	if turn.Role == conversation.Agent {
		turn.Agent = agentName(turn.Agent)
	}
	cv.score.Add(turn, res)
}

// addScores counts a closed conversation's score for each of its agents.
func (st *stats) addScores(cv *conv) {
	for _, s := range cv.score.Scores() {
		k := agentDay{agentName(s.Agent), s.Day} // "": a finding before any reply
		d := st.scores[k]
		d.Add(s)
		st.scores[k] = d
	}
}

// agentScore is one agent's scores: overall and by day, oldest first.
type agentScore struct {
	Agent         string        `json:"agent"`
	Score         float64       `json:"score"` // the mean of the daily scores
	Conversations int           `json:"conversations"`
	Turns         int           `json:"turns"`
	FlaggedTurns  int           `json:"flagged_turns"`
	Findings      int           `json:"findings"`
	Days          []dayScoreRow `json:"days"`
}

// dayScoreRow is one agent's score on one day.
type dayScoreRow struct {
	Day           string  `json:"day"`
	Score         float64 `json:"score"`
	Conversations int     `json:"conversations"`
	Turns         int     `json:"turns"`
	FlaggedTurns  int     `json:"flagged_turns"`
	Findings      int     `json:"findings"`
	Deduction     float64 `json:"deduction"`
}

// agentScores lists every agent's scores, lowest overall score first (the
// agents to look at), then by name.
func (r *results) agentScores() []agentScore {
	by := map[string]*agentScore{}
	days := map[string][]conversation.DayScore{}
	for k, d := range r.scores {
		a := by[k.agent]
		if a == nil {
			a = &agentScore{Agent: k.agent}
			by[k.agent] = a
		}
		a.Conversations += int(d.Conversations)
		a.Turns += int(d.Turns)
		a.FlaggedTurns += int(d.FlaggedTurns)
		a.Findings += int(d.Findings)
		a.Days = append(a.Days, dayScoreRow{k.day, d.Score(), int(d.Conversations), int(d.Turns), int(d.FlaggedTurns), int(d.Findings), d.Deduction()})
		days[k.agent] = append(days[k.agent], d)
	}
	out := make([]agentScore, 0, len(by))
	for _, a := range by {
		sort.Slice(a.Days, func(i, j int) bool { return a.Days[i].Day < a.Days[j].Day })
		a.Score = conversation.OverallScore(days[a.Agent])
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score < out[j].Score
		}
		return out[i].Agent < out[j].Agent
	})
	return out
}

// days counts the distinct days in the scores.
func (r *results) days() int {
	seen := map[string]bool{}
	for k := range r.scores {
		seen[k.day] = true
	}
	return len(seen)
}

// maxScoreRows caps the agents listed in the text summary (all are in -json
// and the HTML report).
const maxScoreRows = 30

// trendDays is how many of the latest days the text summary's trend shows.
const trendDays = 7

func printScores(w io.Writer, r *results) {
	scores := r.agentScores()
	if len(scores) == 0 {
		return
	}
	multi := r.days() > 1
	fmt.Fprintln(w, "Quality score by agent (质检评分, out of 100, lowest first; see the README for the formula)")
	for i, a := range scores {
		if i == maxScoreRows {
			fmt.Fprintf(w, "  … %d more agents (all are in -json and -html)\n", len(scores)-i)
			break
		}
		fmt.Fprintf(w, "  %s %5.1f  %5d conversations %5d turns %4d flagged %4d findings", padRight(a.Agent, 16), a.Score, a.Conversations, a.Turns, a.FlaggedTurns, a.Findings)
		if multi {
			fmt.Fprintf(w, "   by day: %s", trend(a.Days, trendDays))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// trend writes the last n daily scores, oldest first: "03-14 92 → 03-15 85".
func trend(days []dayScoreRow, n int) string {
	var parts []string
	if len(days) > n {
		parts = append(parts, "…")
		days = days[len(days)-n:]
	}
	for _, d := range days {
		parts = append(parts, fmt.Sprintf("%s %s", d.Day[5:], fmtPoints(d.Score)))
	}
	return strings.Join(parts, " → ")
}
