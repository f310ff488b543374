package bench

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	bobuaho "github.com/BobuSumisu/aho-corasick"

	"github.com/huashu/huashu/internal/corpus"
	"github.com/huashu/huashu/internal/heapmeter"
	"github.com/huashu/huashu/lexicon"
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
				b.ReportMetric(float64(heapmeter.Retained(func() any { s, _ := e.Build(terms); return s })), "heap-B")
			})
		}
	}
}

// TestEnginesAgree checks that huashu finds exactly the matches of the
// peers that report every (overlapping) match, where folding and noise
// skipping change nothing (Simplified terms and text, punctuation turned into
// sentence breaks): a benchmark that measures nothing would pass silently
// otherwise. (petar-dambovaliev is left out: its leftmost-longest mode
// reports overlapping matches, e.g. both 埃里克 and 里克 in 埃里克森.)
func TestEnginesAgree(t *testing.T) {
	var terms []string // only terms that folding leaves as they are (no Traditional forms)
	for _, x := range corpus.Terms(10000) {
		if lexicon.Fold(x) == x {
			terms = append(terms, x)
		}
	}
	text := strings.NewReplacer("，", "。", " ", "。", "？", "。").Replace(corpus.Chat(64<<10, corpus.Clean, 5))
	es := make([]lexicon.Entry, len(terms))
	for i, x := range terms {
		es[i] = lexicon.Entry{Term: x}
	}
	m, err := lexicon.Compile(es, lexicon.Overlapping())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, x := range m.FindAll(text) {
		want = append(want, fmt.Sprint(x.Start, x.End))
	}
	bobu := bobuaho.NewTrieBuilder().AddStrings(terms).Build()
	var got []string
	for _, x := range bobu.MatchString(text) {
		got = append(got, fmt.Sprint(x.Pos(), int(x.Pos())+len(x.Match())))
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) < 100 || !slices.Equal(want, got) {
		t.Fatalf("huashu (overlapping) found %d matches, BobuSumisu %d", len(want), len(got))
	}
	counts := map[string]int{}
	for _, e := range Engines {
		if e.Name == "anknown" {
			scan, err := e.Build(terms)
			if err != nil {
				t.Fatal(err)
			}
			counts[e.Name] = scan(text)
		}
	}
	if counts["anknown"] != len(want) {
		t.Fatalf("anknown found %d matches, huashu %d", counts["anknown"], len(want))
	}
	t.Logf("%d matches agree", len(want))
}
