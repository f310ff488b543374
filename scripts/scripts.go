package scripts

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/internal/enum"
)

// ErrUnknown is wrapped by every error for an unknown platform, scenario or
// customer type code or value: match it with errors.Is. It is the same
// value as compliance.ErrUnknown.
var ErrUnknown = enum.ErrUnknown

// Platform is a marketplace whose rules a reply must follow. It is the one
// platform type of huashu: compliance.Platform is the same type, so a
// checker and its phrasebook always agree on platforms. The zero value is
// unset.
//
// Codes, names and aliases that [ParsePlatform] and UnmarshalText accept,
// ignoring case and surrounding spaces:
//
//	generic   通用
//	jd        京东
//	taobao    淘宝, 天猫, tmall
//	doudian   抖店
//	pdd       拼多多
type Platform int

// Platforms.
const (
	Generic Platform = iota + 1 // "generic": rules common to all platforms
	JD                          // "jd": 京东 (咚咚)
	Taobao                      // "taobao": 淘宝 and 天猫 (千牛/旺旺); alias "tmall"
	Doudian                     // "doudian": 抖店 (飞鸽)
	PDD                         // "pdd": 拼多多
)

var platforms = enum.Table[Platform]{Pkg: "scripts", Type: "Platform", What: "platform", Entries: []enum.Entry{
	{},
	Generic: {Code: "generic", Names: []string{"通用"}},
	JD:      {Code: "jd", Names: []string{"京东"}},
	Taobao:  {Code: "taobao", Names: []string{"淘宝", "天猫", "tmall"}},
	Doudian: {Code: "doudian", Names: []string{"抖店"}},
	PDD:     {Code: "pdd", Names: []string{"拼多多"}},
}}

// Platforms lists every platform, in order.
func Platforms() []Platform { return platforms.Values() }

// ParsePlatform parses a platform's code, Chinese name or alias (see
// [Platform]). An unknown one is an error wrapping [ErrUnknown].
func ParsePlatform(s string) (Platform, error) { return platforms.Parse(s) }

// String returns the platform's code, such as "jd", or "Platform(n)" for
// an unset or invalid value.
func (p Platform) String() string { return platforms.String(p) }

// MarshalText encodes the platform as its code; the zero value is "".
func (p Platform) MarshalText() ([]byte, error) { return platforms.MarshalText(p) }

// UnmarshalText decodes what [ParsePlatform] takes; "" is the zero value.
func (p *Platform) UnmarshalText(b []byte) error { return platforms.UnmarshalText(p, b) }

// Scenario is the situation a script is for. The zero value is unset.
type Scenario int

// Scenarios, with their codes and the Chinese names [ParseScenario] also takes.
const (
	Greet            Scenario = iota + 1 // "greet" 问候: open the conversation
	Appease                              // "appease" 安抚: calm an upset buyer
	Apologise                            // "apologise" (also "apologize") 道歉: own the problem
	ConfirmNeed                          // "confirm_need" 确认需求: restate what the buyer wants
	ExplainLimit                         // "explain_limit" 说明限制: say what cannot be done, and why
	OfferOptions                         // "offer_options" 提供方案: give the buyer choices
	PromiseFollowUp                      // "promise_follow_up" 承诺跟进: commit to a time
	Escalate                             // "escalate" 升级/转主管: hand over to a supervisor or colleague
	CivilityReminder                     // "civility_reminder" 文明提醒: ask an abusive buyer to stay civil
	StayOnPlatform                       // "stay_on_platform" 站内沟通: keep contact and payment on the platform
	Closing                              // "closing" 结束语: end the conversation
	FollowUpVisit                        // "follow_up_visit" 回访: check back after the problem is handled
)

var scenarios = enum.Table[Scenario]{Pkg: "scripts", Type: "Scenario", What: "scenario", Entries: []enum.Entry{
	{},
	Greet:            {Code: "greet", Names: []string{"问候"}},
	Appease:          {Code: "appease", Names: []string{"安抚"}},
	Apologise:        {Code: "apologise", Names: []string{"apologize", "道歉"}},
	ConfirmNeed:      {Code: "confirm_need", Names: []string{"确认需求"}},
	ExplainLimit:     {Code: "explain_limit", Names: []string{"说明限制"}},
	OfferOptions:     {Code: "offer_options", Names: []string{"提供方案"}},
	PromiseFollowUp:  {Code: "promise_follow_up", Names: []string{"承诺跟进"}},
	Escalate:         {Code: "escalate", Names: []string{"升级", "转主管"}},
	CivilityReminder: {Code: "civility_reminder", Names: []string{"文明提醒"}},
	StayOnPlatform:   {Code: "stay_on_platform", Names: []string{"站内沟通"}},
	Closing:          {Code: "closing", Names: []string{"结束语"}},
	FollowUpVisit:    {Code: "follow_up_visit", Names: []string{"回访"}},
}}

// Scenarios lists every scenario, in order.
func Scenarios() []Scenario { return scenarios.Values() }

// String returns the scenario's code, or "Scenario(n)" for an unset or
// invalid value.
func (s Scenario) String() string { return scenarios.String(s) }

// MarshalText encodes the scenario as its code; the zero value is "".
func (s Scenario) MarshalText() ([]byte, error) { return scenarios.MarshalText(s) }

// UnmarshalText decodes what [ParseScenario] takes; "" is the zero value.
func (s *Scenario) UnmarshalText(b []byte) error { return scenarios.UnmarshalText(s, b) }

// ParseScenario parses a scenario's code or Chinese name, ignoring case and
// surrounding spaces. An unknown one is an error wrapping [ErrUnknown].
func ParseScenario(code string) (Scenario, error) { return scenarios.Parse(code) }

// CustomerType is the kind of buyer. The zero value means any.
type CustomerType int

// Customer types, with their codes and the Chinese names [ParseCustomerType]
// also takes.
const (
	Aggressive CustomerType = iota + 1 // "aggressive" 激进型: harsh words, impatient, likes to judge
	Quiet                              // "quiet" 静悄型 (also 静俏型): calm, suspicious, long sessions, rarely complains openly
	Habitual                           // "habitual" 惯性型: often dissatisfied, proud of complaining
)

var customerTypes = enum.Table[CustomerType]{Pkg: "scripts", Type: "CustomerType", What: "customer type", Entries: []enum.Entry{
	{Code: "any", Names: []string{"不限"}},
	Aggressive: {Code: "aggressive", Names: []string{"激进型", "激进"}},
	Quiet:      {Code: "quiet", Names: []string{"静悄型", "静俏型", "静悄", "静俏"}},
	Habitual:   {Code: "habitual", Names: []string{"惯性型", "惯性"}},
}}

// CustomerTypes lists every customer type other than any, in order.
func CustomerTypes() []CustomerType { return customerTypes.Values() }

// String returns the type's code ("any" for the zero value).
func (t CustomerType) String() string { return customerTypes.String(t) }

// MarshalText encodes the type as its code ("any" for the zero value).
func (t CustomerType) MarshalText() ([]byte, error) { return customerTypes.MarshalText(t) }

// UnmarshalText decodes what [ParseCustomerType] takes; "" is the zero
// value, as "any" is.
func (t *CustomerType) UnmarshalText(b []byte) error { return customerTypes.UnmarshalText(t, b) }

// ParseCustomerType parses a customer type's code or Chinese name, ignoring
// case and surrounding spaces ("any" and 不限 are the zero value). An
// unknown one is an error wrapping [ErrUnknown].
func ParseCustomerType(code string) (CustomerType, error) { return customerTypes.Parse(code) }

// Script is one approved reply.
type Script struct {
	ID        string         `json:"id"`
	Scenario  Scenario       `json:"scenario"`
	Types     []CustomerType `json:"types,omitempty"`     // empty: suits any buyer
	Platforms []Platform     `json:"platforms,omitempty"` // empty: any platform
	Text      string         `json:"text"`                // may hold {slots}
	// SlotDefaults declares the script's own slots, beyond [KnownSlots], each
	// with its default value; "" declares a slot the caller must fill. It
	// may also give a known slot a default of the script's own.
	SlotDefaults map[string]string `json:"slot_defaults,omitempty"`
}

// UnmarshalJSON decodes a script as encoding/json would, except that an
// unknown scenario, customer type or platform is an error naming the
// script: scripts: greet-9: unknown code: platform "tmal" (want …).
func (s *Script) UnmarshalJSON(b []byte) error {
	type plain Script // the same fields, without this method
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		var id struct{ ID string }
		if errors.Is(err, ErrUnknown) && json.Unmarshal(b, &id) == nil && id.ID != "" {
			if bare := errors.Unwrap(err); bare != nil {
				err = bare // drop the "scripts: " prefix, to add it once below
			}
			return fmt.Errorf("scripts: %s: %w", id.ID, err)
		}
		return err
	}
	*s = Script(p)
	return nil
}

// Slots lists the slot names in the script's text, in order of first use.
func (s Script) Slots() []string {
	var out []string
	rest := s.Text
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return out
		}
		name := rest[i+1 : i+j]
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
		rest = rest[i+j+1:]
	}
}

// Render fills the script's slots from values, falling back to the
// script's SlotDefaults, then to [DefaultSlot]; it fails for a slot with no
// value (or an empty declared default).
func (s Script) Render(values map[string]string) (string, error) {
	var b strings.Builder
	rest := s.Text
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(rest)
			return b.String(), nil
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("scripts: %s: unclosed slot", s.ID)
		}
		name := rest[i+1 : i+j]
		v, ok := values[name]
		if !ok {
			v, ok = s.SlotDefaults[name]
			ok = ok && v != ""
		}
		if !ok {
			v, ok = defaultSlots[name]
		}
		if !ok {
			return "", fmt.Errorf("scripts: %s: no value for slot {%s}", s.ID, name)
		}
		b.WriteString(rest[:i])
		b.WriteString(v)
		rest = rest[i+j+1:]
	}
}

// For reports whether the script may be sent on platform (0 for any) to a
// buyer of type t (0 for unknown).
func (s Script) For(platform Platform, t CustomerType) bool {
	if platform != 0 && len(s.Platforms) > 0 && !slices.Contains(s.Platforms, platform) {
		return false
	}
	return t == 0 || len(s.Types) == 0 || slices.Contains(s.Types, t)
}

// defaultSlots are neutral values for slots a caller does not fill.
var defaultSlots = map[string]string{
	"reason":   "目前的售后规则",
	"solution": "为您优先安排补发或退款",
	"minutes":  "10",
	"item":     "这件商品",
}

// knownSlots are the slot names any script may use without declaring them.
var knownSlots = []string{"reason", "solution", "minutes", "item"}

// KnownSlots returns the slot names any script may use without declaring
// them: reason, solution, minutes, item.
func KnownSlots() []string { return slices.Clone(knownSlots) }

// DefaultSlot returns the neutral value used for a known slot the caller
// does not fill ("minutes" → "10"), and whether name is a known slot.
func DefaultSlot(name string) (string, bool) {
	v, ok := defaultSlots[name]
	return v, ok
}

// Phrasebook is a set of scripts.
type Phrasebook struct {
	scripts []Script
	byID    map[string]int
}

// New builds a phrasebook, checking that every script has a unique ID, a
// scenario, text, and only slots that are known ([KnownSlots]) or declared
// in its SlotDefaults, with names of letters, digits and _.
func New(scripts []Script) (*Phrasebook, error) {
	pb := &Phrasebook{scripts: slices.Clone(scripts), byID: map[string]int{}}
	for i := range pb.scripts { // the phrasebook keeps its own copies
		s := &pb.scripts[i]
		s.Types, s.Platforms, s.SlotDefaults = slices.Clone(s.Types), slices.Clone(s.Platforms), maps.Clone(s.SlotDefaults)
	}
	for i, s := range pb.scripts {
		switch {
		case s.ID == "":
			return nil, fmt.Errorf("scripts: script %d has no ID", i)
		case !scenarios.Known(s.Scenario):
			return nil, fmt.Errorf("scripts: %s: %w", s.ID, scenarios.Invalid(s.Scenario))
		case strings.TrimSpace(s.Text) == "" || !utf8.ValidString(s.Text):
			return nil, fmt.Errorf("scripts: %s: empty or invalid text", s.ID)
		}
		if _, dup := pb.byID[s.ID]; dup {
			return nil, fmt.Errorf("scripts: duplicate ID %q", s.ID)
		}
		for _, p := range s.Platforms {
			if !platforms.Known(p) {
				return nil, fmt.Errorf("scripts: %s: %w", s.ID, platforms.Invalid(p))
			}
		}
		for _, t := range s.Types {
			if !customerTypes.Known(t) {
				return nil, fmt.Errorf("scripts: %s: %w", s.ID, customerTypes.Invalid(t))
			}
		}
		for _, slot := range s.Slots() {
			if _, declared := s.SlotDefaults[slot]; !declared && !slices.Contains(knownSlots, slot) {
				return nil, fmt.Errorf("scripts: %s: unknown slot {%s} (declare it in SlotDefaults)", s.ID, slot)
			}
		}
		for slot := range s.SlotDefaults {
			if !validSlotName(slot) {
				return nil, fmt.Errorf("scripts: %s: bad slot name %q (want letters, digits and _)", s.ID, slot)
			}
		}
		pb.byID[s.ID] = i
	}
	return pb, nil
}

// validSlotName reports whether name can be a slot: letters, digits and _.
func validSlotName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var (
	defaultOnce sync.Once
	defaultPB   *Phrasebook
)

// Default returns the built-in phrasebook.
func Default() *Phrasebook {
	defaultOnce.Do(func() {
		pb, err := New(builtin)
		if err != nil {
			panic(err) // the built-in scripts are checked by tests
		}
		defaultPB = pb
	})
	return defaultPB
}

// All returns every script, in order.
func (p *Phrasebook) All() []Script { return slices.Clone(p.scripts) }

// Len reports how many scripts the phrasebook holds.
func (p *Phrasebook) Len() int { return len(p.scripts) }

// Get returns the script with the given ID.
func (p *Phrasebook) Get(id string) (Script, bool) {
	i, ok := p.byID[id]
	if !ok {
		return Script{}, false
	}
	return p.scripts[i], true
}

// Query selects scripts. Zero fields match anything.
type Query struct {
	Scenario Scenario
	Type     CustomerType
	Platform Platform
}

// Find returns the scripts that fit q, in phrasebook order; scripts written
// for the customer type come before general ones.
func (p *Phrasebook) Find(q Query) []Script {
	var specific, general []Script
	for _, s := range p.scripts {
		if q.Scenario != 0 && s.Scenario != q.Scenario {
			continue
		}
		if q.Platform != 0 && len(s.Platforms) > 0 && !slices.Contains(s.Platforms, q.Platform) {
			continue
		}
		switch {
		case q.Type != 0 && slices.Contains(s.Types, q.Type):
			specific = append(specific, s)
		case len(s.Types) == 0 || q.Type == 0:
			general = append(general, s)
		}
	}
	return append(specific, general...)
}
