package enum_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/internal/enum"
	"github.com/huashu/huashu/internal/proptest"
	"github.com/huashu/huashu/scripts"
)

// spec is what a test expects of one public enum, written out here rather
// than read from the package, so the tests check the tables.
type spec[T ~int] struct {
	pkg, what string
	textPkg   string         // the prefix of MarshalText and UnmarshalText errors, when not pkg (an alias's methods are its origin's)
	zero      string         // the zero value's code, "" when it means unset
	spell     map[T][]string // every known value: its code first, then its other names
	parse     func(string) (T, error)
}

// parseByText is a parse function for enums with UnmarshalText only.
func parseByText[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](s string) (T, error) {
	var v T
	if strings.TrimSpace(s) == "" {
		return v, fmt.Errorf("empty")
	}
	err := P(&v).UnmarshalText([]byte(s))
	return v, err
}

func TestEveryEnum(t *testing.T) {
	check(t, "compliance.Platform", spec[compliance.Platform]{pkg: "compliance", textPkg: "scripts", what: "platform", parse: compliance.ParsePlatform,
		spell: map[compliance.Platform][]string{
			compliance.Generic: {"generic", "通用"}, compliance.JD: {"jd", "京东"}, compliance.Taobao: {"taobao", "淘宝", "天猫", "tmall"},
			compliance.Doudian: {"doudian", "抖店"}, compliance.PDD: {"pdd", "拼多多"},
		}})
	check(t, "scripts.Platform", spec[scripts.Platform]{pkg: "scripts", what: "platform", parse: scripts.ParsePlatform,
		spell: map[scripts.Platform][]string{
			scripts.Generic: {"generic", "通用"}, scripts.JD: {"jd", "京东"}, scripts.Taobao: {"taobao", "淘宝", "天猫", "tmall"},
			scripts.Doudian: {"doudian", "抖店"}, scripts.PDD: {"pdd", "拼多多"},
		}})
	check(t, "compliance.Category", spec[compliance.Category]{pkg: "compliance", what: "category", parse: compliance.ParseCategory,
		spell: map[compliance.Category][]string{
			compliance.Abuse: {"abuse", "辱骂"}, compliance.Refusal: {"refusal", "拒绝服务"},
			compliance.ForbiddenAddress: {"forbidden_address", "违规称呼"}, compliance.Competitor: {"competitor", "竞品平台"},
			compliance.OffPlatform: {"off_platform", "站外引流"}, compliance.AdAbsolute: {"ad_absolute", "极限词"},
			compliance.Privacy: {"privacy", "隐私"}, compliance.ReviewInducement: {"review_inducement", "诱导好评"},
		}})
	check(t, "compliance.Severity", spec[compliance.Severity]{pkg: "compliance", what: "severity", zero: "none", parse: compliance.ParseSeverity,
		spell: map[compliance.Severity][]string{
			compliance.Warning: {"warning", "警告"}, compliance.Minor: {"minor", "轻微"},
			compliance.Serious: {"serious", "严重"}, compliance.Critical: {"critical", "特别严重"},
		}})
	check(t, "compliance.SuggestionKind", spec[compliance.SuggestionKind]{pkg: "compliance", what: "suggestion kind",
		parse: parseByText[compliance.SuggestionKind],
		spell: map[compliance.SuggestionKind][]string{compliance.Rewrite: {"rewrite", "改写"}, compliance.Scripted: {"script", "话术"}}})
	check(t, "conversation.Role", spec[conversation.Role]{pkg: "conversation", what: "role", parse: parseByText[conversation.Role],
		spell: map[conversation.Role][]string{conversation.Buyer: {"buyer", "买家", "顾客", "客户", "用户", "访客", "消费者", "customer", "user", "consumer", "visitor", "client"},
			conversation.Agent: {"agent", "客服", "商家", "卖家", "店家", "seller", "staff", "merchant", "service"}}})
	check(t, "conversation.FindingKind", spec[conversation.FindingKind]{pkg: "conversation", what: "finding kind",
		parse: parseByText[conversation.FindingKind],
		spell: map[conversation.FindingKind][]string{
			conversation.Spam: {"spam", "刷屏"}, conversation.SlowResponse: {"slow_response", "回复超时"},
			conversation.BuyerAbuse: {"buyer_abuse", "买家辱骂"}, conversation.BlacklistEligible: {"blacklist_eligible", "可拉黑"},
			conversation.Escalate: {"escalate", "升级"},
		}})
	check(t, "scripts.Scenario", spec[scripts.Scenario]{pkg: "scripts", what: "scenario", parse: scripts.ParseScenario,
		spell: map[scripts.Scenario][]string{
			scripts.Greet: {"greet", "问候"}, scripts.Appease: {"appease", "安抚"}, scripts.Apologise: {"apologise", "apologize", "道歉"},
			scripts.ConfirmNeed: {"confirm_need", "确认需求"}, scripts.ExplainLimit: {"explain_limit", "说明限制"},
			scripts.OfferOptions: {"offer_options", "提供方案"}, scripts.PromiseFollowUp: {"promise_follow_up", "承诺跟进"},
			scripts.Escalate: {"escalate", "升级", "转主管"}, scripts.CivilityReminder: {"civility_reminder", "文明提醒"},
			scripts.StayOnPlatform: {"stay_on_platform", "站内沟通"}, scripts.Closing: {"closing", "结束语"},
			scripts.FollowUpVisit: {"follow_up_visit", "回访"},
		}})
	check(t, "scripts.CustomerType", spec[scripts.CustomerType]{pkg: "scripts", what: "customer type", zero: "any", parse: scripts.ParseCustomerType,
		spell: map[scripts.CustomerType][]string{
			scripts.Aggressive: {"aggressive", "激进型"}, scripts.Quiet: {"quiet", "静悄型", "静俏型"}, scripts.Habitual: {"habitual", "惯性型"},
		}})
}

// check runs the properties every enum must have.
func check[T interface {
	~int
	fmt.Stringer
	encoding.TextMarshaler
}, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, name string, e spec[T]) {
	t.Run(name, func(t *testing.T) {
		n := len(e.spell)
		for v := T(1); int(v) <= n; v++ {
			require.NotEmpty(t, e.spell[v], "%s %d has no spelling in the test", name, int(v))
		}
		unmarshal := func(b []byte) (T, error) {
			var v T
			err := P(&v).UnmarshalText(b)
			return v, err
		}
		// wellFormed checks an error's shape: the package prefix once, the
		// enum named, ErrUnknown wrapped, by the value every package exports.
		textPkg := e.textPkg
		if textPkg == "" {
			textPkg = e.pkg
		}
		wellFormedIn := func(pkg string, err error) bool {
			msg := err.Error()
			return errors.Is(err, enum.ErrUnknown) && errors.Is(err, compliance.ErrUnknown) && errors.Is(err, scripts.ErrUnknown) &&
				strings.HasPrefix(msg, pkg+": ") && !strings.HasPrefix(msg[len(pkg)+2:], pkg+": ") &&
				strings.Contains(msg, e.what)
		}
		wellFormed := func(err error) bool { return wellFormedIn(e.pkg, err) }

		// The zero value round-trips: its code, or "" when it means unset.
		b, err := T(0).MarshalText()
		require.NoError(t, err)
		require.Equal(t, e.zero, string(b))
		for _, s := range []string{e.zero, "", "  "} {
			v, err := unmarshal([]byte(s))
			require.NoError(t, err, "%q", s)
			require.Equal(t, T(0), v, "%q", s)
		}
		if e.zero == "" {
			_, err = e.parse("")
			require.Error(t, err, "parsing empty text is an error")
		}

		props := gopter.NewProperties(proptest.Params(t, 300))
		props.Property("every value marshals and unmarshals to itself, or errors both ways", prop.ForAll(
			func(i int) bool {
				v := T(i)
				b, err := v.MarshalText()
				valid := (i >= 1 && i <= n) || i == 0
				if err != nil {
					return !valid && wellFormedIn(textPkg, err)
				}
				back, err := unmarshal(b)
				if !valid || err != nil || back != v {
					return false
				}
				if i == 0 {
					return string(b) == e.zero
				}
				// JSON is the code, as a string, and round-trips.
				j, err := json.Marshal(struct{ V T }{v})
				var w struct{ V T }
				return err == nil && string(j) == `{"V":"`+e.spell[v][0]+`"}` && json.Unmarshal(j, &w) == nil && w.V == v &&
					v.String() == e.spell[v][0]
			},
			gen.IntRange(-4, n+4),
		))
		props.Property("every spelling parses, in any case and with spaces around", prop.ForAll(
			func(i, k int, upper []bool, pad []string) bool {
				v := T(1 + i%n)
				names := e.spell[v]
				s := names[k%len(names)]
				var sb strings.Builder
				sb.WriteString(pad[0])
				j := 0
				for _, r := range s {
					if upper[j%len(upper)] {
						r = unicode.ToUpper(r)
					}
					if r == '_' && upper[(j+1)%len(upper)] {
						r = '-'
					}
					if r > ' ' && r < 0x7f && upper[(j+2)%len(upper)] && upper[(j+3)%len(upper)] {
						r += 0xFEE0 // the full-width form: ＪＤ
					}
					sb.WriteRune(r)
					j++
				}
				sb.WriteString(pad[1])
				got, err := e.parse(sb.String())
				back, uerr := unmarshal([]byte(sb.String()))
				return err == nil && got == v && uerr == nil && back == v
			},
			gen.IntRange(0, 1000), gen.IntRange(0, 10), gen.SliceOfN(8, gen.Bool()),
			gen.SliceOfN(2, gen.OneConstOf("", " ", "\t", "\u3000", "\n ")),
		))
		props.Property("any other text is an error wrapping ErrUnknown, prefixed once", prop.ForAll(
			func(s string) bool {
				v, err := e.parse(s)
				if strings.TrimSpace(s) == "" {
					return err != nil // the zero value only by UnmarshalText
				}
				if err != nil {
					_, uerr := unmarshal([]byte(s))
					return v == 0 && wellFormed(err) && uerr != nil && wellFormedIn(textPkg, uerr)
				}
				// It parsed: then it is one of the spellings.
				key := strings.Map(func(r rune) rune {
					if r >= 0xFF01 && r <= 0xFF5E {
						r -= 0xFEE0
					}
					if r == '-' {
						r = '_'
					}
					return r
				}, strings.ToLower(strings.TrimSpace(s)))
				if v == 0 {
					return key == e.zero
				}
				for _, name := range e.spell[v] {
					if strings.EqualFold(key, name) {
						return true
					}
				}
				return false
			},
			gen.OneGenOf(gen.AnyString(), gen.AlphaString(), gen.OneConstOf("amazon", "jingdong", "tb", "dance", "grumpy", "bot", "none", "any", "京", "京东商城", "ＪＤ", "ｔｍａｌｌ", "slow-response", "ＳＰＡＭ")),
		))
		props.TestingRun(t)
	})
}
