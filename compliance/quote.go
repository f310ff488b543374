package compliance

import (
	"strings"
	"unicode/utf8"
)

// Reported speech: an agent who repeats what the buyer or someone else said,
// in quotation marks after a speaker and a verb of saying (您说“垃圾客服”，
// 我理解您的心情; 买家留言“最好用的是哪款”), is not saying it. A hit that lies
// wholly inside such a quotation is dropped. The agent's own quoted words
// (我们的口号是“全网最低价”, 我说“爱退不退”) stay violations: the speaker must
// be someone other than the agent.
//
// Each hit looks at most quoteReach bytes either side of it, so the cost is
// linear in the text.

// quoteReach bounds how far from a hit its quotation marks may be, and
// speakerReach how far before the opening mark the speaker and verb may be.
const (
	quoteReach   = 90
	speakerReach = 24
)

// opening and closing quotation marks, paired by index; " and ＂ open and
// close alike.
var (
	openQuotes  = []rune{'“', '「', '『', '‘', '"', '＂', '﹁'}
	closeQuotes = []rune{'”', '」', '』', '’', '"', '＂', '﹂'}
)

// quoteMarks are all the marks above.
const quoteMarks = "“「『‘\"＂﹁”」』’﹂"

// reportingVerbs say that someone said or wrote something; speakers are the
// parties other than the agent who may have said it.
var (
	reportingVerbs = []string{"说", "讲", "骂", "问", "写", "留言", "评价", "反馈", "提到", "称", "吐槽", "抱怨", "评论", "喊"}
	speakers       = []string{"您", "你", "买家", "顾客", "客户", "他", "她", "有人", "对方", "网友", "别人", "客人"}
)

// insideReportedSpeech reports whether text[start:end] lies inside a
// quotation introduced by a speaker other than the agent and a verb of saying.
func insideReportedSpeech(text string, start, end int) bool {
	open := -1 // byte offset of the opening mark
	var want rune
	lo := max(0, start-quoteReach)
	for i := start; i > lo; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		if k := indexRune(openQuotes, r); k >= 0 {
			open, want = i, closeQuotes[k]
			break
		}
		if indexRune(closeQuotes, r) >= 0 || r == '\n' {
			return false // a quotation closed before the hit: it is outside
		}
	}
	if open < 0 {
		return false
	}
	hi := min(len(text), end+quoteReach)
	if strings.IndexRune(text[end:hi], want) < 0 {
		return false
	}
	// Before the mark: optional ：, ，or spaces, then a verb of saying, with a
	// speaker not the agent before it.
	before := strings.TrimRight(text[max(0, open-speakerReach):open], " ：:，,")
	for _, v := range reportingVerbs {
		i := strings.LastIndex(before, v)
		if i < 0 || len(before)-(i+len(v)) > 9 { // at most 3 runes after the verb (说过, 说的是)
			continue
		}
		if strings.ContainsAny(before[i+len(v):], quoteMarks) {
			continue // 您说“好的”，… : that quotation closed before this mark
		}
		head := before[:i]
		for _, s := range speakers {
			if j := strings.LastIndex(head, s); j >= 0 && !agentSpeaks(head[:j]) {
				return true
			}
		}
	}
	return false
}

// agentSpeaks reports whether the speaker word is part of the agent's own
// voice (我说, 我们跟您说): 我 right before it makes 您 the listener.
func agentSpeaks(before string) bool {
	return strings.HasSuffix(before, "我跟") || strings.HasSuffix(before, "我对") || strings.HasSuffix(before, "我们跟") || strings.HasSuffix(before, "我和")
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// dropReportedSpeech removes the hits that lie inside reported speech.
func dropReportedSpeech(text string, found []Violation) []Violation {
	if !strings.ContainsAny(text, quoteMarks) {
		return found
	}
	out := found[:0]
	for _, v := range found {
		if !insideReportedSpeech(text, v.Start, v.End) {
			out = append(out, v)
		}
	}
	return out
}
