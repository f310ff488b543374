package conversation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/lexicon"
)

// reading is one turn read by the rules: its folded text (lexicon.Fold: the
// same runes, Traditional and full-width folded, emoji kept) and the cues in it.
type reading struct {
	ft   string
	cues []cue
}

// clauseBreak ends a clause; sentenceBreak ends a sentence.
func clauseBreak(r rune) bool {
	return sentenceBreak(r) || strings.ContainsRune("，,；;：:、~～…", r)
}

func sentenceBreak(r rune) bool { return strings.ContainsRune("。.!！?？\n\r", r) }

// within reports whether ft[a:b] holds no break.
func (x *reading) within(a, b int, brk func(rune) bool) bool {
	if a > b {
		a, b = b, a
	}
	return strings.IndexFunc(x.ft[a:b], brk) < 0
}

// has reports whether a cue of kind k lies in ft[a:b] within one clause of pos.
func (x *reading) has(k cueKind, a, b, pos int) bool {
	for _, c := range x.cues {
		if c.kind == k && c.start >= a && c.end <= b && x.within(min(c.start, pos), max(c.end, pos), clauseBreak) {
			return true
		}
	}
	return false
}

func (x *reading) any(k cueKind) bool {
	for _, c := range x.cues {
		if c.kind == k {
			return true
		}
	}
	return false
}

// insideAbuse reports whether c lies inside an insult (他 in 他妈的, 客服 in 客服是死人吗).
func (x *reading) insideAbuse(c cue) bool {
	for _, h := range x.cues {
		if h.kind == cueAbuse && h.start <= c.start && c.end <= h.end && (h.start != c.start || h.end != c.end) {
			return true
		}
	}
	return false
}

// partyBefore is the nearest party ending at or before pos in the same
// sentence; partyAfter the nearest starting at or after pos in the same clause.
func (x *reading) partyBefore(pos int) party {
	best, end := partyNone, -1
	for _, c := range x.cues {
		if c.kind == cueParty && c.end <= pos && c.end > end && x.within(c.end, pos, sentenceBreak) && !x.insideAbuse(c) {
			best, end = c.party, c.end
		}
	}
	return best
}

func (x *reading) partyAfter(pos, limit int) party {
	for _, c := range x.cues {
		if c.kind == cueParty && c.start >= pos && c.start-pos <= limit && x.within(pos, c.start, clauseBreak) && !x.insideAbuse(c) {
			return c.party
		}
	}
	return partyNone
}

// abusive judges an insult by its target: the agent, the shop or the brand.
func (x *reading) abusive(h cue) bool {
	// 你们不是骗子吧: an insult denied is none.
	for _, c := range x.cues {
		if c.kind == cueNegation && c.end <= h.start && h.start-c.end <= 6 && x.within(c.end, h.start, clauseBreak) {
			return false
		}
	}
	if h.aim == aimNamed {
		return true
	}
	for _, c := range x.cues { // 你是猪吗, 你妈: the target is in the insult
		if c.kind == cueParty && c.party == partyAddressee && h.start <= c.start && c.end <= h.end {
			return true
		}
	}
	p := x.partyBefore(h.start)
	if p == partyNone {
		p = x.partyAfter(h.end, 9)
	}
	switch p {
	case partyAddressee:
		return true
	case partyNone:
		return h.aim == aimAddressed // a bare insult is aimed at whoever is addressed
	}
	return false // the buyer, a third party, the product
}

// threat judges a complaint channel: a threat to the shop, not a question,
// a denial, a past matter or a complaint about someone else.
func (x *reading) threat(k cue) bool {
	cs := x.clauseStart(k.start)
	if x.has(cueNegation, cs, k.start, k.start) {
		return false
	}
	switch x.partyAfter(k.end, 6) {
	case partyThird, partyProduct:
		return false // 投诉快递员
	case partyAddressee:
		return true // 投诉你们
	}
	ce := x.clauseEnd(k.end)
	if x.has(cuePast, cs, k.start, k.start) || x.has(cueAskHow, cs, ce, k.start) {
		return false
	}
	if x.has(cueIntent, cs, k.start, k.start) {
		return true
	}
	for _, c := range x.cues {
		if c.kind == cueParty && c.party == partyAddressee && c.start >= cs && c.end <= k.start {
			return true // 你们等着被投诉
		}
	}
	// The channel alone: 差评！
	rest := 0
	for _, r := range x.ft[cs:k.start] + x.ft[k.end:ce] {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !strings.ContainsRune("了啊吧呀哦", r) {
			rest++
		}
	}
	return rest == 0
}

// demand judges a manager cue: a demand for one, not a request to ask one.
func (x *reading) demand(m cue) bool {
	if m.aim == aimNamed {
		return true
	}
	cs, ce := x.clauseStart(m.start), x.clauseEnd(m.end)
	if x.has(cueConsult, cs, ce, m.start) {
		return false
	}
	return x.has(cueDemand, cs, m.start, m.start) || x.has(cueIntent, cs, m.start, m.start)
}

func (x *reading) clauseStart(pos int) int {
	i := strings.LastIndexFunc(x.ft[:pos], clauseBreak)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(x.ft[i:])
	return i + n
}

func (x *reading) clauseEnd(pos int) int {
	i := strings.IndexFunc(x.ft[pos:], clauseBreak)
	if i < 0 {
		return len(x.ft)
	}
	return pos + i
}

// buyerRead is what a buyer message shows.
type buyerRead struct {
	abuse, complaint, demand, impatient, exclaim bool
}

// readBuyer reads a buyer message: insults aimed at the agent, the shop or
// the brand (the rules' and the checker's abuse terms, judged by target),
// complaint threats, demands for a manager, impatience.
func (s *Session) readBuyer(text string) buyerRead {
	x := reading{ft: lexicon.Fold(text)}
	x.cues = s.o.rules.scan(s.cues[:0], x.ft)
	// The checker's abuse terms are insults too, unless a rule covers them.
	for _, v := range s.c.Check(x.ft).Violations {
		if v.Category != compliance.Abuse {
			continue
		}
		covered := false
		for _, c := range x.cues {
			if c.kind == cueAbuse && c.start < v.End && v.Start < c.end {
				covered = true
				break
			}
		}
		if !covered {
			x.cues = append(x.cues, cue{cueMeta: cueMeta{kind: cueAbuse, aim: aimAddressed}, start: v.Start, end: v.End})
		}
	}
	s.cues = x.cues
	var b buyerRead
	for _, c := range x.cues {
		switch c.kind {
		case cueAbuse:
			if !b.abuse && !x.insideAbuse(c) && x.abusive(c) {
				b.abuse = true
			}
		case cueComplaint:
			if !b.complaint && x.threat(c) {
				b.complaint = true
			}
		case cueManager:
			if !b.demand && x.demand(c) {
				b.demand = true
			}
		case cueImpatience:
			b.impatient = true
		}
	}
	q := strings.Count(text, "?") + strings.Count(text, "？")
	e := strings.Count(text, "!") + strings.Count(text, "！")
	b.impatient = b.impatient || q >= 3 || e >= 3
	b.exclaim = e > 0
	return b
}

// agentRead is what an agent turn shows.
type agentRead struct {
	reminder bool // a polite civility reminder
	putOff   bool // the agent declines or stalls
	ack      bool // nothing but an acknowledgement
}

// readAgent reads an agent turn whose Check report is rep.
func (s *Session) readAgent(text string, rep compliance.Report) agentRead {
	x := reading{ft: lexicon.Fold(text)}
	x.cues = s.o.rules.scan(s.cues[:0], x.ft)
	s.cues = x.cues
	var rude bool
	var a agentRead
	for _, v := range rep.Violations {
		switch v.Category {
		case compliance.Abuse:
			rude = true
		case compliance.Refusal:
			rude, a.putOff = true, true
		}
	}
	a.reminder = !rude && x.any(cueCivility) && x.any(cuePolite) && !x.any(cueThreat)
	a.putOff = a.putOff || x.any(cuePutOff)
	// An acknowledgement: every letter of the reply lies in an ack cue.
	covered := 0
	a.ack = true
	for i, r := range x.ft {
		if i < covered {
			continue
		}
		inAck := false
		for _, c := range x.cues {
			if c.kind == cueAck && c.start <= i && i < c.end {
				inAck, covered = true, c.end
				break
			}
		}
		if !inAck && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			a.ack = false
			break
		}
	}
	return a
}

// dataOf is the data a reply carries: its runs of letters and digits with
// three or more digits (order, tracking and phone numbers), in order.
func dataOf(ft string) string {
	var b strings.Builder
	start := -1
	digits := 0
	flush := func(end int) {
		if start >= 0 && digits >= 3 {
			b.WriteString(ft[start:end])
			b.WriteByte('|')
		}
		start, digits = -1, 0
	}
	for i, r := range ft {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if start < 0 {
				start = i
			}
			if unicode.IsDigit(r) {
				digits++
			}
			continue
		}
		flush(i)
	}
	flush(len(ft))
	return b.String()
}
