package compliance

import (
	"errors"
	"fmt"
	"strings"
)

// Category is the kind of rule a violation breaks. The zero value is unset.
type Category int

// Categories, with their codes (Category.String).
const (
	Abuse            Category = iota + 1 // "abuse": insulting, belittling or threatening the buyer
	Refusal                              // "refusal": refusing service, stonewalling, provoking
	ForbiddenAddress                     // "forbidden_address": a form of address the platform bans (亲 on JD)
	Competitor                           // "competitor": naming another platform
	OffPlatform                          // "off_platform": moving contact or payment off the platform
	AdAbsolute                           // "ad_absolute": Advertising-Law absolute claims
	Privacy                              // "privacy": the buyer's personal data
	ReviewInducement                     // "review_inducement": rewards for good reviews or for deleting bad ones
)

var categoryCodes = [...]string{
	Abuse: "abuse", Refusal: "refusal", ForbiddenAddress: "forbidden_address", Competitor: "competitor",
	OffPlatform: "off_platform", AdAbsolute: "ad_absolute", Privacy: "privacy", ReviewInducement: "review_inducement",
}

// Categories lists every category in order.
func Categories() []Category {
	return []Category{Abuse, Refusal, ForbiddenAddress, Competitor, OffPlatform, AdAbsolute, Privacy, ReviewInducement}
}

// String returns the category's code, such as "abuse".
func (c Category) String() string {
	if c > 0 && int(c) < len(categoryCodes) {
		return categoryCodes[c]
	}
	return fmt.Sprintf("Category(%d)", int(c))
}

// ErrUnknown is wrapped by the Parse... functions for an unknown code.
var ErrUnknown = errors.New("unknown code")

// ParseCategory parses a category code.
func ParseCategory(s string) (Category, error) {
	for c := Abuse; c <= ReviewInducement; c++ {
		if categoryCodes[c] == s {
			return c, nil
		}
	}
	return 0, fmt.Errorf("compliance: %w: category %q (want one of %s)", ErrUnknown, s, strings.Join(categoryCodes[1:], ", "))
}

// MarshalText encodes the category as its code.
func (c Category) MarshalText() ([]byte, error) {
	if c <= 0 || int(c) >= len(categoryCodes) {
		return nil, fmt.Errorf("compliance: invalid category %d", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes a category code.
func (c *Category) UnmarshalText(b []byte) error {
	v, err := ParseCategory(string(b))
	*c = v
	return err
}

// Severity grades a violation. The zero value means none.
type Severity int

// Severities, mildest first. They map onto each platform's ladder (see [Penalty]).
const (
	Warning  Severity = iota + 1 // "warning": JD 情节特别轻微, 警告
	Minor                        // "minor": JD 情节轻微, 12 points
	Serious                      // "serious": JD 情节严重, 25 points
	Critical                     // "critical": JD 情节特别严重, 100 points
)

var severityCodes = [...]string{0: "none", Warning: "warning", Minor: "minor", Serious: "serious", Critical: "critical"}

// String returns "warning", "minor", "serious" or "critical" ("none" for the zero value).
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityCodes) {
		return severityCodes[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity parses a severity code.
func ParseSeverity(s string) (Severity, error) {
	for v := Warning; v <= Critical; v++ {
		if severityCodes[v] == s {
			return v, nil
		}
	}
	return 0, fmt.Errorf("compliance: %w: severity %q (want warning, minor, serious or critical)", ErrUnknown, s)
}

// MarshalText encodes the severity as its code.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity code ("none" is the zero value).
func (s *Severity) UnmarshalText(b []byte) error {
	if string(b) == "none" {
		*s = 0
		return nil
	}
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// raise returns s raised by n levels, at most Critical.
func (s Severity) raise(n int) Severity { return min(s+Severity(n), Critical) }

// Platform is the platform whose rules apply. The zero value is unset.
type Platform int

// Platforms.
const (
	Generic Platform = iota + 1 // "generic": rules common to all platforms
	JD                          // "jd": 京东 (咚咚)
	Taobao                      // "taobao": 淘宝 and 天猫 (千牛/旺旺)
	Doudian                     // "doudian": 抖店 (飞鸽)
	PDD                         // "pdd": 拼多多
)

var platformCodes = [...]string{Generic: "generic", JD: "jd", Taobao: "taobao", Doudian: "doudian", PDD: "pdd"}

// Platforms lists every platform.
func Platforms() []Platform { return []Platform{Generic, JD, Taobao, Doudian, PDD} }

// String returns the platform's code.
func (p Platform) String() string {
	if p > 0 && int(p) < len(platformCodes) {
		return platformCodes[p]
	}
	return fmt.Sprintf("Platform(%d)", int(p))
}

// ParsePlatform parses "generic", "jd", "taobao" (also "tmall"), "doudian" or "pdd",
// case-insensitively; anything else is an error.
func ParsePlatform(s string) (Platform, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "generic":
		return Generic, nil
	case "jd":
		return JD, nil
	case "taobao", "tmall":
		return Taobao, nil
	case "doudian":
		return Doudian, nil
	case "pdd":
		return PDD, nil
	}
	return 0, fmt.Errorf("compliance: %w: platform %q (want generic, jd, taobao, doudian or pdd)", ErrUnknown, s)
}

// MarshalText encodes the platform as its code.
func (p Platform) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText decodes a platform code.
func (p *Platform) UnmarshalText(b []byte) error {
	v, err := ParsePlatform(string(b))
	*p = v
	return err
}
