package compliance_test

import (
	"encoding/json"
	"fmt"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/scripts"
)

func ExampleChecker_Check() {
	p, _ := compliance.ParsePlatform("jd")
	c, _ := compliance.New(compliance.WithPlatform(p))
	rep := c.Check("你再这样没素质的说话，我们拒绝为你服务，谢谢")
	for _, v := range rep.Violations {
		fmt.Println(v.Category, v.Severity, rep.Text[v.Start:v.End])
	}
	fmt.Println(rep.Severity, rep.Penalty.Action)
	// Output:
	// abuse serious 没素质
	// refusal serious 我们拒绝为你服务
	// serious 扣25分
}

func ExampleChecker_Suggest() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	rep := c.Check("亲，天猫超市也能买到")
	for _, s := range c.Suggest(rep) {
		fmt.Println(s.Kind, s.Text)
	}
	// Output:
	// rewrite 您好，其他平台也能买到
	// script 您好，欢迎光临本店，请问有什么可以帮您？
	// script 为了保障您的权益，我们只在平台内沟通和交易，有问题直接在这里留言就好。
}

func ExampleChecker_SuggestWith() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.Taobao))
	rep := c.Check("爱买不买")
	for _, s := range c.SuggestWith(rep, compliance.SuggestOptions{Type: scripts.Aggressive, Max: 2}) {
		fmt.Println(s.ScriptID, s.Text)
	}
	// Output:
	// appease-3 您的意见我都记下了，请您放心，我现在就为您跟进，不会让您白等。
	// limit-1 您好，非常抱歉，由于目前的售后规则，暂时无法按您的要求处理，我们能为您做的是为您优先安排补发或退款，您看可以吗？
}

func ExampleMask() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	rep := c.Check("亲，加 微 信给你便宜点，您的手机号15900001111已登记")
	fmt.Println(compliance.Mask(rep, compliance.MaskOptions{}))
	fmt.Println(compliance.Mask(rep, compliance.MaskOptions{Categories: []compliance.Category{compliance.Privacy}}))
	// Output:
	// *，*****给你便宜点，您的手机号***********已登记
	// 亲，加 微 信给你便宜点，您的手机号***********已登记
}

func ExampleChecker_Suggest_partial() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	rep := c.Check("亲，加 微 信给你便宜点")
	for _, s := range c.SuggestWith(rep, compliance.SuggestOptions{Max: 4}) {
		fmt.Println(s.Kind, s.Text, s.Remaining)
	}
	// Output:
	// script 为了保障您的权益，我们只在平台内沟通和交易，有问题直接在这里留言就好。 []
	// script 付款请通过平台下单完成，平台会全程保障您的资金安全。 []
	// script 您好，欢迎光临本店，请问有什么可以帮您？ []
	// rewrite 您好，加 微 信给你便宜点 [1]
}

func ExampleNew() {
	c, err := compliance.New(
		compliance.WithPlatform(compliance.Taobao),
		compliance.WithLexiconText("shop.txt", "@defaults category=abuse severity=serious\n饭桶\n"),
		compliance.WithAllow("QQ音乐会员"),
		compliance.WithoutCategories(compliance.AdAbsolute),
	)
	if err != nil {
		panic(err)
	}
	for _, text := range []string{"亲，你真是饭桶", "送您QQ音乐会员", "全网最低价"} {
		fmt.Println(len(c.Check(text).Violations))
	}
	_, err = compliance.New(compliance.WithLexiconText("bad.txt", "饭桶 category=rude\n"))
	fmt.Println(err)
	// Output:
	// 1
	// 0
	// 0
	// lexicon: bad.txt:1: unknown code: category "rude" (want abuse, refusal, forbidden_address, competitor, off_platform, ad_absolute, privacy or review_inducement)
}

func ExampleParsePlatform() {
	for _, s := range []string{"jd", " JD", "京东", "tmall", "天猫", "amazon"} {
		p, err := compliance.ParsePlatform(s)
		fmt.Println(p, err)
	}
	// Output:
	// jd <nil>
	// jd <nil>
	// jd <nil>
	// taobao <nil>
	// taobao <nil>
	// Platform(0) compliance: unknown code: platform "amazon" (want generic, jd, taobao, doudian or pdd)
}

func ExampleReport_json() {
	c, _ := compliance.New(compliance.WithPlatform(compliance.JD))
	b, _ := json.Marshal(c.Check("加VX"))
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	v := m["violations"].([]any)[0].(map[string]any)
	fmt.Println(m["platform"], m["severity"], v["category"], v["text"], v["start"], v["end"])
	// Output: jd serious off_platform 加VX 0 5
}

func ExampleNewHolder() {
	h, err := compliance.NewHolder(compliance.WithPlatform(compliance.JD))
	if err != nil {
		panic(err)
	}
	c := h.Checker() // fetch once per message
	fmt.Println(c.Check("亲").Clean(), h.Reload())
	// Output: false <nil>
}

func ExampleDefaultRules() {
	fmt.Println(len(compliance.Categories()), compliance.DefaultRules() != nil)
	// Output: 8 true
}
