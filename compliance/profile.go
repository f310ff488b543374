package compliance

import "fmt"

// Penalty is what a violation may cost on its platform: the rule it falls
// under and the platform's action on its ladder for the severity.
type Penalty struct {
	Rule   string  `json:"rule"`   // the platform rule, in the platform's words where known
	Action string  `json:"action"` // "警告", "扣12分", ...
	Points float64 `json:"points"` // points deducted; 0 for a warning or where no figure is published
	Source string  `json:"source"` // where the figures come from
}

// ladder is a platform's penalty per severity, Warning..Critical.
type ladder struct {
	points [5]float64
	source string
}

// profile is one platform's rules: which categories apply and what they cost.
type profile struct {
	platform Platform
	applies  map[Category]bool
	rules    map[Category]string
	ladder   *ladder // nil: no published figures
}

var (
	// JD: 《京东开放平台商家违规积分管理规则》 骚扰他人 — 情节特别轻微 警告,
	// 轻微 12, 严重 25, 特别严重 100. Using the same ladder for competitor
	// names and 亲 is huashu's estimate.
	jdLadder = &ladder{points: [5]float64{0, 0, 12, 25, 100}, source: "京东开放平台商家违规积分管理规则（骚扰他人：警告/12/25/100分）"}
	// Taobao/Tmall: 骚扰他人 12 points, serious cases 48.
	taobaoLadder = &ladder{points: [5]float64{0, 0, 12, 48, 48}, source: "淘宝/天猫规则（骚扰他人：12分，情节严重48分）"}
	// Doudian: A/B class service violations, 0.5 / 4 / 12 points.
	doudianLadder = &ladder{points: [5]float64{0, 0.5, 4, 12, 12}, source: "抖店商家违规积分（A/B类：0.5/4/12分）"}
)

var allCategories = func() map[Category]bool {
	m := map[Category]bool{}
	for _, c := range Categories() {
		m[c] = true
	}
	return m
}()

func without(cs ...Category) map[Category]bool {
	m := map[Category]bool{}
	for c := range allCategories {
		m[c] = true
	}
	for _, c := range cs {
		delete(m, c)
	}
	return m
}

var commonRules = map[Category]string{
	Abuse:            "骚扰他人：谩骂、诋毁或使用引起他人不满的字句",
	Refusal:          "服务态度：拒绝服务、推诿或激化矛盾",
	ForbiddenAddress: "客服用语规范：禁止使用的称呼",
	Competitor:       "禁止提及其他平台名称",
	OffPlatform:      "禁止引导站外联系或站外交易",
	AdAbsolute:       "《广告法》第九条：禁止使用“国家级”“最高级”“最佳”等绝对化用语",
	Privacy:          "禁止泄露消费者个人信息（《个人信息保护法》）",
	ReviewInducement: "禁止以利益诱导好评或删除差评",
}

var profiles = map[Platform]*profile{
	Generic: {platform: Generic, applies: without(ForbiddenAddress), rules: commonRules},
	JD:      {platform: JD, applies: allCategories, rules: commonRules, ladder: jdLadder},
	Taobao:  {platform: Taobao, applies: without(ForbiddenAddress), rules: commonRules, ladder: taobaoLadder},
	Doudian: {platform: Doudian, applies: without(ForbiddenAddress), rules: commonRules, ladder: doudianLadder},
	PDD:     {platform: PDD, applies: without(ForbiddenAddress), rules: commonRules},
}

// penalty grades a violation of category c at severity s on the profile's ladder.
func (p *profile) penalty(c Category, s Severity) Penalty {
	if s == 0 {
		return Penalty{}
	}
	pen := Penalty{Rule: p.rules[c]}
	if p.ladder == nil {
		pen.Action = map[Severity]string{Warning: "提醒", Minor: "警告", Serious: "按平台规则处理", Critical: "按平台规则从重处理"}[s]
		pen.Source = "no published point figures for this platform"
		return pen
	}
	pen.Points = p.ladder.points[s]
	pen.Source = p.ladder.source
	if pen.Points == 0 {
		pen.Action = "警告"
	} else {
		pen.Action = fmt.Sprintf("扣%g分", pen.Points)
	}
	return pen
}
