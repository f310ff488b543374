// Package jsonltest writes synthetic chat logs in the JSON Lines format of
// package jsonl, with known problems planted (the JD 咚咚 spam case, slow
// replies, blacklist-eligible abuse, complaint threats, violating replies,
// bad lines), and reports what it planted: for end-to-end tests of audit
// pipelines and for trying the audit tools (examples/chatgen), as
// net/http/httptest serves tests of HTTP code.
//
// Generate has no shared state: calls may run concurrently, each with its
// own writer.
package jsonltest

import (
	"fmt"
	"io"
	"math/rand"
	"time"

	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl"
)

// Planted counts what Generate planted, for end-to-end tests.
type Planted struct {
	Conversations int
	Lines         int
	BadLines      int
	Spam          int // conversations where the agent repeats a reply 3 times (the JD 咚咚 case)
	Slow          int // conversations with one reply after 10 minutes
	Blacklist     int // conversations with 6 abusive buyer messages after a civility reminder (blacklist_eligible when audited for JD)
	Complaint     int // conversations where the buyer threatens to complain
	FlaggedTurns  int // agent turns with a violation
}

var (
	genQuestions = []string{"请问这款有货吗", "什么时候发货", "可以开发票吗", "尺码偏大吗", "包邮吗", "有赠品吗", "怎么退换"}
	genAnswers   = []string{"您好，有现货的", "今天下单明天发货", "可以开电子发票", "尺码是标准的", "全国包邮", "赠品是收纳袋", "支持七天无理由退换"}
	genViolating = []string{"亲，加 微 信给你便宜点", "淘寶上买更贵", "爱买不买", "你有病吧", "全网最低价，好评返现"}
)

// Generate writes a synthetic chat log of n conversations (one turn per
// line, conversations interleaved in pairs) with known problems planted,
// plus a few bad lines, and reports what it planted. The same seed gives the
// same log. Times are on 2026-03-15, 10:00 onwards, China time.
func Generate(w io.Writer, n int, seed int64) (Planted, error) {
	r := rand.New(rand.NewSource(seed))
	cst := time.FixedZone("CST", 8*60*60)
	base := time.Date(2026, 3, 15, 10, 0, 0, 0, cst)
	var p Planted
	enc := jsonl.NewWriter(w)
	roles := map[string]conversation.Role{"buyer": conversation.Buyer, "agent": conversation.Agent}
	line := func(conv, role string, at time.Time, text, agent string) error {
		p.Lines++
		return enc.Write(jsonl.Record{Conversation: conv, Turn: conversation.Turn{Role: roles[role], At: at, Text: text, Agent: agent}})
	}
	for i := 0; i < n; i++ {
		conv := fmt.Sprintf("c-%06d", i)
		agent := fmt.Sprintf("agent-%02d", r.Intn(12))
		t := base.Add(time.Duration(i) * 7 * time.Second)
		step := func(d time.Duration) time.Time { t = t.Add(d); return t }
		kind := i % 10
		p.Conversations++
		var err error
		emit := func(role, text string, d time.Duration) {
			if err == nil {
				err = line(conv, role, step(d), text, agent)
			}
		}
		switch kind {
		case 0: // the JD 咚咚 case: abuse answered by the same reply three times
			p.Spam++
			p.FlaggedTurns += 3
			emit("buyer", "东西坏了你们这什么破店", 0)
			for k := 0; k < 3; k++ {
				emit("agent", "你再这样没素质的说话，我们拒绝为你服务，谢谢", 5*time.Second)
				emit("buyer", "骗子", 5*time.Second)
			}
		case 1: // a reply after ten minutes
			p.Slow++
			emit("buyer", genQuestions[r.Intn(len(genQuestions))], 0)
			emit("agent", genAnswers[r.Intn(len(genAnswers))], 10*time.Minute)
		case 2: // abuse goes on after a civility reminder
			p.Blacklist++
			emit("buyer", "垃圾客服", 0)
			emit("agent", "您好，请您注意文明用语，我们一起把问题处理好", 10*time.Second)
			for k := 0; k < 6; k++ {
				emit("buyer", "骗子", 5*time.Second)
			}
		case 3: // a complaint threat
			p.Complaint++
			emit("buyer", "再不退款我就打12315投诉你们", 0)
			emit("agent", "非常抱歉，我马上为您处理退款", 15*time.Second)
		case 4: // a violating reply
			p.FlaggedTurns++
			emit("buyer", genQuestions[r.Intn(len(genQuestions))], 0)
			emit("agent", genViolating[r.Intn(len(genViolating))], 10*time.Second)
		default: // a clean exchange
			for k := 0; k < 2+r.Intn(3); k++ {
				emit("buyer", genQuestions[(i+k)%len(genQuestions)], 20*time.Second)
				emit("agent", genAnswers[(i+k)%len(genAnswers)], 10*time.Second)
			}
		}
		if err != nil {
			return p, err
		}
		if i%97 == 50 {
			p.BadLines++
			p.Lines++
			if _, err := io.WriteString(w, "{\"conversation\": \"broken\n"); err != nil {
				return p, err
			}
		}
	}
	return p, nil
}
