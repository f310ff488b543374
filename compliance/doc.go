// Package compliance judges what a customer-service agent is about to send:
// it finds what the platform forbids, grades how serious it is, estimates the
// penalty, and says what to write instead.
//
//	p, _ := compliance.ParsePlatform("jd")
//	c, _ := compliance.New(compliance.WithPlatform(p))
//	rep := c.Check("亲，加 微 信给你便宜点")
//	for _, v := range rep.Violations { // ordered by Start
//		fmt.Println(v.Category, v.Severity, rep.Text[v.Start:v.End])
//	}
//	for _, s := range c.Suggest(rep) { // the most serious problem first
//		fmt.Println(s.Text)
//	}
//
// # Categories
//
// abuse, refusal, forbidden_address, competitor, off_platform, ad_absolute,
// privacy and review_inducement ([Category]). Rules come from lexicon files
// (package lexicon's format) with category= and severity= attributes; the
// defaults are embedded ([DefaultRules]: rules/*.txt), written for huashu
// from the rules in the project's seed documents. Three more attributes are
// read: x-owner (platforms whose own name a competitor entry is: 京东 is fine
// on JD), x-platforms (where an entry applies: 亲 only on JD), x-rewrite
// (the deterministic replacement Suggest uses) and x-handle=required (the
// term counts only when a chat handle of 5–20 letters or digits follows it:
// 企鹅 12345678 is a QQ number, 企鹅玩偶 a toy). Matching folds Traditional,
// full-width and case and sees through inserted noise; see package lexicon.
//
// Detectors find what word lists cannot:
//   - mainland mobile numbers (with spaces, dashes, full-width digits,
//     Chinese numerals such as 一三八…幺, or look-alike letters inside the
//     run: l38OOl23456, l77 665S 4433, I38 I2345 678), landlines with an
//     area code and separator, and
//     400/800 service hotlines (off_platform at warning: a public line, but
//     still a channel off the platform's messages);
//   - ID-card numbers (GB 11643-1999 check character and birth date; after
//     身份证, look-alike letters too) and bank-card numbers (Luhn, and card
//     context or 4-digit grouping; the agent's own card, 打到我的农行卡…, is
//     off_platform);
//   - chat handles after a contact keyword (vx：abc_123, 微信号：…, V：…,
//     加我 lily_88, 加威❤：…, QQ：12345678, 企鹅 88776655, 加扣：叁捌柒…)
//     and e-mail addresses;
//   - Chinese postal addresses: a chain of parts (省, 市, 区/县, 街道/镇/村,
//     路/街/巷/弄, 小区/花园/大厦, 12号, 3栋, 2单元, 801室) with a named part
//     and a house-level part and at least three parts, so 北京东路,
//     南京东路123号 and 发货地：广东 are not addresses;
//   - links outside the platform's own domains.
//
// Identifiers are never read as phone numbers: digits glued to letters
// (SN13912345678, CN2024A13812345678, SF1234567890123) or written after 单号,
// 订单号, 运单号, 序列号, 型号, 编号, IMEI, 条码…; Latin letters in a model code
// (WX-2000, KFR-35GW/WX-3020) are not WeChat. Order and tracking numbers
// pass: a run of digits is flagged only when it validates as one of these.
//
// Whose data it is decides the category, from the words before it in the
// same sentence (the nearer wins): the buyer's or a third party's (您的,
// 收货人, 买家, 他, 邻居, 那位顾客…) is privacy, with a masked rewrite
// (159****1111, zh****an@qq.com, 北京市****: an address keeps its province
// and city); the agent's or the shop's own contact (我的, 加我, 打我,
// 联系我们, 客服电话, 有问题联系…) or one with no owner is off_platform. A
// number is also the buyer's or a third party's when it is being changed
// (已为您改成…), is not answered (…一直关机, 这个号打不通), belongs to
// someone called by a title (王先生), or, with no word of the agent or the
// shop before it in the sentence, when a person is named further back
// (收件人, 那位买家, 他住…) or the buyer's address stands in the same
// sentence (李梅梅 138… 安徽省合肥市…). A shop's own
// address (退货地址, 寄回, 请寄到, 仓库, 门店, 我们厂…, or 售后仓 right
// after it) is allowed; the phone number given with it is still
// off_platform, as JD's and Taobao's rules forbid external contact details
// in chat whatever their purpose, but at warning severity.
//
// # Platforms
//
// Every platform applies abuse, refusal, off_platform, ad_absolute, privacy,
// review_inducement and competitor (naming another marketplace, which each
// platform penalises as a 违规 of its own); [JD] adds forbidden_address (JD's
// customer-service rules forbid addressing the buyer as 亲, 亲爱的 or 亲们).
// Each platform's own names are exempt from competitor. [Generic] is for a
// shop whose platform is unknown, so it flags what every platform would: a
// marketplace no listed platform owns (快手, 小红书, 亚马逊), and names of two
// different owners in one reply (我们京东淘宝都有店: one of them is a rival
// wherever the shop is), but not one platform's names alone (京东 alone may
// be the shop's own).
//
// # Reported speech
//
// An agent who repeats, in quotation marks, what the buyer or someone else
// said is not saying it: a hit wholly inside a quotation that follows a
// speaker other than the agent and a verb of saying (您说“垃圾客服”，我理解您的
// 心情; 买家留言「你们都是骗子」) is dropped. The agent's own quoted words (我们的
// 口号是“全网最低价”, 我跟您说“爱退不退”) and unquoted paraphrase (您说我们是
// 骗子) are judged as usual; the marks are “” 「」 『』 ‘’ and straight quotes.
//
// # Severity and penalties
//
// Each entry carries a base severity ([Warning], [Minor], [Serious],
// [Critical]) chosen by intensity: rudeness (没礼貌) is minor, insults
// (神经病, 智障) serious, profanity and threats (傻逼, 去死) critical; a form
// of address or a competitor's name alone is a warning. A report's overall
// severity is the highest of its violations, raised one level when three or
// more co-occur. Severities map onto the platform's ladder ([Penalty]):
//
//	           warning  minor  serious  critical   source
//	JD         警告      12     25       100        《京东开放平台商家违规积分管理规则》, 骚扰他人
//	Taobao     警告      12     48       48         淘宝/天猫 骚扰他人 12 分, 情节严重 48 分
//	Doudian    0.5      4      12       12         抖店 A/B 类违规 0.5/4/12 分
//	PDD        —        —      —        —          no published point figures: actions only
//
// The ladders are the platforms' published figures for 骚扰他人 (JD: 情节特别
// 轻微 警告, 轻微 12, 严重 25, 特别严重 100 points; Taobao/Tmall: 12, 情节严重
// 48) and for 抖店's A/B service violations (0.5/4/12). Applying one ladder to
// every category, and the mapping of our severities onto its rungs, are
// huashu's estimates, for prioritising: the platforms decide case by case
// (JD's published review of a 咚咚 chat conflict, in which an agent sent
// 你再这样没素质的说话，我们拒绝为你服务 over and over, graded it 骚扰他人—警告:
// see conversation audits).
//
// # Suggestions
//
// [Checker.Suggest] returns a rewrite of the reply, which replaces every
// violation that has a deterministic replacement (亲 → 您, a competitor's
// name → 其他平台, personal data masked as 159****1111), and scripts from the
// phrasebook (package scripts) that fit the violations' categories, the
// platform and, with [Checker.SuggestWith], the buyer's type, in standard,
// Taiwan or Hong Kong Traditional if asked. They are ordered by the most
// serious violation they answer, a rewrite first among equals. Every
// suggestion is checked: a complete one passes Check with no violations; a
// rewrite that could not replace everything lists the violations it leaves
// ([Suggestion.Remaining]).
//
// [Mask] hides the spans of a report's violations with '*', or only some
// categories' (personal data: [Privacy]).
//
// # Conversations
//
// Package [github.com/huashu/huashu/compliance/conversation] judges replies
// in their conversation: repeated replies (刷屏), slow replies against the
// platform's response window, buyer abuse, blacklist eligibility and when to
// hand over to a supervisor. It uses a Checker for every agent turn.
//
// # Cost
//
// [Checker.Check] costs O(n log n) in the length of the text and the number
// of hits, whatever the text holds, and a [Report] lists at most
// 256 violations (or [WithMaxViolations]'s number); a report cut
// there says so in Truncated.
//
// # Concurrency
//
// A [Checker] is immutable after [New] and safe for concurrent use by
// multiple goroutines; Check keeps its scratch memory in a sync.Pool and
// allocates nothing for a clean reply. A [Holder] swaps in a rebuilt Checker
// atomically when lexicon files change and keeps the old one if they fail to
// parse. All offsets are byte offsets into the checked text, on rune
// boundaries.
package compliance
