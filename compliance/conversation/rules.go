package conversation

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/huashu/huashu/lexicon"
)

//go:embed rules/*.txt
var defaultRules embed.FS

// DefaultRules returns the embedded rule files (rules/*.txt) the audit reads
// buyer and agent turns with, for reading or as a starting point for a
// shop's own (see [ParseRules]).
func DefaultRules() fs.FS { return defaultRules }

// cueKind is what a rule match means; it comes from the entry's x-kind.
type cueKind uint8

const (
	cueAbuse      cueKind = iota + 1 // an insult (x-aim: named, addressed, explicit, interjection, none)
	cueParty                         // who words are about (x-party)
	cueComplaint                     // a complaint channel: 投诉, 12315, 曝光…
	cueIntent                        // intent before a complaint: 我要, 我就…
	cueNegation                      // 不是, 没有…
	cuePast                          // 上次, 已经…
	cueAskHow                        // 哪里, 怎么…
	cueManager                       // 主管, 负责人… (x-aim=named: a demand in itself)
	cueDemand                        // 让, 叫, 找…
	cueConsult                       // 问问, 商量…
	cueSummon                        // 叫来, 出来… after a manager
	cueImpatience                    // 快点, 人呢…
	cueCivility                      // 文明, 理性, 好好说… (agent)
	cuePolite                        // 请, 您, 好吗… (agent)
	cueThreat                        // 拉黑, 拒绝为… (agent)
	cuePutOff                        // 无法, 不能… (agent)
	cueAck                           // 好的, 收到… (agent)
	cueEcho                          // 你大爷, 个屁… after the agent's words (buyer)
	cueRequest                       // 提供, 发一下… (agent)
	cueFault                         // 不当, 欠妥… after a civility cue (agent)
	cueSupplied                      // 发过了, 上面有… (buyer)
	cueBadge                         // 工号… (buyer)
	cueGrievance                     // 解决不了, 没权限… (buyer)
	cuePurpose                       // 批发, 表扬… (buyer)
	cuePraise                        // 谢谢, 点赞… (buyer)
	cueReport                        // 说, 骂… : words of the party before them (buyer)
	cueHearsay                       // 听说, 以为, 没说… : what follows is not the buyer's own claim (buyer)
	cueSelfBlame                     // 买错, 怪我… : the buyer owns a lapse (buyer)
	maxCueKind    = cueSelfBlame
)

// cueNames are the x-kind codes, in the order of cueKind.
var cueNames = []string{"abuse", "party", "complaint", "intent", "negation", "past", "askhow", "manager",
	"demand", "consult", "summon", "impatience", "civility", "polite", "threat", "putoff", "ack", "echo",
	"request", "fault", "supplied", "badge", "grievance", "purpose", "praise", "report", "hearsay", "selfblame"}

var cueCodes = func() map[string]cueKind {
	m := map[string]cueKind{}
	for i, name := range cueNames {
		m[name] = cueKind(i + 1)
	}
	return m
}()

// aim is how an insult finds its target (see rules/abuse.txt).
type aim uint8

const (
	aimAddressed aim = iota // the default
	aimNamed
	aimExplicit
	aimNone         // criticism, not an insult: it only overrides the checker's term
	aimInterjection // explicit, but no insult as a whole message (卧槽: surprise)
	aimAsked        // explicit, and aimed at the addressee in a question with no party (瞎啊？)
	aimAdjacent     // explicit, but owned only by a party right before it (an animal emoji: 你是🐷, not 谢谢你们🐶)
	aimCurse        // a curse in a message to the agent (tmd, 他妈的), unless a third party or the product owns it
	aimRetort       // a retort that fills its clause (滚, 扯淡！, 都是狗屁) or that the agent owns (你放屁)
)

var aimCodes = map[string]aim{"": aimAddressed, "addressed": aimAddressed, "named": aimNamed, "explicit": aimExplicit, "none": aimNone,
	"interjection": aimInterjection, "asked": aimAsked, "curse": aimCurse, "retort": aimRetort}

// party is who words are about (see rules/parties.txt).
type party uint8

const (
	partyNone party = iota
	partyAddressee
	partySelf
	partyThird
	partyProduct
	partyCrowd   // counts only after the insult
	partySomeone // an indefinite third party: counts only before the insult
)

var partyCodes = map[string]party{"addressee": partyAddressee, "self": partySelf, "third": partyThird, "product": partyProduct, "crowd": partyCrowd, "someone": partySomeone}

type cueMeta struct {
	kind  cueKind
	aim   aim
	party party
}

// cue is one rule match in a turn's folded text.
type cue struct {
	cueMeta
	start, end int
}

// Rules are what the audit reads turns with: lexicon entries whose x-kind
// says what a match means (see the files of [DefaultRules]). The meaning of
// an entry comes from its attributes, never from the name of its file.
// Rules are immutable and safe for concurrent use.
type Rules struct {
	m    *lexicon.Matcher
	meta [][]cueMeta // by entry index: a term may mean several things (您: the addressee, and polite)
	pool sync.Pool
}

var defaultCompiled = sync.OnceValue(func() *Rules {
	r, err := compileRules(nil)
	if err != nil {
		panic("conversation: embedded rules: " + err.Error()) // TestDefaultRulesCompile guards the files
	}
	return r
})

// ParseRules reads a rule file (package lexicon's format; every entry needs
// x-kind, see [DefaultRules]) and compiles it on top of the default rules:
// an entry whose term folds like a default one replaces it. name is used in
// errors, which are *lexicon.ParseError values naming the file and line.
// Shops mostly add insults (x-kind=abuse) and complaint channels
// (x-kind=complaint).
func ParseRules(name string, r io.Reader) (*Rules, error) {
	es, err := lexicon.Parse(name, r)
	if err != nil {
		return nil, err
	}
	return compileRules(es)
}

func compileRules(extra []lexicon.Rule) (*Rules, error) {
	names, _ := fs.Glob(defaultRules, "rules/*.txt")
	sort.Strings(names)
	var entries []lexicon.Rule
	for _, name := range names {
		data, err := defaultRules.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("conversation: %w", err)
		}
		es, err := lexicon.Parse(name, strings.NewReader(string(data)))
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	entries = append(entries, extra...)
	r := &Rules{}
	byKey := map[string]int{}
	var keep []lexicon.Entry
	for _, e := range entries {
		bad := func(format string, args ...any) error {
			return &lexicon.ParseError{File: e.File, Line: e.Line, Msg: fmt.Sprintf(format, args...)}
		}
		kind, ok := cueCodes[e.Attrs["x-kind"]]
		if !ok {
			return nil, bad("x-kind=%q (want %s or %s)", e.Attrs["x-kind"], strings.Join(cueNames[:len(cueNames)-1], ", "), cueNames[len(cueNames)-1])
		}
		m := cueMeta{kind: kind}
		if a, ok := e.Attrs["x-aim"]; ok || kind == cueAbuse {
			if m.aim, ok = aimCodes[a]; !ok {
				return nil, bad("x-aim=%q (want named, addressed, explicit, interjection, asked, curse, retort or none)", a)
			}
		}
		if kind == cueParty {
			if m.party, ok = partyCodes[e.Attrs["x-party"]]; !ok {
				return nil, bad("x-party=%q (want addressee, self, third, product, crowd or someone)", e.Attrs["x-party"])
			}
		}
		k := lexicon.NormalizeText(e.Term)
		if i, dup := byKey[k]; dup {
			// A later entry of the same kind replaces the earlier one
			// (a shop's file overrides a default); another kind adds a meaning.
			keep[i] = e.Entry
			replaced := false
			for j := range r.meta[i] {
				if r.meta[i][j].kind == kind {
					r.meta[i][j], replaced = m, true
				}
			}
			if !replaced {
				r.meta[i] = append(r.meta[i], m)
			}
			continue
		}
		byKey[k] = len(keep)
		keep = append(keep, e.Entry)
		r.meta = append(r.meta, []cueMeta{m})
	}
	m, err := lexicon.Compile(keep, lexicon.Overlapping())
	if err != nil {
		return nil, err
	}
	r.m = m
	r.pool.New = func() any { s := make([]lexicon.Match, 0, 16); return &s }
	return r, nil
}

// Len reports how many terms the rules match.
func (r *Rules) Len() int { return r.m.Len() }

// insultEmoji are emoji that insult whoever they are aimed at; animal emoji
// do so only when an addressed party stands right before them (你是🐷,
// 客服🐶都不如) or they are the whole message: beside a pet or in thanks
// (谢谢你们🐶, 狗粮收到了🐶) they are decoration.
var insultEmoji = map[rune]aim{
	'🤡': aimAddressed, '💩': aimAddressed, '🖕': aimAddressed, '🤮': aimExplicit, '🤬': aimExplicit,
	'🐷': aimAdjacent, '🐖': aimAdjacent, '🐽': aimAdjacent, '🐶': aimAdjacent, '🐕': aimAdjacent,
	'🐒': aimAdjacent, '🐵': aimAdjacent, '🐴': aimAdjacent, '🐎': aimAdjacent, // 🐴 reads 妈 online
}

// scan returns the cues in folded text ft, ordered by start, longer first.
func (r *Rules) scan(dst []cue, ft string) []cue {
	bufp := r.pool.Get().(*[]lexicon.Match)
	ms := r.m.AppendAll((*bufp)[:0], ft)
	for _, m := range ms {
		for _, meta := range r.meta[m.Entry] {
			dst = append(dst, cue{cueMeta: meta, start: m.Start, end: m.End})
		}
	}
	*bufp = ms[:0]
	r.pool.Put(bufp)
	for i, c := range ft {
		if a, ok := insultEmoji[c]; ok {
			dst = append(dst, cue{cueMeta: cueMeta{kind: cueAbuse, aim: a}, start: i, end: i + utf8.RuneLen(c)})
		}
	}
	sortCues(dst)
	return dst
}

// sortCues orders cues by start, longer first.
func sortCues(cs []cue) {
	slices.SortStableFunc(cs, func(a, b cue) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
}
