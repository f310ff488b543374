package bench

import (
	"strings"
	"testing"

	"github.com/huashu/huashu/internal/corpus"
)

var sizes = map[string]int{"1k": 1000, "10k": 10000, "100k": 100000}

// BenchmarkScan scans 1 MB of clean chat text.
func BenchmarkScan(b *testing.B) {
	text := corpus.Chat(1<<20, corpus.Clean, 1)
	for _, size := range []string{"1k", "10k", "100k"} {
		terms := corpus.Terms(sizes[size])
		for _, e := range Engines {
			b.Run(size+"/"+e.Name, func(b *testing.B) {
				scan, err := e.Build(terms)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = scan(text)
				}
				b.ReportMetric(float64(n), "matches")
			})
		}
	}
}

// BenchmarkBuild compiles each term list.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []string{"1k", "10k", "100k"} {
		terms := corpus.Terms(sizes[size])
		for _, e := range Engines {
			b.Run(size+"/"+e.Name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := e.Build(terms); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(RetainedHeap(func() any { s, _ := e.Build(terms); return s })), "heap-B")
			})
		}
	}
}

// TestEnginesAgreeOnPresence checks that the engines find the same matches
// in a text where folding and noise skipping change nothing (Simplified
// text, punctuation turned into sentence breaks): a benchmark that measures
// nothing would pass silently otherwise.
func TestEnginesAgreeOnPresence(t *testing.T) {
	terms := corpus.Terms(10000)
	text := strings.NewReplacer("，", "。", " ", "。", "？", "。").Replace(corpus.Chat(64<<10, corpus.Clean, 5))
	counts := map[string]int{}
	for _, e := range Engines {
		scan, err := e.Build(terms)
		if err != nil {
			t.Fatal(err)
		}
		counts[e.Name] = scan(text)
	}
	t.Logf("matches: %v", counts)
	if counts["huashu"] == 0 || counts["huashu"] != counts["petar-dambovaliev"] {
		t.Fatalf("huashu and petar-dambovaliev (both leftmost-longest) disagree: %v", counts)
	}
	if counts["BobuSumisu"] < counts["huashu"] || counts["cloudflare"] == 0 {
		t.Fatalf("implausible counts: %v", counts)
	}
}
