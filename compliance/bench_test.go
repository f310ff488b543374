package compliance

import (
	"testing"

	"github.com/huashu/huashu/internal/corpus"
	"github.com/huashu/huashu/internal/heapmeter"
)

var benchReplies = []struct{ name, text string }{
	{"clean", "您好，非常抱歉给您添麻烦了，您的订单已经发货，预计三天内送达，请注意查收"},
	{"clean-short", "好的，马上为您处理"},
	{"dirty", "亲，加 微 信给你便宜点，淘寶上买更贵"},
	{"traditional", "您好，非常抱歉給您添麻煩了，您的訂單已經發貨，預計三天內送達"},
	{"fullwidth", "您好，订单号２０２３１１２２０００１已发货，ＯＫ"},
	{"abusive", "你再这样没素质的说话，我们拒绝为你服务，谢谢"},
}

func BenchmarkCheck(b *testing.B) {
	c := mustNew(b, WithPlatform(JD))
	c.Check("亲") // load the segmenter before timing
	for _, r := range benchReplies {
		b.Run(r.name, func(b *testing.B) {
			b.SetBytes(int64(len(r.text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Check(r.text)
			}
		})
	}
}

// BenchmarkCheckParallel shares one Checker between goroutines.
func BenchmarkCheckParallel(b *testing.B) {
	c := mustNew(b, WithPlatform(JD))
	c.Check("亲")
	text := corpus.Chat(16<<10, corpus.Dirty, 7)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_ = c.Check(text)
		}
	})
}

// BenchmarkNew builds a Checker with the default rules; heap-B is what it retains.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(WithPlatform(JD)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(heapmeter.Retained(func() any { c, _ := New(WithPlatform(JD)); return c })), "heap-B")
}

func BenchmarkSuggest(b *testing.B) {
	c := mustNew(b, WithPlatform(JD))
	rep := c.Check("你再这样没素质的说话，我们拒绝为你服务，谢谢")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Suggest(rep)
	}
}
