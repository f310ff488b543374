package conversation

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/huashu/huashu/compliance"
)

// Scorecard scores one conversation for each agent who answered in it: the
// quality score (质检评分) that examples/audit and examples/beam report, out
// of 100. The formula is huashu's own estimate of how quality-inspection
// tools grade a session, not a figure any platform publishes:
//
//	conversation score = max(0, 100 − Σ flagged turns (S + 0.2 × P) − Σ findings F)
//	S = 1 warning, 4 minor, 10 serious, 25 critical (the turn's overall severity)
//	P = the turn's estimated platform points ([compliance.Penalty].Points: JD serious 25, 抖店 serious 4)
//	F = 5 spam (刷屏), 3 slow_response; 0 for buyer_abuse, blacklist_eligible, escalate
//
// A flagged turn costs its severity's deduction plus a fifth of the points
// the platform's ladder sets for it, so the same reply costs more where the
// platform punishes it harder (a serious turn: 10 + 25/5 = 15 on JD,
// 10 + 4/5 = 10.8 on 抖店). A finding counts against the agent who had
// answered last when it was made (the agent of the turn that completed it,
// or, for an unanswered message reported at the end, the conversation's last
// agent); before any reply, against the agent "". What the buyer did (abuse,
// blacklist eligibility, a complaint to hand over) costs the agent nothing and
// is not counted.
//
// Each agent's part of the conversation counts on one day: the date, in the
// scorecard's zone (China Standard Time unless [WithLocation] says
// otherwise), of the agent's first turn in it (of the finding that started
// the part, for the agent ""). An agent's score for a day is the mean of
// the scores of the conversations counted on that day ([DayScore]); their
// overall score is the mean of their daily scores ([OverallScore]), so a bad
// day is not hidden by a long log. Scoring by conversation keeps a busy
// agent's score comparable with a quiet one's.
//
// Agents are told apart by [Turn].Agent as given: a caller that names turns
// without one ("(unknown)") renames them before adding them. Feed a
// Scorecard alongside a [Session] ([Scorecard.Add] after each
// [Session.Add], [Scorecard.AddFindings] with [Session.Close]'s findings), or
// score a whole conversation with [ScoreReport]; both give the same scores.
// Memory grows with the number of agents in the conversation, not its
// turns, and each turn costs O(1) however many agents there are. The zero
// Scorecard is ready to use, in China Standard Time. A Scorecard is for one
// goroutine.
type Scorecard struct {
	loc   *time.Location
	parts []part
	last  int  // the part of the latest agent turn, once seen
	seen  bool // an agent turn has been added
	// index finds a part by agent once there are more than maxScanned;
	// steps counts the parts looked at (tests hold it linear in the turns).
	index map[string]int
	steps int
}

// part is one agent's part of the conversation; deductions are kept in
// thousandths of a point, so sums are exact.
type part struct {
	agent, day               string
	turns, flagged, findings int
	deduction                int64
}

// maxScanned is how many parts are searched in order before they are
// indexed: a conversation has an agent or two.
const maxScanned = 8

// severityMilli is what a flagged turn costs at each overall severity, in
// thousandths of a point.
var severityMilli = [...]int64{compliance.Warning: 1000, compliance.Minor: 4000, compliance.Serious: 10000, compliance.Critical: 25000}

// findingMilli is what a finding costs the agent, in thousandths of a point.
func findingMilli(k FindingKind) int64 {
	switch k {
	case Spam:
		return 5000 // 刷屏: the same reply 3+ times in 2 minutes
	case SlowResponse:
		return 3000 // a buyer waited past the platform's window
	}
	return 0
}

// maxPoints bounds the platform points one turn may deduct (the ladders top
// out at 100), so a hand-made report cannot overflow the sums.
const maxPoints = 1e6

// ladderMilli is a fifth of the turn's points, in thousandths of a point;
// negative, NaN or infinite points count as none.
func ladderMilli(points float64) int64 {
	if !(points > 0) {
		return 0
	}
	return int64(math.Round(200 * min(points, maxPoints)))
}

// NewScorecard returns a Scorecard whose days are dates in the zone of
// [WithLocation] (China Standard Time by default); other options are
// ignored.
func NewScorecard(opts ...Option) *Scorecard {
	var st settings
	for _, o := range opts {
		if o != nil {
			o.apply(&st)
		}
	}
	return &Scorecard{loc: st.loc}
}

// day is t's date in the scorecard's zone.
func (s *Scorecard) day(t time.Time) string {
	loc := s.loc
	if loc == nil {
		loc = chinaTime
	}
	return t.In(loc).Format(time.DateOnly)
}

// part returns the index of agent's part, starting it on the day of at.
func (s *Scorecard) part(agent string, at time.Time) int {
	if s.index != nil {
		s.steps++
		if i, ok := s.index[agent]; ok {
			return i
		}
	} else {
		for i := range s.parts {
			s.steps++
			if s.parts[i].agent == agent {
				return i
			}
		}
	}
	s.parts = append(s.parts, part{agent: agent, day: s.day(at)})
	i := len(s.parts) - 1
	if len(s.parts) > maxScanned {
		if s.index == nil {
			s.index = make(map[string]int, 2*len(s.parts))
			for j, p := range s.parts {
				s.index[p.agent] = j
			}
		}
		s.index[agent] = i
	}
	return i
}

// Add counts turn t, as given to [Session.Add], with what Session.Add
// returned for it: an agent turn and its report if flagged, then the
// findings made at it.
func (s *Scorecard) Add(t Turn, res TurnResult) {
	var rep *compliance.Report
	if t.Role == Agent {
		rep = res.Report
	}
	s.turn(t, rep)
	s.AddFindings(res.Findings...)
}

// turn counts an agent turn with its report (nil: not checked, counted
// clean); other roles count nothing.
func (s *Scorecard) turn(t Turn, rep *compliance.Report) {
	if t.Role != Agent {
		return
	}
	i := s.part(t.Agent, t.At)
	s.last, s.seen = i, true
	p := &s.parts[i]
	p.turns++
	if rep == nil || rep.Clean() {
		return
	}
	p.flagged++
	if int(rep.Severity) >= 0 && int(rep.Severity) < len(severityMilli) {
		p.deduction += severityMilli[rep.Severity]
	}
	p.deduction += ladderMilli(rep.Penalty.Points)
}

// AddFindings counts findings made after the last turn added, such as
// [Session.Close]'s, against the agent who answered last. Findings that cost
// the agent nothing are ignored.
func (s *Scorecard) AddFindings(fs ...Finding) {
	for _, f := range fs {
		m := findingMilli(f.Kind)
		if m == 0 {
			continue
		}
		i := s.last
		if !s.seen {
			i = s.part("", f.At)
		}
		s.parts[i].findings++
		s.parts[i].deduction += m
	}
}

// AgentScore is one agent's part of one conversation, scored.
type AgentScore struct {
	Agent string `json:"agent"`
	// Day is the date the part counts on (time.DateOnly, "2006-01-02"):
	// that of the agent's first turn in the conversation.
	Day          string `json:"day"`
	Turns        int    `json:"turns"`         // the agent's turns
	FlaggedTurns int    `json:"flagged_turns"` // of those, flagged by Check
	Findings     int    `json:"findings"`      // spam and slow_response findings counted against the agent
	// Deduction is what the flagged turns and findings cost, before the
	// floor; Score is max(0, 100 − Deduction). Both are exact to a
	// thousandth of a point.
	Deduction float64 `json:"deduction"`
	Score     float64 `json:"score"`
}

// Scores returns each agent's score in the conversation so far, in the
// order the agents first appeared.
func (s *Scorecard) Scores() []AgentScore {
	out := make([]AgentScore, len(s.parts))
	for i, p := range s.parts {
		out[i] = AgentScore{Agent: p.agent, Day: p.day, Turns: p.turns, FlaggedTurns: p.flagged, Findings: p.findings,
			Deduction: float64(p.deduction) / 1000, Score: float64(max(0, 100_000-p.deduction)) / 1000}
	}
	return out
}

// ScoreReport scores a conversation audited whole: turns as given to
// [Audit] and the report it returned. It gives what a [Scorecard] fed the
// same turns through a [Session] gives: each finding is counted at the last
// of its evidence turns, which is the turn it was made at (or, for an
// unanswered message reported at the end, a buyer turn after the last
// agent turn). Reports and evidence that point outside turns are ignored;
// a finding without evidence counts at the end.
func ScoreReport(turns []Turn, rep Report, opts ...Option) []AgentScore {
	s := NewScorecard(opts...)
	reports := make([]*compliance.Report, len(turns))
	for i := range rep.Reports {
		if t := rep.Reports[i].Turn; t >= 0 && t < len(turns) {
			reports[t] = &rep.Reports[i].Report
		}
	}
	type made struct{ turn, i int }
	order := make([]made, 0, len(rep.Findings))
	for i, f := range rep.Findings {
		at := len(turns) - 1
		if n := len(f.Turns); n > 0 && f.Turns[n-1] >= 0 && f.Turns[n-1] < len(turns) {
			at = f.Turns[n-1]
		}
		order = append(order, made{at, i})
	}
	slices.SortStableFunc(order, func(a, b made) int { return cmp.Compare(a.turn, b.turn) })
	next := 0
	for i, t := range turns {
		s.turn(t, reports[i])
		for ; next < len(order) && order[next].turn <= i; next++ {
			s.AddFindings(rep.Findings[order[next].i])
		}
	}
	for ; next < len(order); next++ { // no turns: findings alone
		s.AddFindings(rep.Findings[order[next].i])
	}
	return s.Scores()
}

// DayScore sums an agent's conversation scores of one day (or of any set
// of conversations). Sums are kept as integers (thousandths of a point), so
// [DayScore.Add] and [DayScore.Merge] give the same total in any order and
// grouping: a Beam combiner, workers merging their counts, and one process
// reading the log agree to the last digit.
type DayScore struct {
	Conversations int64 `json:"conversations"`
	Turns         int64 `json:"turns"`
	FlaggedTurns  int64 `json:"flagged_turns"`
	Findings      int64 `json:"findings"`
	// ScoreMilli and DeductionMilli are the sums of the conversations'
	// Score and Deduction, in thousandths of a point.
	ScoreMilli     int64 `json:"score_milli"`
	DeductionMilli int64 `json:"deduction_milli"`
}

// Add counts one conversation's score.
func (d *DayScore) Add(s AgentScore) {
	d.Conversations++
	d.Turns += int64(s.Turns)
	d.FlaggedTurns += int64(s.FlaggedTurns)
	d.Findings += int64(s.Findings)
	d.ScoreMilli += milli(s.Score)
	d.DeductionMilli += milli(s.Deduction)
}

// milli is x in thousandths, bounded so sums cannot overflow; NaN is 0.
func milli(x float64) int64 {
	if x != x {
		return 0
	}
	return int64(math.Round(1000 * max(-1e12, min(x, 1e12))))
}

// Merge adds o's counts to d.
func (d *DayScore) Merge(o DayScore) {
	d.Conversations += o.Conversations
	d.Turns += o.Turns
	d.FlaggedTurns += o.FlaggedTurns
	d.Findings += o.Findings
	d.ScoreMilli += o.ScoreMilli
	d.DeductionMilli += o.DeductionMilli
}

// Score is the mean of the conversations' scores, rounded half up to one
// decimal; 100 when there are none.
func (d DayScore) Score() float64 {
	return float64(d.tenths()) / 10
}

// tenths is Score in tenths of a point.
func (d DayScore) tenths() int64 {
	if d.Conversations <= 0 {
		return 1000
	}
	return divRound(d.ScoreMilli, 100*d.Conversations)
}

// Deduction is the sum of the conversations' deductions, to one decimal.
func (d DayScore) Deduction() float64 { return float64(divRound(d.DeductionMilli, 100)) / 10 }

// OverallScore is the mean of the days' scores ([DayScore.Score]), rounded
// half up to one decimal; 100 when there are none. Each day weighs the
// same, whatever its number of conversations.
func OverallScore(days []DayScore) float64 {
	if len(days) == 0 {
		return 100
	}
	var tenths int64
	for _, d := range days {
		tenths += d.tenths()
	}
	return float64(divRound(tenths, int64(len(days)))) / 10
}

// divRound is a/b rounded half away from zero, for b > 0 (and |a| far
// from overflowing, as milli and the counts keep it).
func divRound(a, b int64) int64 {
	if a < 0 {
		return -((-2*a + b) / (2 * b))
	}
	return (2*a + b) / (2 * b)
}
