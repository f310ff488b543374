package scripts_test

import (
	"fmt"

	"github.com/huashu/huashu/scripts"
)

func ExampleDefault() {
	pb := scripts.Default()
	for _, s := range pb.Find(scripts.Query{Scenario: scripts.Escalate, Type: scripts.Aggressive, Platform: scripts.JD})[:2] {
		fmt.Println(s.ID)
	}
	// Output:
	// escalate-3
	// escalate-1
}

func ExampleScript_Render() {
	s, _ := scripts.Default().Get("limit-1")
	text, _ := s.Render(map[string]string{"reason": "物流停运", "solution": "先为您办理退款"})
	fmt.Println(text)
	// Output: 您好，非常抱歉，由于物流停运，暂时无法按您的要求处理，我们能为您做的是先为您办理退款，您看可以吗？
}

func ExampleToTraditional() {
	fmt.Println(scripts.ToTraditional("感谢您的耐心和理解"))
	// Output: 感謝您的耐心和理解
}

func ExampleVariant_Convert() {
	text := "我在这里全程跟进，有问题随时联系我"
	for _, v := range []scripts.Variant{scripts.Traditional, scripts.Taiwan, scripts.HongKong} {
		fmt.Println(v, v.Convert(text))
	}
	// Output:
	// zh-Hant 我在這裏全程跟進，有問題隨時聯繫我
	// zh-TW 我在這裡全程跟進，有問題隨時聯絡我
	// zh-HK 我在這裏全程跟進，有問題隨時聯繫我
}

func ExampleParseVariant() {
	v, err := scripts.ParseVariant("zh-Hant-TW")
	fmt.Println(v, err)
	// Output: zh-TW <nil>
}

func ExampleNew() {
	pb, err := scripts.New([]scripts.Script{{ID: "mine-1", Scenario: scripts.Closing, Text: "感谢光临，{minutes}分钟后为您发货。"}})
	if err != nil {
		panic(err)
	}
	s, _ := pb.Get("mine-1")
	fmt.Println(s.Slots())
	// Output: [minutes]
}

func ExampleParsePlatform() {
	for _, s := range []string{"JD", "天猫", " tmall ", "amazon"} {
		p, err := scripts.ParsePlatform(s)
		fmt.Println(p, err)
	}
	// Output:
	// jd <nil>
	// taobao <nil>
	// taobao <nil>
	// Platform(0) scripts: unknown code: platform "amazon" (want generic, jd, taobao, doudian or pdd)
}

func ExampleParseCustomerType() {
	for _, s := range []string{"激进型", "静俏型", "Habitual", "any"} {
		t, err := scripts.ParseCustomerType(s)
		fmt.Println(t, err)
	}
	// Output:
	// aggressive <nil>
	// quiet <nil>
	// habitual <nil>
	// any <nil>
}

func ExampleNew_platforms() {
	_, err := scripts.New([]scripts.Script{
		{ID: "mine-1", Scenario: scripts.Greet, Platforms: []scripts.Platform{scripts.JD, 9}, Text: "您好"},
	})
	fmt.Println(err)
	// Output: scripts: mine-1: invalid platform 9
}
