package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/huashu/huashu/lexicon"
)

func ExampleCompile() {
	m, err := lexicon.Compile([]lexicon.Entry{
		{Term: "淘宝"},
		{Term: "加微信"},
		{Term: "亲", Word: true, Except: []string{"亲肤"}},
	})
	if err != nil {
		panic(err)
	}
	text := "亲，淘寶上也有，加 微 信细聊。亲肤面料，父亲节特价"
	for _, x := range m.FindAll(text) {
		fmt.Printf("%d-%d %q\n", x.Start, x.End, text[x.Start:x.End])
	}
	// Output:
	// 0-3 "亲"
	// 6-12 "淘寶"
	// 24-35 "加 微 信"
}

func ExampleCompile_error() {
	_, err := lexicon.Compile([]lexicon.Entry{{Term: "亲", Except: []string{"父母"}}})
	fmt.Println(err)
	// Output:
	// lexicon: entry 0: "亲": exception does not contain the term: "父母"
}

// Public word lists hold terms that fold alike and terms that can never
// match: Compile merges the first, leaves out the second, and says so.
func ExampleMatcher_Skipped() {
	m, _ := lexicon.Compile([]lexicon.Entry{{Term: "兼容并蓄"}, {Term: "┻┼"}, {Term: "兼容幷蓄"}})
	for _, e := range m.Skipped() {
		fmt.Println("skipped:", e)
	}
	fmt.Println("merged:", m.Merged(2))
	fmt.Println(m.FindAll("兼容幷蓄"))
	// Output:
	// skipped: lexicon: entry 1: "┻┼": empty term: only noise characters
	// merged: [0 2]
	// [{0 12 0}]
}

// A pattern catches a family of phrasings: alternatives, optional parts,
// bounded gaps and slots, over folded text with noise skipped.
func ExampleCompile_pattern() {
	m, _ := lexicon.Compile([]lexicon.Entry{
		{Term: "(好评|五星|晒图)<any:6>(返|送|领)<money>", Pattern: true},
		{Term: "加微信"},
	})
	for _, text := range []string{"晒图后找客服领５元", "五星好評送10元红包，加 微 信", "好评率很高，送运费险"} {
		var found []string
		for _, mt := range m.FindAll(text) {
			found = append(found, text[mt.Start:mt.End])
		}
		fmt.Printf("%q\n", found)
	}
	// Output:
	// ["晒图后找客服领５元"]
	// ["五星好評送10元" "加 微 信"]
	// []
}

func ExampleMatcher_AppendAll() {
	m, _ := lexicon.Compile([]lexicon.Entry{{Term: "好评返现"}})
	dst := make([]lexicon.Match, 0, 16) // reused: no allocation per call
	for _, text := range []string{"好-评-返-现哦", "收到请给好评"} {
		dst = m.AppendAll(dst[:0], text)
		fmt.Println(len(dst))
	}
	// Output:
	// 1
	// 0
}

func ExampleOverlapping() {
	entries := []lexicon.Entry{{Term: "拼多多"}, {Term: "多多"}}
	m, _ := lexicon.Compile(entries, lexicon.Overlapping())
	for _, x := range m.FindAll("拼多多") {
		fmt.Println(entries[x.Entry].Term)
	}
	// Output:
	// 拼多多
	// 多多
}

func ExampleWithMaxNoise() {
	m, _ := lexicon.Compile([]lexicon.Entry{{Term: "淘宝"}}, lexicon.WithMaxNoise(1))
	fmt.Println(len(m.FindAll("淘 宝")), len(m.FindAll("淘  宝")))
	// Output: 1 0
}

func ExampleWithSegmenter() {
	seg, _ := lexicon.NewSegmenter(strings.NewReader("亲肤 50\n面料 50\n"))
	m, _ := lexicon.Compile([]lexicon.Entry{{Term: "亲", Word: true}}, lexicon.WithSegmenter(seg))
	fmt.Println(len(m.FindAll("亲肤面料")))
	// Output: 0
}

func ExampleParse() {
	src := `# forbidden forms of address on JD
@defaults category=forbidden_address severity=warning
亲       word except=亲肤,亲水
亲爱的
`
	entries, err := lexicon.Parse("address.txt", strings.NewReader(src))
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		fmt.Println(e.File, e.Line, e.Term, e.Attrs["category"], e.Word, e.Except)
	}
	_, err = lexicon.Parse("abuse.txt", strings.NewReader("没素质\n\"\" severity=minor\n"))
	fmt.Println(err)
	// Output:
	// address.txt 3 亲 forbidden_address true [亲肤 亲水]
	// address.txt 4 亲爱的 forbidden_address false []
	// lexicon: abuse.txt:2: empty term
}

func ExampleFold() {
	fmt.Println(lexicon.Fold("親愛的ＶＩＰ客戶，第⑩名"))
	// Output: 亲爱的vip客户,第10名
}

func ExampleFoldRune() {
	fmt.Printf("%c %c %c\n", lexicon.FoldRune('寶'), lexicon.FoldRune('Ｑ'), lexicon.FoldRune('①'))
	// Output: 宝 q 1
}

func ExampleNormalize() {
	text := "加 微 信：ＡＢ１２３"
	n := lexicon.Normalize(text)
	fmt.Println(n.Text)
	start, end := n.Original(0, len("加微信"))
	fmt.Printf("%q\n", text[start:end])
	// Output:
	// 加微信ab123
	// "加 微 信"
}

func ExampleNormalized_Original() {
	text := "淘 寶"
	n := lexicon.Normalize(text)
	s, e := n.Original(len("淘"), len("淘宝"))
	fmt.Printf("%q\n", text[s:e])
	// Output: "寶"
}

func ExampleCut() {
	text := "亲自去父亲节活动现场"
	for _, w := range lexicon.Cut(text) {
		fmt.Print(text[w.Start:w.End], "/")
	}
	fmt.Println()
	// Output: 亲自/去/父亲节/活动/现场/
}

func ExampleNewSegmenter() {
	seg, err := lexicon.NewSegmenter(strings.NewReader("# word frequency\n客服 100\n话术 80\n"))
	if err != nil {
		panic(err)
	}
	text := "客服話術"
	for _, w := range seg.Cut(text) {
		fmt.Print(text[w.Start:w.End], "/")
	}
	fmt.Println()
	// Output: 客服/話術/
}

func ExampleDefaultSegmenter() {
	seg := lexicon.DefaultSegmenter()
	text := "滚筒洗衣机"
	for _, w := range seg.AppendCut(nil, text) {
		fmt.Print(text[w.Start:w.End], "/")
	}
	fmt.Println()
	// Output: 滚筒/洗衣机/
}

func ExampleMatcher_MemoryUsage() {
	m, _ := lexicon.Compile([]lexicon.Entry{{Term: "淘宝"}, {Term: "天猫"}})
	fmt.Println(m.Len(), m.MemoryUsage() > 0, m.States() >= 5)
	// Output: 2 true true
}

func ExampleNormalizeText() {
	fmt.Println(lexicon.NormalizeText("您好，請 加*微*信！"))
	// Output: 您好请加微信!
}

func ExampleMatcher_FindAll() {
	entries := []lexicon.Entry{{Term: "好评返现"}, {Term: "微信"}}
	m, _ := lexicon.Compile(entries)
	text := "好-评-返-现，加微❤️信"
	for _, x := range m.FindAll(text) {
		fmt.Printf("%s %q\n", entries[x.Entry].Term, text[x.Start:x.End])
	}
	// Output:
	// 好评返现 "好-评-返-现"
	// 微信 "微❤️信"
}
