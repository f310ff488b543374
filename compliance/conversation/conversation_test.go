package conversation

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/internal/proptest"
	"github.com/huashu/huashu/scripts"
)

func propParams(t *testing.T) *gopter.TestParameters { return proptest.Params(t, 300) }

func mustNew(t testing.TB, opts ...compliance.Option) *compliance.Checker {
	t.Helper()
	c, err := compliance.New(opts...)
	require.NoError(t, err)
	return c
}

// t0 is 10:00 China time, inside every platform's service hours.
var t0 = time.Date(2026, 3, 15, 10, 0, 0, 0, chinaTime)

func at(sec int) time.Time { return t0.Add(time.Duration(sec) * time.Second) }

func buyer(sec int, text string) Turn { return Turn{Role: Buyer, At: at(sec), Text: text} }
func agent(sec int, text string) Turn { return Turn{Role: Agent, At: at(sec), Text: text} }

func kinds(cr Report) []string {
	out := []string{}
	for _, f := range cr.Findings {
		out = append(out, f.Kind.String())
	}
	return out
}

func findingOf(cr Report, k FindingKind) *Finding {
	for i := range cr.Findings {
		if cr.Findings[i].Kind == k {
			return &cr.Findings[i]
		}
	}
	return nil
}

func TestAuditSeedCase(t *testing.T) {
	// The JD 咚咚 case: the agent answers abuse with the same reply, over and over.
	jd := mustNew(t, compliance.WithPlatform(compliance.JD))
	reply := "你再这样没素质的说话，我们拒绝为你服务，谢谢"
	turns := []Turn{
		buyer(0, "东西坏了，取快递还要花两块钱"),
		agent(10, "那您申请退款吧"),
		buyer(20, "你们什么破店，垃圾客服"),
		agent(25, reply),
		buyer(30, "骗子"),
		agent(35, reply),
		buyer(40, "黑店"),
		agent(45, reply),
	}
	cr := Audit(jd, turns)
	spam := findingOf(cr, Spam)
	require.NotNil(t, spam, kinds(cr))
	require.Equal(t, []int{3, 5, 7}, spam.Turns)
	require.Equal(t, compliance.Critical, spam.Severity, "repeated serious violations are raised one level")
	require.Len(t, cr.Reports, 4)
	require.Equal(t, 3, cr.Reports[1].Turn)
	require.Equal(t, compliance.Serious, cr.Reports[1].Severity, "per-turn reports stay as Check made them")
	require.NotNil(t, findingOf(cr, BuyerAbuse))
	require.NotNil(t, findingOf(cr, Escalate))
	require.Equal(t, scripts.Aggressive, cr.CustomerType)
	require.Equal(t, compliance.Critical, cr.Severity)
}

func TestAuditSpam(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	// Nearly the same text (punctuation, one character) counts.
	cr := Audit(c, []Turn{buyer(0, "在吗"), agent(5, "您好，请稍等"), agent(20, "您好，请稍等！"), agent(40, "您好 请稍等哦")})
	require.Equal(t, []string{"spam"}, kinds(cr))
	require.Equal(t, compliance.Warning, cr.Findings[0].Severity)
	// Spread over more than 2 minutes: not spam.
	cr = Audit(c, []Turn{agent(0, "您好，请稍等"), agent(70, "您好，请稍等"), agent(150, "您好，请稍等")})
	require.Empty(t, kinds(cr))
	// Different replies: not spam.
	cr = Audit(c, []Turn{agent(0, "您好"), agent(5, "请问订单号是多少"), agent(10, "已为您登记")})
	require.Empty(t, kinds(cr))
	// One burst is reported once.
	cr = Audit(c, []Turn{agent(0, "稍等"), agent(1, "稍等"), agent(2, "稍等"), agent(3, "稍等"), agent(4, "稍等")})
	require.Equal(t, []string{"spam"}, kinds(cr))
}

func TestAuditSlowResponse(t *testing.T) {
	jd := mustNew(t, compliance.WithPlatform(compliance.JD))
	cr := Audit(jd, []Turn{buyer(0, "请问发货了吗"), agent(20, "您好，已经发货了"), buyer(60, "什么时候到"), agent(105, "预计明天送达")})
	require.Equal(t, []string{"slow_response"}, kinds(cr))
	f := cr.Findings[0]
	require.Equal(t, []int{2, 3}, f.Turns)
	require.Equal(t, Duration(45*time.Second), f.Wait)
	require.Equal(t, 2, cr.Response.BuyerMessages)
	require.Equal(t, 1, cr.Response.WithinWindow)
	require.InDelta(t, 0.5, cr.Response.Rate, 1e-9)
	require.Equal(t, Duration(20*time.Second), cr.Response.FirstResponse)
	require.Equal(t, Duration(32500*time.Millisecond), cr.Response.Average)
	// The same wait is fine on compliance.Taobao (3 minutes).
	require.Empty(t, kinds(Audit(mustNew(t, compliance.WithPlatform(compliance.Taobao)), []Turn{buyer(0, "在吗"), agent(45, "在的")})))
	// compliance.PDD allows an hour; a custom window overrides.
	require.Empty(t, kinds(Audit(mustNew(t, compliance.WithPlatform(compliance.PDD)), []Turn{buyer(0, "在吗"), agent(3000, "在的")})))
	require.Equal(t, []string{"slow_response"}, kinds(Audit(mustNew(t, compliance.WithPlatform(compliance.PDD)), []Turn{buyer(0, "在吗"), agent(61, "在的")}, WithResponseWindow(time.Minute))))
	// No reply at all, past the window by the last turn.
	cr = Audit(jd, []Turn{buyer(0, "在吗"), buyer(40, "人呢")})
	require.Contains(t, kinds(cr), "slow_response")
	// Outside compliance.JD's service hours (23:30) nothing is measured.
	night := time.Date(2026, 3, 15, 23, 30, 0, 0, chinaTime)
	cr = Audit(jd, []Turn{{Role: Buyer, At: night, Text: "在吗"}, {Role: Agent, At: night.Add(10 * time.Minute), Text: "在的"}})
	require.Empty(t, kinds(cr))
	require.Zero(t, cr.Response.BuyerMessages)
	// Merchant hours.
	cr = Audit(jd, []Turn{{Role: Buyer, At: night, Text: "在吗"}, {Role: Agent, At: night.Add(time.Minute), Text: "在的"}}, WithServiceHours(20*time.Hour, 2*time.Hour))
	require.Equal(t, []string{"slow_response"}, kinds(cr))
}

func TestAuditBlacklist(t *testing.T) {
	jd := mustNew(t, compliance.WithPlatform(compliance.JD))
	turns := []Turn{buyer(0, "你们是骗子"), agent(5, "您好，请您注意文明用语，我们一起把问题处理好")}
	for i := 0; i < 6; i++ {
		turns = append(turns, buyer(10+i*5, "垃圾客服"))
	}
	cr := Audit(jd, turns)
	f := findingOf(cr, BlacklistEligible)
	require.NotNil(t, f, kinds(cr))
	require.Equal(t, []int{1, 2, 3, 4, 5, 6, 7}, f.Turns, "the reminder and the six abusive messages are the evidence")
	// Five after the reminder are not enough ("more than 5").
	cr = Audit(jd, turns[:7])
	require.Nil(t, findingOf(cr, BlacklistEligible))
	// Without a reminder, no blacklist.
	cr = Audit(jd, append([]Turn{buyer(0, "骗子")}, turns[2:]...))
	require.Nil(t, findingOf(cr, BlacklistEligible))
	// The rule is JD's: the same chain on any other platform is abuse, and
	// escalated, but gives no blacklist finding.
	for _, p := range []compliance.Platform{compliance.Generic, compliance.JD, compliance.Taobao, compliance.Doudian, compliance.PDD} {
		cr := Audit(mustNew(t, compliance.WithPlatform(p)), turns)
		require.Equal(t, p == compliance.JD, findingOf(cr, BlacklistEligible) != nil, p.String())
		require.Equal(t, 7, countKind(cr, BuyerAbuse), p.String())
		require.NotNil(t, findingOf(cr, Escalate), p.String())
	}
}

func TestAuditEscalateAndTypes(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	cr := Audit(c, []Turn{buyer(0, "再不处理我就打12315投诉你们"), agent(20, "非常抱歉，我马上为您处理")})
	require.Equal(t, []string{"escalate"}, kinds(cr))
	require.Equal(t, scripts.Aggressive, cr.CustomerType)
	// Impatience three times is aggressive too.
	cr = Audit(c, []Turn{buyer(0, "在吗？？？"), buyer(5, "快点"), buyer(10, "人呢")})
	require.Contains(t, kinds(cr), "escalate")
	// A long, calm conversation: quiet.
	var calm []Turn
	answers := []string{"尺码是标准的", "面料是纯棉的", "有三种颜色", "今天下单明天发", "支持七天无理由", "可以开电子发票", "赠品是收纳袋", "包邮到家", "库存还有很多", "洗涤不会变形"}
	for i := 0; i < 10; i++ {
		calm = append(calm, buyer(i*60, "请问这款怎么样"), agent(i*60+20, "您好，"+answers[i]))
	}
	cr = Audit(c, calm)
	require.Empty(t, kinds(cr))
	require.Equal(t, scripts.Quiet, cr.CustomerType)
	// The caller knows the buyer's history: habitual.
	cr = Audit(c, calm[:2], WithComplaintHistory(3))
	require.Equal(t, scripts.Habitual, cr.CustomerType)
	// Too little to tell.
	require.Equal(t, scripts.CustomerType(0), Audit(c, calm[:2]).CustomerType)
}

func TestSuggestNext(t *testing.T) {
	jd := mustNew(t, compliance.WithPlatform(compliance.JD))
	sug := SuggestNext(jd, []Turn{buyer(0, "你们是骗子")})
	require.NotEmpty(t, sug)
	require.Equal(t, scripts.CivilityReminder, sug[0].Scenario)
	sug = SuggestNext(jd, []Turn{buyer(0, "你们是骗子"), agent(5, "请您注意文明用语"), buyer(10, "垃圾客服")})
	require.Equal(t, scripts.Escalate, sug[0].Scenario)
	sug = SuggestNext(jd, []Turn{buyer(0, "发货了吗"), agent(100, "发了")})
	require.Equal(t, scripts.Apologise, sug[0].Scenario)
	for _, s := range sug {
		require.True(t, jd.Check(s.Text).Clean())
	}
}

func TestSessionBoundedAndJSON(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Doudian))
	s := NewSession(c)
	for i := 0; i < 20000; i++ {
		s.Add(buyer(i*10, "在吗"))
		if i%100 == 0 {
			s.Add(agent(i*10+1, "在的"+string(rune('a'+i%26))))
		}
	}
	require.LessOrEqual(t, len(s.pending), maxPending)
	require.LessOrEqual(t, cap(s.recent), 2*maxRecent)
	cr := Audit(c, []Turn{buyer(0, "骗子"), agent(400, "非常抱歉")})
	b, err := json.Marshal(cr)
	require.NoError(t, err)
	for _, k := range []string{`"kind":"buyer_abuse"`, `"kind":"slow_response"`, `"turns":[0,1]`, `"wait":400`, `"window":180`, `"customer_type":"aggressive"`, `"reports":[{"turn":1,"text":"非常抱歉"`} {
		require.Contains(t, string(b), k)
	}
	var back Report
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, 1, back.Reports[0].Turn)
	require.Equal(t, Duration(400*time.Second), back.Findings[2].Wait)
	var role Role
	require.Error(t, role.UnmarshalText([]byte("bot")))
	var k FindingKind
	require.NoError(t, k.UnmarshalText([]byte("spam")))
	require.Equal(t, Spam, k)
}

// genConversation makes a conversation of buyer questions, each answered
// within the window by a different clean script.
func genConversation(window time.Duration) gopter.Gen {
	questions := []string{"请问有货吗", "什么时候发货", "可以开发票吗", "尺码偏大吗", "能便宜点吗", "包邮吗", "有赠品吗", "怎么退换"}
	var answers []string
	for _, s := range scripts.Default().All() {
		if len(s.Platforms) == 0 {
			text, _ := s.Render(nil)
			answers = append(answers, text)
		}
	}
	return gen.SliceOfN(12, gopter.CombineGens(gen.IntRange(0, 1000), gen.IntRange(1, int(window/time.Second)), gen.IntRange(0, 1000))).Map(func(v [][]any) []Turn {
		var turns []Turn
		sec := 0
		start := v[0][2].(int)
		for i, x := range v {
			q, delay := x[0].(int), x[1].(int)
			turns = append(turns, buyer(sec, questions[q%len(questions)]))
			sec += delay
			turns = append(turns, agent(sec, answers[(start+i)%len(answers)]))
			sec += 30
		}
		return turns
	})
}

func TestPropertyCleanPromptConversationsHaveNoFindings(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.Taobao))
	props := gopter.NewProperties(propParams(t))
	props.Property("no agent violations and prompt replies: no findings", prop.ForAll(
		func(turns []Turn) bool {
			cr := Audit(c, turns)
			if len(cr.Findings) > 0 {
				t.Logf("findings %v for %v", kinds(cr), turns)
			}
			return len(cr.Findings) == 0 && cr.Response.Rate == 1
		}, genConversation(3*time.Minute-time.Second)))
	props.TestingRun(t)
}

func TestPropertyTimestampsDoNotChangeTurnReports(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	texts := []string{"亲，您好", "你有病吧", "加 微 信", "已为您登记", "请稍等", "淘寶更便宜", "您的手机号15900001111"}
	props := gopter.NewProperties(propParams(t))
	props.Property("reordering only timestamps never changes per-turn reports", prop.ForAll(
		func(ix []int, secs []int, perm []int) bool {
			var turns []Turn
			for i, x := range ix {
				role := Agent
				if x%3 == 0 {
					role = Buyer
				}
				turns = append(turns, Turn{Role: role, At: at(secs[i%len(secs)]), Text: texts[x%len(texts)]})
			}
			shuffled := slices.Clone(turns)
			for i := range shuffled {
				j := perm[i%len(perm)] % len(shuffled)
				shuffled[i].At, shuffled[j].At = shuffled[j].At, shuffled[i].At
			}
			a, b := Audit(c, turns).Reports, Audit(c, shuffled).Reports
			return slices.EqualFunc(a, b, func(x, y TurnReport) bool {
				bx, _ := json.Marshal(x)
				by, _ := json.Marshal(y)
				return string(bx) == string(by)
			})
		},
		gen.SliceOfN(10, gen.IntRange(0, 100)), gen.SliceOfN(10, gen.IntRange(0, 600)), gen.SliceOfN(10, gen.IntRange(0, 100)),
	))
	props.TestingRun(t)
}

func TestPropertySessionEqualsAudit(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	texts := []string{"骗子", "在吗", "你再这样没素质的说话，我们拒绝为你服务，谢谢", "请注意文明用语", "我要投诉", "好的", "稍等"}
	props := gopter.NewProperties(propParams(t))
	props.Property("a Session fed turn by turn finds what Audit finds", prop.ForAll(
		func(ix []int, gaps []int) bool {
			var turns []Turn
			sec := 0
			for i, x := range ix {
				role := Buyer
				if x%2 == 1 {
					role = Agent
				}
				sec += gaps[i%len(gaps)]
				turns = append(turns, Turn{Role: role, At: at(sec), Text: texts[x%len(texts)]})
			}
			s := NewSession(c)
			var got []Finding
			for _, tr := range turns {
				got = append(got, s.Add(tr).Findings...)
			}
			got = append(got, s.Close()...)
			want := Audit(c, turns).Findings
			bg, _ := json.Marshal(got)
			bw, _ := json.Marshal(want)
			return string(bg) == string(bw)
		},
		gen.SliceOfN(20, gen.IntRange(0, 100)), gen.SliceOfN(5, gen.IntRange(0, 90)),
	))
	props.TestingRun(t)
}

// TurnResult and Duration are written as the rest of the API is: lowercase
// JSON, [] for no findings, and a readable duration.
func TestTurnResultJSONAndDuration(t *testing.T) {
	b, err := json.Marshal(TurnResult{})
	require.NoError(t, err)
	require.JSONEq(t, `{"findings": []}`, string(b))
	require.Equal(t, "1m30s", Duration(90*time.Second).String())
}

// A complaint threat after abuse is reported as a new hand-over, not
// swallowed by the first one; the same reason again within 30 minutes is not.
func TestEscalateAgainWhenMoreSerious(t *testing.T) {
	c, err := compliance.New(compliance.WithPlatform(compliance.Taobao))
	require.NoError(t, err)
	t0 := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	rep := Audit(c, []Turn{
		{Role: Buyer, At: t0, Text: "你们这群骗子"},
		{Role: Agent, At: t0.Add(10 * time.Second), Text: "非常抱歉，我来帮您处理"},
		{Role: Buyer, At: t0.Add(20 * time.Second), Text: "骗子客服"},
		{Role: Agent, At: t0.Add(30 * time.Second), Text: "请您消消气，我马上核实"},
		{Role: Buyer, At: t0.Add(40 * time.Second), Text: "我要投诉你们，还要找媒体曝光"},
	})
	var turns []int
	for _, f := range rep.Findings {
		if f.Kind == Escalate {
			turns = append(turns, f.Turns...)
		}
	}
	require.Equal(t, []int{0, 4}, turns)
}
