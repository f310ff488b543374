package conversation

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/lexicon"
)

// reading is one turn read by the rules: its folded text (lexicon.Fold: the
// same runes, Traditional and full-width folded, emoji kept) and the cues in it.
type reading struct {
	ft     string
	cues   []cue
	inside []bool // by cue: it lies inside a longer insult (他 in 他妈的)
	steps  int    // cues visited, to prove the cost linear

	lastPartyEnd int // where the party partyBefore last found ends
}

// Bounds that keep reading a turn linear in its length whatever it holds:
// at most maxJudged insults, complaint channels and managers are judged per
// message, and a party counts only within partyReach bytes of what it owns.
const (
	maxJudged  = 32
	partyReach = 60
)

// index sorts nothing (scan did) and marks the cues that lie inside a longer
// insult, in one sweep.
func (x *reading) index() {
	x.inside = x.inside[:0]
	maxEnd, maxStart := -1, -1
	for _, c := range x.cues {
		// Sorted by start, longer first: an insult seen before c that reaches
		// as far contains it, unless it is c's own span.
		in := maxEnd >= c.end && !(maxStart == c.start && maxEnd == c.end)
		x.inside = append(x.inside, in)
		if c.kind == cueAbuse && c.end > maxEnd {
			maxEnd, maxStart = c.end, c.start
		}
	}
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

// has reports whether a cue of kind k lies in ft[a:b] (callers pass the
// bounds of one clause).
func (x *reading) has(k cueKind, a, b int) bool {
	for _, c := range x.cues {
		x.steps++
		if c.start >= b {
			break
		}
		if c.kind == k && c.start >= a && c.end <= b {
			return true
		}
	}
	return false
}

// last returns the end of the last cue of kind k in ft[a:b], or -1.
func (x *reading) last(k cueKind, a, b int) int {
	end := -1
	for _, c := range x.cues {
		x.steps++
		if c.start >= b {
			break
		}
		if c.kind == k && c.start >= a && c.end <= b {
			end = max(end, c.end)
		}
	}
	return end
}

func (x *reading) any(k cueKind) bool {
	for _, c := range x.cues {
		x.steps++
		if c.kind == k {
			return true
		}
	}
	return false
}

// partyBefore is the nearest party ending at or before pos in the same
// sentence; partyAfter the nearest starting at or after pos in the same clause.
func (x *reading) partyBefore(pos int) party {
	best, end := partyNone, -1
	for i, c := range x.cues {
		x.steps++
		if c.start >= pos {
			break
		}
		if c.kind == cueParty && c.party != partyCrowd && c.end <= pos && pos-c.end <= partyReach && c.end > end && !x.inside[i] &&
			x.within(c.end, pos, sentenceBreak) && (c.party != partyProduct || x.within(c.end, pos, clauseBreak)) {
			best, end = c.party, c.end
		}
	}
	if best == partySomeone {
		best = partyThird
	}
	x.lastPartyEnd = end
	return best
}

func (x *reading) partyAfter(pos, limit int) party {
	for i, c := range x.cues {
		x.steps++
		if c.start > pos+limit {
			break
		}
		if c.kind == cueParty && c.party != partySomeone && c.start >= pos && !x.inside[i] && x.within(pos, c.start, clauseBreak) {
			return c.party
		}
	}
	return partyNone
}

// abusive judges an insult by its target: the agent, the shop or the brand.
func (x *reading) abusive(h cue) bool {
	if h.aim == aimNone {
		return false
	}
	// 你们不是骗子吧: an insult denied is none.
	for _, c := range x.cues {
		x.steps++
		if c.start >= h.start {
			break
		}
		if c.kind == cueNegation && c.end <= h.start && h.start-c.end <= 6 && x.within(c.end, h.start, clauseBreak) {
			return false
		}
	}
	// 网上都说你们是骗子, 听说你们是黑店, 我没说你们是骗子: someone else's
	// words, hearsay or a denial, not the buyer's own insult.
	if x.reported(h.start) {
		return false
	}
	if h.aim == aimNamed {
		// 隔壁店就是黑店: a named insult about a third party in its clause.
		return !(x.partyBefore(h.start) == partyThird && x.within(x.lastPartyEnd, h.start, clauseBreak))
	}
	if h.aim == aimAdjacent {
		// An animal emoji: owned by the party right before it, or the whole
		// message; elsewhere (谢谢你们🐶, 狗粮🐶) decoration.
		if x.alone(h.start, h.end) {
			return true
		}
		cs, ce := x.clauseStart(h.start), x.clauseEnd(h.end)
		owned := x.adjacentParty(h.start) == partyAddressee || x.partyAt(h.end) == partyAddressee // 🐷客服
		return owned && !x.has(cuePraise, cs, ce)
	}
	for _, c := range x.cues { // 你是猪吗, 你妈: the target is in the insult
		x.steps++
		if c.start >= h.end {
			break
		}
		if c.kind == cueParty && c.party == partyAddressee && h.start <= c.start && c.end <= h.end {
			return true
		}
	}
	p := x.partyBefore(h.start)
	inClause := p != partyNone && x.within(x.lastPartyEnd, h.start, clauseBreak)
	if p == partyNone {
		p = x.partyAfter(h.end, 9)
	}
	switch h.aim {
	case aimCurse:
		// tmd什么时候发货, 我tmd等了三天: a curse in a message to the agent;
		// 妈的，快递又晚了, tmd快递又没动: at the courier in the sentence.
		return p == partyAddressee || !x.storyIn(x.sentenceStart(h.start), x.sentenceEnd(h.end))
	case aimRetort:
		// 滚！, 扯淡，什么破理由, 都是狗屁, 你放屁; not 扯淡的事我不干 or
		// 说明书写得真扯淡 (the product's).
		if p == partyAddressee {
			return true
		}
		if inClause {
			// 给我滚, 给老子滚: the buyer is the object, the agent is sent away.
			return p == partySelf && x.given()
		}
		cs, rest := x.clauseStart(h.start), x.ft[h.end:x.clauseEnd(h.end)]
		for term := x.ft[h.start:h.end]; strings.HasPrefix(rest, term); { // 滚滚滚
			rest = rest[len(term):]
			x.steps++
		}
		return strings.Trim(x.ft[cs:h.start], retortLead) == "" && onlyParticles(rest)
	}
	switch p {
	case partyAddressee:
		return true
	case partyNone:
		// A bare insult is aimed at whoever is addressed; an explicit one
		// only when it is the whole message (贱！, nt吧, 真是猪), or, for
		// blindness and brains, when it is asked (瞎啊？, 脑子进水了吧).
		switch h.aim {
		case aimAddressed:
			return true
		case aimExplicit:
			return x.alone(h.start, h.end) || x.vocative(h, true)
		case aimAsked:
			return x.alone(h.start, h.end) || x.question(h.end, "吗吧啊呀么呢")
		}
	case partySelf:
		// 我今天就要用 脑残: a noun of abuse standing alone after a break
		// calls the addressee, though the clause before it is the buyer's;
		// 我下错单了 真笨 (an adjective said of oneself) and 我拍错了，脑残
		// (after the buyer's own lapse) stay the buyer's.
		// A third party in the sentence before may be the one called
		// (快递员把我东西弄丢了 废物).
		return (h.aim == aimAddressed || h.aim == aimExplicit) && x.vocative(h, h.aim == aimExplicit) && !x.selfBlame(h.start) &&
			!x.storyIn(x.sentenceStart(h.start), h.start)
	}
	return false // the buyer, a third party, the product
}

// storyIn reports whether a third party or the product stands in ft[a:b].
func (x *reading) storyIn(a, b int) bool {
	for i, c := range x.cues {
		x.steps++
		if c.start >= b {
			break
		}
		if c.kind == cueParty && c.start >= a && !x.inside[i] && (c.party == partyThird || c.party == partySomeone || c.party == partyProduct) {
			return true
		}
	}
	return false
}

// given reports whether the party partyBefore last found is the object of
// 给 (给我滚, 给老子滚).
func (x *reading) given() bool {
	head := strings.TrimRightFunc(x.ft[:x.lastPartyEnd], func(r rune) bool { return r != '给' && !clauseBreak(r) })
	return strings.HasSuffix(head, "给") && x.lastPartyEnd-len(head) <= len("老子")
}

// retortLead are words that may stand before a retort in its clause (都是扯淡,
// 简直放屁, 什么狗屁).
const retortLead = "真就简直纯太也都还全是属一派什么么 "

// vocative reports whether insult h is a noun of abuse standing as a
// segment of its own — after a clause break or a space, with nothing but
// particles after it to its clause's end — as one calls someone a name
// (…了 脑残, …，sb). One rune (笨, 蠢: adjectives said of oneself as often
// as of others) is too short to tell. strict, for slurs that are also
// ordinary words (nt, nc, zz), asks more: a punctuated break before it, the
// end of the message after it, and no digits (铅笔要哪种，2b is a pencil).
func (x *reading) vocative(h cue, strict bool) bool {
	term := x.ft[h.start:h.end]
	if utf8.RuneCountInString(term) < 2 || h.start == 0 || !onlyParticles(x.ft[h.end:x.clauseEnd(h.end)]) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(x.ft[:h.start])
	if !strict {
		return before == ' ' || before == '\u3000' || clauseBreak(before)
	}
	return clauseBreak(before) && onlyParticles(x.ft[h.end:]) && strings.IndexFunc(term, unicode.IsDigit) < 0
}

// selfBlame reports whether the sentence before pos owns a lapse of the
// buyer's (我拍错了, 怪我): an insult after it is the buyer's of themself.
func (x *reading) selfBlame(pos int) bool {
	return x.has(cueSelfBlame, x.sentenceStart(pos), pos)
}

// reported reports whether the clause before pos reports someone else's
// words (网上都说, 快递员骂), hearsay or a belief (听说, 我以为) or denies
// saying it (我没说): what follows in the clause is not the buyer's claim.
// A colon or quotation mark may follow the verb (他说：“…”).
func (x *reading) reported(pos int) bool {
	// The nearest verb before pos decides (one scan, one judgement).
	var v cue
	for _, c := range x.cues {
		x.steps++
		if c.start >= pos {
			break
		}
		if (c.kind == cueReport || c.kind == cueHearsay) && c.end <= pos && c.end > v.end {
			v = c
		}
	}
	if v.kind == 0 || pos-v.end > partyReach {
		return false
	}
	rest := x.ft[v.end:pos]
	if strings.IndexFunc(strings.TrimLeft(rest, quoteOpen), clauseBreak) >= 0 || strings.ContainsFunc(rest, sentenceBreak) {
		return false
	}
	if v.kind == cueHearsay {
		return true
	}
	p := x.partyBefore(v.start)
	return p == partyThird && x.within(x.lastPartyEnd, v.start, clauseBreak)
}

// quoteOpen may stand between a verb of saying and the words it reports.
const quoteOpen = "：:“\"「『 "

// linking are the runes that may stand between a party and the animal
// emoji it owns (你是🐷, 客服你就是个🐶, 你们这群🐷).
const (
	linking    = "是像个只头条群帮窝就真都这那一的 "
	maxLinking = 4
)

// adjacentParty is the party whose cue ends right before pos, with at most
// maxLinking linking runes between, or partyNone.
func (x *reading) adjacentParty(pos int) party {
	best, end := partyNone, -1
	for i, c := range x.cues {
		x.steps++
		if c.start >= pos {
			break
		}
		if c.kind != cueParty || x.inside[i] || c.end > pos || c.end <= end || pos-c.end > maxLinking*utf8.UTFMax {
			continue
		}
		gap := x.ft[c.end:pos]
		if strings.Trim(gap, linking) == "" && utf8.RuneCountInString(gap) <= maxLinking {
			best, end = c.party, c.end
		}
	}
	return best
}

// partyAt is the party whose cue starts at pos, after spaces, or partyNone.
func (x *reading) partyAt(pos int) party {
	pos += len(x.ft[pos:]) - len(strings.TrimLeft(x.ft[pos:], " "))
	for i, c := range x.cues {
		x.steps++
		if c.start > pos {
			break
		}
		if c.kind == cueParty && c.start == pos && !x.inside[i] {
			return c.party
		}
	}
	return partyNone
}

// question reports whether the sentence holding pos is a question: it ends
// in a question mark, or its last word before the break is one of the
// particles (吗, 呢…).
func (x *reading) question(pos int, particles string) bool {
	end := x.sentenceEnd(pos)
	if end < len(x.ft) {
		if r, _ := utf8.DecodeRuneInString(x.ft[end:]); r == '?' || r == '？' {
			return true
		}
	}
	t := strings.TrimRightFunc(x.ft[pos:end], func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
	if t == "" {
		t = strings.TrimRightFunc(x.ft[:pos], unicode.IsSpace)
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(particles, r)
}

// alone reports whether ft outside [a, b) holds nothing but punctuation,
// spaces and sentence particles, and adverbs before it (真是猪, 就是个🤡).
func (x *reading) alone(a, b int) bool {
	return onlyParticles(strings.TrimLeft(x.ft[:a], aloneLead)) && onlyParticles(x.ft[b:])
}

// aloneLead are adverbs that may open a whole-message insult (真是个2b).
const aloneLead = "真就简直纯太也都还是个 "

func onlyParticles(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) && !strings.ContainsRune("了啊吧呀哦呢吗嘛么", r) {
			return false
		}
	}
	return true
}

// Bounds of an echo: at most maxEchoWords runes may stand before it, and
// the agent's last reply is remembered up to maxEchoReply runes.
const (
	echoFillers  = "还就都也又再你们您 "
	maxEchoWords = 8
	maxEchoReply = 256
)

// echo judges an echo cue (好好说你大爷, 通知个屁): a curse that closes its
// clause, after nothing, after words of the agent's last reply, or after a
// civility word (文明个屁). The
// work is bounded by maxEchoWords × maxEchoReply whatever the texts.
func (x *reading) echo(e cue, reply string) bool {
	if !onlyParticles(x.ft[e.end:x.clauseEnd(e.end)]) {
		return false // 连个屁都没收到
	}
	before := strings.TrimFunc(x.ft[x.clauseStart(e.start):e.start], unicode.IsSpace)
	before = strings.TrimLeft(before, echoFillers) // 还通知个屁
	if before == "" {
		return true // 你大爷！
	}
	// The civility asked for, thrown back (文明个屁, 理性你个大头鬼), whatever
	// words the reminder used.
	from := e.start - len(before)
	for _, c := range x.cues {
		x.steps++
		if c.start > from {
			break
		}
		if c.kind == cueCivility && c.start == from && c.end == e.start {
			return true
		}
	}
	if utf8.RuneCountInString(before) > maxEchoWords || reply == "" {
		return false
	}
	x.steps += len(before) + len(reply)
	return strings.Contains(reply, before)
}

// threat judges a complaint channel: a threat to the shop, not a question,
// a denial, a past matter or a complaint about someone else.
func (x *reading) threat(k cue) bool {
	cs := x.clauseStart(k.start)
	// Intent: 我要, 我就… or a demand verb (找律师, 叫记者).
	strong := x.last(cueIntent, cs, k.start)
	intent := max(strong, x.last(cueDemand, cs, k.start))
	// Negated (我不会投诉, 我没有要投诉的意思), unless intent of the buyer's
	// own follows the negation: 不给我换我就投诉 is a condition and a threat.
	if neg := x.last(cueNegation, cs, k.start); neg >= 0 && neg > strong {
		return false
	}
	if strings.HasPrefix(x.ft[k.end:], "过") { // 投诉过: done before
		return false
	}
	switch x.partyAfter(k.end, 6) {
	case partyThird, partyProduct:
		return false // 投诉快递员
	case partyAddressee:
		return true // 投诉你们
	}
	ce := x.clauseEnd(k.end)
	if x.has(cuePast, cs, k.start) || x.has(cueAskHow, cs, ce) {
		return false
	}
	// A question with no intent of the buyer's own is calm: 可以申请平台介入吗？,
	// 要投诉的话找谁？
	if strong < 0 && x.question(k.end, "吗呢么") {
		return false
	}
	if intent >= 0 || k.aim == aimNamed {
		return true // 我就投诉, 给你们差评, 找律师, 让京东来评理, 法院见
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

// demandKind is how a buyer asks for someone with authority.
type demandKind uint8

const (
	noDemand   demandKind = iota
	softDemand            // asked as a question: 能让你们经理来吗？
	firmDemand            // 叫你们领导来, 我要找负责人, 把负责人电话给我
)

// demand judges a manager cue: a demand for one, not a request to ask one
// or a question about one.
func (x *reading) demand(m cue) demandKind {
	cs, ce := x.clauseStart(m.start), x.clauseEnd(m.end)
	if m.aim != aimNamed {
		if x.has(cueConsult, cs, ce) {
			return noDemand
		}
		if x.has(cueAskHow, m.end, x.sentenceEnd(m.end)) {
			return noDemand // 找你们主管的话怎么联系？ asks how
		}
		if !x.has(cueDemand, cs, m.start) && !x.has(cueIntent, cs, m.start) && !x.has(cueSummon, m.end, ce) {
			return noDemand
		}
	}
	// Asked (能让你们经理来吗？) or softened (麻烦叫一下你们经理).
	if x.question(m.end, "吗呢么") || x.has(cuePolite, x.sentenceStart(m.start), x.sentenceEnd(m.end)) {
		return softDemand
	}
	return firmDemand
}

func (x *reading) clauseStart(pos int) int {
	i := strings.LastIndexFunc(x.ft[:pos], clauseBreak)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(x.ft[i:])
	return i + n
}

func (x *reading) sentenceStart(pos int) int {
	i := strings.LastIndexFunc(x.ft[:pos], sentenceBreak)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(x.ft[i:])
	return i + n
}

func (x *reading) sentenceEnd(pos int) int {
	i := strings.IndexFunc(x.ft[pos:], sentenceBreak)
	if i < 0 {
		return len(x.ft)
	}
	return pos + i
}

func (x *reading) clauseEnd(pos int) int {
	i := strings.IndexFunc(x.ft[pos:], clauseBreak)
	if i < 0 {
		return len(x.ft)
	}
	return pos + i
}

// scratch is the memory reading a turn needs, shared through a pool so
// that an open Session holds none of it.
type scratch struct {
	cues   []cue
	inside []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.cues) > 4096 {
		return // let a huge message's scratch go
	}
	scratchPool.Put(sc)
}

// buyerRead is what a buyer message shows.
type buyerRead struct {
	abuse, complaint, impatient, exclaim bool
	demand                               demandKind // for someone with authority
	badge                                bool       // asks for the agent's 工号
	grievance                            bool       // says the agent put them off (你解决不了)
	purpose                              bool       // gives a benign reason (谈批发, 写个表扬)
	question                             bool       // asks something (？, 怎么, …吗)
	answer                               bool       // carries data or says it was given (我发过了)
}

// readBuyer reads a buyer message: insults aimed at the agent, the shop or
// the brand (the rules' and the checker's abuse terms, judged by target),
// complaint threats, demands for a manager, impatience.
func (s *Session) readBuyer(text string) buyerRead {
	x := reading{ft: lexicon.Fold(text)}
	sc := getScratch()
	defer putScratch(sc)
	x.cues = s.o.rules.scan(sc.cues[:0], x.ft)
	// The checker's abuse terms are insults too, unless a rule covers them.
	// Only serious ones: the checker's minor abuse is an agent's exasperation
	// or sarcasm (无语, 呵呵), which is rude from an agent and ordinary
	// frustration from a buyer.
	for _, v := range s.c.Check(x.ft).Violations {
		if v.Category != compliance.Abuse || v.Severity < compliance.Serious {
			continue
		}
		// Check joins the hits of one sentence into one violation (卧槽 … 我真是个
		// 大傻子 is one span from 卧槽); its term is the most severe hit's, and
		// that hit's place decides the target: narrow the span to it when the
		// term stands in it as written.
		if t := lexicon.Fold(v.Term); t != "" && len(t) < v.End-v.Start {
			if i := strings.Index(x.ft[v.Start:v.End], t); i >= 0 {
				v.Start += i
				v.End = v.Start + len(t)
			}
		}
		covered := false
		for _, c := range x.cues {
			// A rule's reading wins over the checker's span it holds, or
			// any span it overlaps when it is criticism (aim none); a longer
			// checker term stands (贱人 over 贱, 妈的智障 over 妈的).
			if c.kind == cueAbuse && c.start < v.End && v.Start < c.end && (c.aim == aimNone || c.start <= v.Start && v.End <= c.end) {
				covered = true
				break
			}
		}
		if !covered {
			x.cues = append(x.cues, cue{cueMeta: cueMeta{kind: cueAbuse, aim: aimAddressed}, start: v.Start, end: v.End})
		}
	}
	// Check's spans come after the rules' in x.cues: order them again.
	sortCues(x.cues)
	x.inside = sc.inside[:0]
	x.index()
	sc.cues, sc.inside = x.cues, x.inside
	var b buyerRead
	var judged [maxCueKind + 1]int
	for i, c := range x.cues {
		if judged[c.kind] >= maxJudged {
			continue
		}
		switch c.kind {
		case cueAbuse:
			if !b.abuse && !x.inside[i] {
				judged[c.kind]++
				b.abuse = x.abusive(c)
			}
		case cueEcho:
			if !b.abuse {
				judged[c.kind]++
				b.abuse = x.echo(c, s.lastReply)
			}
		case cueComplaint:
			if !b.complaint {
				judged[c.kind]++
				b.complaint = x.threat(c)
			}
		case cueManager:
			if b.demand != firmDemand {
				judged[c.kind]++
				b.demand = max(b.demand, x.demand(c))
			}
		case cueBadge:
			b.badge = true
		case cueGrievance:
			b.grievance = true
		case cuePurpose:
			b.purpose = true
		case cueImpatience:
			b.impatient = true
		case cueAskHow:
			b.question = true
		case cueSupplied:
			b.answer = true
		}
	}
	s.steps += x.steps
	q := strings.Count(text, "?") + strings.Count(text, "？")
	e := strings.Count(text, "!") + strings.Count(text, "！")
	b.impatient = b.impatient || q >= 3 || e >= 3
	b.exclaim = e > 0
	b.question = b.question || q > 0 || asksAtEnd(x.ft)
	b.answer = b.answer || dataOf(x.ft) != ""
	return b
}

// civil reports whether the turn asks for civility: a civility cue that is
// not the agent owning a lapse of its own (措辞不当). At most maxJudged
// civility cues are judged.
func (x *reading) civil() bool {
	n := 0
	for _, c := range x.cues {
		x.steps++
		if c.kind != cueCivility {
			continue
		}
		if n++; n > maxJudged {
			return false
		}
		if !x.has(cueFault, c.end, x.clauseEnd(c.end)) {
			return true
		}
	}
	return false
}

// asksAtEnd reports whether ft ends, but for punctuation and exclamations,
// in a question particle (发货了吗, 到哪了呢).
func asksAtEnd(ft string) bool {
	t := strings.TrimRightFunc(ft, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) || strings.ContainsRune("啊呀", r)
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("吗呢么嘛没", r)
}

// agentRead is what an agent turn shows.
type agentRead struct {
	reminder bool // a polite civility reminder
	putOff   bool // the agent declines or stalls
	ack      bool // nothing but an acknowledgement
	request  bool // asks the buyer for something (and is no acknowledgement)
}

// readAgent reads an agent turn whose Check report is rep.
func (s *Session) readAgent(text string, rep compliance.Report) agentRead {
	x := reading{ft: lexicon.Fold(text)}
	sc := getScratch()
	defer putScratch(sc)
	x.cues = s.o.rules.scan(sc.cues[:0], x.ft)
	sc.cues = x.cues
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
	a.reminder = !rude && x.civil() && x.any(cuePolite) && !x.any(cueThreat)
	a.putOff = a.putOff || x.any(cuePutOff)
	// An acknowledgement: every letter of the reply lies in an ack cue
	// (cues are ordered by start: one sweep).
	covered, next := 0, 0
	a.ack = true
	for i, r := range x.ft {
		for next < len(x.cues) && x.cues[next].start <= i {
			if c := x.cues[next]; c.kind == cueAck {
				covered = max(covered, c.end)
			}
			next++
		}
		if i >= covered && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			a.ack = false
			break
		}
	}
	a.request = !a.ack && x.any(cueRequest)
	s.lastReply = truncRunes(x.ft, maxEchoReply) // for the buyer's echoes
	s.steps += x.steps + next
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
