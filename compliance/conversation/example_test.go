package conversation_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

var t0 = time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))

func ExampleAudit() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	rep := conversation.Audit(c, []conversation.Turn{
		{Role: conversation.Buyer, At: t0, Text: "东西坏了"},
		{Role: conversation.Agent, At: t0.Add(45 * time.Second), Text: "非常抱歉，我来帮您处理"},
	})
	for _, f := range rep.Findings {
		fmt.Println(f.Kind, f.Turns)
	}
	fmt.Println(rep.Response.Rate)
	// Output:
	// slow_response [0 1]
	// 0
}

func ExampleNewSession() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.Taobao))
	s := conversation.NewSession(c, conversation.WithResponseWindow(time.Minute))
	reply := "您好，请稍等"
	s.Add(conversation.Turn{Role: conversation.Buyer, At: t0, Text: "在吗"})
	for i := 1; i <= 3; i++ {
		for _, f := range s.Add(conversation.Turn{Role: conversation.Agent, At: t0.Add(time.Duration(i) * time.Second), Text: reply}).Findings {
			fmt.Println(f.Kind, f.Turns, f.Severity)
		}
	}
	fmt.Println(len(s.Close()))
	// Output:
	// spam [1 2 3] warning
	// 0
}

func ExampleSuggestNext() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	sug := conversation.SuggestNext(c, []conversation.Turn{{Role: conversation.Buyer, At: t0, Text: "你们是骗子"}})
	fmt.Println(sug[0].Scenario)
	// Output: civility_reminder
}

func ExampleParseRules() {
	rules, err := conversation.ParseRules("shop-buyer.txt", strings.NewReader("@defaults x-kind=abuse\n奸商客服\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := compliance.New()
	rep := conversation.Audit(c, []conversation.Turn{{Role: conversation.Buyer, At: t0, Text: "你这个奸商客服"}}, conversation.WithRules(rules))
	fmt.Println(rep.Findings[0].Kind)
	_, err = conversation.ParseRules("bad.txt", strings.NewReader("骗局 x-kind=rude\n"))
	fmt.Println(err)
	// Output:
	// buyer_abuse
	// lexicon: bad.txt:1: x-kind="rude" (want abuse, party, complaint, intent, negation, past, askhow, manager, demand, consult, summon, impatience, civility, polite, threat, putoff, ack, echo, request, fault, supplied, badge, grievance, purpose, praise, report, hearsay or selfblame)
}

// A Scorecard beside a Session scores each agent's part of a live
// conversation.
func ExampleScorecard() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	s := conversation.NewSession(c)
	var sc conversation.Scorecard
	for _, t := range []conversation.Turn{
		{Role: conversation.Buyer, At: t0, Text: "请问有货吗"},
		{Role: conversation.Agent, At: t0.Add(10 * time.Second), Text: "亲，加 微 信给你便宜点", Agent: "a-7"}, // serious on JD: 10 + 25/5
		{Role: conversation.Buyer, At: t0.Add(20 * time.Second), Text: "那发什么快递"},
		{Role: conversation.Agent, At: t0.Add(2 * time.Minute), Text: "您好，默认发京东快递", Agent: "a-8"}, // past JD's 30 s: 3
	} {
		sc.Add(t, s.Add(t))
	}
	sc.AddFindings(s.Close()...)
	for _, a := range sc.Scores() {
		fmt.Println(a.Agent, a.Day, a.FlaggedTurns, a.Findings, a.Score)
	}
	// Output:
	// a-7 2026-03-15 1 0 85
	// a-8 2026-03-15 0 1 97
}

// An agent's day is the mean of the day's conversations; the sums are
// exact, so partial sums merge in any order.
func ExampleDayScore() {
	var mon, tue conversation.DayScore
	mon.Add(conversation.AgentScore{Agent: "a-7", Day: "2026-03-16", Turns: 4, Score: 100})
	mon.Add(conversation.AgentScore{Agent: "a-7", Day: "2026-03-16", Turns: 2, FlaggedTurns: 1, Deduction: 15.5, Score: 84.5})
	var other conversation.DayScore // counted elsewhere, by another worker
	other.Add(conversation.AgentScore{Agent: "a-7", Day: "2026-03-16", Turns: 3, Findings: 1, Deduction: 5, Score: 95})
	mon.Merge(other)
	tue.Add(conversation.AgentScore{Agent: "a-7", Day: "2026-03-17", Turns: 5, Score: 100})
	fmt.Println(mon.Conversations, mon.Score(), mon.Deduction())
	fmt.Println(conversation.OverallScore([]conversation.DayScore{mon, tue}))
	// Output:
	// 3 93.2 20.5
	// 96.6
}
