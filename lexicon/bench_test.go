package lexicon

import (
	"strconv"
	"strings"
	"testing"

	"github.com/huashu/huashu/internal/corpus"
	"github.com/huashu/huashu/internal/heapmeter"
)

func entriesOf(terms []string) []Entry {
	es := make([]Entry, len(terms))
	for i, t := range terms {
		es[i] = Entry{Term: t}
	}
	return es
}

var sizes = []int{1000, 10000, 100000}

func sizeName(n int) string { return strconv.Itoa(n/1000) + "k" }

var shapes = []struct {
	name  string
	shape corpus.Shape
}{
	{"clean", corpus.Clean}, {"dirty", corpus.Dirty}, {"traditional", corpus.Traditional}, {"fullwidth", corpus.FullWidth},
}

// BenchmarkAppendAll scans 1 MB of chat text with 1k/10k/100k-term lexicons
// sampled from gse's dictionary, with normalization on.
func BenchmarkAppendAll(b *testing.B) {
	for _, n := range sizes {
		m, err := Compile(entriesOf(corpus.Terms(n)))
		if err != nil {
			b.Fatal(err)
		}
		for _, sh := range shapes {
			text := corpus.Chat(1<<20, sh.shape, 1)
			b.Run(sizeName(n)+"/"+sh.name, func(b *testing.B) {
				dst := make([]Match, 0, 1<<17)
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					dst = m.AppendAll(dst[:0], text)
				}
				b.ReportMetric(float64(len(dst)), "matches")
			})
		}
	}
}

// BenchmarkAppendAllShort is one typical agent reply (about 40 characters).
func BenchmarkAppendAllShort(b *testing.B) {
	m, err := Compile(entriesOf(corpus.Terms(10000)))
	if err != nil {
		b.Fatal(err)
	}
	text := "您好，非常抱歉给您添麻烦了，您的订单已经发货，预计三天内送达"
	dst := make([]Match, 0, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = m.AppendAll(dst[:0], text)
	}
}

// BenchmarkAppendAllParallel shares one matcher between goroutines.
func BenchmarkAppendAllParallel(b *testing.B) {
	m, err := Compile(entriesOf(corpus.Terms(10000)))
	if err != nil {
		b.Fatal(err)
	}
	text := corpus.Chat(64<<10, corpus.Dirty, 2)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		dst := make([]Match, 0, 1<<14)
		for pb.Next() {
			dst = m.AppendAll(dst[:0], text)
		}
	})
}

// BenchmarkCompile builds matchers; heap-B is the heap the matcher retains.
func BenchmarkCompile(b *testing.B) {
	for _, n := range sizes {
		es := entriesOf(corpus.Terms(n))
		b.Run(sizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			var m *Matcher
			for b.Loop() {
				var err error
				if m, err = Compile(es); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(m.MemoryUsage()), "mem-B")
			b.ReportMetric(float64(heapmeter.Retained(func() any { m, _ := Compile(es); return m })), "heap-B")
		})
	}
}

// BenchmarkWordCheck is the cost of matches that need a word-boundary check
// (the default segmenter is loaded before timing).
func BenchmarkWordCheck(b *testing.B) {
	m, err := Compile([]Entry{{Term: "亲", Word: true}, {Term: "滚", Word: true}})
	if err != nil {
		b.Fatal(err)
	}
	DefaultSegmenter()
	text := "亲，您好，亲自去父亲节活动现场看看，滚筒洗衣机在这里"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = m.FindAll(text)
	}
}

// BenchmarkSegmenterLoad is the one-time cost of DefaultSegmenter.
func BenchmarkSegmenterLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = NewSegmenter(strings.NewReader(segdictWords()))
	}
}

func BenchmarkFold(b *testing.B) {
	for _, tt := range []struct{ name, text string }{
		{"ascii", strings.Repeat("order 123456 shipped today, ", 40)},
		{"cjk", corpus.Chat(4<<10, corpus.Clean, 3)},
		{"traditional", corpus.Chat(4<<10, corpus.Traditional, 3)},
		{"fullwidth", corpus.Chat(4<<10, corpus.FullWidth, 3)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(tt.text)
			}
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := corpus.Chat(4<<10, corpus.Dirty, 3)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize(text)
	}
}

func BenchmarkCut(b *testing.B) {
	text := corpus.Chat(4<<10, corpus.Clean, 3)
	DefaultSegmenter()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Cut(text)
	}
}
