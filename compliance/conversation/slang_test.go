package conversation

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
)

// Each family of disguised insults (rules/slang.txt) against its hard
// negatives: the same letters or words with another meaning or target.
func TestSlangFamilies(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	families := []struct {
		name  string
		abuse []string
		no    []string
	}{
		{"abbreviations and pinyin initials",
			[]string{"sb", "SB", "nt", "zz", "nc", "2b", "wdnmd", "rnm", "cnm", "nmsl", "tmd", "mlgb", "nmd", "sb客服", "客服nt吧",
				"你是不是sb", "你个zz", "客服zz", "zz客服", "真是个2b", "你们是nt吗", "lj客服", "说了多少遍了，zz",
				"cnmb", "mmp", "qnmd", "rnmtq", "你个fw"},
			[]string{"SN码是多少", "价格是NT$300吗", "NC机床的配件有吗", "NC1000的配件", "zzz困死了", "zz要多久发货", "2B铅笔有货吗",
				"铅笔要哪种，2b", "发的是NT版本吗", "md文件打不开", "nc什么意思", "固件fw版本是多少"}},
		{"homophones and disguised spellings",
			[]string{"煞笔", "沙比", "傻B", "傻*逼", "脑 残", "智zhang", "客服沙比", "你们都是脑残", "辣鸡客服", "辣鸡", "骗纸", "憨批", "狗比", "贱人", "妈的智障", "真是个沙雕，退货地址都写错"},
			[]string{"沙雕玩偶有货吗", "垃圾袋有加厚的吗", "我真是脑残才买错"}},
		{"emoji aimed at the agent",
			[]string{"🖕", "🖕🖕🖕", "🖕🏻", "🤡", "💩💩", "客服🐷", "🐶客服", "你🐶", "🤡🤡🤡", "🤮", "🤬🤬🤬"},
			[]string{"🖕这个手势的贴纸有吗", "我家狗子超爱吃🐶", "狗粮🐶到了，谢谢", "🐶粮收到了", "🐷年限定款有吗", "吃了一口🤮", "快递员🤬"}},
		{"curses in a message to the agent",
			[]string{"tmd什么时候发货", "我tmd等了三天", "mlgb，退款呢", "他妈的还不退款", "md智障"},
			[]string{"tmd快递又没动", "妈的，快递又晚了", "那个快递员他妈的把箱子扔了"}},
		{"curse echoes and retorts",
			[]string{"理解个锤子", "锤子客服", "抱歉个屁", "道歉有个屁用", "放屁", "你放屁", "扯淡", "扯淡！什么破理由", "扯淡吧你", "都是狗屁",
				"滚", "滚！", "滚吧", "滚犊子", "去死", "你去死吧", "你大爷", "爬", "你给我滚", "给老子滚", "滚，别来烦我", "滚滚滚，不卖了", "滚出去", "闭嘴吧你", "你算老几", "你算个屁"},
			[]string{"滚筒洗衣机有吗", "滚轮坏了", "放屁垫有货吗", "这个锤子多少钱", "锤子手机有吗", "扯淡的事我不干", "说明书写得真扯淡",
				"爬山包有吗", "我滚回去睡了", "宝宝会爬了", "我去死吧，买这么贵", "去死皮膏有吗", "宝宝放屁多正常吗", "我爬起来看了一下", "我闭嘴了，你们看着办"}},
		{"plain insults and the shop's name",
			[]string{"垃圾客服", "骗子店", "黑店", "狗商家", "废物", "废物东西", "一群废物", "你们是黑店吧", "恶心的客服", "你们真恶心", "傻逼商家", "客服小哥是个骗子", "小哥哥你就是个sb", "龟孙", "蠢驴", "死全家", "狗屎客服", "你们就这服务？垃圾", "老子不买了 垃圾"},
			[]string{"你们这服务太差了", "你们这服务太差了，我很失望", "什么破物流", "东西太垃圾了", "质量真垃圾", "狗粮商家发货了吗",
				"废物利用的收纳盒有吗", "白痴级操作也能学会吗", "低能耗的款有吗", "适合智障人士用吗", "脑瘫患者能用吗", "帮他妈妈买的",
				"宠物狗小店的链接", "我手都麻痹了", "二百五一件吗", "坑爹", "危险废物要单独处理", "沙比利木的柜子"}},
		{"a third party, a quotation, hearsay, a denial",
			nil,
			[]string{"快递员跟个神经病一样", "那个送货的傻X把箱子扔门口", "隔壁店就是骗子", "隔壁店真是黑店", "那家店就是黑店", "隔壁卖家真是垃圾",
				"楼下那个sb又在装修", "外卖小哥是个傻逼", "驿站老板是个傻逼", "客服你好，快递员把我东西弄丢了 废物", "我老公骂我是猪，买这么多", "快递小哥说我是傻逼", "快递员骂我sb", "快递员nt吧，放错柜了",
				"我朋友说你们是骗子，我不信", "别人说你们是黑店，真的吗", "网上都说你们是骗子？", "快递员说：你们是黑店",
				"听说你们是骗子，真的吗", "我以为你们是骗子，原来不是", "我没说你们是骗子", "不是说你们垃圾", "评价里说你们是骗子？",
				"另一家店的客服跟个傻子似的", "我之前在别家买的，那家就是黑店", "抖音上那个主播就是个骗子", "之前被骗子骗过，所以问清楚点",
				"上次买的那家骗子店把我坑惨了，所以来你们家", "这个颜色好傻啊", "这设计太蠢了", "💩造型的抱枕还有吗", "现在骗子太多了，你们是官方的吗"}},
		{"the buyer's own words: a report of one's own is one's own",
			[]string{"我说你们就是骗子", "你们就是骗子，网上说的没错", "你们以为我好骗是吧 骗子", "快递员说了半天。你们就是骗子"},
			nil},
	}
	// Each message answers a polite reply, whose words an echo turns
	// (理解个锤子, 抱歉个屁).
	says := func(give string) bool {
		s := NewSession(c)
		s.Add(agent(0, "非常抱歉，请您理解，我们会尽快处理"))
		return s.readBuyer(give).abuse
	}
	for _, f := range families {
		for _, give := range f.abuse {
			require.True(t, says(give), "%s: %s", f.name, give)
		}
		for _, give := range f.no {
			require.False(t, says(give), "%s: %s", f.name, give)
		}
	}
}

// A noun of abuse standing alone after a break (a space or a comma) calls
// the addressee, even when the clause before it is the buyer's (我今天就要用 脑残);
// an adjective said of oneself (我下错单了 真笨, 我真是蠢) and an insult right
// after the buyer owns a lapse (我拍错了，脑残) stay the buyer's.
func TestVocativeAfterABreak(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"我今天就要用 脑残", true},
		{"我今天就要用，脑残", true},
		{"我说了多少遍了 傻逼", true},
		{"我要退款 垃圾", true},
		{"我等了三天了，废物", true},
		{"我都说了地址了 sb", true},
		{"我说了三遍了，nt", true},
		{"我填的地址你看不见吗 白痴！", true},
		{"我下错单了 真笨", false},
		{"我真是蠢", false},
		{"我真笨，下错单了", false},
		{"我太笨了 又下错", false},
		{"我拍错了，脑残", false},
		{"我又下错单了 傻逼", false},
		{"怪我自己，白痴", false},
		{"我是脑残，拍错了颜色", false},
		{"我是个傻子，买错了", false},
		{"我要 2b", false},       // a digit: a pencil, not a slur
		{"我说了三遍了 nt版本", false}, // not alone in its clause
	} {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).abuse, tt.give)
	}
}

// The blacklist count takes every family: after a polite reminder, five
// messages in disguised forms are not enough, six are; the same chain on
// Taobao gives buyer_abuse but never blacklist_eligible.
func TestBlacklistCountsDisguisedAbuse(t *testing.T) {
	msgs := []string{"sb", "我今天就要用 脑残", "🖕", "理解个锤子", "客服nt吧", "滚", "煞笔", "tmd什么时候退款", "扯淡", "🤡🤡"}
	// Messages between them that are no abuse must not count.
	calm := []string{"快递员跟个神经病一样", "我真是脑残才买错", "你们这服务太差了", "隔壁店就是骗子"}
	chain := func(p compliance.Platform, n int) Report {
		c := mustNew(t, compliance.WithPlatform(p))
		turns := []Turn{buyer(0, "垃圾客服"), agent(5, "亲，请您文明沟通，我们一定帮您处理好")}
		for i := range n {
			turns = append(turns, buyer(8+2*i, msgs[i%len(msgs)]))
			if i < len(calm) {
				turns = append(turns, buyer(9+2*i, calm[i]))
			}
		}
		return Audit(c, turns)
	}
	for start := range msgs {
		msgs = append(msgs[1:], msgs[0]) // every family in every position
		_ = start
		require.Nil(t, findingOf(chain(compliance.JD, 5), BlacklistEligible), msgs)
		cr := chain(compliance.JD, 6)
		bl := findingOf(cr, BlacklistEligible)
		require.NotNil(t, bl, "%v %v", msgs, cr.Findings)
		require.Len(t, bl.Turns, 7, "the reminder and six messages, each once")
		require.Equal(t, 1, bl.Turns[0])
		require.Nil(t, findingOf(chain(compliance.Taobao, 10), BlacklistEligible))
		require.Equal(t, 11, countKind(chain(compliance.Taobao, 10), BuyerAbuse))
	}
}
