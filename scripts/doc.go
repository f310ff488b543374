// Package scripts is the phrasebook (话术宝典) of approved reply scripts: what
// an agent can say instead of a reply that breaks a platform's rules.
//
// A [Script] belongs to a [Scenario] (greet, appease, apologise, confirm the
// need, explain a limit, offer options, promise a follow-up, escalate to a
// supervisor, civility reminder, keep the conversation on the platform,
// closing, follow-up visit), may suit particular [CustomerType]s (aggressive
// 激进型, quiet 静悄型, habitual 惯性型, the three buyer types of Taobao and
// Tmall sellers' 315 complaint-handling guides), may be limited to
// platforms (scripts that address the buyer as 亲 are not for JD), and may have
// slots to fill: {reason}, {solution}, {minutes}, {item}. [Script.Render] fills
// them; [Variant.Convert] renders a text in Traditional Chinese for shops
// whose buyers read it: standard Traditional ([Traditional], zh-Hant), Taiwan
// ([Taiwan], zh-TW) or Hong Kong ([HongKong], zh-HK), by phrase as OpenCC
// does (OpenCC's tables, Apache-2.0, copied in opencc/; see
// opencc/README.md).
//
// The scripts are written for huashu in our own words. Every script passes
// compliance.Checker.Check on every platform it is tagged for: a property
// test in package compliance proves it.
//
// Concurrency: a [Phrasebook] is immutable after [New] and safe for
// concurrent use; [Default] is built once. Variant.Convert and ToTraditional
// are safe for concurrent use; their tables are parsed once, on first use.
package scripts
