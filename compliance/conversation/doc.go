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
//   - spam (刷屏): the agent sends the same reply 3 or more times within 2
//     minutes without regard to the buyer — pushed again with no buyer
//     message between, or, when it is more than an acknowledgement, sent again
//     after the buyer said something else or insulted the agent; a request
//     (请提供一下订单号) sent again after the buyer answered it, even with the
//     same answer twice, ignores the answer. This is the
//     JD 咚咚 case, graded 骚扰他人 under 京东开放平台商家违规积分管理规则.
//     Replies are the same when their normalized texts are within 20% edit
//     distance and they carry the same data: replies that differ only in their
//     order or tracking numbers are different replies, and three 好的 to
//     three requests answer them; a buyer asking the same question again
//     may get the same reply. The finding's severity is the repeated
//     violations' raised one level, or a warning when the reply is clean; the
//     per-turn reports are left as Check made them.
//   - slow_response: a buyer message waited longer than the platform's
//     window for the agent's next turn. Messages outside service hours are
//     not measured.
//   - buyer_abuse: the buyer insults the agent, the shop or the brand — in
//     words (the rules' insults and the checker's abuse terms), in emoji
//     (🤡, 💩, 🖕 alone or repeated; 🤮 when owned or alone; an animal emoji
//     right after an addressed party, 客服🐶, or alone, never in thanks:
//     谢谢你们🐶), with animal words (猪脑子, 狗商家, 抠门狗, 你们这群猪, 真是猪),
//     as an echo that turns the agent's own words, a service word or the
//     civility asked for into a curse (好好说你大爷, 理解个锤子, 文明个屁), or as
//     an attack on the agent's intelligence or sight (你脑子有坑吧, 小学毕业了没;
//     瞎啊？, 脑子进水了吧 when asked). Disguised forms count the same
//     (rules/slang.txt): pinyin initials and abbreviations (sb, nt, zz, 2b,
//     wdnmd, cnm, nmsl), homophones and split spellings (煞笔, 沙比, 傻*逼,
//     脑 残, 辣鸡, 骗纸), insults joined to the shop's name (sb客服, 锤子客服,
//     骗子店). Curse abbreviations that hold their target (nmsl, cnm) are
//     abuse wherever they stand; slurs that are also ordinary words (贱, nt,
//     zz, 2b) when the agent owns them, they are the whole message, or they
//     stand as its last clause after a comma (说了多少遍了，nt) — never with a
//     digit there (铅笔要哪种，2b). A curse (tmd, 他妈的, mlgb) in a message
//     to the agent is abuse unless a third party or the product stands in
//     its sentence (妈的，快递又晚了); a retort (滚, 去死, 放屁, 扯淡, 有个屁用)
//     when it fills its clause (滚！, 扯淡，什么理由, 都是狗屁) or the agent owns
//     it (你放屁, 给我滚), not 扯淡的事我不干 or 滚筒.
//     An insult is judged by its target, the nearest party before it: the
//     buyer themself (我真笨), a third party in the buyer's story
//     (快递员是个骗子, 那个送货的跟个神经病一样, 隔壁店就是黑店), a pet (狗子吃得跟小猪一样)
//     or the product (质量太垃圾, 狗粮🐶) is no abuse; a bare insult (骗子！) is
//     aimed at the agent; a denied one (你们不是骗子吧) is none; nor is one the
//     buyer reports, hears or denies saying (网上都说你们是骗子, 听说你们是黑店？,
//     我没说你们是骗子), though the buyer's own saying is theirs (我说你们就是骗子).
//     A noun of abuse of two or more runes standing alone after a space or a
//     comma is a vocative, aimed at the addressee even after a clause of the
//     buyer's (我今天就要用 脑残, 我等了三天了，废物) — unless the buyer has just
//     owned a lapse (我拍错了，脑残), a third party stands in the sentence before
//     it (快递员把我东西弄丢了 废物), or it is an adjective said of oneself (我下错单了
//     真笨, 我真是蠢). A strong but civil complaint (你们这服务太差了) is no abuse.
//   - blacklist_eligible (JD only): after the agent's civility reminder, the
//     buyer goes on with abuse in more than 5 messages. JD's 《咚咚服务使用管理规则》 lets
//     the merchant blacklist a buyer who keeps up abuse after a 善意提示 in
//     more than 5 messages, for at most three months, and asks for the
//     evidence, which the finding's turns are (the first reminder and the
//     abusive messages, each once however many insults it holds, in
//     whatever form buyer_abuse reads it; a second reminder does not restart
//     the count). A reminder is a polite request
//     or hope for civil, rational, calm communication or language (请您理性沟通,
//     咱们好好说可以吗, 希望您文明交流, 温馨提示：注意用语哦), or a statement that
//     abuse does not help (辱骂性的语言无助于解决问题): a civility wording and a
//     polite one, with no abuse or refusal of its own and no ultimatum. The
//     rude 你再这样没素质的说话，我们拒绝为你服务 is no reminder: it stays a
//     violation and does not start the count, which starts at the polite one
//     that follows; nor is an agent owning a lapse of its own (刚才是我措辞不当).
//     A reminder after an apology, in a longer helpful turn, is one.
//     The finding is JD's rule and only a checker for [compliance.JD] gives
//     it: Taobao/Tmall, Doudian, Pinduoduo and generic audits never do, since
//     those platforms' blacklists follow other rules (their own thresholds,
//     or none a merchant may apply), which this package does not model.
//   - escalate: hand over to a supervisor or another agent when the buyer
//     threatens to complain or go public — a complaint (我就投诉你们), the
//     platform asked to judge (申请平台介入, 让京东来评理), a government hotline or
//     body (打12345, 12315, 消协, 市场监管局), public shaming (发抖音让大家看看,
//     曝光你们, 找记者), the law (找律师, 起诉, 法院见) — not when a calm question
//     mentions one (快递的问题我该去哪里投诉？, 可以申请平台介入吗？), when the
//     buyer denies it or speaks of a past complaint, complains of someone
//     else, or when the digits are an order or phone number; when the buyer
//     demands someone with authority (领导, 经理, 店长, 老板, 上级, 管事的,
//     说了算的, 能做主的, 负责人 or his phone): a firm demand (叫你们领导来,
//     把你们负责人电话给我) by itself, since buyers make one only once put off;
//     one asked or softened (能让你们经理来处理吗？), or the agent's 工号 asked
//     for, after the agent declined, stalled (再耐心等等), made an excuse, asked
//     for understanding (请您理解), cited a rule or could not decide, or kept
//     them waiting past the window, or with a grievance of the buyer's own
//     (你解决不了就…, 别再让我理解了), or while already aggressive — never a
//     question about a manager (你们店长今天在吗？), a request to consult one, or
//     a demand with a benign purpose (找你们经理谈采购, 你工号多少？我给你个好评);
//     on abuse; and on repeated impatience.
//
// The rule files ([DefaultRules]) hold the wordings of each family, from
// its definition; [ParseRules] adds a shop's own.
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
// # Quality scores
//
// A [Scorecard] scores a conversation out of 100 for each agent who answered
// in it (质检评分: huashu's own estimate, not a platform's formula; its type
// doc gives the formula); [DayScore] sums an agent's conversations of a day
// exactly, in any order, and [OverallScore] averages the days. examples/audit
// and examples/beam both report these, so a day's log and a month's give the
// same score for the same agent and day.
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
// Checker, and [ScoreReport] shares nothing; [Rules] are immutable and safe
// to share. A Session or a Scorecard is for one goroutine: use one per
// conversation.
package conversation
