package compliance

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/lexicon"
	"github.com/huashu/huashu/scripts"
)

func mustNew(t testing.TB, opts ...Option) *Checker {
	t.Helper()
	c, err := New(opts...)
	require.NoError(t, err)
	return c
}

func cats(rep Report) []string {
	out := []string{}
	for _, v := range rep.Violations {
		out = append(out, v.Category.String()+":"+v.Text)
	}
	return out
}

// Real agents write these; none is a violation on any platform.
func TestPrecisionOnRealText(t *testing.T) {
	clean := []string{
		"我亲自帮您查一下", "父亲节活动今天开始", "这款亲子装卖得很好", "亲肤面料，穿着舒服",
		"我们会第一时间处理", "第一次洗会有点掉色", "最近订单比较多", "最后一件了", "最多可以买两件",
		"最晚周五发货", "最快明天到", "您最好先拍照留存", "支持微信支付", "滚筒洗衣机已经发货",
		"傻瓜相机操作很简单", "垃圾袋是赠品", "有病毒的文件请不要打开", "赠送QQ音乐会员一个月",
		"您的订单号是202311220001，请查收", "订单号 4123456789012345678 已退款", "快递单号：SF1234567890123",
		"价格是199元，满299减30", "2026-11-22 下单的商品", "这款洗衣机容量10公斤", "宝宝们，直播间福利多多",
		"下午三点前下单当天发", "一二三件都可以", "请在订单页核对收货地址", "亲戚朋友都说好",
	}
	for _, p := range scripts.Platforms() {
		c := mustNew(t, WithPlatform(p))
		for _, text := range clean {
			require.Empty(t, cats(c.Check(text)), "%s: %q", p, text)
		}
	}
	own := map[Platform][]string{
		JD:      {"京东自营，京东快递配送", "您可以在京东APP里联系我们", "咚咚消息已收到"},
		Taobao:  {"亲，这是淘宝官方活动价哦", "天猫超市满88包邮", "请在千牛里留言"},
		Doudian: {"抖音支付可以用哦", "抖店后台已经发货"},
		PDD:     {"拼多多百亿补贴商品", "拼单成功后马上发货"},
	}
	for p, texts := range own {
		c := mustNew(t, WithPlatform(p))
		for _, text := range texts {
			require.Empty(t, cats(c.Check(text)), "%s: %q", p, text)
		}
	}
}

// testdata/clean_replies.txt: service replies whose rule terms sit inside
// harmless words or phrases. None may be flagged on any platform.
func TestPrecisionOnServiceReplies(t *testing.T) {
	raw, err := os.ReadFile("testdata/clean_replies.txt")
	require.NoError(t, err)
	lines := dataLines(string(raw))
	require.Greater(t, len(lines), 100)
	for _, p := range scripts.Platforms() {
		c := mustNew(t, WithPlatform(p))
		for _, text := range lines {
			require.Empty(t, cats(c.Check(text)), "%s: %q", p, text)
		}
	}
}

// The same terms used as claims, insults or provocations are still found:
// the exceptions that keep the lines above clean are narrow.
func TestExceptionsStayNarrow(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	tb := mustNew(t, WithPlatform(Taobao))
	for _, tt := range []struct {
		c          *Checker
		give, want string
	}{
		{c, "这是最佳选择", "ad_absolute:最佳"},
		{c, "唯一正品，假一赔十", "ad_absolute:唯一"},
		{c, "我们是最优品质", "ad_absolute:最优"},
		{c, "国家级品质", "ad_absolute:国家级"},
		{c, "亲们的包裹已发出", "forbidden_address:亲们"},
		{c, "补发不同意，退款又说态度不好，请问您要怎样", "refusal:请问您要怎样"},
		{c, "你要怎样？", "refusal:你要怎样"},
		{c, "你想怎样啊", "refusal:你想怎样"},
		{c, "你去死吧", "abuse:去死"},
		{c, "你就是个废物", "abuse:废物"},
		{tb, "去京东买吧", "competitor:京东"},
		{tb, "京东上更便宜", "competitor:京东"},
		{c, "天猫上也有", "competitor:天猫"},
		{c, "千牛上联系我", "competitor:千牛"},
	} {
		require.Contains(t, cats(tt.c.Check(tt.give)), tt.want, "%q", tt.give)
	}
}

// Evasions are found: Traditional, full-width, spaced and noisy, homophones.
func TestRecallThroughEvasion(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	for _, tt := range []struct{ give, want string }{
		{"你這人真沒素質", "abuse:沒素質"},
		{"去淘寶買吧", "competitor:淘寶"},
		{"親，您好", "forbidden_address:親"},
		{"加我ＱＱ", "off_platform:加我ＱＱ"},
		{"加个ＶＸ", "off_platform:加个ＶＸ"},
		{"加 微 信", "off_platform:加 微 信"},
		{"淘-宝更便宜", "competitor:淘-宝"},
		{"神 经 病", "abuse:神 经 病"},
		{"好-评-返-现", "review_inducement:好-评-返-现"},
		{"有事V信找我", "off_platform:V信"},
		{"加我薇信", "off_platform:加我薇信"},
		{"威信号多少", "off_platform:威信号"},
		{"vx聊", "off_platform:vx"},
		{"加我企鹅号：88776655", "off_platform:企鹅号：88776655"},
		{"微信号：wxid_abc123 加一下", "off_platform:微信号：wxid_abc123"},
		{"智·障", "abuse:智·障"},
		{"你这个傻\u200b逼", "abuse:傻\u200b逼"},
		{"微❤️信联系", "off_platform:微❤️信联系"},
		{"企鹅12345678", "off_platform:企鹅12345678"},
		{"WeChat: abc_123", "off_platform:WeChat: abc_123"},
		{"加绿泡泡", "off_platform:绿泡泡"},
		{"加卫星聊", "off_platform:加卫星"},
		{"wei信联系", "off_platform:wei信"},
		{"好评给你返5元", "review_inducement:好评给你返5元"},
		{"差评删掉给你退款", "review_inducement:差评删掉"},
		{"你是神精病吧", "abuse:神精病"},
		{"你懂不懂啊", "refusal:你懂不懂"},
		{"PDD上更便宜", "competitor:PDD"},
	} {
		require.Contains(t, cats(c.Check(tt.give)), tt.want, "%q", tt.give)
	}
	// JD is a competitor elsewhere, in full width too.
	tb := mustNew(t, WithPlatform(Taobao))
	require.Equal(t, []string{"competitor:ＪＤ"}, cats(tb.Check("ＪＤ上也有")))
}

func TestDetectors(t *testing.T) {
	c := mustNew(t)
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"联系我手机：15900001111", []string{"off_platform:15900001111"}},
		{"电话 159 0000 1111", []string{"off_platform:159 0000 1111"}},
		{"电话159-0000-1111", []string{"off_platform:159-0000-1111"}},
		{"打给我１５９００００１１１１", []string{"off_platform:１５９００００１１１１"}},
		{"号码一五九零零零零幺幺幺幺", []string{"off_platform:一五九零零零零幺幺幺幺"}},
		{"+86 15900001111", []string{"off_platform:86 15900001111"}},
		{"您的手机号15900001111已登记", []string{"privacy:15900001111"}},
		{"座机010-12345678", []string{"off_platform:010-12345678"}},
		{"您的证件号码是11010519491231002X，请核对", []string{"privacy:11010519491231002X"}},
		// A wrong check character or Luhn digit does not make personal data
		// harmless: a reviewer flags a mistyped or made-up number as well.
		{"身份证110105194912310021", []string{"privacy:110105194912310021"}},
		{"参考号 110105194913310021", nil}, // no 13th month, no ID context
		{"流水 912345678901234567", nil},  // no region starts with 9
		{"卡号6222020200112233445", []string{"privacy:6222020200112233445"}},
		{"退款编号 6222020200112233445", nil}, // an identifier, not a card
		{"卡号 4111111111111111", []string{"privacy:4111111111111111"}},
		{"退到 6222 0202 0011 2233 440 了吗", []string{"privacy:6222 0202 0011 2233 440"}},
		{"您之前留的电话15987654321打不通", []string{"privacy:15987654321"}},
		{"手机号13812345678已收到，稍后短信通知您", []string{"privacy:13812345678"}},
		{"您填的紧急联系人李建国 13098765432", []string{"privacy:13098765432"}},
		{"有问题打13812345678找我", []string{"off_platform:13812345678"}},
		{"您的护照号E12345678已录入", []string{"privacy:E12345678"}},
		{"通行证：C12345678", []string{"privacy:C12345678"}},
		{"护照办理要7个工作日", nil},
		{"护照号码请在订单备注里填写", nil},
		{"4111 1111 1111 1111", []string{"privacy:4111 1111 1111 1111"}},
		{"订单号202311220001", nil},
		{"订单 4111111111111111", nil}, // Luhn-valid, but no card context and not grouped
		{"看这里 https://example.com/x", []string{"off_platform:https://example.com/x"}},
		{"去 shop.example.cn 买", []string{"off_platform:shop.example.cn"}},
		{"www.abc.com", []string{"off_platform:www.abc.com"}},
		{"版本1.5.2已更新", nil},
		{"价格3.5元", nil},
	} {
		require.Equal(t, append([]string{}, tt.want...), cats(c.Check(tt.give)), "%q", tt.give)
	}
	jd := mustNew(t, WithPlatform(JD))
	require.Empty(t, cats(jd.Check("详情见 https://item.jd.com/100012043978.html")))
	require.NotEmpty(t, cats(mustNew(t, WithPlatform(Taobao)).Check("详情见 https://item.jd.com/1.html")))
}

func TestValidators(t *testing.T) {
	id := func(s string) []byte {
		var ds []byte
		for _, r := range s {
			if r == 'X' {
				ds = append(ds, 10)
			} else {
				ds = append(ds, byte(r-'0'))
			}
		}
		return ds
	}
	require.True(t, validID(id("11010519491231002X")))
	require.False(t, validID(id("110105194912310021")))
	require.False(t, validID(id("11010519491331002X")), "month 13")
	require.True(t, luhn(id("4111111111111111")))
	require.False(t, luhn(id("4111111111111112")))
	require.Equal(t, "159****1111", mask("15900001111"))
	require.Equal(t, "110***********002X", mask("11010519491231002X"))
}

func TestSeverityAndPenalty(t *testing.T) {
	jd := mustNew(t, WithPlatform(JD))
	rep := jd.Check("你再这样没素质的说话，我们拒绝为你服务，谢谢")
	require.Equal(t, []string{"abuse:没素质", "refusal:我们拒绝为你服务"}, cats(rep))
	require.Equal(t, Serious, rep.Severity)
	require.Equal(t, 25.0, rep.Penalty.Points)
	require.Equal(t, "扣25分", rep.Penalty.Action)
	// Profanity is critical: 100 points on JD, 48 on Taobao, 12 on Doudian.
	for p, pts := range map[Platform]float64{JD: 100, Taobao: 48, Doudian: 12} {
		r := mustNew(t, WithPlatform(p)).Check("你个傻逼")
		require.Equal(t, Critical, r.Severity)
		require.Equal(t, pts, r.Penalty.Points, "%s", p)
	}
	// Three co-occurring violations raise the overall severity one level.
	r := jd.Check("亲，天猫更便宜，没礼貌")
	require.Len(t, r.Violations, 3)
	require.Equal(t, Serious, r.Severity)
	// A mild form of address alone is a warning.
	r = jd.Check("亲，您好")
	require.Equal(t, Warning, r.Severity)
	require.Equal(t, "警告", r.Penalty.Action)
	// PDD publishes no point figures.
	r = mustNew(t, WithPlatform(PDD)).Check("你个傻逼")
	require.Zero(t, r.Penalty.Points)
	require.NotEmpty(t, r.Penalty.Action)
	require.True(t, jd.Check("好的，马上处理").Clean())
}

func TestReportJSON(t *testing.T) {
	rep := mustNew(t, WithPlatform(JD)).Check("亲，加微信")
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	s := string(b)
	for _, k := range []string{`"text":`, `"platform":"jd"`, `"violations":`, `"category":"forbidden_address"`, `"severity":"warning"`, `"start":0`, `"end":3`, `"term":"亲"`, `"rule":`, `"penalty":`, `"points":`, `"advice":`, `"rewrite":"您"`, `"source":"rules/address.txt:`} {
		require.Contains(t, s, k)
	}
	var back Report
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, rep, back)
	clean, err := json.Marshal(mustNew(t).Check("好的"))
	require.NoError(t, err)
	require.Contains(t, string(clean), `"violations":[]`)
}

func TestParse(t *testing.T) {
	for _, s := range []string{"generic", "jd", "taobao", "tmall", "doudian", "pdd", "JD", " Taobao "} {
		_, err := ParsePlatform(s)
		require.NoError(t, err, s)
	}
	_, err := ParsePlatform("amazon")
	require.ErrorIs(t, err, ErrUnknown)
	for _, c := range Categories() {
		back, err := ParseCategory(c.String())
		require.NoError(t, err)
		require.Equal(t, c, back)
	}
	_, err = ParseCategory("spam")
	require.ErrorIs(t, err, ErrUnknown)
	for s := Warning; s <= Critical; s++ {
		back, err := ParseSeverity(s.String())
		require.NoError(t, err)
		require.Equal(t, s, back)
	}
	require.Equal(t, "none", Severity(0).String())
	_, err = New(WithPlatform(Platform(99)))
	require.ErrorIs(t, err, ErrUnknown)
	require.EqualError(t, err, "compliance: invalid platform 99")
	_, err = New(WithPlatform(0))
	require.EqualError(t, err, "compliance: invalid platform 0")
}

func TestOptions(t *testing.T) {
	// Allowed terms drop violations inside them.
	c := mustNew(t, WithPlatform(JD), WithAllow("京东快递员小亲"))
	require.Empty(t, cats(c.Check("京东快递员小亲")))
	// Categories can be switched off.
	c = mustNew(t, WithPlatform(JD), WithoutCategories(Competitor, ForbiddenAddress))
	require.Empty(t, cats(c.Check("亲，天猫也有")))
	// Added files add terms and override defaults.
	c = mustNew(t, WithPlatform(JD), WithLexiconText("shop.txt", "@defaults category=abuse severity=critical\n蠢材\n没礼貌\n"))
	rep := c.Check("你这蠢材！真没礼貌")
	require.Equal(t, []string{"abuse:蠢材", "abuse:没礼貌"}, cats(rep))
	require.Equal(t, Critical, rep.Violations[1].Severity)
	require.Equal(t, "shop.txt:3", rep.Violations[1].Source)
	// Hits of one category in one sentence are one violation.
	rep = c.Check("你这蠢材真没礼貌")
	require.Equal(t, []string{"abuse:蠢材真没礼貌"}, cats(rep))
	// Only the given files.
	// x-handle=required works in any category: the handle is what counts.
	h := mustNew(t, WithoutDefaults(), WithLexiconText("h.txt", "小号 category=abuse x-handle=required\n"))
	require.Empty(t, cats(h.Check("这是我的小号")))
	require.Equal(t, []string{"abuse:小号 abc12345"}, cats(h.Check("小号 abc12345")))
	c = mustNew(t, WithPlatform(JD), WithoutDefaults(), WithLexiconText("x.txt", "苹果 category=competitor\n"))
	require.Equal(t, []string{"competitor:苹果"}, cats(c.Check("苹果没素质")))
	// Bad files fail, naming file and line.
	for _, tt := range []struct{ text, want string }{
		{"a b\n", "bad.txt:1: unknown attribute"},
		{"词\n", `bad.txt:1: "词" has no category`},
		{"词 category=spam\n", "bad.txt:1: unknown code: category \"spam\""},
		{"词 category=abuse severity=huge\n", "bad.txt:1:"},
		{"词 category=abuse\n\"\" category=abuse\n", "bad.txt:2: empty term"},
		{"词 category=off_platform x-handle=yes\n", `bad.txt:1: x-handle="yes" (want required)`},
	} {
		_, err := New(WithLexiconText("bad.txt", tt.text))
		require.ErrorContains(t, err, tt.want)
	}
	_, err := New(WithLexiconFile(filepath.Join(t.TempDir(), "missing.txt")))
	require.Error(t, err)
	require.True(t, errors.Is(err, os.ErrNotExist))
}

func TestHolderReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "shop.txt")
	require.NoError(t, os.WriteFile(file, []byte("蠢材 category=abuse\n"), 0o644))
	h, err := NewHolder(WithPlatform(JD), WithLexiconFile(file))
	require.NoError(t, err)
	require.NotEmpty(t, h.Checker().Check("蠢材").Violations)
	require.Empty(t, h.Checker().Check("饭桶").Violations)

	require.NoError(t, os.WriteFile(file, []byte("饭桶 category=abuse\n"), 0o644))
	require.NoError(t, h.Reload())
	require.NotEmpty(t, h.Checker().Check("饭桶").Violations)

	old := h.Checker()
	require.NoError(t, os.WriteFile(file, []byte("饭桶 category=nonsense\n"), 0o644))
	err = h.Reload()
	require.ErrorContains(t, err, "shop.txt:1")
	require.Same(t, old, h.Checker(), "a failed reload keeps the old checker")
	require.NotEmpty(t, h.Checker().Check("饭桶").Violations)
}

func TestSuggest(t *testing.T) {
	jd := mustNew(t, WithPlatform(JD))
	rep := jd.Check("亲，天猫超市也能买到")
	sug := jd.Suggest(rep)
	require.NotEmpty(t, sug)
	require.Equal(t, Rewrite, sug[0].Kind)
	require.Equal(t, "您好，其他平台也能买到", sug[0].Text)
	require.Equal(t, []int{0, 1}, sug[0].For)

	rep = jd.Check("你再这样没素质的说话，我们拒绝为你服务，谢谢")
	sug = jd.Suggest(rep)
	require.NotEmpty(t, sug)
	for _, s := range sug {
		require.Equal(t, Scripted, s.Kind)
		require.True(t, jd.Check(s.Text).Clean(), s.Text)
		require.NotContains(t, s.Text, "亲")
	}

	rep = mustNew(t).Check("您的手机号15900001111已登记")
	sug = mustNew(t).Suggest(rep)
	require.Equal(t, "您的手机号159****1111已登记", sug[0].Text)

	require.Nil(t, jd.Suggest(jd.Check("好的")))
	trad := jd.SuggestWith(jd.Check("你有病吧"), SuggestOptions{Traditional: scripts.Taiwan, Max: 2})
	require.Len(t, trad, 2)
	require.NotEqual(t, lexicon.Fold(trad[0].Text), trad[0].Text, "rendered in Traditional")
}

// TestDefaultRulesParse checks the embedded rule files: they parse, every
// entry has a known category and severity, and every word-only Han term's
// ends are in the segmentation dictionary's focus list.
func TestDefaultRulesParse(t *testing.T) {
	focus, err := os.ReadFile("../internal/segdict/focus.txt")
	require.NoError(t, err)
	files := ruleFiles()
	require.GreaterOrEqual(t, len(files), 7)
	total := 0
	for _, name := range files {
		data, err := defaultRules.ReadFile("rules/" + name)
		require.NoError(t, err)
		es, err := lexicon.Parse(name, strings.NewReader(string(data)))
		require.NoError(t, err)
		for _, e := range es {
			_, err := ParseCategory(e.Attrs["category"])
			require.NoError(t, err, "%s:%d", name, e.Line)
			if e.Attrs["severity"] != "" {
				_, err := ParseSeverity(e.Attrs["severity"])
				require.NoError(t, err, "%s:%d", name, e.Line)
			}
			if e.Word {
				rs := []rune(lexicon.Fold(e.Term))
				for _, r := range []rune{rs[0], rs[len(rs)-1]} {
					if r >= 0x4E00 && r <= 0x9FFF {
						require.Contains(t, string(focus), string(r), "%s:%d: %q: add %c to internal/segdict/focus.txt and regenerate", name, e.Line, e.Term, r)
					}
				}
			}
			total++
		}
	}
	t.Logf("%d default rule entries in %d files", total, len(files))
	require.Greater(t, total, 200)
}

// ruleFiles lists the embedded rule files (for documentation and tests).
func ruleFiles() []string {
	names, _ := fs.Glob(defaultRules, "rules/*.txt")
	for i := range names {
		names[i] = strings.TrimPrefix(names[i], "rules/")
	}
	return names
}

// testdata/clean_sweep.txt: 3,300 realistic clean service replies (pre-sale,
// sizes, stock, logistics, returns, refunds, invoices, coupons, repairs,
// apologies, order and tracking numbers, model codes, specs with digits,
// the shop's return address), written for huashu apart from the rules. They
// use no 亲, so they must pass on every platform. The target is that at most
// 0.5% are flagged; the test holds the count to what it is now.
func TestCleanSweep(t *testing.T) {
	raw, err := os.ReadFile("testdata/clean_sweep.txt")
	require.NoError(t, err)
	lines := dataLines(string(raw))
	require.Greater(t, len(lines), 3000)
	const maxFlagged = 0
	for _, p := range scripts.Platforms() {
		c := mustNew(t, WithPlatform(p))
		flagged := 0
		for _, text := range lines {
			if rep := c.Check(text); !rep.Clean() {
				flagged++
				t.Logf("%s: %q: %v", p, text, summarize(rep))
			}
		}
		t.Logf("%s: %d of %d flagged (%.2f%%)", p, flagged, len(lines), 100*float64(flagged)/float64(len(lines)))
		require.LessOrEqual(t, flagged, maxFlagged, "%s", p)
	}
}

// A user's file is what its contents say, whatever its path: one named
// rules/buyer/… is an agent rule file like any other (buyer rules belong to
// package conversation and are given there).
func TestUserFileKindNeverFromPath(t *testing.T) {
	for _, name := range []string{"rules/buyer/shop.txt", "shop.txt", "./rules/buyer/x.txt"} {
		c := mustNew(t, WithLexiconText(name, "饭桶 category=abuse severity=serious x-kind=abuse\n"))
		rep := c.Check("你这个饭桶")
		require.Equal(t, []string{"abuse:饭桶"}, cats(rep), name)
		require.Equal(t, name+":1", rep.Violations[0].Source)
	}
}
