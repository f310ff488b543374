package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// summary is what the pipeline counts: each file and each conversation
// emits one, and they are merged (in any order, any grouping) into the
// summary of the run. Enum-indexed arrays keep the per-conversation value
// small; only the agents need a map.
type summary struct {
	Files, Bytes, Skipped                                      int64
	Turns, AgentTurns, BuyerTurns, Conversations, FlaggedTurns int64
	Points                                                     float64 // estimated: each conversation once, at its worst flagged turn
	PenaltyConversations                                       int64   // conversations with a flagged turn
	Measured, Within, Answered                                 int64
	OutOfOrder, Implausible                                    int64     // timestamps, counted as examples/audit counts them
	ByCategory                                                 [16]int64 // by compliance.Category
	BySeverity                                                 [8]int64  // by compliance.Severity
	ByFinding                                                  [8]int64  // by conversation.FindingKind
	ByHour                                                     [24]int64 // flagged turns by hour, China time
	ByAgent                                                    map[string]int64
}

func newSummary() summary { return summary{} }

// addFlagged counts one flagged agent turn, as examples/audit does.
func (s *summary) addFlagged(agent string, at time.Time, rep compliance.Report) {
	s.FlaggedTurns++
	s.BySeverity[idx(int(rep.Severity), len(s.BySeverity))]++
	if s.ByAgent == nil {
		s.ByAgent = map[string]int64{}
	}
	s.ByAgent[agent]++
	s.ByHour[at.In(chinaTime).Hour()]++
	for _, v := range rep.Violations {
		s.ByCategory[idx(int(v.Category), len(s.ByCategory))]++
	}
}

// idx keeps an enum inside its array; 0 (unset) takes what is out of range.
func idx(i, n int) int {
	if i < 0 || i >= n {
		return 0
	}
	return i
}

// mergeSummaries adds b to a. It is the pipeline's combiner: associative
// and commutative, as Beam requires.
func mergeSummaries(a, b summary) summary {
	a.Files += b.Files
	a.Bytes += b.Bytes
	a.Skipped += b.Skipped
	a.Turns += b.Turns
	a.AgentTurns += b.AgentTurns
	a.BuyerTurns += b.BuyerTurns
	a.Conversations += b.Conversations
	a.FlaggedTurns += b.FlaggedTurns
	a.Points += b.Points
	a.PenaltyConversations += b.PenaltyConversations
	a.Measured += b.Measured
	a.Within += b.Within
	a.Answered += b.Answered
	a.OutOfOrder += b.OutOfOrder
	a.Implausible += b.Implausible
	for i := range a.ByCategory {
		a.ByCategory[i] += b.ByCategory[i]
	}
	for i := range a.BySeverity {
		a.BySeverity[i] += b.BySeverity[i]
	}
	for i := range a.ByFinding {
		a.ByFinding[i] += b.ByFinding[i]
	}
	for i := range a.ByHour {
		a.ByHour[i] += b.ByHour[i]
	}
	if len(b.ByAgent) > 0 {
		m := make(map[string]int64, len(a.ByAgent)+len(b.ByAgent))
		for k, v := range a.ByAgent {
			m[k] = v
		}
		for k, v := range b.ByAgent {
			m[k] += v
		}
		a.ByAgent = m
	}
	return a
}

// encodeSummary and decodeSummary are the Beam coder of summary (JSON:
// few values travel, and JSON keeps the map and arrays simple).
func encodeSummary(s summary) ([]byte, error) { return json.Marshal(s) }

func decodeSummary(b []byte) (summary, error) {
	var s summary
	err := json.Unmarshal(b, &s)
	return s, err
}

// writeSummary prints the summary in examples/audit's layout, up to its
// quality scores. Only the third line differs: a pipeline does not time
// itself (main prints the wall time after the run), so it says how many
// files were read.
func writeSummary(w io.Writer, source, platform string, r summary, scores []agentScore) error {
	var b strings.Builder
	fmt.Fprintf(&b, "huashu audit — %s, platform %s\n", source, platform)
	fmt.Fprintf(&b, "%d lines, %d turns (%d agent, %d buyer) in %d conversations; %d bad lines skipped\n", r.Turns+r.Skipped, r.Turns, r.AgentTurns, r.BuyerTurns, r.Conversations, r.Skipped)
	fmt.Fprintf(&b, "%.1f MB in %d files\n", float64(r.Bytes)/1e6, r.Files)
	rate := 1.0
	if r.Measured > 0 {
		rate = float64(r.Within) / float64(r.Measured)
	}
	fmt.Fprintf(&b, "flagged agent turns: %d of %d; buyer messages answered within the window: %.1f%%\n", r.FlaggedTurns, r.AgentTurns, 100*rate)
	points := fmt.Sprintf("%.1f", r.Points)
	if r.Points == float64(int64(r.Points)) {
		points = fmt.Sprint(int64(r.Points))
	}
	fmt.Fprintf(&b, "estimated penalty points: %s in %d conversations (an estimate: each conversation counted once, at its worst turn, by shop and day)\n", points, r.PenaltyConversations)
	// The pipeline holds every conversation whole, so none is closed early.
	fmt.Fprintf(&b, "timestamps: %d out of order (counted at the previous turn's time), %d implausible (before 2000 or over a day ahead: ignored); %d conversations closed early to stay within -max-open\n\n", r.OutOfOrder, r.Implausible, 0)
	table := func(title string, rows [][2]string) {
		fmt.Fprintf(&b, "%s\n", title)
		for _, row := range rows {
			fmt.Fprintf(&b, "  %s %8s\n", padRight(row[0], 22), row[1])
		}
		fmt.Fprintln(&b)
	}
	var rows [][2]string
	for _, c := range compliance.Categories() {
		rows = append(rows, [2]string{c.String(), fmt.Sprint(r.ByCategory[c])})
	}
	table("Violations by category", rows)
	rows = nil
	for s := compliance.Warning; s <= compliance.Critical; s++ {
		rows = append(rows, [2]string{s.String(), fmt.Sprint(r.BySeverity[s])})
	}
	table("Flagged turns by severity", rows)
	rows = nil
	for _, k := range conversation.FindingKinds() {
		rows = append(rows, [2]string{k.String(), fmt.Sprint(r.ByFinding[k])})
	}
	table("Conversation findings", rows)
	rows = nil
	for _, a := range topAgents(r.ByAgent, 10) {
		rows = append(rows, [2]string{a, fmt.Sprint(r.ByAgent[a])})
	}
	table("Flagged turns by agent (top 10)", rows)
	rows = nil
	for h := range 24 {
		if r.ByHour[h] > 0 {
			rows = append(rows, [2]string{fmt.Sprintf("%02d:00", h), fmt.Sprint(r.ByHour[h])})
		}
	}
	table("Flagged turns by hour (China time)", rows)
	writeScores(&b, scores)
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryJSON is the machine-readable summary.
type summaryJSON struct {
	Source        string           `json:"source"`
	Platform      string           `json:"platform"`
	Files         int64            `json:"files"`
	Bytes         int64            `json:"bytes"`
	Lines         int64            `json:"lines"`
	BadLines      int64            `json:"bad_lines"`
	Turns         int64            `json:"turns"`
	AgentTurns    int64            `json:"agent_turns"`
	BuyerTurns    int64            `json:"buyer_turns"`
	Conversations int64            `json:"conversations"`
	FlaggedTurns  int64            `json:"flagged_turns"`
	Points        float64          `json:"penalty_points"`
	WithinWindow  float64          `json:"answered_within_window"` // share of measured buyer messages, 1 when none
	ByCategory    map[string]int64 `json:"by_category"`
	BySeverity    map[string]int64 `json:"by_severity"`
	Findings      map[string]int64 `json:"findings"`
	ByAgent       map[string]int64 `json:"by_agent"`
	ByHour        map[string]int64 `json:"by_hour"` // "10": flagged turns from 10:00 to 10:59, China time
	// AgentScores are the quality scores (质检评分), lowest first, as
	// examples/audit's -json writes them.
	AgentScores []agentScore `json:"agent_scores"`
}

func toJSON(source, platform string, r summary, scores []agentScore) summaryJSON {
	if scores == nil {
		scores = []agentScore{}
	}
	out := summaryJSON{Source: source, Platform: platform, AgentScores: scores, Files: r.Files, Bytes: r.Bytes, Lines: r.Turns + r.Skipped, BadLines: r.Skipped,
		Turns: r.Turns, AgentTurns: r.AgentTurns, BuyerTurns: r.BuyerTurns, Conversations: r.Conversations, FlaggedTurns: r.FlaggedTurns,
		Points: r.Points, WithinWindow: 1, ByCategory: map[string]int64{}, BySeverity: map[string]int64{}, Findings: map[string]int64{},
		ByAgent: map[string]int64{}, ByHour: map[string]int64{}}
	if r.Measured > 0 {
		out.WithinWindow = float64(r.Within) / float64(r.Measured)
	}
	for _, c := range compliance.Categories() {
		out.ByCategory[c.String()] = r.ByCategory[c]
	}
	for s := compliance.Warning; s <= compliance.Critical; s++ {
		out.BySeverity[s.String()] = r.BySeverity[s]
	}
	for _, k := range conversation.FindingKinds() {
		out.Findings[k.String()] = r.ByFinding[k]
	}
	for a, n := range r.ByAgent {
		out.ByAgent[a] = n
	}
	for h, n := range r.ByHour {
		if n > 0 {
			out.ByHour[fmt.Sprintf("%02d", h)] = n
		}
	}
	return out
}

func topAgents(m map[string]int64, n int) []string {
	as := make([]string, 0, len(m))
	for a := range m {
		as = append(as, a)
	}
	sort.Slice(as, func(i, j int) bool {
		if m[as[i]] != m[as[j]] {
			return m[as[i]] > m[as[j]]
		}
		return as[i] < as[j]
	})
	if len(as) > n {
		as = as[:n]
	}
	return as
}

// padRight pads s with spaces to cols terminal columns (CJK counts two),
// as examples/audit's table does.
func padRight(s string, cols int) string {
	w := 0
	for _, r := range s {
		switch {
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF,
			unicode.In(r, unicode.Mn, unicode.Me, unicode.Cc, unicode.Cf):
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				w += 2
			default:
				w++
			}
		}
	}
	if w < cols {
		return s + strings.Repeat(" ", cols-w)
	}
	return s
}

// agentScore is one agent's quality scores: overall and by day, oldest
// first; its JSON is that of examples/audit's agent_scores.
type agentScore struct {
	Agent         string        `json:"agent"`
	Score         float64       `json:"score"` // the mean of the daily scores
	Conversations int64         `json:"conversations"`
	Turns         int64         `json:"turns"`
	FlaggedTurns  int64         `json:"flagged_turns"`
	Findings      int64         `json:"findings"`
	Days          []dayScoreRow `json:"days"`
}

// dayScoreRow is one agent's score on one day.
type dayScoreRow struct {
	Day           string  `json:"day"`
	Score         float64 `json:"score"`
	Conversations int64   `json:"conversations"`
	Turns         int64   `json:"turns"`
	FlaggedTurns  int64   `json:"flagged_turns"`
	Findings      int64   `json:"findings"`
	Deduction     float64 `json:"deduction"`
}

// agentScores groups the agents' days, lowest overall score first (the
// agents to look at), then by name, as examples/audit lists them.
func agentScores(days []agentDay) []agentScore {
	slices.SortFunc(days, func(a, b agentDay) int {
		return cmp.Or(strings.Compare(a.Agent, b.Agent), strings.Compare(a.Day, b.Day))
	})
	var out []agentScore
	var sums []conversation.DayScore
	for i, d := range days {
		if i == 0 || d.Agent != days[i-1].Agent {
			out = append(out, agentScore{Agent: d.Agent})
			sums = sums[:0]
		}
		a := &out[len(out)-1]
		ds := d.Score
		a.Conversations += ds.Conversations
		a.Turns += ds.Turns
		a.FlaggedTurns += ds.FlaggedTurns
		a.Findings += ds.Findings
		a.Days = append(a.Days, dayScoreRow{d.Day, ds.Score(), ds.Conversations, ds.Turns, ds.FlaggedTurns, ds.Findings, ds.Deduction()})
		sums = append(sums, ds)
		a.Score = conversation.OverallScore(sums)
	}
	slices.SortStableFunc(out, func(a, b agentScore) int {
		return cmp.Or(cmp.Compare(a.Score, b.Score), strings.Compare(a.Agent, b.Agent))
	})
	return out
}

// maxScoreRows caps the agents listed in the text summary (all are in
// summary.json and scores.jsonl); trendDays is how many of the latest days
// a row's trend shows. Both as in examples/audit.
const (
	maxScoreRows = 30
	trendDays    = 7
)

// writeScores prints the quality scores as examples/audit's summary does.
func writeScores(b *strings.Builder, scores []agentScore) {
	if len(scores) == 0 {
		return
	}
	days := map[string]bool{}
	for _, a := range scores {
		for _, d := range a.Days {
			days[d.Day] = true
		}
	}
	multi := len(days) > 1
	fmt.Fprintln(b, "Quality score by agent (质检评分, out of 100, lowest first; see the README for the formula)")
	for i, a := range scores {
		if i == maxScoreRows {
			fmt.Fprintf(b, "  … %d more agents (all are in summary.json and scores.jsonl)\n", len(scores)-i)
			break
		}
		fmt.Fprintf(b, "  %s %5.1f  %5d conversations %5d turns %4d flagged %4d findings", padRight(a.Agent, 16), a.Score, a.Conversations, a.Turns, a.FlaggedTurns, a.Findings)
		if multi {
			fmt.Fprintf(b, "   by day: %s", trend(a.Days, trendDays))
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintln(b)
}

// trend writes the last n daily scores, oldest first: "03-14 92 → 03-15 85".
func trend(days []dayScoreRow, n int) string {
	var parts []string
	if len(days) > n {
		parts = append(parts, "…")
		days = days[len(days)-n:]
	}
	for _, d := range days {
		score := fmt.Sprintf("%.1f", d.Score)
		if d.Score == float64(int64(d.Score)) {
			score = fmt.Sprint(int64(d.Score))
		}
		parts = append(parts, fmt.Sprintf("%s %s", d.Day[5:], score))
	}
	return strings.Join(parts, " → ")
}
