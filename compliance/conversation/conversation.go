package conversation

import (
	"encoding/json"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/internal/enum"
	"github.com/huashu/huashu/scripts"
)

// Role says who sent a turn. The zero value is unset.
type Role int

// Roles, with their codes and the other names UnmarshalText also takes:
// the names chat exports of the platforms and of customer-service tools use
// for the two sides, in Chinese and in English.
const (
	Buyer Role = iota + 1 // "buyer"; also 买家, 顾客, 客户, 用户, 访客, 消费者, customer, user, consumer, visitor, client
	Agent                 // "agent"; also 客服, 商家, 卖家, 店家, seller, staff, merchant, service
)

var roles = enum.Table[Role]{Pkg: "conversation", Type: "Role", What: "role", Entries: []enum.Entry{
	{},
	Buyer: {Code: "buyer", Names: []string{"买家", "顾客", "客户", "用户", "访客", "消费者", "customer", "user", "consumer", "visitor", "client"}},
	Agent: {Code: "agent", Names: []string{"客服", "商家", "卖家", "店家", "seller", "staff", "merchant", "service"}},
}}

// String returns "buyer" or "agent", or "Role(n)" for an unset or invalid
// value.
func (r Role) String() string { return roles.String(r) }

// MarshalText encodes the role as its code; the zero value is "".
func (r Role) MarshalText() ([]byte, error) { return roles.MarshalText(r) }

// UnmarshalText decodes a role's code or other name (客服, customer, ＵＳＥＲ),
// ignoring case, width and surrounding spaces; "" is the zero value. An unknown role is an error
// wrapping [compliance.ErrUnknown].
func (r *Role) UnmarshalText(b []byte) error { return roles.UnmarshalText(r, b) }

// Turn is one message of a conversation.
type Turn struct {
	Role  Role      `json:"role"`
	At    time.Time `json:"at"`
	Text  string    `json:"text"`
	Agent string    `json:"agent,omitempty"` // who answered, for agent turns (optional)
}

// FindingKind is what a conversation-level finding is about. The zero value is unset.
type FindingKind int

// Kinds of findings, with their codes and the Chinese names UnmarshalText
// also takes.
const (
	Spam              FindingKind = iota + 1 // "spam" 刷屏: the agent sent the same text 3+ times within 2 minutes
	SlowResponse                             // "slow_response" 回复超时: a buyer message waited longer than the platform's window
	BuyerAbuse                               // "buyer_abuse" 买家辱骂: the buyer insulted or harassed the agent
	BlacklistEligible                        // "blacklist_eligible" 可拉黑: abuse went on after a civility reminder, in more than 5 messages (JD only)
	Escalate                                 // "escalate" 升级: an aggressive buyer or a complaint threat: hand over to a supervisor
)

var findingKinds = enum.Table[FindingKind]{Pkg: "conversation", Type: "FindingKind", What: "finding kind", Entries: []enum.Entry{
	{},
	Spam:              {Code: "spam", Names: []string{"刷屏"}},
	SlowResponse:      {Code: "slow_response", Names: []string{"回复超时"}},
	BuyerAbuse:        {Code: "buyer_abuse", Names: []string{"买家辱骂"}},
	BlacklistEligible: {Code: "blacklist_eligible", Names: []string{"可拉黑"}},
	Escalate:          {Code: "escalate", Names: []string{"升级"}},
}}

// FindingKinds lists every kind in order.
func FindingKinds() []FindingKind { return findingKinds.Values() }

// String returns the kind's code, or "FindingKind(n)" for an unset or
// invalid value.
func (k FindingKind) String() string { return findingKinds.String(k) }

// MarshalText encodes the kind's code; the zero value is "".
func (k FindingKind) MarshalText() ([]byte, error) { return findingKinds.MarshalText(k) }

// UnmarshalText decodes a kind's code or Chinese name, ignoring case and
// surrounding spaces; "" is the zero value. An unknown code is an error
// wrapping [compliance.ErrUnknown].
func (k *FindingKind) UnmarshalText(b []byte) error { return findingKinds.UnmarshalText(k, b) }

// Finding is something about a conversation as a whole.
type Finding struct {
	Kind FindingKind `json:"kind"`
	// Turns are indices into the conversation's turns: the evidence, in order.
	Turns []int `json:"turns"`
	// At is the time of the turn at which the finding was made.
	At       time.Time           `json:"at"`
	Severity compliance.Severity `json:"severity"`
	Detail   string              `json:"detail"`
	// Wait is how long the buyer waited, for slow_response (seconds in JSON).
	Wait Duration `json:"wait,omitempty"`
}

// Duration is a time.Duration that marshals to JSON as seconds.
type Duration time.Duration

// MarshalJSON writes the duration in seconds.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).Seconds()) }

// String formats the duration as time.Duration does ("1m30s").
func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalJSON reads a duration in seconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s float64
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*d = Duration(s * float64(time.Second))
	return nil
}

// ResponseMetrics measure how fast the agent answered, counting buyer
// messages sent within service hours.
type ResponseMetrics struct {
	Window        Duration `json:"window"`         // the platform's response window
	FirstResponse Duration `json:"first_response"` // from the first buyer message to the first agent reply; 0 if none
	BuyerMessages int      `json:"buyer_messages"` // buyer messages measured
	Answered      int      `json:"answered"`       // of those, answered by a later agent turn
	WithinWindow  int      `json:"within_window"`  // of those, answered within the window
	Rate          float64  `json:"rate"`           // WithinWindow / BuyerMessages (1 when none)
	Average       Duration `json:"average"`        // mean wait of answered messages
}

// TurnReport is the Check report of one agent turn; in JSON, "turn" and
// then the report's own fields.
type TurnReport struct {
	Turn int `json:"turn"`
	compliance.Report
}

// Report is the result of auditing a conversation.
type Report struct {
	Findings     []Finding            `json:"findings"` // ordered by the turn at which each was found
	Reports      []TurnReport         `json:"reports"`  // one per agent turn
	Response     ResponseMetrics      `json:"response"`
	CustomerType scripts.CustomerType `json:"customer_type"`
	Severity     compliance.Severity  `json:"severity"` // the highest of the findings and the agent turns
}
