package compliance

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/lexicon"
)

// found lists the violations of categories in rep as "category:text".
func found(rep Report, categories ...Category) []string {
	out := []string{}
	for _, v := range rep.Violations {
		for _, c := range categories {
			if v.Category == c {
				out = append(out, v.Category.String()+":"+v.Text)
			}
		}
	}
	return out
}

func TestAddressDetector(t *testing.T) {
	c := mustNew(t, WithPlatform(Taobao))
	for _, tt := range []struct {
		give string
		want []string // privacy findings
	}{
		// The buyer's or a third party's address, in full.
		{"您的邻居王女士也买了同款，她家住北京市朝阳区望京西园三区312号楼2单元801，您可以去看看", []string{"privacy:您的邻居王女士也买了同款", "privacy:北京市朝阳区望京西园三区312号楼2单元801"}},
		{"刚才那位顾客的地址是上海市浦东新区张杨路500号，您可以直接过去拿", []string{"privacy:上海市浦东新区张杨路500号"}},
		{"那个差评的住址是成都市武侯区桐梓林北路某小区8栋2单元，记下了", []string{"privacy:成都市武侯区桐梓林北路某小区8栋2单元"}},
		{"你住在仁寿县文林镇新建村三组12号是吧", []string{"privacy:仁寿县文林镇新建村三组12号"}},
		{"他家是四川省眉山市仁寿县文林镇新建村三组", []string{"privacy:四川省眉山市仁寿县文林镇新建村三组"}},
		{"我们分三组发货", []string{}},
		{"您的收货地址：广东广州市天河区体育西路101号 核对一下", []string{"privacy:广东广州市天河区体育西路101号"}},
		{"寄到您家：浙江省杭州市西湖区文三路 478 号 华星时代广场A座1201室", []string{"privacy:浙江省杭州市西湖区文三路 478 号 华星时代广场A座1201室"}},
		{"您家是幸福路12号3栋吧", []string{"privacy:幸福路12号3栋"}},
		{"您的收货地址是湖北省武汉市洪山区珞喻路1037号华中科技大学东九楼，对吗", []string{"privacy:湖北省武汉市洪山区珞喻路1037号华中科技大学东九楼"}},
		{"收貨地址：臺灣省臺北市大安區復興南路一段390號", []string{"privacy:臺灣省臺北市大安區復興南路一段390號"}},
		{"新疆维吾尔自治区乌鲁木齐市天山区解放北路12号是您的地址吗", []string{"privacy:新疆维吾尔自治区乌鲁木齐市天山区解放北路12号"}},
		{"您的地址浙江省杭州市西湖区文三路12号发货前会再核对", []string{"privacy:浙江省杭州市西湖区文三路12号"}},
		// The shop's own address stays allowed.
		{"退货请寄到：江苏省苏州市吴中区木渎镇金枫南路1258号 售后仓", []string{}},
		{"我们的退货地址：广东省广州市白云区石井街道庆丰村工业园3栋 售后部", []string{}},
		{"寄回地址：浙江省义乌市北苑街道春晗路17号 小周", []string{}},
		{"售后地址是北京市大兴区亦庄经济开发区科创十三街18号院", []string{}},
		{"我们仓库在广东省东莞市长安镇振安路88号，当天发货", []string{}},
		{"您寄回的地址是：上海市青浦区华新镇华腾路1288号3号楼", []string{}},
		{"杭州市余杭区仓前街道文一西路969号3号仓发货", []string{}},
		// Not addresses: too little structure.
		{"这个地址是北京东路还是北京西路呀？麻烦您核实一下", []string{}},
		{"我们可以送到南京东路123号附近的快递点", []string{}},
		{"发货地：广东，一般两天到", []string{}},
		{"朝阳区的订单明天到", []string{}},
		{"3号楼2单元的快递柜", []string{}},
		{"12月3号发货，5号前到", []string{}},
		{"请在订单页核对收货地址", []string{}},
		{"上海市的仓库今天休息", []string{}},
		{"快递是从北京东站附近的仓库发出的", []string{}},
		{"天猫超市3号仓已出库", []string{}},
		{"我们厂在河北省保定市白沟新城和道国际箱包城3期8栋", []string{}},
		{"上海市徐汇区漕溪北路88号是我们门店", []string{}},
		{"配送到金水区花园路12号附近的驿站", []string{}},
		{"我们下周一在上海市国家会展中心3号馆参展", []string{}},
		{"北京市海淀区地铁10号线西土城站", []string{}},
		{"上海市浦东新区11月11号开业", []string{}},
		{"第1单元的内容和第2单元不一样", []string{}},
		// 弄, 区 and 期 after a number are parts of an address.
		{"您家是不是在上海市浦东新区张江路100弄8号502室呀", []string{"privacy:上海市浦东新区张江路100弄8号502室"}},
		{"您的地址是杭州市拱墅区和睦新村二区5幢301室吗", []string{"privacy:杭州市拱墅区和睦新村二区5幢301室"}},
		{"收货地址：南京市江宁区翠屏城二期12栋1单元602", []string{"privacy:南京市江宁区翠屏城二期12栋1单元602"}},
	} {
		rep := c.Check(tt.give)
		require.Equal(t, tt.want, found(rep, Privacy), "%q", tt.give)
	}
}

func TestAddressRewriteKeepsProvinceAndCity(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	for give, want := range map[string]string{
		"她家住北京市朝阳区望京西园三区312号楼2单元801": "北京市****",
		"他的地址是广东省广州市天河区体育西路101号":     "广东省广州市****",
		"你住在仁寿县文林镇新建村三组12号":          "****",
	} {
		rep := c.Check(give)
		var rewrite string
		for _, v := range rep.Violations {
			if v.Category == Privacy {
				rewrite = v.Rewrite
			}
		}
		require.Equal(t, want, rewrite, "%q", give)
		require.Empty(t, found(c.Check(rewrite), Privacy), "the rewrite %q passes", rewrite)
	}
}

func TestHandleDetector(t *testing.T) {
	c := mustNew(t)
	for _, tt := range []struct {
		give string
		want []string // off_platform and privacy findings
	}{
		{"您加一下我们售后V：jdfw2024，处理更快", []string{"off_platform:V：jdfw2024"}},
		{"ｗｘ：abc_123", []string{"off_platform:ｗｘ：abc_123"}},
		{"有问题可以搜我们 ＷＥＩＸＩＮ：hzjd_2023", []string{"off_platform:ＷＥＩＸＩＮ：hzjd_2023"}},
		{"add一下我的WeChat：lily_jd88", []string{"off_platform:WeChat：lily_jd88"}},
		{"W X：sd-88990", []string{"off_platform:W X：sd-88990"}},
		{"加🛰️：jd_kefu007，售后问题直接找我", []string{"off_platform:加🛰️：jd_kefu007"}},
		{"加威❤：xiaomei_0808 退款秒到", []string{"off_platform:加威❤：xiaomei_0808"}},
		{"加我威芯：zhang_shop88", []string{"off_platform:加我威芯：zhang_shop88"}},
		{"加我 lily_88 发你图", []string{"off_platform:加我 lily_88"}},
		{"QQ：12345678", []string{"off_platform:QQ：12345678"}},
		{"企鹅 88776655 找我", []string{"off_platform:企鹅 88776655"}},
		{"加 球球 7788 6655 有内部价", []string{"off_platform:球球 7788 6655"}},
		{"加扣：叁捌柒陆伍肆贰壹零，发你高清图", []string{"off_platform:加扣：叁捌柒陆伍肆贰壹零"}},
		{"发票问题发邮箱 service@hz-shop.com", []string{"off_platform:service@hz-shop.com"}},
		{"售后邮件 kefu.01@163.com 联系", []string{"off_platform:kefu.01@163.com"}},
		// The buyer's own: privacy, masked.
		{"您的微信号是lily_jd88吗", []string{"privacy:lily_jd88"}},
		{"您的邮箱 zhangsan@qq.com 已绑定", []string{"privacy:zhangsan@qq.com"}},
		// Hard negatives.
		{"这款空调型号是KFR-35GW/WX-3020，新一级能效", []string{}},
		{"这款剃须刀型号是WX-8860，充电一小时", []string{}},
		{"加湿器型号：JSQ-2023A", []string{}},
		{"满减再加10000积分", []string{}},
		{"充电宝 5V 20000mAh", []string{}},
		{"加购后下单 12345件起批", []string{}},
		{"支持微信支付", []string{}},
		{"版本 v2.3.1 已更新", []string{}},
		{"TV 12345 型号", []string{}},
		{"发邮件到我们邮箱也可以", []string{}},
		{"a@b 不是邮箱", []string{}},
		{"价格再加 10000 就能升级", []string{}},
		{"满减 +1 12345 积分", []string{}},
		{"加购：sku12345", []string{}},
		{"加我 12345678 私聊", []string{"off_platform:加我 12345678"}},
	} {
		rep := c.Check(tt.give)
		require.Equal(t, tt.want, found(rep, OffPlatform, Privacy), "%q", tt.give)
	}
	rep := c.Check("您的邮箱 zhangsan@qq.com 已绑定")
	require.Equal(t, "zh****an@qq.com", rep.Violations[0].Rewrite)
}

func TestIdentifiersAreNotPhones(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	for _, give := range []string{
		"这台扫地机的序列号是SN13912345678，保修登记的时候会用到",
		"机身编号格式类似CN2024A13812345678",
		"京东快递单号：JDX013912345678",
		"快递单号是YT7513912345678，圆通快递",
		"快递单号是SF1391234567890，顺丰包邮",
		"快递单号 SF1234567890123",
		"单号：13912345678",
		"运单号为 13912345678，请查收",
		"订单号是13812345678",
		"IMEI 13912345678",
		"型号13800138000A",
		"条码 13912345678",
		"13912345678ab 是激活码",
		"SN-13912345678",
		"价格13800元，2026-11-22 下单",
		"您的订单号是313912345678，已经打包完成",
	} {
		require.Empty(t, found(c.Check(give), OffPlatform, Privacy), "%q", give)
	}
	for give, want := range map[string]string{
		"vx13812345678":        "off_platform:13812345678",
		"tel-13812345678":      "off_platform:13812345678",
		"电话：13812345678":       "off_platform:13812345678",
		"订单号123，电话13812345678": "off_platform:13812345678",
	} {
		require.Contains(t, found(c.Check(give), OffPlatform, Privacy), want, "%q", give)
	}
}

func TestLookAlikeDigits(t *testing.T) {
	c := mustNew(t)
	for give, want := range map[string][]string{
		"打这个 l58OO123456 找我": {"off_platform:l58OO123456"},
		"电话 l38OOl23456":     {"off_platform:l38OOl23456"},
		"13９I234567O":        {"off_platform:13９I234567O"},
		"您的号码 I39OO001111":   {"privacy:I39OO001111"},
		"I39OOOO1111":        {}, // five look-alikes: a word, not a number
		"hello 13812345678":  {"off_platform:13812345678"},
		"lOl":                {},
		"I love 2024":        {},
		"Hello1380013800":    {},
		"OOOOOOOOOOO":        {},
		"l0l0l0l0l0l":        {}, // more letters than a phone has
		"型号 lO2345678O1":     {},
		// S and B for 5 and 8, only capitals and only inside a number.
		"电话是l77 665S 4433": {"off_platform:l77 665S 4433"},
		"ABS 13B":          {},
		"Size S 138":       {},
		// Look-alikes in an ID number, only after 身份证.
		"您的身份证是 4401O6l99O12O3OO2X": {"privacy:4401O6l99O12O3OO2X"},
		"批次 4401O6l99O12O3OO2X":     {},
	} {
		require.Equal(t, want, found(c.Check(give), OffPlatform, Privacy), "%q", give)
	}
}

func TestContactAttribution(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	for give, want := range map[string]string{
		// The buyer's or a third party's number: privacy.
		"刚查了，您这单是您同事张磊帮忙下的吧，他手机号是13611112345":   "privacy",
		"上一位买家的电话 1 5 8 0 0 0 0 1 2 3 4 也是这个地址": "privacy",
		"收件人手机一三八零零一三八零零零，地址没错的话我就发了":           "privacy",
		"您预留的号码13800138000打不通":                  "privacy",
		// The agent's or the shop's own: off_platform.
		"这事打电话说吧，我号码187 1234 5678":                   "off_platform",
		"您可以打我的电话13800138000":                        "off_platform",
		"您有问题就联系我们13800138000":                       "off_platform",
		"退货请寄到：江苏省苏州市吴中区金枫南路1258号 王先生 0512-66881234": "off_platform",
		"售后热线400-820-8820":                           "off_platform",
		"其他的问题请拨打13800138000":                        "off_platform",
		"客户服务热线13800138000":                          "off_platform",
		"这是客户的电话13800138000":                         "privacy",
		"她的手机是13800138000":                           "privacy",
		// A number being changed, or a person's called by a title, is theirs;
		// any agent word before it keeps it the agent's.
		"已为您把手机号改成13900001111了":    "privacy",
		"客户王先生，手机13800138000":      "privacy",
		"李女士的电话是15011112222":       "privacy",
		"我的号码换成13812345678了，以后打这个": "off_platform",
		"客服电话更新为13812345678":       "off_platform",
		// A number switched off or not answered is someone else's; a
		// numeral after the digits starts a word (一直), not the number.
		"13812345678一直没人接":      "privacy",
		"快递员说13812345678这个号打不通": "privacy",
		"刚打您13812345678没人接":     "privacy",
		"有事加13812345678一起聊聊":    "off_platform",
		// Look-alike letters after a separator, S and B, a mark between
		// spaces.
		"您这单收件电话是l77 665S 4433，快递说打不通":         "privacy",
		"收件人黄磊 电话 I38 I2345 678":               "privacy",
		"你的手机號 13 9 - 12 34 - 56 78 我们备注给快递了哈": "privacy",
		// A person named further back, or the buyer's address in the
		// same sentence; an agent or shop word keeps it off_platform.
		"上一单下单的那个用户也叫周杰，电话137-2233-4455":               "privacy",
		"收件人：孙丽 手机：150****不对是15012345566，请确认":          "privacy",
		"这里是你订的货的信息：李梅梅 13866778899 安徽省合肥市蜀山区长江西路200号": "privacy",
		// A card: the buyer's is privacy, the agent's own a payment off the platform.
		"退款已退到您的银行卡 6222 0212 3456 7890 123":                         "privacy",
		"你直接把钱打到我的农行卡 6228 4800 1234 5678 912 上":                     "off_platform",
		"您的快递到了，有问题联系13812345678":                                    "off_platform",
		"您的地址是北京市朝阳区建国路88号，我们客服13812345678会联系您":                      "off_platform",
		"退货请寄到：广东省佛山市顺德区北滘镇工业大道88号 XX电器售后仓，收件人 售后部，电话 0757-22223333": "off_platform",
	} {
		rep := c.Check(give)
		var got []string
		for _, v := range rep.Violations {
			if v.Source == "detector" && v.Term != "postal address" {
				got = append(got, v.Category.String())
			}
		}
		require.Equal(t, []string{want}, got, "%q", give)
	}
	rep := c.Check("售后热线400-820-8820")
	require.Equal(t, Warning, rep.Violations[0].Severity, "a public hotline is the mildest off_platform")
	rep = c.Check("退货请寄到：江苏省苏州市吴中区金枫南路1258号 王先生 0512-66881234")
	require.Equal(t, Warning, rep.Violations[0].Severity, "a return contact is the mildest off_platform")
	rep = c.Check("有事打我电话0512-66881234")
	require.Equal(t, Serious, rep.Violations[0].Severity)
}

// TestDetectorsLinear counts the detectors' steps on adversarial text of
// growing size: the count must grow with the text, not faster.
func TestDetectorsLinear(t *testing.T) {
	c := mustNew(t, WithoutDefaults())
	units := []string{
		"1", "1 ", "a1", "l", "lO", "SN1", "13812345678", "abc13812345678", "号", "1号", "路1号",
		"北京市朝阳区", "北京", "北京北京", "街道镇乡村", "三", "三组", "一二三四五六七八九", "a", "_", "-", ".",
		"a@b.", "微信", "加我", "v：", "WX-20", "省市区县", "幸福路12号3栋201", "市", "号楼", "l3",
	}
	steps := func(text string) int {
		n := 0
		detectorSteps = &n
		defer func() { detectorSteps = nil }()
		c.Check(text)
		return n
	}
	for _, u := range units {
		small, big := strings.Repeat(u, 500), strings.Repeat(u, 4000)
		s, b := steps(small), steps(big)
		require.LessOrEqual(t, b, 9*max(s, 1), "%q: %d steps for %d bytes, %d for %d", u, s, len(small), b, len(big))
		require.LessOrEqual(t, b, 40*len(big), "%q: %d steps for %d bytes", u, b, len(big))
	}
}

// FuzzDetectors checks the detectors' findings on any text: spans on rune
// boundaries inside the text, in order, and rewrites that pass Check.
func FuzzDetectors(f *testing.F) {
	for _, s := range []string{
		"她家住北京市朝阳区望京西园三区312号楼2单元801", "退货请寄到：江苏省苏州市吴中区金枫南路1258号 售后仓",
		"V：jdfw2024", "加威❤：xiaomei_0808", "加扣：叁捌柒陆伍肆贰壹零", "您的邮箱 zhangsan@qq.com",
		"SN13912345678", "打这个 l58OO123456 找我", "KFR-35GW/WX-3020", "收货人：王五 13800138000",
		"文三路 478 号 华星时代广场A座1201室", "号号号1号", "a@b.c", "\xe5\x8f", "l|IOo",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		boundary := map[int]bool{len(text): true} // where Go's decoding puts rune starts
		for i := range text {
			boundary[i] = true
		}
		found := c.detect(text, nil)
		for _, v := range found {
			if v.Start < 0 || v.Start >= v.End || v.End > len(text) || !boundary[v.Start] || !boundary[v.End] {
				t.Fatalf("bad span %+v in %q", v, text)
			}
			if v.Rewrite != "" && !utf8.ValidString(v.Rewrite) && utf8.ValidString(text[v.Start:v.End]) {
				t.Fatalf("bad rewrite %q of %q", v.Rewrite, text[v.Start:v.End])
			}
		}
	})
}

// TestFoldedDigitBlocks checks foldsToDigit against the fold table: every
// rune that folds to an ASCII digit lies in one of its blocks.
func TestFoldedDigitBlocks(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if f := lexicon.FoldRune(r); '0' <= f && f <= '9' {
			require.True(t, foldsToDigit(r), "%U folds to %c", r, f)
		}
	}
}

func ExampleChecker_Check_address() {
	c, _ := New(WithPlatform(JD))
	for _, text := range []string{
		"您的邻居也买了，她家住北京市朝阳区望京西园三区312号楼2单元801",
		"退货请寄到：江苏省苏州市吴中区木渎镇金枫南路1258号 售后仓",
	} {
		rep := c.Check(text)
		for _, v := range rep.Violations {
			fmt.Println(v.Category, v.Text, "→", v.Rewrite)
		}
		if rep.Clean() {
			fmt.Println("clean")
		}
	}
	// Output:
	// privacy 您的邻居也买了 → 其他顾客的购买信息我们不便透露
	// privacy 北京市朝阳区望京西园三区312号楼2单元801 → 北京市****
	// clean
}

// TestDetectorsGenerated puts generated identifiers, prices, dates, shop
// addresses, buyer addresses, phones and handles into reply templates: the
// first group must never be flagged as privacy or off_platform, the second
// always. The seed is fixed; failures print the reply.
func TestDetectorsGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2026))
	c := mustNew(t, WithPlatform(JD))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	mobile := func() string { return "1" + pick("3", "5", "7", "8", "9") + digits(9) }
	address := func() string {
		return pick("广东省广州市", "浙江省杭州市", "上海市", "北京市", "四川省成都市", "江苏省南京市", "湖北省武汉市") +
			pick("天河区", "西湖区", "浦东新区", "朝阳区", "武侯区", "鼓楼区", "洪山区") +
			pick("体育西路", "文三路", "张杨路", "建国路", "人民南路", "中山北路", "珞喻路") + fmt.Sprint(1+rng.IntN(2000)) + "号" +
			pick("", "3栋2单元501室", "华星大厦1201室", "阳光花园8幢", "")
	}
	negatives := []func() string{
		func() string { return "您的订单号是" + mobile() + digits(rng.IntN(8)) + "，已发货" },
		func() string {
			return pick("快递单号：", "运单号 ", "物流单号是") + pick("SF", "YT", "JDX0", "ZTO", "JT", "YD", "") + mobile()
		},
		func() string {
			return pick("序列号", "SN码", "机身号：", "IMEI：", "编号") + pick("SN", "CN2024A", "") + mobile()
		},
		func() string {
			return "型号" + pick("KFR-35GW/", "") + pick("WX", "VX", "QQ") + "-" + digits(2+rng.IntN(3)) + "，现货"
		},
		func() string {
			return "价格" + digits(3) + "元，" + pick("满", "减", "加") + digits(5) + pick("积分", "元", "件")
		},
		func() string {
			return fmt.Sprintf("%d年%d月%d号下单，%d号发货", 2020+rng.IntN(7), 1+rng.IntN(12), 1+rng.IntN(28), 1+rng.IntN(28))
		},
		func() string {
			return pick("退货请寄到：", "退货地址：", "寄回地址：", "售后地址是", "我们仓库在", "我们的退货地址：") + address() + pick(" 售后仓", " 售后部", "", "，寄回请备注订单号")
		},
		func() string {
			return "送到" + pick("南京东路", "北京西路", "中山路", "人民路") + fmt.Sprint(1+rng.IntN(500)) + "号附近的驿站"
		},
		func() string {
			return "发货地：" + pick("广东", "浙江", "上海", "江苏") + "，" + pick("一般两天到", "当天发")
		},
	}
	positives := []struct {
		cat Category
		gen func() string
	}{
		{Privacy, func() string {
			return pick("您的手机号", "收货人电话", "买家的电话是", "他手机号是") + mobile() + "，请核对"
		}},
		{Privacy, func() string {
			return pick("您的收货地址是", "她家住", "那位顾客的地址是", "寄到您家：") + address() + "，对吗"
		}},
		{OffPlatform, func() string {
			return pick("加我微信：", "vx：", "V：", "加我 ", "QQ：") + pick("lily_", "shop", "kf") + digits(4)
		}},
		{OffPlatform, func() string { return pick("打我电话", "联系我", "我的手机") + mobile() }},
	}
	for range 300 {
		for _, gen := range negatives {
			text := gen()
			require.Empty(t, found(c.Check(text), Privacy, OffPlatform), "%q", text)
		}
		for _, p := range positives {
			text := p.gen()
			require.NotEmpty(t, found(c.Check(text), p.cat), "%q", text)
		}
	}
}
