package conversation

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/lexicon"
	"github.com/huashu/huashu/scripts"
)

// Conversation thresholds (see the package doc).
const (
	spamWindow    = 2 * time.Minute
	spamRepeats   = 3
	spamSimilar   = 0.8 // normalized edit similarity above which two replies are the same
	blacklistMore = 5   // JD 咚咚: more than 5 abusive messages after a reminder
	maxPending    = 256 // buyer messages awaiting an answer that a Session remembers
	maxRecent     = 32  // agent turns within the spam window that a Session remembers
)

// Session audits one live conversation turn by turn: [Session.Add] returns
// the findings that arise with each turn. It keeps bounded memory on endless
// chats (at most the last 32 agent turns within the spam window and 256
// unanswered buyer messages). A Session is for one goroutine; use one per chat.
type Session struct {
	c *compliance.Checker
	o settings
	n int

	lastAt time.Time
	recent []recentReply
	groups int // reply groups numbered so far

	spamGroup int // the group of the burst already reported (0: none)
	spamLast  time.Time

	pending           []pendingMsg
	metrics           ResponseMetrics
	waitSum           float64 // nanoseconds: a time.Duration sum overflows on extreme timestamps
	firstBuyer        time.Time
	hasFirstBuyer     bool
	firstDone         bool
	reminder          int // index of the agent's civility reminder, or -1
	abuseAfter        []int
	blacklistReported bool
	escalatedAt       time.Time
	escalatedRank     int // how serious the last escalation's reason was: 1 aggressive, 2 manager demand, 3 complaint threat
	escalated         bool
	putOff            bool   // the agent has declined or stalled
	lastReply         string // the agent's last reply, folded (at most maxEchoReply runes), for echoes

	buyerTurns, buyerAbuse, complaints, impatience int
	buyerSeq                                       int    // buyer turns so far
	prompt                                         []rune // the last buyer message, normalized (at most 128 runes)
	promptAbusive                                  bool   // the last buyer message is abuse
	promptQuestion                                 bool   // the last buyer message asks something
	promptAnswer                                   bool   // the last buyer message carries data or says it was given
	start                                          time.Time
	lastAbusive                                    bool  // the last turn is a buyer's abuse
	rows                                           []int // scratch for similar
	steps                                          int   // cues visited reading turns, to prove the cost linear
	cells                                          int   // edit-distance cells computed, to prove the spam check's bound
}

// recentReply is an agent reply within the spam window.
type recentReply struct {
	idx      int
	at       time.Time
	norm     []rune // normalized, at most 128 runes
	data     string // the data it carries (dataOf)
	group    int    // replies the same as one another share a group
	sev      compliance.Severity
	ignoring bool // it repeats the previous reply of its group without regard to the buyer

	promptSeq int    // buyer turns before it
	prompt    []rune // the buyer message it answers, normalized
}

type pendingMsg struct {
	idx int
	at  time.Time
}

// NewSession starts auditing a conversation whose agent turns c checks;
// the platform's defaults apply unless opts change them.
func NewSession(c *compliance.Checker, opts ...Option) *Session {
	o := resolve(c.Platform(), opts)
	return &Session{c: c, o: o, reminder: -1, metrics: ResponseMetrics{Window: Duration(o.window)}}
}

// TurnResult is what one turn adds.
type TurnResult struct {
	Findings []Finding          `json:"findings"`
	Report   *compliance.Report `json:"report,omitempty"` // the Check report, for agent turns
}

// MarshalJSON writes the result with "findings" as an array, [] when none.
func (r TurnResult) MarshalJSON() ([]byte, error) {
	type plain TurnResult
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	return json.Marshal(plain(r))
}

// Add feeds the next turn. Turns must be given in order; a timestamp earlier
// than the previous turn's counts as the previous turn's.
func (s *Session) Add(t Turn) TurnResult {
	idx := s.n
	s.n++
	at := t.At
	if idx > 0 && at.Before(s.lastAt) {
		at = s.lastAt
	}
	if idx == 0 {
		s.start = at
	}
	s.lastAt = at
	var res TurnResult
	switch t.Role {
	case Agent:
		s.lastAbusive = false
		rep := s.c.Check(t.Text)
		res.Report = &rep
		res.Findings = s.agentTurn(idx, at, t.Text, rep)
	case Buyer:
		res.Findings = s.buyerTurn(idx, at, t.Text)
	}
	return res
}

func (s *Session) agentTurn(idx int, at time.Time, text string, rep compliance.Report) []Finding {
	var out []Finding
	// Answer the pending buyer messages.
	for _, p := range s.pending {
		wait := at.Sub(p.at)
		s.metrics.Answered++
		s.waitSum += float64(wait)
		if wait <= s.o.window {
			s.metrics.WithinWindow++
		}
	}
	if len(s.pending) > 0 {
		first := s.pending[0]
		if wait := at.Sub(first.at); wait > s.o.window {
			s.putOff = true // a late reply puts the buyer off
			out = append(out, Finding{Kind: SlowResponse, Turns: []int{first.idx, idx}, At: at, Severity: compliance.Minor, Wait: Duration(wait),
				Detail: fmt.Sprintf("the buyer waited %s for a reply (window %s)", wait.Round(time.Second), s.o.window)})
		}
		s.pending = s.pending[:0]
	}
	if s.hasFirstBuyer && !s.firstDone {
		s.metrics.FirstResponse = Duration(at.Sub(s.firstBuyer))
		s.firstDone = true
	}
	a := s.readAgent(text, rep)
	if a.reminder && s.reminder < 0 {
		s.reminder = idx // the count runs from the first reminder: a second does not restart it
	}
	s.putOff = s.putOff || a.putOff
	if f, ok := s.spam(idx, at, text, rep.Severity, a); ok {
		out = append(out, f)
	}
	return out
}

// spam keeps the replies within the spam window and reports a reply sent
// 3 or more times in it without regard to the buyer (刷屏): pushed again
// with no buyer message between, or sent again after the buyer said
// something else when it is more than an acknowledgement. Replies are the
// same when they carry the same data (order and tracking numbers) and their
// normalized texts are within 20% edit distance. A new reply is compared
// with one reply of each group, newest first, by a banded edit distance: the
// work per turn is at most 33 comparisons of 128 × 51 cells, whatever the texts.
func (s *Session) spam(idx int, at time.Time, text string, sev compliance.Severity, a agentRead) (Finding, bool) {
	norm := []rune(lexicon.NormalizeText(text))
	if len(norm) > 128 {
		norm = norm[:128]
	}
	kept := s.recent[:0]
	for _, r := range s.recent {
		if at.Sub(r.at) <= spamWindow {
			kept = append(kept, r)
		}
	}
	s.recent = kept
	if len(s.recent) == maxRecent {
		s.recent = append(s.recent[:0], s.recent[1:]...)
	}
	r := recentReply{idx: idx, at: at, norm: norm, data: dataOf(lexicon.Fold(text)), sev: sev}
	var prev *recentReply
	var tried [maxRecent]int
	nTried := 0
	for i := len(s.recent) - 1; i >= 0 && prev == nil; i-- {
		o := &s.recent[i]
		if slices.Contains(tried[:nTried], o.group) {
			continue
		}
		tried[nTried] = o.group
		nTried++
		if o.data == r.data && s.similar(o.norm, norm) {
			prev = o
		}
	}
	if prev == nil {
		s.groups++
		r.group = s.groups
	} else {
		r.group = prev.group
		// Pushed again with no buyer message since; more than an
		// acknowledgement sent again after the buyer said something else or
		// insulted the agent (a buyer repeating a question may get the same
		// answer); or a request sent again after the buyer answered rather
		// than asked (a buyer who gives the same order number twice is still
		// answering).
		pushed := prev.promptSeq == s.buyerSeq
		answered := a.request && s.buyerSeq > prev.promptSeq && (!s.promptQuestion || s.promptAnswer)
		r.ignoring = pushed || !a.ack && (answered || s.promptAbusive || !s.similar(prev.prompt, s.prompt))
	}
	r.promptSeq, r.prompt = s.buyerSeq, s.prompt
	s.recent = append(s.recent, r)
	if len(norm) == 0 {
		return Finding{}, false
	}
	var same []int
	ignoring := 0
	worst := compliance.Severity(0)
	for _, o := range s.recent {
		if o.group == r.group {
			same = append(same, o.idx)
			worst = max(worst, o.sev)
			if o.ignoring {
				ignoring++
			}
		}
	}
	if len(same) < spamRepeats || ignoring < spamRepeats-1 {
		return Finding{}, false
	}
	continuing := s.spamGroup == r.group && at.Sub(s.spamLast) <= spamWindow
	s.spamGroup, s.spamLast = r.group, at
	if continuing {
		return Finding{}, false
	}
	fsev := compliance.Warning
	if worst > 0 {
		fsev = min(worst+1, compliance.Critical) // repeated violations are 骚扰他人
	}
	return Finding{Kind: Spam, Turns: same, At: at, Severity: fsev,
		Detail: fmt.Sprintf("the same reply %d times within %s, regardless of what the buyer said", len(same), spamWindow)}, true
}

func (s *Session) buyerTurn(idx int, at time.Time, text string) []Finding {
	var out []Finding
	s.buyerTurns++
	s.buyerSeq++
	s.prompt = []rune(lexicon.NormalizeText(text))
	if len(s.prompt) > 128 {
		s.prompt = s.prompt[:128]
	}
	if s.o.inServiceHours(at) {
		s.metrics.BuyerMessages++
		if !s.hasFirstBuyer {
			s.firstBuyer, s.hasFirstBuyer = at, true
		}
		if len(s.pending) < maxPending {
			s.pending = append(s.pending, pendingMsg{idx, at})
		}
	}
	// Kept waiting past the window is being put off too.
	if len(s.pending) > 0 && at.Sub(s.pending[0].at) > s.o.window {
		s.putOff = true
	}
	b := s.readBuyer(text)
	aggressiveBefore := s.buyerAbuse > 0 || s.complaints > 0 || s.impatience > 0
	s.lastAbusive, s.promptAbusive = b.abuse, b.abuse
	s.promptQuestion, s.promptAnswer = b.question, b.answer
	if b.impatient {
		s.impatience++
	}
	if b.abuse {
		s.buyerAbuse++
		out = append(out, Finding{Kind: BuyerAbuse, Turns: []int{idx}, At: at, Severity: compliance.Minor, Detail: "the buyer insulted the agent, the shop or the brand: stay calm, keep the record as evidence"})
		// Only JD's 咚咚 rule lets a merchant blacklist a buyer for abuse
		// after a reminder; other platforms' blacklists follow other rules.
		if s.o.platform == compliance.JD && s.reminder >= 0 && !s.blacklistReported {
			s.abuseAfter = append(s.abuseAfter, idx)
			if len(s.abuseAfter) > blacklistMore {
				s.blacklistReported = true
				out = append(out, Finding{Kind: BlacklistEligible, Turns: append([]int{s.reminder}, s.abuseAfter...), At: at, Severity: compliance.Serious,
					Detail: "abuse went on in more than 5 messages after a civility reminder: the buyer may be blacklisted (at most 3 months); file these turns as evidence"})
			}
		}
	}
	if b.complaint {
		s.complaints++
	}
	// A firm demand for someone with authority escalates by itself; one
	// asked as a question, or the agent's 工号 asked for, after a put-off,
	// with a grievance of its own or from an aggressive buyer; none with a
	// benign purpose (谈批发, 写个表扬).
	pressed := s.putOff || aggressiveBefore || b.exclaim || b.abuse || b.complaint || b.grievance
	demand := !b.purpose && (b.demand == firmDemand || (b.demand == softDemand || b.badge) && pressed)
	rank, why := 1, "the buyer is aggressive"
	switch {
	case b.complaint:
		rank, why = 3, "the buyer threatens to complain"
	case demand && b.demand == noDemand:
		rank, why = 2, "the buyer asks for the agent's staff number (工号) after being put off"
	case demand:
		rank, why = 2, "the buyer demands a manager"
	}
	// A hand-over is reported again after 30 minutes, or at once when the
	// reason grows more serious: a complaint threat after abuse is news.
	if (b.complaint || b.abuse || demand || s.impatience >= 3) && (!s.escalated || rank > s.escalatedRank || at.Sub(s.escalatedAt) > 30*time.Minute) {
		s.escalated, s.escalatedAt, s.escalatedRank = true, at, rank
		out = append(out, Finding{Kind: Escalate, Turns: []int{idx}, At: at, Severity: compliance.Warning, Detail: why + ": hand over to a supervisor or another agent"})
	}
	return out
}

// Close ends the conversation: buyer messages still unanswered that had
// waited past the window by the last turn are reported as slow.
func (s *Session) Close() []Finding {
	var out []Finding
	if len(s.pending) > 0 {
		first := s.pending[0]
		if wait := s.lastAt.Sub(first.at); wait > s.o.window {
			out = append(out, Finding{Kind: SlowResponse, Turns: []int{first.idx}, At: s.lastAt, Severity: compliance.Minor, Wait: Duration(wait),
				Detail: fmt.Sprintf("the buyer got no reply after %s (window %s)", wait.Round(time.Second), s.o.window)})
		}
	}
	return out
}

// Metrics returns the response metrics so far.
func (s *Session) Metrics() ResponseMetrics {
	m := s.metrics
	m.Rate = 1
	if m.BuyerMessages > 0 {
		m.Rate = float64(m.WithinWindow) / float64(m.BuyerMessages)
	}
	if m.Answered > 0 {
		m.Average = Duration(min(s.waitSum/float64(m.Answered), float64(math.MaxInt64-1023))) // the largest float64 below 2⁶³
	}
	return m
}

// CustomerType classifies the buyer from what the session has seen:
// habitual when the caller says the buyer has complained twice or more
// before; aggressive on abuse, a complaint threat or repeated impatience;
// quiet when a long conversation (10+ buyer messages or 20+ minutes) shows
// none of these; otherwise unknown (0).
func (s *Session) CustomerType() scripts.CustomerType {
	switch {
	case s.o.complaintHistory >= 2:
		return scripts.Habitual
	case s.buyerAbuse > 0 || s.complaints > 0 || s.impatience >= 2:
		return scripts.Aggressive
	case s.buyerTurns >= 10 || s.lastAt.Sub(s.start) >= 20*time.Minute && s.buyerTurns > 0:
		return scripts.Quiet
	}
	return 0
}

// Audit audits a whole conversation: the Check report of every agent turn
// by c, the conversation findings, response metrics and the customer type.
// It is the same as feeding the turns to a [Session] one by one and closing it.
func Audit(c *compliance.Checker, turns []Turn, opts ...Option) Report {
	r, _ := audit(c, turns, opts)
	return r
}

// audit runs a Session over turns and returns the report and the session.
func audit(c *compliance.Checker, turns []Turn, opts []Option) (Report, *Session) {
	s := NewSession(c, opts...)
	var cr Report
	for i, t := range turns {
		res := s.Add(t)
		if res.Report != nil {
			cr.Reports = append(cr.Reports, TurnReport{Turn: i, Report: *res.Report})
			cr.Severity = max(cr.Severity, res.Report.Severity)
		}
		cr.Findings = append(cr.Findings, res.Findings...)
	}
	cr.Findings = append(cr.Findings, s.Close()...)
	for _, f := range cr.Findings {
		cr.Severity = max(cr.Severity, f.Severity)
	}
	cr.Response = s.Metrics()
	cr.CustomerType = s.CustomerType()
	if cr.Findings == nil {
		cr.Findings = []Finding{}
	}
	if cr.Reports == nil {
		cr.Reports = []TurnReport{}
	}
	return cr, s
}

// SuggestNext returns scripts from c's phrasebook that fit the next agent
// turn, for the buyer's type and the situation: a civility reminder for a
// first insult, a hand-over when abuse goes on or the buyer threatens to
// complain, an apology for a slow reply, otherwise appeasing or confirming
// the need. Every suggestion passes c.Check.
func SuggestNext(c *compliance.Checker, turns []Turn, opts ...Option) []compliance.Suggestion {
	cr, s := audit(c, turns, opts)
	var has [Escalate + 1]bool
	for _, f := range cr.Findings {
		has[f.Kind] = true
	}
	lastBuyerAbusive, remindedBefore := s.lastAbusive, s.reminder >= 0
	var scen []scripts.Scenario
	switch {
	case lastBuyerAbusive && !remindedBefore:
		scen = []scripts.Scenario{scripts.CivilityReminder, scripts.Appease}
	case lastBuyerAbusive || has[BlacklistEligible] || has[Escalate]:
		scen = []scripts.Scenario{scripts.Escalate, scripts.Appease, scripts.OfferOptions}
	case has[SlowResponse]:
		scen = []scripts.Scenario{scripts.Apologise, scripts.PromiseFollowUp}
	case cr.CustomerType == scripts.Quiet:
		scen = []scripts.Scenario{scripts.ConfirmNeed, scripts.OfferOptions}
	case cr.CustomerType == scripts.Habitual:
		scen = []scripts.Scenario{scripts.Apologise, scripts.ConfirmNeed, scripts.Escalate}
	default:
		scen = []scripts.Scenario{scripts.Appease, scripts.ConfirmNeed, scripts.OfferOptions}
	}
	var out []compliance.Suggestion
	pb := c.Phrasebook()
	for _, sc := range scen {
		for _, s := range pb.Find(scripts.Query{Scenario: sc, Type: cr.CustomerType, Platform: c.Platform()}) {
			text, err := s.Render(nil)
			if err != nil || !c.Check(text).Clean() {
				continue
			}
			out = append(out, compliance.Suggestion{Kind: compliance.Scripted, Text: text, ScriptID: s.ID, Scenario: s.Scenario})
			break
		}
	}
	return out
}

// similar reports whether two normalized texts are the same or nearly so:
// an edit distance of at most 20% of the longer one. It computes only the
// band of cells within that distance of the diagonal (at most
// len(a) × (2×limit+1)), counts them in s.cells, and reuses the session's
// scratch rows.
func (s *Session) similar(a, b []rune) bool {
	if slices.Equal(a, b) {
		return true
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return false
	}
	limit := int(float64(max(la, lb)) * (1 - spamSimilar))
	if abs(la-lb) > limit {
		return false
	}
	const inf = 1 << 30
	if cap(s.rows) < 2*(lb+1) {
		s.rows = make([]int, 2*(lb+1))
	}
	prev, cur := s.rows[:lb+1], s.rows[lb+1:2*(lb+1)]
	for j := range prev {
		prev[j] = j
		if j > limit {
			prev[j] = inf
		}
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		rowMin := inf
		if lo == 1 {
			cur[0] = i
			if i > limit {
				cur[0] = inf
			}
			rowMin = cur[0]
		} else {
			cur[lo-1] = inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if hi < lb {
			cur[hi+1] = inf
		}
		s.cells += hi - lo + 1
		if rowMin > limit {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[lb] <= limit
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// truncRunes returns s cut to at most n runes; a cut copy does not keep
// the rest of s alive.
func truncRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.Clone(s[:j])
		}
		i++
	}
	return s
}
