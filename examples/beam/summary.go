package main

import (
	"encoding/json"
	"fmt"
	"io"
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

// writeSummary prints the summary in examples/audit's layout. Only the
// third line differs: a pipeline does not time itself (main prints the
// wall time after the run), so it says how many files were read.
func writeSummary(w io.Writer, source, platform string, r summary) error {
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
}

func toJSON(source, platform string, r summary) summaryJSON {
	out := summaryJSON{Source: source, Platform: platform, Files: r.Files, Bytes: r.Bytes, Lines: r.Turns + r.Skipped, BadLines: r.Skipped,
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
