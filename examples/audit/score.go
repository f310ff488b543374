package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// Quality scores (质检评分), as quality-inspection tools score a session:
// each conversation an agent answered is scored out of 100 for that agent,
//
//	conversation score = max(0, 100 − Σ its flagged turns (severityDeduction + ladderShare × the turn's estimated points)
//	                                − Σ its findings findingDeduction)
//
// and an agent's score for a day (China time) is the mean of the scores of
// the conversations they answered that day (the day of their first reply
// in it). A flagged turn costs its severity's deduction plus a share of the
// points the platform's ladder sets for it, so the same reply costs more
// where the platform punishes it harder (a serious turn: 10 + 25/5 = 15 on
// JD, 10 + 4/5 = 10.8 on 抖店). A finding counts against the agent who
// answered the conversation last when it was made ("(unknown)" before any
// reply). What the buyer did (buyer abuse, blacklist eligibility, a
// complaint to hand over) costs the agent nothing. An agent's overall score
// is the mean of their daily scores, so a bad day is not hidden by a long
// log. Scoring by conversation keeps a busy agent's score comparable with a
// quiet one's.

// severityDeduction is what a flagged turn costs at each overall severity.
var severityDeduction = [...]float64{
	compliance.Warning: 1, compliance.Minor: 4, compliance.Serious: 10, compliance.Critical: 25,
}

// ladderShare is the share of a turn's estimated platform points deducted
// on top of its severity's deduction.
const ladderShare = 0.2

// findingDeduction is what a conversation finding costs the agent.
var findingDeduction = map[conversation.FindingKind]float64{
	conversation.Spam:         5, // 刷屏: the same text 3+ times in 2 minutes
	conversation.SlowResponse: 3, // a buyer waited past the platform's window
}

// agentDay is one agent on one day (China time, "2006-01-02").
type agentDay struct {
	agent, day string
}

// dayScore sums what an agent's conversations of a day scored.
type dayScore struct {
	conversations, turns, flagged, findings int
	deduction, scoreSum                     float64
}

// agentPart is what one agent did in one conversation.
type agentPart struct {
	agent, day               string
	turns, flagged, findings int
	deduction                float64
}

// part returns the conversation's part for agent, starting it on day. A
// conversation has an agent or two: they are searched in a slice, and in a
// map once there are more than maxScannedParts, so a log that names a new
// agent at every turn still costs O(1) a turn.
func (cv *conv) part(agent, day string) *agentPart {
	if cv.partIndex != nil {
		cv.partSteps++
		if i, ok := cv.partIndex[agent]; ok {
			return &cv.parts[i]
		}
	} else {
		for i := range cv.parts {
			cv.partSteps++
			if cv.parts[i].agent == agent {
				return &cv.parts[i]
			}
		}
	}
	cv.parts = append(cv.parts, agentPart{agent: agent, day: day})
	if len(cv.parts) > maxScannedParts {
		if cv.partIndex == nil {
			cv.partIndex = make(map[string]int, len(cv.parts))
			for i, p := range cv.parts {
				cv.partIndex[p.agent] = i
			}
		}
		cv.partIndex[agent] = len(cv.parts) - 1
	}
	return &cv.parts[len(cv.parts)-1]
}

// maxScannedParts is how many agents a conversation's parts are searched
// among in order before they are indexed.
const maxScannedParts = 8

func (cv *conv) scoreTurn(agent, day string) { cv.part(agent, day).turns++ }

func (cv *conv) scoreFlagged(agent, day string, rep compliance.Report) {
	p := cv.part(agent, day)
	p.flagged++
	if int(rep.Severity) < len(severityDeduction) {
		p.deduction += severityDeduction[rep.Severity]
	}
	p.deduction += ladderShare * rep.Penalty.Points
}

func (cv *conv) scoreFinding(agent, day string, kind conversation.FindingKind) {
	p := cv.part(agent, day)
	p.findings++
	p.deduction += findingDeduction[kind]
}

// addScores counts a closed conversation's score for each of its agents.
func (st *stats) addScores(cv *conv) {
	for _, p := range cv.parts {
		k := agentDay{p.agent, p.day}
		d := st.scores[k]
		d.conversations++
		d.turns += p.turns
		d.flagged += p.flagged
		d.findings += p.findings
		d.deduction += p.deduction
		d.scoreSum += max(0, 100-p.deduction)
		st.scores[k] = d
	}
}

// score is the mean of the conversations' scores, to one decimal.
func (d dayScore) score() float64 {
	if d.conversations == 0 {
		return 100
	}
	return math.Round(10*d.scoreSum/float64(d.conversations)) / 10
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
	for k, d := range r.scores {
		a := by[k.agent]
		if a == nil {
			a = &agentScore{Agent: k.agent}
			by[k.agent] = a
		}
		a.Conversations += d.conversations
		a.Turns += d.turns
		a.FlaggedTurns += d.flagged
		a.Findings += d.findings
		a.Days = append(a.Days, dayScoreRow{k.day, d.score(), d.conversations, d.turns, d.flagged, d.findings, math.Round(10*d.deduction) / 10})
	}
	out := make([]agentScore, 0, len(by))
	for _, a := range by {
		sort.Slice(a.Days, func(i, j int) bool { return a.Days[i].Day < a.Days[j].Day })
		sum := 0.0
		for _, d := range a.Days {
			sum += d.Score
		}
		a.Score = math.Round(10*sum/float64(len(a.Days))) / 10
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
