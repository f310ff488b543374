package scripts

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Scenario is the situation a script is for. The zero value is unset.
type Scenario int

// Scenarios.
const (
	Greet            Scenario = iota + 1 // "greet": open the conversation
	Appease                              // "appease": calm an upset buyer
	Apologise                            // "apologise": own the problem
	ConfirmNeed                          // "confirm_need": restate what the buyer wants
	ExplainLimit                         // "explain_limit": say what cannot be done, and why
	OfferOptions                         // "offer_options": give the buyer choices
	PromiseFollowUp                      // "promise_follow_up": commit to a time
	Escalate                             // "escalate": hand over to a supervisor or colleague
	CivilityReminder                     // "civility_reminder": ask an abusive buyer to stay civil
	StayOnPlatform                       // "stay_on_platform": keep contact and payment on the platform
	Closing                              // "closing": end the conversation
	FollowUpVisit                        // "follow_up_visit": check back after the problem is handled
)

var scenarioCodes = [...]string{"", "greet", "appease", "apologise", "confirm_need", "explain_limit", "offer_options",
	"promise_follow_up", "escalate", "civility_reminder", "stay_on_platform", "closing", "follow_up_visit"}

// String returns the scenario's code.
func (s Scenario) String() string {
	if s > 0 && int(s) < len(scenarioCodes) {
		return scenarioCodes[s]
	}
	return fmt.Sprintf("Scenario(%d)", int(s))
}

// MarshalText encodes the scenario as its code.
func (s Scenario) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a scenario code.
func (s *Scenario) UnmarshalText(b []byte) error {
	v, err := ParseScenario(string(b))
	*s = v
	return err
}

// ParseScenario parses a scenario code.
func ParseScenario(code string) (Scenario, error) {
	for i, c := range scenarioCodes {
		if i > 0 && c == code {
			return Scenario(i), nil
		}
	}
	return 0, fmt.Errorf("scripts: unknown scenario %q", code)
}

// CustomerType is the kind of buyer (seed 002). The zero value means any.
type CustomerType int

// Customer types.
const (
	Aggressive CustomerType = iota + 1 // "aggressive" 激进型: harsh words, impatient, likes to judge
	Quiet                              // "quiet" 静悄型: calm, suspicious, long sessions, rarely complains openly
	Habitual                           // "habitual" 惯性型: often dissatisfied, proud of complaining
)

var typeCodes = [...]string{"any", "aggressive", "quiet", "habitual"}

// String returns the type's code ("any" for the zero value).
func (t CustomerType) String() string {
	if t >= 0 && int(t) < len(typeCodes) {
		return typeCodes[t]
	}
	return fmt.Sprintf("CustomerType(%d)", int(t))
}

// MarshalText encodes the type as its code.
func (t CustomerType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a customer type code.
func (t *CustomerType) UnmarshalText(b []byte) error {
	v, err := ParseCustomerType(string(b))
	*t = v
	return err
}

// ParseCustomerType parses a customer type code ("any" is the zero value).
func ParseCustomerType(code string) (CustomerType, error) {
	for i, c := range typeCodes {
		if c == code {
			return CustomerType(i), nil
		}
	}
	return 0, fmt.Errorf("scripts: unknown customer type %q", code)
}

// Script is one approved reply.
type Script struct {
	ID        string         `json:"id"`
	Scenario  Scenario       `json:"scenario"`
	Types     []CustomerType `json:"types,omitempty"`     // empty: suits any buyer
	Platforms []string       `json:"platforms,omitempty"` // empty: any platform; else platform codes (jd, taobao, doudian, pdd, generic)
	Text      string         `json:"text"`                // may hold {slots}
	// SlotDefaults declares the script's own slots, beyond [KnownSlots], each
	// with its default value; "" declares a slot the caller must fill. It
	// may also give a known slot a default of the script's own.
	SlotDefaults map[string]string `json:"slot_defaults,omitempty"`
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

// For reports whether the script may be sent on platform (a platform code)
// to a buyer of type t (0 for unknown).
func (s Script) For(platform string, t CustomerType) bool {
	if len(s.Platforms) > 0 && !slices.Contains(s.Platforms, platform) {
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
		case s.Scenario <= 0 || int(s.Scenario) >= len(scenarioCodes):
			return nil, fmt.Errorf("scripts: %s: invalid scenario %d", s.ID, int(s.Scenario))
		case strings.TrimSpace(s.Text) == "" || !utf8.ValidString(s.Text):
			return nil, fmt.Errorf("scripts: %s: empty or invalid text", s.ID)
		}
		if _, dup := pb.byID[s.ID]; dup {
			return nil, fmt.Errorf("scripts: duplicate ID %q", s.ID)
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
	Platform string
}

// Find returns the scripts that fit q, in phrasebook order; scripts written
// for the customer type come before general ones.
func (p *Phrasebook) Find(q Query) []Script {
	var specific, general []Script
	for _, s := range p.scripts {
		if q.Scenario != 0 && s.Scenario != q.Scenario {
			continue
		}
		if q.Platform != "" && len(s.Platforms) > 0 && !slices.Contains(s.Platforms, q.Platform) {
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
