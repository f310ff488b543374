package main

import (
	"encoding/json"
	"io"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// jsonReport is what -json writes: the summary's figures, then the flagged
// turns and the conversation findings it lists (capped as the HTML report
// is: "flagged_listed" of "flagged_turns", at most 2000 findings).
type jsonReport struct {
	Source        string  `json:"source"`
	Platform      string  `json:"platform"`
	Lines         int     `json:"lines"`
	Turns         int     `json:"turns"`
	AgentTurns    int     `json:"agent_turns"`
	BuyerTurns    int     `json:"buyer_turns"`
	Conversations int     `json:"conversations"`
	SkippedLines  int     `json:"skipped_lines"`
	FlaggedTurns  int     `json:"flagged_turns"`
	FlaggedListed int     `json:"flagged_listed"`
	Findings      int     `json:"findings"`
	AnsweredRate  float64 `json:"answered_within_window"` // 0..1; 1 when no buyer message was measured
	OutOfOrder    int     `json:"out_of_order_times"`
	Implausible   int     `json:"implausible_times"`
	ClosedEarly   int     `json:"closed_early"`
	// PenaltyEstimate is an estimate of the platform's points: each
	// conversation once, at its worst flagged turn, by shop and day.
	PenaltyEstimate jsonPenalty `json:"penalty_estimate"`
	// AgentScores are the quality scores (质检评分), lowest first.
	AgentScores []agentScore   `json:"agent_scores"`
	ByCategory  map[string]int `json:"by_category"`
	BySeverity  map[string]int `json:"by_severity"`
	ByFinding   map[string]int `json:"by_finding"`
	ByAgent     map[string]int `json:"by_agent"`
	ByHour      [24]int        `json:"by_hour"` // China time
	Flagged     []jsonFlagged  `json:"flagged"`
	FindingList []jsonFinding  `json:"finding_list"`
}

type jsonPenalty struct {
	Points        float64      `json:"points"`
	Conversations int          `json:"conversations"`
	ByShopDay     []penaltyRow `json:"by_shop_day"`
}

type jsonFlagged struct {
	Line         int               `json:"line"`
	Conversation string            `json:"conversation"`
	At           time.Time         `json:"at"`
	Agent        string            `json:"agent"`
	Report       compliance.Report `json:"report"`
	Suggestion   string            `json:"suggestion,omitempty"`
}

type jsonFinding struct {
	Conversation string `json:"conversation"`
	// Lines are the log lines of the evidence turns.
	Lines []int `json:"lines"`
	conversation.Finding
}

func (r *results) jsonReport() jsonReport {
	j := jsonReport{
		Source: r.source, Platform: r.platform.String(), Lines: r.turns + r.skipped, Turns: r.turns,
		AgentTurns: r.agentTurns, BuyerTurns: r.buyerTurns, Conversations: r.conversations, SkippedLines: r.skipped,
		FlaggedTurns: r.flaggedTurns, FlaggedListed: len(r.flagged), AnsweredRate: r.answeredRate(),
		OutOfOrder: r.outOfOrder, Implausible: r.implausible, ClosedEarly: r.evicted,
		ByCategory: map[string]int{}, BySeverity: map[string]int{}, ByFinding: map[string]int{}, ByAgent: map[string]int{},
		ByHour: r.byHour, AgentScores: r.agentScores(), PenaltyEstimate: jsonPenalty{r.points, r.penaltyConversations(), r.penaltyRows()}, Flagged: []jsonFlagged{}, FindingList: []jsonFinding{},
	}
	for _, c := range compliance.Categories() {
		j.ByCategory[c.String()] = r.byCategory[c]
	}
	for s := compliance.Warning; s <= compliance.Critical; s++ {
		j.BySeverity[s.String()] = r.bySeverity[s]
	}
	for _, k := range conversation.FindingKinds() {
		j.ByFinding[k.String()] = r.byFinding[k]
		j.Findings += r.byFinding[k]
	}
	for a, n := range r.byAgent {
		j.ByAgent[a] = n
	}
	for _, f := range r.flagged {
		j.Flagged = append(j.Flagged, jsonFlagged{f.line, f.conversation, f.at, f.agent, f.report, f.suggestion})
	}
	for _, f := range r.findings {
		j.FindingList = append(j.FindingList, jsonFinding{f.conversation, f.lines, f.f})
	}
	return j
}

// answeredRate is the share of buyer messages answered within the
// platform's window; 1 when none was measured.
func (r *results) answeredRate() float64 {
	if r.measured == 0 {
		return 1
	}
	return float64(r.within) / float64(r.measured)
}

func writeJSON(w io.Writer, r *results) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r.jsonReport())
}
