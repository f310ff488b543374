package compliance

import (
	"errors"
	"fmt"

	"github.com/huashu/huashu/internal/enum"
	"github.com/huashu/huashu/scripts"
)

// Category is the kind of rule a violation breaks. The zero value is unset.
type Category int

// Categories, with their codes (Category.String) and the Chinese names
// [ParseCategory] also takes.
const (
	Abuse            Category = iota + 1 // "abuse" 辱骂: insulting, belittling or threatening the buyer
	Refusal                              // "refusal" 拒绝服务: refusing service, stonewalling, provoking
	ForbiddenAddress                     // "forbidden_address" 违规称呼: a form of address the platform bans (亲 on JD)
	Competitor                           // "competitor" 竞品平台: naming another platform
	OffPlatform                          // "off_platform" 站外引流: moving contact or payment off the platform
	AdAbsolute                           // "ad_absolute" 极限词: Advertising-Law absolute claims
	Privacy                              // "privacy" 隐私: the buyer's personal data
	ReviewInducement                     // "review_inducement" 诱导好评: rewards for good reviews or for deleting bad ones
)

var categories = enum.Table[Category]{Pkg: "compliance", Type: "Category", What: "category", Entries: []enum.Entry{
	{},
	Abuse:            {Code: "abuse", Names: []string{"辱骂"}},
	Refusal:          {Code: "refusal", Names: []string{"拒绝服务"}},
	ForbiddenAddress: {Code: "forbidden_address", Names: []string{"违规称呼"}},
	Competitor:       {Code: "competitor", Names: []string{"竞品平台"}},
	OffPlatform:      {Code: "off_platform", Names: []string{"站外引流"}},
	AdAbsolute:       {Code: "ad_absolute", Names: []string{"极限词"}},
	Privacy:          {Code: "privacy", Names: []string{"隐私"}},
	ReviewInducement: {Code: "review_inducement", Names: []string{"诱导好评"}},
}}

// Categories lists every category in order.
func Categories() []Category { return categories.Values() }

// String returns the category's code, such as "abuse", or "Category(n)"
// for an unset or invalid value.
func (c Category) String() string { return categories.String(c) }

// ErrUnknown is wrapped by every error for an unknown platform, category,
// severity or suggestion kind, code or value: match it with errors.Is. It
// is the same value as scripts.ErrUnknown, which conversation's Role and
// FindingKind wrap too.
var ErrUnknown = enum.ErrUnknown

// ParseCategory parses a category's code or Chinese name, ignoring case
// and surrounding spaces. An unknown one is an error wrapping [ErrUnknown].
func ParseCategory(s string) (Category, error) { return categories.Parse(s) }

// MarshalText encodes the category as its code; the zero value is "".
func (c Category) MarshalText() ([]byte, error) { return categories.MarshalText(c) }

// UnmarshalText decodes what [ParseCategory] takes; "" is the zero value.
func (c *Category) UnmarshalText(b []byte) error { return categories.UnmarshalText(c, b) }

// Severity grades a violation. The zero value means none.
type Severity int

// Severities, mildest first, with their codes and the Chinese names
// [ParseSeverity] also takes. They map onto each platform's ladder (see
// [Penalty]).
const (
	Warning  Severity = iota + 1 // "warning" 警告: JD 情节特别轻微, 警告
	Minor                        // "minor" 轻微: JD 情节轻微, 12 points
	Serious                      // "serious" 严重: JD 情节严重, 25 points
	Critical                     // "critical" 特别严重: JD 情节特别严重, 100 points
)

var severities = enum.Table[Severity]{Pkg: "compliance", Type: "Severity", What: "severity", Entries: []enum.Entry{
	{Code: "none", Names: []string{"无"}},
	Warning:  {Code: "warning", Names: []string{"警告", "情节特别轻微"}},
	Minor:    {Code: "minor", Names: []string{"轻微", "情节轻微"}},
	Serious:  {Code: "serious", Names: []string{"严重", "情节严重"}},
	Critical: {Code: "critical", Names: []string{"特别严重", "情节特别严重"}},
}}

// String returns "warning", "minor", "serious" or "critical" ("none" for the zero value).
func (s Severity) String() string { return severities.String(s) }

// ParseSeverity parses a severity's code or Chinese name, ignoring case and
// surrounding spaces; "none" is the zero value. An unknown one is an error
// wrapping [ErrUnknown].
func ParseSeverity(s string) (Severity, error) { return severities.Parse(s) }

// MarshalText encodes the severity as its code ("none" for the zero value).
func (s Severity) MarshalText() ([]byte, error) { return severities.MarshalText(s) }

// UnmarshalText decodes what [ParseSeverity] takes; "" is the zero value,
// as "none" is.
func (s *Severity) UnmarshalText(b []byte) error { return severities.UnmarshalText(s, b) }

// raise returns s raised by n levels, at most Critical.
func (s Severity) raise(n int) Severity { return min(s+Severity(n), Critical) }

// Platform is the platform whose rules apply. It is [scripts.Platform]
// (listed by [scripts.Platforms]), so that a checker and its phrasebook agree
// on platforms: codes generic, jd, taobao (also tmall), doudian and pdd, and
// the Chinese names 通用, 京东, 淘宝, 天猫, 抖店 and 拼多多. The zero value is
// unset.
type Platform = scripts.Platform

// Platforms.
const (
	Generic = scripts.Generic // "generic": rules common to all platforms
	JD      = scripts.JD      // "jd": 京东 (咚咚)
	Taobao  = scripts.Taobao  // "taobao": 淘宝 and 天猫 (千牛/旺旺)
	Doudian = scripts.Doudian // "doudian": 抖店 (飞鸽)
	PDD     = scripts.PDD     // "pdd": 拼多多
)

// ParsePlatform parses a platform's code, Chinese name or alias: "jd",
// "JD" and "京东" are [JD]; "taobao", "tmall", "淘宝" and "天猫" are
// [Taobao]. Case and surrounding spaces are ignored; anything else is an
// error wrapping [ErrUnknown].
func ParsePlatform(s string) (Platform, error) {
	p, err := scripts.ParsePlatform(s)
	if err != nil {
		// The same error as scripts', with this package's prefix instead.
		return 0, fmt.Errorf("compliance: %w", errors.Unwrap(err))
	}
	return p, nil
}

// SuggestionKind says where a [Suggestion] comes from. The zero value is
// unset.
type SuggestionKind int

// Kinds of suggestions, with their codes and the Chinese names
// UnmarshalText also takes.
const (
	Rewrite  SuggestionKind = iota + 1 // "rewrite" 改写: the reply with the offending parts replaced
	Scripted                           // "script" 话术: an approved reply from the phrasebook
)

var suggestionKinds = enum.Table[SuggestionKind]{Pkg: "compliance", Type: "SuggestionKind", What: "suggestion kind", Entries: []enum.Entry{
	{},
	Rewrite:  {Code: "rewrite", Names: []string{"改写"}},
	Scripted: {Code: "script", Names: []string{"话术"}},
}}

// String returns "rewrite" or "script", or "SuggestionKind(n)" for an unset
// or invalid value.
func (k SuggestionKind) String() string { return suggestionKinds.String(k) }

// MarshalText encodes the kind as its code; the zero value is "".
func (k SuggestionKind) MarshalText() ([]byte, error) { return suggestionKinds.MarshalText(k) }

// UnmarshalText decodes a kind's code or Chinese name, ignoring case and
// surrounding spaces; "" is the zero value. An unknown one is an error
// wrapping [ErrUnknown].
func (k *SuggestionKind) UnmarshalText(b []byte) error { return suggestionKinds.UnmarshalText(k, b) }
