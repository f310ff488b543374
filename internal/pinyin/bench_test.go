package pinyin

import (
	"strings"
	"testing"
)

// BenchmarkParse measures the first-use cost: parsing the generated table.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(charData) + len(syllableData)))
	for b.Loop() {
		parse(syllableData, charData, commonChars)
	}
}

func BenchmarkReadings(b *testing.B) {
	load()
	b.ReportAllocs()
	for b.Loop() {
		Readings('长')
	}
}

func BenchmarkSplit(b *testing.B) {
	load()
	b.ReportAllocs()
	b.SetBytes(int64(len("zhuangxiangweixin")))
	for b.Loop() {
		Split("zhuangxiangweixin")
	}
}

func BenchmarkVariants(b *testing.B) {
	load()
	half := func(v string) bool { return len(v)%2 == 0 }
	for _, bm := range []struct {
		name string
		term string
		e    Expander
	}{
		{"2han/default", "微信", Expander{}},
		{"2han/pinyin-only", "微信", Expander{Homophones: -1}},
		{"4han/default", "好评返现", Expander{}},
		{"4han/limit128", "好评返现", Expander{Limit: 128}},
		{"4han/keep-half", "好评返现", Expander{Keep: half}},
		{"mixed/default", "加V信aa", Expander{}},
		{"100han/default", strings.Repeat("淘宝", 50), Expander{}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.term)))
			for b.Loop() {
				if _, err := bm.e.Expand(bm.term); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkVariantsParallel(b *testing.B) {
	load()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Variants("微信", 0)
		}
	})
}
