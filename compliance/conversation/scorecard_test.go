package conversation

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
)

var cst = time.FixedZone("CST", 8*60*60)

// clock is 2026-03-15 (China time) at hh:mm:ss plus days.
func clock(days int, hms string) time.Time {
	t, err := time.ParseInLocation("15:04:05", hms, cst)
	if err != nil {
		panic(err)
	}
	return time.Date(2026, 3, 15+days, t.Hour(), t.Minute(), t.Second(), 0, cst)
}

func flaggedRes(sev compliance.Severity, points float64) TurnResult {
	return TurnResult{Report: &compliance.Report{Text: "x", Violations: []compliance.Violation{{Severity: sev}}, Severity: sev, Penalty: compliance.Penalty{Points: points}}}
}

func cleanRes() TurnResult {
	return TurnResult{Report: &compliance.Report{Text: "您好", Violations: []compliance.Violation{}}}
}

// TestScorecardFormula: each deduction of the documented formula, the
// floor, and what costs nothing.
func TestScorecardFormula(t *testing.T) {
	agent := Turn{Role: Agent, At: clock(0, "10:00:00"), Agent: "a"}
	for _, c := range []struct {
		name string
		give []TurnResult
		want float64 // the deduction
	}{
		{"clean", []TurnResult{cleanRes()}, 0},
		{"no report", []TurnResult{{}}, 0},
		{"warning, no points", []TurnResult{flaggedRes(compliance.Warning, 0)}, 1},
		{"minor on JD", []TurnResult{flaggedRes(compliance.Minor, 12)}, 4 + 2.4},
		{"serious on JD", []TurnResult{flaggedRes(compliance.Serious, 25)}, 15},
		{"serious on 抖店", []TurnResult{flaggedRes(compliance.Serious, 4)}, 10.8},
		{"critical on JD", []TurnResult{flaggedRes(compliance.Critical, 100)}, 45},
		{"minor on 抖店, half a point", []TurnResult{flaggedRes(compliance.Minor, 0.5)}, 4.1},
		{"spam", []TurnResult{{Report: cleanRes().Report, Findings: []Finding{{Kind: Spam}}}}, 5},
		{"slow", []TurnResult{{Report: cleanRes().Report, Findings: []Finding{{Kind: SlowResponse}}}}, 3},
		{"the buyer's doing", []TurnResult{{Report: cleanRes().Report, Findings: []Finding{{Kind: BuyerAbuse}, {Kind: BlacklistEligible}, {Kind: Escalate}}}}, 0},
		{"three turns", []TurnResult{flaggedRes(compliance.Serious, 25), flaggedRes(compliance.Warning, 0), cleanRes()}, 16},
		{"hand-made: NaN and negative points, unknown severity", []TurnResult{flaggedRes(compliance.Severity(99), math.NaN()), flaggedRes(compliance.Severity(-1), -5), flaggedRes(compliance.Warning, math.Inf(1))}, 1 + 200000},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s Scorecard
			for _, r := range c.give {
				s.Add(agent, r)
			}
			got := s.Scores()
			require.Len(t, got, 1)
			require.Equal(t, c.want, got[0].Deduction)
			require.Equal(t, max(0, 100-c.want), got[0].Score)
			require.Equal(t, len(c.give), got[0].Turns)
		})
	}

	var s Scorecard
	for range 30 {
		s.Add(agent, TurnResult{Findings: []Finding{{Kind: Spam}}})
	}
	require.Equal(t, []AgentScore{{Agent: "a", Day: "2026-03-15", Turns: 30, Findings: 30, Deduction: 150, Score: 0}}, s.Scores(), "floored at 0")
}

// TestScorecardAttribution: a finding counts against the agent who had
// answered last; before any reply, against ""; buyer turns count nothing.
func TestScorecardAttribution(t *testing.T) {
	var s Scorecard
	s.Add(Turn{Role: Buyer, At: clock(0, "09:59:00"), Text: "在吗"}, TurnResult{Findings: []Finding{{Kind: BuyerAbuse}}})
	require.Empty(t, s.Scores(), "a buyer turn and a finding that costs nothing start no part")
	s.AddFindings(Finding{Kind: SlowResponse, At: clock(0, "10:05:00")}) // before any reply
	s.Add(Turn{Role: Agent, At: clock(0, "10:06:00"), Agent: "a"}, TurnResult{Report: cleanRes().Report, Findings: []Finding{{Kind: SlowResponse}}})
	s.Add(Turn{Role: Agent, At: clock(0, "10:07:00"), Agent: "b"}, flaggedRes(compliance.Serious, 25))
	s.Add(Turn{Role: Buyer, At: clock(0, "10:08:00")}, TurnResult{Findings: []Finding{{Kind: Spam}}}) // made at a buyer turn: the last agent, b
	s.Add(Turn{Role: Agent, At: clock(0, "10:09:00"), Agent: "a"}, cleanRes())
	s.AddFindings(Finding{Kind: SlowResponse, At: clock(0, "10:30:00")}) // Close's: the last agent, a
	require.Equal(t, []AgentScore{
		{Agent: "", Day: "2026-03-15", Findings: 1, Deduction: 3, Score: 97},
		{Agent: "a", Day: "2026-03-15", Turns: 2, Findings: 2, Deduction: 6, Score: 94},
		{Agent: "b", Day: "2026-03-15", Turns: 1, FlaggedTurns: 1, Findings: 1, Deduction: 20, Score: 80},
	}, s.Scores())
}

// TestScorecardDay: a part counts on the date of the agent's first turn in
// the conversation, in China time unless WithLocation says otherwise.
func TestScorecardDay(t *testing.T) {
	turns := []Turn{
		{Role: Agent, At: clock(0, "23:59:00"), Agent: "a"},
		{Role: Agent, At: clock(1, "00:01:00"), Agent: "a"}, // after midnight: still the 15th for a
		{Role: Agent, At: clock(1, "00:02:00"), Agent: "b"}, // b first answered on the 16th
	}
	days := func(s *Scorecard) []string {
		for _, t := range turns {
			s.Add(t, cleanRes())
		}
		var out []string
		for _, sc := range s.Scores() {
			out = append(out, sc.Agent+" "+sc.Day)
		}
		return out
	}
	require.Equal(t, []string{"a 2026-03-15", "b 2026-03-16"}, days(&Scorecard{}))
	require.Equal(t, []string{"a 2026-03-15", "b 2026-03-16"}, days(NewScorecard()))
	require.Equal(t, []string{"a 2026-03-15", "b 2026-03-15"}, days(NewScorecard(WithLocation(time.UTC), WithResponseWindow(time.Hour))))
}

// TestScoreReportMatchesSession: scoring an audited conversation whole
// gives what a Scorecard fed alongside the Session gives, on random
// conversations of several agents with every kind of finding.
func TestScoreReportMatchesSession(t *testing.T) {
	texts := []string{"您好，在的", "您好，在的", "您好，在的", "加我微信", "爱买不买", "请您注意文明用语，我们一起把问题处理好", "好的"}
	buyer := []string{"在吗", "骗子", "垃圾客服", "我要投诉你们", "请问有货吗", "让你们主管来"}
	for _, p := range []compliance.Platform{compliance.JD, compliance.Doudian, compliance.Generic} {
		c, err := compliance.New(compliance.WithPlatform(p))
		require.NoError(t, err)
		r := rand.New(rand.NewSource(int64(p)))
		kinds := map[FindingKind]int{}
		for n := range 300 {
			var turns []Turn
			tm := clock(0, "08:50:00").Add(time.Duration(r.Intn(20*3600)) * time.Second)
			for range r.Intn(14) {
				gap := 1 + r.Intn(40) // seconds: replies close enough to repeat within 2 minutes
				if r.Intn(6) == 0 {
					gap = r.Intn(7200) // or long enough to be slow
				}
				tm = tm.Add(time.Duration(gap) * time.Second)
				if r.Intn(2) == 0 {
					turns = append(turns, Turn{Role: Buyer, At: tm, Text: buyer[r.Intn(len(buyer))]})
				} else {
					turns = append(turns, Turn{Role: Agent, At: tm, Text: texts[r.Intn(len(texts))], Agent: fmt.Sprint("a", r.Intn(3))})
				}
			}
			s := NewSession(c)
			var sc Scorecard
			for _, t := range turns {
				sc.Add(t, s.Add(t))
			}
			sc.AddFindings(s.Close()...)
			rep := Audit(c, turns)
			for _, f := range rep.Findings {
				kinds[f.Kind]++
			}
			require.Equal(t, sc.Scores(), ScoreReport(turns, rep), "conversation %d on %s: %+v", n, p, turns)
		}
		require.Positive(t, kinds[Spam], p)
		require.Positive(t, kinds[SlowResponse], p)
	}

	// Reports and evidence that point outside the turns are ignored; a
	// finding without evidence counts at the end.
	turns := []Turn{{Role: Agent, At: clock(0, "10:00:00"), Agent: "a"}}
	got := ScoreReport(turns, Report{
		Reports:  []TurnReport{{Turn: 5, Report: *flaggedRes(compliance.Critical, 100).Report}, {Turn: -1}},
		Findings: []Finding{{Kind: Spam, Turns: []int{7}}, {Kind: SlowResponse}},
	})
	require.Equal(t, []AgentScore{{Agent: "a", Day: "2026-03-15", Turns: 1, Findings: 2, Deduction: 8, Score: 92}}, got)
	require.Equal(t, []AgentScore{{Agent: "", Day: "2026-03-15", Findings: 1, Deduction: 5, Score: 95}},
		ScoreReport(nil, Report{Findings: []Finding{{Kind: Spam, At: clock(0, "10:00:00"), Turns: []int{0}}}}))
	require.Empty(t, ScoreReport(nil, Report{}))
}

// TestScorecardLinear: a conversation whose every turn names a new agent
// costs O(1) a turn to score (counted, not timed).
func TestScorecardLinear(t *testing.T) {
	for _, n := range []int{100, 10000} {
		var s Scorecard
		for i := range n {
			s.Add(Turn{Role: Agent, Agent: fmt.Sprintf("a%d", i)}, TurnResult{})
			s.Add(Turn{Role: Agent, Agent: fmt.Sprintf("a%d", i/2)}, TurnResult{}) // and an earlier one again
		}
		require.Len(t, s.Scores(), n)
		require.LessOrEqual(t, s.steps, 2*n*maxScanned, "n=%d", n)
	}
}

// TestDayScore: the mean rounds half up to one decimal from exact sums, so
// no order of adding or merging changes it.
func TestDayScore(t *testing.T) {
	var d DayScore
	require.Equal(t, 100.0, d.Score(), "no conversation")
	d.Add(AgentScore{Turns: 2, Score: 100})
	d.Add(AgentScore{Turns: 1, FlaggedTurns: 1, Deduction: 15.5, Score: 84.5})
	require.Equal(t, 92.3, d.Score(), "92.25 rounds up")
	require.Equal(t, 15.5, d.Deduction())
	require.Equal(t, DayScore{Conversations: 2, Turns: 3, FlaggedTurns: 1, ScoreMilli: 184500, DeductionMilli: 15500}, d)

	// Scores whose float sums depend on the order (x.1 + y.2 …) still give
	// one total: every grouping of the same conversations is equal.
	r := rand.New(rand.NewSource(1))
	var scores []AgentScore
	for range 200 {
		ded := float64(r.Intn(300)) / 10 // 0.0 … 29.9, as 0.2 × points makes
		scores = append(scores, AgentScore{Turns: 1 + r.Intn(5), Findings: r.Intn(2), Deduction: ded, Score: 100 - ded})
	}
	var want DayScore
	for _, s := range scores {
		want.Add(s)
	}
	for range 20 {
		r.Shuffle(len(scores), func(i, j int) { scores[i], scores[j] = scores[j], scores[i] })
		cut := r.Intn(len(scores))
		var left, right DayScore
		for _, s := range scores[:cut] {
			left.Add(s)
		}
		for _, s := range scores[cut:] {
			right.Add(s)
		}
		right.Merge(left)
		require.Equal(t, want, right)
	}

	// A mean exactly halfway (81.95) that float sums round down or up
	// depending on the order of adding.
	for _, order := range [][]float64{{62.4, 100, 65.4, 100}, {100, 65.4, 100, 62.4}} {
		var d DayScore
		for _, x := range order {
			d.Add(AgentScore{Score: x, Deduction: 100 - x})
		}
		require.Equal(t, 82.0, d.Score(), order)
	}

	require.Equal(t, 100.0, OverallScore(nil))
	// Days of 92.3 and 100 (and 84.4): means 96.15 → 96.2, 92.233… → 92.2.
	day := func(milli ...int64) DayScore {
		var d DayScore
		for _, m := range milli {
			d.Add(AgentScore{Score: float64(m) / 1000})
		}
		return d
	}
	require.Equal(t, 96.2, OverallScore([]DayScore{day(100000, 84500), day(100000)}))
	require.Equal(t, 92.2, OverallScore([]DayScore{day(100000, 84500), day(100000), day(84400)}))
	require.Equal(t, 0.0, day(0).Score())
}

// FuzzScorecard: on any conversation, a Scorecard fed beside a Session and
// ScoreReport over Audit's report agree, never panic, count every agent
// turn once, and keep every score within 0–100.
func FuzzScorecard(f *testing.F) {
	f.Add("您好，在的", "加我微信", []byte{1, 3, 1, 0, 1, 1, 250, 5, 0})
	f.Add("骗子", "请您注意文明用语", []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 255})
	f.Add("\xff", "", []byte{})
	c, err := compliance.New(compliance.WithPlatform(compliance.Doudian))
	if err != nil {
		f.Fatal(err)
	}
	agents := []string{"", "a", "b", "c"}
	f.Fuzz(func(t *testing.T, a, b string, shape []byte) {
		if len(shape) > 64 {
			shape = shape[:64]
		}
		var turns []Turn
		tm := clock(0, "23:50:00")
		agentTurns := 0
		for i, x := range shape {
			tm = tm.Add(time.Duration(x>>3) * 10 * time.Second) // 0 to 310 s: repeats and slow replies
			if x&1 == 0 {
				turns = append(turns, Turn{Role: Buyer, At: tm, Text: a})
				continue
			}
			text := a
			if i%3 == 0 {
				text = b
			}
			turns = append(turns, Turn{Role: Agent, At: tm, Text: text, Agent: agents[x>>1&3]})
			agentTurns++
		}
		s := NewSession(c)
		var sc Scorecard
		for _, t := range turns {
			sc.Add(t, s.Add(t))
		}
		sc.AddFindings(s.Close()...)
		got := sc.Scores()
		require.Equal(t, got, ScoreReport(turns, Audit(c, turns)))
		n := 0
		for _, p := range got {
			n += p.Turns
			require.True(t, p.Score >= 0 && p.Score <= 100, "%+v", p)
			require.InDelta(t, max(0, 100-p.Deduction), p.Score, 1e-9, "%+v", p)
		}
		require.Equal(t, agentTurns, n)
	})
}

// BenchmarkScorecard: scoring a 20-turn conversation of two agents, beside
// the audit (whose Check calls this does not include).
func BenchmarkScorecard(b *testing.B) {
	var turns []Turn
	var results []TurnResult
	for i := range 20 {
		t := Turn{Role: Buyer, At: clock(0, "10:00:00").Add(time.Duration(i) * 20 * time.Second)}
		r := TurnResult{}
		if i%2 == 1 {
			t.Role, t.Agent = Agent, []string{"a-1", "a-2"}[i/10]
			r = cleanRes()
			if i%5 == 0 {
				r = flaggedRes(compliance.Serious, 25)
			}
		}
		turns, results = append(turns, t), append(results, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		var s Scorecard
		for i, t := range turns {
			s.Add(t, results[i])
		}
		s.AddFindings(Finding{Kind: SlowResponse})
		_ = s.Scores()
	}
}
