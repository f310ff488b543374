package bench

import (
	"fmt"

	bobu "github.com/BobuSumisu/aho-corasick"
	anknown "github.com/anknown/ahocorasick"
	cloudflare "github.com/cloudflare/ahocorasick"
	"github.com/huashu/huashu/lexicon"
	petar "github.com/petar-dambovaliev/aho-corasick"
)

// Engine is one library under comparison: Build compiles the terms, and the
// returned scan function scans a text and returns how many matches it found.
type Engine struct {
	Name  string
	Build func(terms []string) (scan func(text string) int, err error)
}

// Engines lists huashu first, then the peers.
var Engines = []Engine{
	{"huashu", func(terms []string) (func(string) int, error) {
		es := make([]lexicon.Entry, len(terms))
		for i, t := range terms {
			es[i] = lexicon.Entry{Term: t}
		}
		m, err := lexicon.Compile(es)
		if err != nil {
			return nil, err
		}
		dst := make([]lexicon.Match, 0, 1<<16)
		return func(text string) int {
			dst = m.AppendAll(dst[:0], text)
			return len(dst)
		}, nil
	}},
	{"cloudflare", func(terms []string) (func(string) int, error) {
		m := cloudflare.NewStringMatcher(terms)
		return func(text string) int { return len(m.Match([]byte(text))) }, nil
	}},
	{"petar-dambovaliev", func(terms []string) (func(string) int, error) {
		b := petar.NewAhoCorasickBuilder(petar.Opts{MatchKind: petar.LeftMostLongestMatch, DFA: true})
		ac := b.Build(terms)
		return func(text string) int { return len(ac.FindAll(text)) }, nil
	}},
	{"BobuSumisu", func(terms []string) (func(string) int, error) {
		tr := bobu.NewTrieBuilder().AddStrings(terms).Build()
		return func(text string) int { return len(tr.MatchString(text)) }, nil
	}},
	{"anknown", func(terms []string) (func(string) int, error) {
		rs := make([][]rune, len(terms))
		for i, t := range terms {
			rs[i] = []rune(t)
		}
		m := new(anknown.Machine)
		if err := m.Build(rs); err != nil {
			return nil, fmt.Errorf("anknown: %w", err)
		}
		return func(text string) int { return len(m.MultiPatternSearch([]rune(text), false)) }, nil
	}},
}
