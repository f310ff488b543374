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
)

func fuzzSetup(tb testing.TB) {
	fuzzOnce.Do(func() {
		fuzzMatchers = map[[2]int]*Matcher{}
		fuzzPlainM = map[[2]int]*Matcher{}
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
			}
		}
	})
}

// FuzzAppendAll checks that no input panics, that matches are well formed,
// and that the matcher agrees with the naive reference on entries without Word.
func FuzzAppendAll(f *testing.F) {
	for _, s := range []string{"", "亲，您好", "父亲节", "淘*宝", "加 微 信", "微❤️信", "第⑩名⑴", "淘。宝", "\xff\xfe淘\xff宝", "ＱＱ号", "TMALL", "多多拼多多", "微 信 支 付", "亲\u200b自"} {
		f.Add(s, uint8(4), false)
		f.Add(s, uint8(1), true)
	}
	f.Fuzz(func(t *testing.T, text string, noise uint8, overlapping bool) {
		fuzzSetup(t)
		key := [2]int{int(noise % 5), 0}
		if overlapping {
			key[1] = 1
		}
		ms := fuzzMatchers[key].FindAll(text)
		onBoundary := runeBoundaries(text)
		prevStart, prevEnd := -1, -1
		for _, m := range ms {
			if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("bad span %+v in %q", m, text)
			}
			if !onBoundary[m.Start] || !onBoundary[m.End] {
				t.Fatalf("span %+v not on rune boundaries in %q", m, text)
			}
			if m.Start < prevStart || !overlapping && m.Start < prevEnd {
				t.Fatalf("matches out of order or overlapping: %v", ms)
			}
			prevStart, prevEnd = m.Start, m.End
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
