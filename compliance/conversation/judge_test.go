package conversation

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
)

// buyerSays reads one buyer message in a fresh JD session.
func buyerSays(t *testing.T, c *compliance.Checker, text string) buyerRead {
	t.Helper()
	return NewSession(c).readBuyer(text)
}

func TestBuyerAbuseHasATarget(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	tests := []struct {
		give string
		want bool
	}{
		// Aimed at the agent, the shop or the brand.
		{"骗子", true},
		{"你们客服都是🤡吗", true},
		{"🤡🤡", true},
		{"这客服💩", true},
		{"你是🐷吧", true},
		{"说了三遍了，你们客服猪脑子吗", true},
		{"狗商家，发个货这么慢", true},
		{"这家店的客服跟猪一样", true},
		{"你们这个牌子就是垃圾", true},
		{"你这客服就是个废物", true},
		{"SB客服", true},
		{"你他妈的能不能快点", true},
		{"你們這些騙子", true},
		{"垃 圾 客 服", true},
		// The buyer themself.
		{"我真笨，下错单了", false},
		{"我太蠢了，选错了地址", false},
		{"哈哈我像个🤡，又买错了", false},
		{"是我自己眼瞎，看错尺码了", false},
		{"我朋友说我是猪", false},
		// A third party in the buyer's story.
		{"快递员是个骗子，说送到了其实没送", false},
		{"上次有个骗子冒充你们客服给我打电话", false},
		{"我邻居骂我是神经病", false},
		{"你们合作的快递太垃圾了", false},
		// The product, ordinary words, denials, interjections.
		{"质量太垃圾了，我要退货", false},
		{"我家狗很喜欢这个狗粮", false},
		{"这个猪肉脯辣不辣", false},
		{"垃圾袋有加厚的吗", false},
		{"谢谢🐶", false},
		{"你们不是骗子吧？第一次买", false},
		{"妈的，快递又晚了", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).abuse, tt.give)
	}
}

func TestComplaintThreats(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	tests := []struct {
		give string
		want bool
	}{
		{"再不发货我就投诉你们", true},
		{"我要打12315举报你们", true},
		{"三天不处理，我就找律师起诉你们", true},
		{"再这样我就发到网上曝光你们", true},
		{"不退款就给你们差评", true},
		{"差评！", true},
		{"投诉！！", true},
		{"快递的问题我该去哪里投诉？", false},
		{"请问怎么投诉快递员", false},
		{"我要投诉快递员，他态度太差", false},
		{"我没有要投诉的意思，就是问问", false},
		{"放心，我不会给差评的", false},
		{"上次投诉的问题已经解决了", false},
		{"订单号2026123150001", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).complaint, tt.give)
	}
}

func TestManagerDemands(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	tests := []struct {
		give string
		want bool
	}{
		{"让你们主管来跟我说", true},
		{"那我要找你们负责人", true},
		{"叫你们经理出来", true},
		{"换个客服", true},
		{"你帮我问问你们主管能不能多送个赠品", false},
		{"这个优惠能不能请你们主管确认一下", false},
		{"你们主管人真好", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).demand != noDemand, tt.give)
	}
	// A demand escalates after a put-off, not out of the blue.
	esc := func(turns []Turn) bool { return findingOf(Audit(c, turns), Escalate) != nil }
	require.True(t, esc([]Turn{buyer(0, "能退款吗"), agent(5, "抱歉，超过售后期无法退款"), buyer(10, "我要找你们负责人")}))
	require.False(t, esc([]Turn{buyer(0, "我要找你们负责人谈批发"), agent(5, "好的，我帮您联系")}))
	// Kept waiting is being put off too.
	require.True(t, esc([]Turn{buyer(0, "能退款吗"), agent(5, "我查一下"), buyer(10, "怎么样了"), buyer(100, "我要找你们负责人")}))
}

func TestCivilityReminders(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	tests := []struct {
		give string
		want bool
	}{
		{"请您注意文明用语", true},
		{"请您理性沟通，谢谢理解", true},
		{"咱们好好说可以吗", true},
		{"希望您文明交流", true},
		{"麻烦您注意一下措辞，我们一起把问题解决", true},
		{"您先消消气，咱们冷静沟通好吗", true},
		{"理解您的心情，但还请您注意言辞，我们互相尊重", true},
		{"請您文明溝通", true},
		// Rude or an ultimatum: no reminder.
		{"你再这样没素质的说话，我们拒绝为你服务，谢谢", false},
		{"你再骂人我就拉黑你", false},
		{"请您文明用语，再骂就拉黑", false},
		{"注意你的措辞", false},
		// Polite, but not about civility.
		{"请您稍等，我帮您查一下", false},
		{"您好，请问有什么可以帮您", false},
	}
	for _, tt := range tests {
		s := NewSession(c)
		require.Equal(t, tt.want, s.readAgent(tt.give, c.Check(tt.give)).reminder, tt.give)
	}
	// The rude reply does not start the blacklist count, a polite one does.
	for _, tt := range []struct {
		reminder string
		want     bool
	}{{"你再这样没素质的说话，我们拒绝为你服务，谢谢", false}, {"咱们好好说可以吗", true}} {
		turns := []Turn{buyer(0, "垃圾客服"), agent(5, tt.reminder)}
		for i := range 6 {
			turns = append(turns, buyer(8+3*i, "骗子"))
		}
		require.Equal(t, tt.want, findingOf(Audit(c, turns), BlacklistEligible) != nil, tt.reminder)
	}
}

func TestSpamIgnoresTheBuyer(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	spam := func(turns []Turn) bool { return findingOf(Audit(c, turns), Spam) != nil }
	// Acknowledgements answering different requests.
	require.False(t, spam([]Turn{buyer(0, "改地址"), agent(5, "好的"), buyer(10, "发顺丰"), agent(15, "好的"), buyer(20, "开发票"), agent(25, "好的")}))
	require.False(t, spam([]Turn{buyer(0, "要黑色"), agent(5, "收到～"), buyer(10, "要L码"), agent(15, "收到哦"), buyer(20, "寄到公司"), agent(25, "收到")}))
	// The same acknowledgement pushed in a burst.
	require.True(t, spam([]Turn{buyer(0, "在吗"), agent(1, "稍等"), agent(2, "稍等"), agent(3, "稍等")}))
	// Templated replies with their own data.
	require.False(t, spam([]Turn{buyer(0, "查三单"), agent(5, "订单1122334455已签收"), agent(8, "订单1122334466已签收"), agent(11, "订单1122334477已签收")}))
	require.True(t, spam([]Turn{buyer(0, "查三单"), agent(5, "订单1122334455已签收"), agent(8, "订单1122334455已签收"), agent(11, "订单1122334455已签收")}))
	// The buyer asks the same question again: the same answer answers it.
	require.False(t, spam([]Turn{buyer(0, "发货了吗"), agent(5, "已经发货了"), buyer(10, "发货了吗"), agent(15, "已经发货了"), buyer(20, "发货了吗？"), agent(25, "已经发货了")}))
	// One canned reply whatever the buyer says.
	reply := "您好，您的包裹正在配送中，请耐心等待"
	require.True(t, spam([]Turn{buyer(0, "怎么还没到"), agent(5, reply), buyer(10, "能改地址吗"), agent(15, reply), buyer(20, "那先退款"), agent(25, reply)}))
	// ... or whatever insult it answers.
	reply = "请不要辱骂客服，谢谢"
	require.True(t, spam([]Turn{buyer(0, "骗子"), agent(5, reply), buyer(10, "骗子"), agent(15, reply), buyer(20, "骗子"), agent(25, reply)}))
}

// The spam check's work per agent turn is bounded whatever the replies: a
// flood of near-identical long replies costs one banded comparison per turn
// (128 × 51 cells) plus one for the buyer's message, not one per earlier reply.
func TestSpamWorkIsBounded(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	base := strings.Repeat("您好您的包裹正在配送中请耐心等待我们会尽快为您处理", 6)[:128*3]
	n := 5000
	if testing.Short() {
		n = 1000
	}
	work := func(near bool) (cells, turns int) {
		s := NewSession(c)
		for i := range n {
			text := base
			if near {
				r := []rune(base)
				r[i%len(r)] = rune('a' + i%26) // a different character each time: near, never equal
				r[(i*7+3)%len(r)] = rune('A' + i%26)
				text = string(r)
			} else {
				text = fmt.Sprintf("第%d个不同的回复", i)
			}
			s.Add(Turn{Role: Agent, At: at(i), Text: text})
			if i%10 == 0 {
				s.Add(Turn{Role: Buyer, At: at(i), Text: fmt.Sprintf("问题%d", i)})
			}
		}
		return s.cells, n
	}
	cells, turns := work(true)
	perTurn := float64(cells) / float64(turns)
	t.Logf("near-identical 128-rune replies: %d cells for %d turns (%.0f per turn)", cells, turns, perTurn)
	require.LessOrEqual(t, perTurn, float64(2*128*51), "at most two banded comparisons per turn")
	require.Greater(t, cells, 0, "the comparisons were made")
	short, _ := work(false)
	t.Logf("short distinct replies: %d cells", short)
}

// FuzzAudit: no text panics the audit, and every finding's turns are in range
// and ordered.
func FuzzAudit(f *testing.F) {
	for _, s := range []string{"骗子", "你们客服都是🤡吗", "请您理性沟通", "我要投诉你们！", "让你们主管来", "好的", "订单1122334455已签收", "\xff\x00", "，，，", "🐷你"} {
		f.Add(s, s, uint8(3))
	}
	c, err := compliance.New(compliance.WithPlatform(compliance.JD))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string, n uint8) {
		var turns []Turn
		for i := range int(n%12) + 1 {
			text, role := a, Buyer
			if i%2 == 1 {
				text, role = b, Agent
			}
			if i%3 == 2 {
				text = a + b
			}
			turns = append(turns, Turn{Role: role, At: at(i * 7), Text: text})
		}
		rep := Audit(c, turns)
		for _, f := range rep.Findings {
			for k, ix := range f.Turns {
				if ix < 0 || ix >= len(turns) || k > 0 && f.Turns[k-1] >= ix {
					t.Fatalf("finding %v: turns %v out of range or order", f.Kind, f.Turns)
				}
			}
		}
	})
}

// Reading a turn costs work linear in its length whatever it holds: the cues
// visited for a message of 4n repeated insults, parties and complaint words
// are at most about 4 times those for n.
func TestReadingIsLinear(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, unit := range []string{"我真笨", "快递员是个骗子，", "我没有要投诉的意思", "你帮我问问你们主管", "好的", "通知个屁，", "贱", "刚才我措辞不当，请您文明沟通", "请提供订单号",
		"客服🐶", "谢谢你们🐶", "瞎啊，", "叫你们领导来，", "麻烦叫一下你们主管", "让京东来评理", "可以申请平台介入吗", "文明个屁，", "你工号多少",
		"我今天就要用 脑残", "网上都说你们是骗子，", "tmd快递又没动，", "扯淡的事，", "我拍错了，脑残", "sb客服", "滚！", "说了三遍了，nt"} {
		steps := func(n int) int {
			s := NewSession(c)
			text := strings.Repeat(unit, n)
			s.readBuyer(text)
			s.readAgent(text, compliance.Report{})
			return s.steps
		}
		small, large := steps(500), steps(2000)
		t.Logf("%q: %d steps for 500 repeats, %d for 2000 (×%.2f)", unit, small, large, float64(large)/float64(small))
		require.Greater(t, small, 0)
		require.LessOrEqual(t, float64(large)/float64(small), 4.5, unit)
	}
}

func TestMoreWordings(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	abuse := map[string]bool{
		"你们一群猪":       true,
		"你猪啊，说了多少遍":   true,
		"你傻啊":         true,
		"别狗叫了":        true,
		"你🐴的":         true,
		"我傻眼了，怎么发错了":  false,
		"现在骗子太多了":     false,
		"之前那家店是骗子":    false,
		"什么垃圾玩意":      false,
		"我是个傻子，买了两次":  false,
		"网上那些骗子真可恶":   false,
		"你们才是骗子，还狡辩":  true,
		"垃圾快递，三天没动":   false,
		"都怪我自己太傻了":    false,
		"你们家东西真不错":    false,
		"客服小姐姐辛苦了":    false,
		"你们这服务，简直是垃圾": true,
	}
	for give, want := range abuse {
		assert.Equal(t, want, buyerSays(t, c, give).abuse, give)
	}
	threat := map[string]bool{
		"信不信我投诉你":        true,
		"我已经向平台投诉了":      true,
		"我朋友投诉过你们家":      false,
		"我从来不给差评":        false,
		"不给我换我就投诉":       true,
		"我不会投诉你们的":       false,
		"如果东西有问题可以投诉吗":   false,
		"投诉电话是多少":        false,
		"这么慢，差评":         true,
		"等着被投诉吧":         true,
		"我要去消协告你们":       true,
		"上次投诉快递之后快多了":    false,
		"请问你们的客服投诉渠道在哪里": false,
	}
	for give, want := range threat {
		assert.Equal(t, want, buyerSays(t, c, give).complaint, give)
	}
	demand := map[string]bool{
		"把你们店长叫来":     true,
		"让你们经理出来说话":   true,
		"我要跟你们领导说话":   true,
		"你们主管要是同意就行":  false,
		"主管说可以就帮我改一下": false,
	}
	for give, want := range demand {
		assert.Equal(t, want, buyerSays(t, c, give).demand != noDemand, give)
	}
	reminder := map[string]bool{
		"请您冷静一下，有问题我们一起解决":     true,
		"我们理解您的心情，但请不要使用侮辱性语言": true,
		"请您控制一下情绪，我们会尽快处理":     true,
		"还请您注意沟通方式，谢谢":         true,
		"请文明用语，否则我们将结束对话":      false,
		"理解您的心情，我马上为您处理":       false,
		"您好，非常抱歉给您添麻烦了，请您消消气":  false,
		"请您文明沟通，再这样我们就不再为您服务了": false,
	}
	for give, want := range reminder {
		assert.Equal(t, want, NewSession(c).readAgent(give, c.Check(give)).reminder, give)
	}
}

func TestCrowdCountsAfter(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	require.False(t, buyerSays(t, c, "现在骗子太多了").abuse)
	require.True(t, buyerSays(t, c, "你们问题太多了，骗子").abuse)
}

func TestCriticismAndPromises(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	require.False(t, buyerSays(t, c, "你们客服态度太差，没礼貌").abuse, "criticism is no insult")
	require.False(t, buyerSays(t, c, "你们烦不烦啊，一直发广告").abuse)
	require.True(t, buyerSays(t, c, "你们客服没礼貌，还是个骗子").abuse)
	spam := func(turns []Turn) bool { return findingOf(Audit(c, turns), Spam) != nil }
	require.False(t, spam([]Turn{buyer(0, "改地址"), agent(5, "好的，马上帮您修改"), buyer(10, "改颜色"), agent(15, "好的，马上帮您修改"), buyer(20, "改尺码"), agent(25, "好的，马上帮您修改")}))
	require.True(t, spam([]Turn{buyer(0, "改地址"), agent(5, "好的，马上帮您修改"), agent(6, "好的，马上帮您修改"), agent(7, "好的，马上帮您修改")}))
}

func TestFalseAlarms(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for give, want := range map[string]buyerRead{
		"有个客服骂我是傻逼，你们管不管":     {},
		"你们客服骂我傻逼，我要投诉":       {complaint: true},
		"你们家客服真是太好了，不像别家都是骗子": {},
		"你们不会是骗子吧":            {},
		"你们还不是骗子":             {abuse: true},
		"你们店铺的差评我都看了，说质量不好":   {},
		"我想咨询一下你们的投诉处理流程":     {},
		"你们会被投诉的":             {complaint: true},
		"老板大气！":               {exclaim: true},
		"累死了，终于到了":            {},
		"这个颜色丑死了":             {},
	} {
		got := buyerSays(t, c, give)
		assert.Equal(t, want.abuse, got.abuse, "abuse: %s", give)
		assert.Equal(t, want.complaint, got.complaint, "complaint: %s", give)
	}
}

func TestInterjectionsAndBrands(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for give, want := range map[string]bool{
		"tmd快递怎么还不到": false,
		"你tmd能不能快点":  true,
		"尼玛，又下雨了":    false,
		"什么破牌子":      true,
		"我是猪，又买错了":   false,
		"我真是个白痴":     false,
		"我脑子进水了才买两件": false,
	} {
		assert.Equal(t, want, buyerSays(t, c, give).abuse, give)
	}
	for give, want := range map[string]bool{
		"再不处理给你们打一星": true,
		"一星期了还没到":    false,
	} {
		assert.Equal(t, want, buyerSays(t, c, give).complaint, give)
	}
}

// Echo retorts turn the agent's own words into a curse; the same words
// after anything else, or not closing their clause, are none.
func TestEchoInsults(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	abuse := func(reply, text string) bool {
		return findingOf(Audit(c, []Turn{buyer(0, "东西有问题"), agent(5, reply), buyer(10, text)}), BuyerAbuse) != nil
	}
	tests := []struct {
		reply, give string
		want        bool
	}{
		{"咱们好好说可以吗", "好好说你大爷", true},
		{"亲，我们家都是正品", "正品你妈", true},
		{"已经通知仓库了", "通知个屁", true},
		{"可以给您换一个新的", "换个屁！", true},
		{"好的，马上处理", "好个鬼，说了三天了", true},
		{"已经通知仓库了", "你大爷的", true},
		{"已经通知仓库了", "你大爷！", true},
		{"已经通知仓库了", "还通知个屁", true},
		{"已经通知仓库了", "通知你妹啊", true},
		{"已经通知仓库了", "通知个P", true},
		{"已经通知仓库了", "你算什么东西", true},
		// Not the agent's words, not closing the clause, or a grandfather.
		{"已经通知仓库了", "我家狗放了个屁", false},
		{"已经通知仓库了", "等了一周连个屁都没收到", false},
		{"祝老人家身体健康", "你大爷身体可好了，就是耳背", false},
		{"给大爷买的话选大字版", "我大爷说这个好用", false},
		{"已经通知仓库了", "你妹妹在家吗？我想寄给她", false},
		{"已经通知仓库了", "我家狗还放了个屁", false},
		{"这件是黑色的", "挂在阳台上远看像个鬼", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, abuse(tt.reply, tt.give), "%s / %s", tt.reply, tt.give)
	}
	// An echo's work is bounded: at most maxEchoWords runes are looked up in
	// at most maxEchoReply runes of the reply, whatever their lengths.
	steps := func(reply string) int {
		s := NewSession(c)
		s.Add(agent(0, reply))
		s.steps = 0
		s.readBuyer(strings.Repeat("通知个屁，", 1000)) // 1000 echoes of words the reply lacks
		return s.steps
	}
	short, long := steps(strings.Repeat("已经安排仓库了", 10)), steps(strings.Repeat("已经安排仓库了", 10000))
	t.Logf("echo steps: %d with a 70-rune reply, %d with a 70000-rune one", short, long)
	require.Greater(t, short, 0)
	require.LessOrEqual(t, long-short, maxJudged*maxEchoReply*utf8.UTFMax)
}

// Curses and slurs that need no party: abbreviations holding their target,
// one-character slurs as the whole message, attacks on intelligence.
func TestSlursAbbreviationsAndIntelligence(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	tests := []struct {
		give string
		want bool
	}{
		{"nmsl 快递三天没动", true},
		{"NMSL！！", true},
		{"cnm 物流呢", true},
		{"wcnm", true},
		{"tmd你们还发不发货", true},
		{"tmd", true},
		{"nt吧", true},
		{"你个2b", true},
		{"2b客服", true},
		{"贱", true},
		{"你真贱", true},
		{"滚", true},
		{"废物一个", true},
		{"骗子一个", true},
		{"你是不是脑残", true},
		{"你脑子有坑吧", true},
		{"你脑子有泡吧", true},
		{"脑子瓦特了吧你", true},
		{"你脑子被门夹了", true},
		{"小学毕业了没", true},
		{"没上过学吧", true},
		{"你读过书吗", true},
		{"你智商欠费了吧", true},
		{"你们客服有没有脑子", true},
		{"脑子有坑吧你", true},
		{"客服没脑子", true},
		{"长点脑子行不行", true},
		// Ordinary words, the buyer's own brain, a third party, a child.
		{"tmd快递还不动", false}, // a curse at the courier
		{"我要2b铅笔", false},
		{"有2b铅笔吗", false},
		{"这么贱卖吗", false},
		{"我犯贱才来买", false},
		{"有个骗子冒充你们", false},
		{"是不是发错货了", false},
		{"我脑子进水了才买这个", false},
		{"脑子进水了才买这个", false},
		{"当时没脑子买了两件", false},
		{"智商欠费了，买错了颜色", false},
		{"我交了智商税", false},
		{"我儿子小学毕业了没多久", false},
		{"孩子小学没毕业能用吗", false},
		{"这个能开发孩子智商吗", false},
		{"快递员没脑子，扔门口就走", false},
		{"快递员跟个傻子一样", false},
		{"我像个🤡", false},
		{"卧槽", false}, // surprise as often as anger
		{"我靠！", false},
		{"卧槽你们是不是有病", true},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).abuse, tt.give)
	}
}

// Stalling a complaint about delay puts the buyer off, so a demand for a
// manager after it escalates; a calm question about a manager does not.
func TestStallingAndManagerQuestions(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	esc := func(turns []Turn) bool { return findingOf(Audit(c, turns), Escalate) != nil }
	late := buyer(0, "说好三天到，今天都第五天了")
	for _, stall := range []string{"那您再耐心等等哦", "仓库比较忙，再给我们一点时间哈", "请您耐心等待"} {
		for _, demand := range []string{"叫你们主管来跟我说", "让你们的经理出来", "找你们店长过来"} {
			require.True(t, esc([]Turn{late, agent(10, stall), buyer(20, demand)}), "%s / %s", stall, demand)
		}
	}
	require.False(t, esc([]Turn{late, agent(10, "那您再耐心等等哦"), buyer(20, "好的，请问要找你们主管的话怎么联系？")}))
	require.False(t, esc([]Turn{late, agent(10, "那您再耐心等等哦"), buyer(20, "你们主管一般几点上班？")}))
	require.False(t, esc([]Turn{buyer(0, "快递到哪了"), agent(10, "明天上午送达"), buyer(20, "叫你们主管来跟我说一下批发的事")}))
}

// A request sent again after the buyer answered it ignores the answer, even
// when the buyer answered the same way twice.
func TestRepeatedRequests(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	spam := func(turns []Turn) bool { return findingOf(Audit(c, turns), Spam) != nil }
	ask := "请您提供一下订单号，我帮您查询"
	require.True(t, spam([]Turn{buyer(0, "我要退货"), agent(10, ask), buyer(20, "302145678901"), agent(30, ask), buyer(40, "302145678901"), agent(50, ask)}))
	// Asked as a question; answered with a claim that ends in a question.
	ask2 := "您的订单号是多少呢"
	require.True(t, spam([]Turn{buyer(0, "查订单"), agent(10, ask2), buyer(20, "我不是发过了吗？"), agent(30, ask2), buyer(40, "上面有啊？"), agent(50, ask2)}))
	require.True(t, spam([]Turn{buyer(0, "查订单"), agent(10, ask2), buyer(20, "302145678901，看不到吗？"), agent(30, ask2), buyer(40, "302145678901，看不到吗？"), agent(50, ask2)}))
	// Twice is not three times; spread over twenty minutes is no burst.
	require.False(t, spam([]Turn{buyer(0, "我要退货"), agent(10, ask), buyer(20, "302145678901"), agent(30, ask), buyer(40, "302145678901"), agent(50, "查到了，已为您登记退货")}))
	require.False(t, spam([]Turn{buyer(0, "我要退货"), agent(10, ask), buyer(600, "302145678901"), agent(630, ask), buyer(1200, "302145678901"), agent(1230, ask)}))
	// A request that answers the same question asked again is no spam, nor
	// is a reply that only states a service.
	how := "请在订单页申请退货，并填写一下退货原因"
	require.False(t, spam([]Turn{buyer(0, "怎么退货"), agent(8, how), buyer(20, "怎么退货？"), agent(27, how), buyer(40, "到底怎么退货"), agent(50, how)}))
	svc := "我们提供七天无理由退货服务"
	require.False(t, spam([]Turn{buyer(0, "退货"), agent(8, svc), buyer(20, "退货"), agent(27, svc), buyer(40, "退货"), agent(50, svc)}))
	// An answer (not a request) to the same question asked again is no spam.
	ans := "今天下午五点前发出哦"
	require.False(t, spam([]Turn{buyer(0, "什么时候发货"), agent(8, ans), buyer(20, "什么时候发货"), agent(27, ans), buyer(40, "什么时候发货"), agent(50, ans)}))
}

// An agent owning a lapse of its own wording apologises; that is no
// reminder, and a reminder later in a longer helpful turn still is one.
func TestApologyIsNoReminder(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"抱歉，刚才是我措辞不当，请您原谅", false},
		{"不好意思，我刚才的用语欠妥，请您谅解", false},
		{"抱歉，刚才是我用词不当。已为您加急，还是希望咱们文明沟通哈", true},
		{"非常抱歉给您带来不便，订单已为您加急处理，预计明天送达，还是希望咱们文明沟通哈", true},
		{"请您注意用语，不要说不好听的话", true},
	} {
		require.Equal(t, tt.want, NewSession(c).readAgent(tt.give, c.Check(tt.give)).reminder, tt.give)
	}
}

// Someone with authority, in many words: a firm demand escalates by itself;
// one asked or softened, or the agent's 工号, only when the buyer was put
// off, says so, or is aggressive; a benign purpose or a consultation never.
func TestAuthorityDemands(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want demandKind
	}{
		{"叫你们领导来", firmDemand},
		{"让你们经理跟我谈", firmDemand},
		{"找你们店长出来", firmDemand},
		{"我要找你们老板", firmDemand},
		{"换你们上级来", firmDemand},
		{"找个管事儿的过来", firmDemand},
		{"让说了算的人来跟我说", firmDemand},
		{"你没权限就换个能做主的来", firmDemand},
		{"把你们负责人电话给我", firmDemand},
		{"你们有没有管事的人！", firmDemand},
		{"能让你们经理给我回个电话吗？", softDemand},
		{"能不能找你们领导来处理一下", softDemand},
		{"麻烦叫一下你们主管", softDemand},
		{"你们领导呢？", softDemand},
		// The shop addressed as 老板, questions about a manager, consulting one.
		{"老板，发货了吗", noDemand},
		{"老板呢，发货了吗", noDemand},
		{"让老板多送点赠品呗", noDemand},
		{"你们领导是谁？", noDemand},
		{"你们经理今天在吗", noDemand},
		{"上次你们经理帮我解决了", noDemand},
		{"那麻烦你帮我问问你们领导，能不能通融一下", noDemand},
	} {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).demand, tt.give)
	}
	esc := func(turns ...Turn) bool { return findingOf(Audit(c, turns), Escalate) != nil }
	helpful := agent(10, "好的，马上为您处理")
	// A firm demand by itself.
	for _, give := range []string{"叫你们领导来", "把你们负责人电话给我", "找个管事的过来", "让你们说了算的人来跟我谈"} {
		require.True(t, esc(buyer(0, "东西坏了"), helpful, buyer(20, give)), give)
	}
	// Asked or softened: after a put-off (an excuse, 请您理解, a rule, 'I cannot
	// judge'), with a grievance of the buyer's own, never out of the blue.
	soft := "能让你们经理来处理吗？"
	require.False(t, esc(buyer(0, "东西坏了"), helpful, buyer(20, soft)))
	for _, putOff := range []string{"亲，请您理解，这是售后流程", "这是平台的规则，我们也改不了", "这个我这边判断不了哦", "仓库都是按单发货的，一般不会少发"} {
		require.True(t, esc(buyer(0, "东西坏了"), agent(10, putOff), buyer(20, soft)), putOff)
	}
	require.True(t, esc(buyer(0, "东西坏了"), helpful, buyer(20, "你解决不了的话，能让你们经理来处理吗？")))
	require.True(t, esc(buyer(0, "东西坏了"), helpful, buyer(20, "别再让我理解了，麻烦叫一下你们主管")))
	// The agent's 工号: after a put-off, not to praise them.
	badge := Audit(c, []Turn{buyer(0, "说好今天发货的"), agent(10, "仓库在排单，我也没办法"), buyer(20, "你工号多少？")})
	require.NotNil(t, findingOf(badge, Escalate))
	require.Contains(t, findingOf(badge, Escalate).Detail, "工号")
	require.False(t, esc(buyer(0, "解决了，谢谢"), agent(10, "不客气"), buyer(20, "你工号多少？")))
	require.False(t, esc(buyer(0, "说好今天发货的"), agent(10, "仓库在排单，我也没办法"), buyer(20, "你工号多少？我给你个好评")))
	// A benign purpose: no demand, even firm.
	require.False(t, esc(buyer(0, "你好"), helpful, buyer(20, "我们公司要采购一百件，叫你们经理来谈")))
}

// Threats the first rules missed: the platform asked to judge, government
// hotlines and bodies, public shaming, the law — not calm questions about
// them, numbers that hold their digits, a buyer who saw the shop on 抖音.
func TestThreatChannels(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"那我申请平台介入", true},
		{"行，那就让京东来评评理", true},
		{"让拼多多来判", true},
		{"那让抖音官方来处理吧", true},
		{"我要找淘宝小二来评理", true},
		{"我去12345市民热线投诉", true},
		{"打12315", true},
		{"等着我打12345吧", true},
		{"我要去消协", true},
		{"去市场监管局告你们", true},
		{"虚假宣传，我只能去市场监管局反映了", true},
		{"我要发抖音让大家看看", true},
		{"再不退我就发小红书避雷帖", true},
		{"我要把聊天记录发到网上", true},
		{"我要找记者", true},
		{"找律师起诉你们", true},
		{"那咱们法院见", true},
		{"大不了打官司", true},
		{"你们不怕我告你们吗", true},
		// Calm questions, numbers, fans, the buyer's own story.
		{"怎么申请平台介入？", false},
		{"可以申请平台介入吗？", false},
		{"平台介入要多久？", false},
		{"要投诉找谁？", false},
		{"请问12315是管什么的？", false},
		{"订单号1234567890123", false},
		{"收货电话改成13912315678", false},
		{"地址是幸福路12345号", false},
		{"我在抖音上看到你们家的", false},
		{"小红书上有人推荐的", false},
		{"我要发抖音推荐给朋友", false},
		{"我是律师，下周要去法院开庭", false},
		{"我找京东客服问过了", false},
		{"我没有要投诉的意思", false},
	} {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).complaint, tt.give)
	}
	// The agent mentioning the platform is no threat.
	cr := Audit(c, []Turn{buyer(0, "赠品没收到"), agent(10, "已经为您补发，如有问题也可以申请平台介入"), buyer(20, "好的，谢谢")})
	require.Nil(t, findingOf(cr, Escalate), kinds(cr))
}

// The reminders of the family (a polite request or hope for civil, calm
// communication, or a statement that abuse does not help) and the insults
// that follow it, each message counted once, from the polite reminder on.
func TestBlacklistFamilies(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"抱歉让您久等了，麻烦您理性沟通哈，我们一定尽力处理", true},
		{"辱骂性的语言无助于解决问题，我们一起心平气和地沟通好吗", true},
		{"温馨提醒：请文明沟通", true},
		{"温馨提示，注意用语哦", true},
		{"亲，辱骂解决不了问题，咱们一起想办法好吗", true},
		{"希望咱们可以心平气和地沟通", true},
		{"咱们能不能文明沟通", true},
		{"请您尊重客服人员", true},
		{"我们无法接受辱骂性的语言，请您文明沟通", true},
		// Not about civility, or rude.
		{"温馨提示：本店满99包邮哦", false},
		{"我们尊重您的选择，可以为您退款", false},
		{"理解您的心情，我们会尽快处理哈", false},
		{"你再骂一句试试", false},
		{"嘴巴放干净点", false},
	} {
		require.Equal(t, tt.want, NewSession(c).readAgent(tt.give, c.Check(tt.give)).reminder, tt.give)
	}
	insults := []string{
		"抠门狗", "瞎眼狗", "黑心狗", "真是猪", "你们这群猪", "一群弱智", "一帮饭桶", "一窝骗子", "傻帽",
		"废物店铺", "废物客服", "废物一个", "瞎啊", "眼瞎吗", "脑子进水了吧", "蠢死了", "你就是头猪",
		"瞎啊，看不见我的备注？", "你就是个神经病", // the checker's abuse terms count too
		"小气狗", "你们都是一丘之貉", "你没长眼吗",
	}
	for _, give := range insults {
		require.True(t, buyerSays(t, c, give).abuse, give)
	}
	// Echoes of the reminder: its words, or any civility thrown back.
	reminder := "温馨提醒：请理性沟通，心平气和地解决问题，我们会给您补偿"
	for _, give := range []string{"理性你个大头鬼", "心平气和你妹", "提醒个屁", "补偿个毛", "文明个屁", "礼貌你妹"} {
		cr := Audit(c, []Turn{buyer(0, "骗子"), agent(5, reminder), buyer(10, give)})
		require.Len(t, findingOf(cr, BuyerAbuse).Turns, 1)
		require.Equal(t, 2, countKind(cr, BuyerAbuse), give)
	}
	for _, give := range []string{"我一个单身狗，买一份就够了", "楼下一群狗在叫", "这款存钱罐是头猪吗", "真是猪一样可爱", "我是不是脑子进水了，买这么多", "我儿子瞎啊，把杯子打碎了", "垃圾狗粮我家不要", "我家懒狗又拆家了", "我眼睛瞎了才买这个", "这款相机曝光补偿怎么调"} {
		require.False(t, buyerSays(t, c, give).abuse, give)
	}
	// The whole chain: a rude 'reminder' first, then the polite one after an
	// apology; each abusive message counts once after the polite one.
	chain := func(after int) Report {
		turns := []Turn{buyer(0, "垃圾店"), agent(5, "你再骂一句试试"), buyer(8, "黑心狗"), buyer(9, "骗子，骗子，一窝骗子"),
			agent(12, "抱歉，刚才我语气不好，还是希望咱们心平气和地沟通，问题我来解决")}
		for i, give := range insults[:after] {
			turns = append(turns, buyer(14+i, "骗子！"+give)) // two insults, one message
		}
		return Audit(c, turns)
	}
	require.Nil(t, findingOf(chain(5), BlacklistEligible), "five after the polite reminder")
	bl := findingOf(chain(6), BlacklistEligible)
	require.NotNil(t, bl)
	require.Equal(t, []int{4, 5, 6, 7, 8, 9, 10}, bl.Turns, "the polite reminder, then each message once")
}

func countKind(cr Report, k FindingKind) int {
	n := 0
	for _, f := range cr.Findings {
		if f.Kind == k {
			n++
		}
	}
	return n
}

// Abuse has a target: a third party in the buyer's story (a courier, a
// neighbour) and pets or pet products are no abuse; the same words aimed at
// the agent are.
func TestStoriesAndPets(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"今天那个送货的跟个神经病一样，把箱子直接扔楼下", false},
		{"我邻居说他脑子有毛病", false},
		{"快递师傅跟个疯子一样按门铃", false},
		{"我家狗子超爱你们家的狗粮🐶", false},
		{"小狗崽能吃吗？", false},
		{"好的，狗子吃得跟小猪一样香，再来两袋🐶", false},
		{"猫砂到了，我家猫跟个傻子一样一直刨", false},
		{"谢谢你们🐶", false},
		{"给客服点赞🐶", false},
		{"狗粮🐶收到了", false},
		// Aimed at the agent, the shop.
		{"反馈有什么用，你也跟个神经病一样", true},
		{"你们客服就是一群狗🐶", true},
		{"客服🐶", true},
		{"🐷客服", true},
		{"你是🐶吗", true},
		{"客服你就是个🐶", true},
		{"你们这客服🐶都不如", true},
	} {
		require.Equal(t, tt.want, buyerSays(t, c, tt.give).abuse, tt.give)
	}
}

// TestBuyerFrustrationIsNoAbuse: the checker's minor abuse (an agent's
// exasperation or sarcasm) is ordinary frustration from a buyer; its serious
// abuse (insults) still counts.
func TestBuyerFrustrationIsNoAbuse(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.PDD))
	for _, give := range []string{"无语", "无语了，就问你退款为啥驳回", "我真是无语了"} {
		require.NotEmpty(t, c.Check(give).Violations, "%s: an agent saying it is flagged", give)
		assert.False(t, buyerSays(t, c, give).abuse, give)
	}
	assert.True(t, buyerSays(t, c, "无语，你们客服都是废物").abuse)
}

// Check joins an interjection and an insult of one sentence into one span;
// the insult's own place decides its target (the buyer's 我 before it).
func TestJoinedCheckHitJudgedAtItsTerm(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Doudian))
	assert.False(t, buyerSays(t, c, "卧槽 我又手滑多拍了一单 我真是个大傻子").abuse)
	assert.True(t, buyerSays(t, c, "卧槽 你们客服是傻子吧").abuse)
	assert.True(t, buyerSays(t, c, "卧槽 傻子客服").abuse)
}
