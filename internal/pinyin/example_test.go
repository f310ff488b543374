package pinyin_test

import (
	"fmt"

	"github.com/huashu/huashu/internal/pinyin"
)

func ExampleReadings() {
	fmt.Println(pinyin.Readings('长'), pinyin.Readings('行'), pinyin.Readings('绿'))
	fmt.Println(pinyin.Readings('A'), pinyin.Readings('國')) // fold Traditional first
	// Output:
	// [zhang chang] [xing hang heng] [lv lu]
	// [] []
}

func ExampleCommonReadings() {
	fmt.Println(pinyin.Readings('了'), pinyin.CommonReadings('了'))
	// Output: [le liao] [le]
}

func ExampleHomophones() {
	fmt.Println(string(pinyin.Homophones("xin")))
	fmt.Println(pinyin.Homophones("wie"))
	// Output:
	// 心新信寻辛薪欣芯锌馨衅
	// []
}

func ExampleIsSyllable() {
	fmt.Println(pinyin.IsSyllable("wei"), pinyin.IsSyllable("lv"), pinyin.IsSyllable("lü"), pinyin.IsSyllable("weixin"))
	// Output: true true false false
}

func ExampleSplit() {
	fmt.Println(pinyin.Split("weixin"))
	fmt.Println(pinyin.Split("xi'an"))
	fmt.Println(pinyin.Split("vx"))
	// Output:
	// [wei xin] true
	// [xi an] true
	// [] false
}

func ExampleVariants() {
	fmt.Println(pinyin.Variants("微信", 8))
	// Output: [微信 wei信 微xin weixin 威信 微芯 危信 微衅]
}

func ExampleExpander_Expand() {
	// 长 is read zhang by default; 长城 wants chang. Drop 长成 ("grow
	// up"), a word of its own.
	words := map[string]bool{"长成": true}
	e := pinyin.Expander{
		Limit:    6,
		Readings: []string{"chang2", "cheng2"},
		Keep:     func(v string) bool { return !words[v] },
	}
	v, err := e.Expand("长城")
	fmt.Println(v, err)

	_, err = pinyin.Expander{Readings: []string{"chang"}}.Expand("长城")
	fmt.Println(err)
	// Output:
	// [长城 chang城 长cheng changcheng 场城 常城] <nil>
	// pinyin: readings do not fit the term: 1 readings for 2 Han characters in "长城"
}
