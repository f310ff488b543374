package lexicon

import (
	"bytes"
	"slices"
	"sync"
	"testing"
	"unicode/utf8"
)

var (
	fuzzOnce     sync.Once
	fuzzMatchers map[[2]int]*Matcher // (maxNoise, overlapping) → matcher over testEntries
	fuzzPlain    []Entry             // testEntries without Word, for the naive reference
	fuzzPlainM   map[[2]int]*Matcher
	fuzzEvasion  map[[2]int]*Matcher // testEntries plus patterns, with FoldRepeats
)

// fuzzPatterns are pattern entries added to testEntries for the evasion matchers.
var fuzzPatterns = []Entry{
	{Term: "(好评|五星|晒图)<any:6>(返|送|领)<money>", Pattern: true},
	{Term: "(你|您)(去)?找<han:3>(去|吧)", Pattern: true, Except: []string{"找到"}},
	{Term: "最(好|强|便宜)", Pattern: true, Word: true},
	{Term: "(vx|wx|v信)<any:2><handle>", Pattern: true},
}

func fuzzSetup(tb testing.TB) {
	fuzzOnce.Do(func() {
		fuzzMatchers = map[[2]int]*Matcher{}
		fuzzPlainM = map[[2]int]*Matcher{}
		fuzzEvasion = map[[2]int]*Matcher{}
		for _, e := range testEntries {
			if !e.Word {
				fuzzPlain = append(fuzzPlain, e)
			}
		}
		for noise := 0; noise <= 4; noise++ {
			for ov := 0; ov < 2; ov++ {
				opts := []Option{WithMaxNoise(noise)}
				if ov == 1 {
					opts = append(opts, Overlapping())
				}
				m, err := Compile(testEntries, opts...)
				if err != nil {
					panic(err)
				}
				fuzzMatchers[[2]int{noise, ov}] = m
				p, err := Compile(fuzzPlain, opts...)
				if err != nil {
					panic(err)
				}
				fuzzPlainM[[2]int{noise, ov}] = p
				e, err := Compile(append(slices.Clone(testEntries), fuzzPatterns...), append(opts, FoldRepeats())...)
				if err != nil {
					panic(err)
				}
				fuzzEvasion[[2]int{noise, ov}] = e
			}
		}
	})
}

// FuzzAppendAll checks that no input panics, that matches are well formed,
// that the matcher agrees with the naive reference on entries without Word,
// and that the fast paths (the repeats pass's scan, pattern verification)
// agree with their references.
func FuzzAppendAll(f *testing.F) {
	for _, s := range []string{"", "好好评返返现5元", "你去找厂家吧", "加vx：abc_123", "最最好", "亲，您好", "父亲节", "淘*宝", "加 微 信", "微❤️信", "第⑩名⑴", "淘。宝", "\xff\xfe淘\xff宝", "ＱＱ号", "TMALL", "多多拼多多", "微 信 支 付", "亲\u200b自"} {
		f.Add(s, uint8(4), false)
		f.Add(s, uint8(1), true)
	}
	f.Fuzz(func(t *testing.T, text string, noise uint8, overlapping bool) {
		fuzzSetup(t)
		key := [2]int{int(noise % 5), 0}
		if overlapping {
			key[1] = 1
		}
		onBoundary := runeBoundaries(text)
		for _, mm := range []*Matcher{fuzzMatchers[key], fuzzEvasion[key]} {
			ms := mm.FindAll(text)
			prevStart, prevEnd := -1, -1
			for _, m := range ms {
				if m.Start < 0 || m.Start >= m.End || m.End > len(text) || m.Entry < 0 || m.Entry >= mm.Len() {
					t.Fatalf("bad match %+v in %q", m, text)
				}
				if !onBoundary[m.Start] || !onBoundary[m.End] {
					t.Fatalf("span %+v not on rune boundaries in %q", m, text)
				}
				if m.Start < prevStart || !overlapping && m.Start < prevEnd {
					t.Fatalf("matches out of order or overlapping: %v", ms)
				}
				prevStart, prevEnd = m.Start, m.End
			}
		}
		if !repeatsAgree(t, fuzzEvasion[key], text) {
			t.Fatalf("text %q noise %d: the repeats pass's fast scan disagrees with its reference", text, key[0])
		}
		if ev := fuzzEvasion[key]; !slices.Equal(ev.FindAll(text), slowPatterns(ev).FindAll(text)) {
			t.Fatalf("text %q noise %d overlapping %v: pattern fast paths %v, slow path %v", text, key[0], overlapping, ev.FindAll(text), slowPatterns(ev).FindAll(text))
		}
		got := fuzzPlainM[key].FindAll(text)
		want := naiveFindAll(fuzzPlain, text, key[0], overlapping)
		if len(got)+len(want) > 0 && !slices.Equal(got, want) {
			t.Fatalf("text %q noise %d overlapping %v:\n got %v\nwant %v", text, key[0], overlapping, got, want)
		}
	})
}

// FuzzParse checks that no lexicon file panics Parse, Compile or matching.
func FuzzParse(f *testing.F) {
	f.Add([]byte("# c\n@defaults category=abuse\n没素质 severity=serious\n亲 word except=亲自\n\"a b\" note=\"x\"\n"))
	f.Add([]byte("\uFEFFa\r\nb x-k=v\n"))
	f.Add([]byte("\"\\u4eb2\" word=false\n"))
	f.Add([]byte("a except=b\n"))
	f.Add([]byte{0xff, '\n', 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := Parse("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			return
		}
		m, err := Compile(Entries(es))
		if err != nil {
			return
		}
		_ = m.FindAll(string(data))
	})
}

// runeBoundaries marks the offsets where decoding text rune by rune stops
// (an invalid byte is a one-byte rune), including 0 and len(text).
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	b[len(text)] = true
	return b
}
