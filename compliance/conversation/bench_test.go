package conversation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/huashu/huashu/compliance"
)

// benchTurns makes n agent replies of 128 runes answering buyer messages:
// near-identical (two characters differ from a template each time) or
// ordinary (each reply different).
func benchTurns(n int, near bool) []Turn {
	base := []rune(strings.Repeat("您好您的包裹正在配送中请耐心等待我们会尽快为您处理", 6)[:128*3])
	var turns []Turn
	for i := range n {
		r := append([]rune(nil), base...)
		if near {
			r[i%len(r)] = rune('a' + i%26)
			r[(i*7+3)%len(r)] = rune('A' + i%26)
		} else {
			r = []rune(fmt.Sprintf("第%d号回复：", i) + string(r[:100]))
			for j := range r {
				r[j] += rune((i * 31 * (j + 1)) % 7) // a different text each time
			}
		}
		turns = append(turns, Turn{Role: Buyer, At: at(2 * i), Text: fmt.Sprintf("问题%d", i)}, Turn{Role: Agent, At: at(2*i + 1), Text: string(r)})
	}
	return turns
}

// BenchmarkAuditLongReplies compares 5,000 near-identical long replies with
// 5,000 different ones: the spam check's work is bounded, so the two cost
// about the same (the ratio is in the CHANGELOG).
func BenchmarkAuditLongReplies(b *testing.B) {
	c, err := compliance.New(compliance.WithPlatform(compliance.Taobao))
	if err != nil {
		b.Fatal(err)
	}
	for _, near := range []bool{false, true} {
		name := "ordinary"
		if near {
			name = "near-identical"
		}
		turns := benchTurns(5000, near)
		size := 0
		for _, t := range turns {
			size += len(t.Text)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				Audit(c, turns)
			}
		})
	}
}

// BenchmarkAuditChat audits a typical short chat.
func BenchmarkAuditChat(b *testing.B) {
	c, err := compliance.New(compliance.WithPlatform(compliance.JD))
	if err != nil {
		b.Fatal(err)
	}
	turns := []Turn{
		buyer(0, "东西坏了，取快递还要花两块钱"), agent(10, "那您申请退款吧"),
		buyer(20, "你们什么破店，垃圾客服"), agent(25, "您先消消气，咱们好好说可以吗"),
		buyer(30, "我要投诉你们"), agent(35, "非常抱歉，我马上为您处理"),
		buyer(40, "让你们主管来"), agent(45, "好的，我帮您联系主管"),
	}
	b.ReportAllocs()
	for b.Loop() {
		Audit(c, turns)
	}
}
