// Package conversation audits whole customer-service conversations: the
// [compliance.Checker] report of every agent turn, plus findings that only a
// conversation shows, each with the indices of the turns that are its evidence.
//
//	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
//	rep := conversation.Audit(c, []conversation.Turn{
//		{Role: conversation.Buyer, At: t0, Text: "东西坏了"},
//		{Role: conversation.Agent, At: t1, Text: "非常抱歉，我来帮您处理"},
//	})
//	for _, f := range rep.Findings {
//		fmt.Println(f.Kind, f.Turns)
//	}
//
// # Findings
//
//   - spam (刷屏): the agent sends the same or nearly the same text (after
//     normalization; edit distance within 20%) 3 or more times within 2
//     minutes — the JD 咚咚 case, graded 骚扰他人 under 京东开放平台商家违规积分管理规则.
//     The finding's severity is the repeated violations' raised one level, or
//     a warning when the repeated text is clean; the per-turn reports are
//     left as Check made them.
//   - slow_response: a buyer message waited longer than the platform's
//     window for the agent's next turn. Messages outside service hours are
//     not measured.
//   - buyer_abuse: the buyer insults or harasses the agent, the shop or the
//     brand (the buyer rules, [DefaultRules], plus what the checker's abuse
//     rules find in the message).
//   - blacklist_eligible: after the agent's civility reminder (请注意文明用语,
//     注意措辞…), the buyer goes on with abuse in more than 5 messages. JD
//     咚咚 lets the merchant blacklist such a buyer for at most three months
//     and asks for the evidence, which the finding's turns are.
//   - escalate: a complaint threat (投诉, 12315, 曝光, 媒体, 工商…), abuse, or
//     repeated impatience: hand over to a supervisor or another agent.
//
// # Response windows and service hours
//
//	platform          window   service hours   source
//	JD                30 s     09:00–18:00     JD's 30-second response rate (京东咚咚 30秒应答率); agents must be online 09:00–18:00
//	Taobao/Tmall      3 min    all day         the platform's 3-minute response rate (3分钟回复率)
//	Doudian           3 min    all day         the platform's 3-minute response rate (3分钟回复率)
//	PDD               1 h      all day         拼多多 counts a message unanswered after an hour (our reading; no published rule text at hand)
//	Generic           3 min    all day         our default
//
// The JD hours are those JD's response-rate rule states as merchant guides
// quote it; a shop assessed on other hours sets them with [WithServiceHours].
// [WithResponseWindow] and [WithLocation] (China Standard Time by default)
// change the rest.
//
// The report also carries response metrics and the buyer's customer type
// (aggressive, quiet, habitual — the last from the complaint history given
// with [WithComplaintHistory]). [SuggestNext] gives phrasebook scripts for
// the next agent turn.
//
// # Sessions
//
// A [Session] audits a live conversation turn by turn with bounded memory;
// [Audit] is a Session fed the whole conversation and closed. Package
// [github.com/huashu/huashu/compliance/conversation/jsonl] reads and writes
// conversations as JSON Lines.
//
// # Concurrency
//
// [Audit] and [SuggestNext] are safe for concurrent use with a shared
// Checker; [BuyerRules] are immutable and safe to share. A Session is for
// one goroutine: use one per conversation.
package conversation
