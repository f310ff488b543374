package conversation

import (
	"fmt"
	"time"

	"github.com/huashu/huashu/compliance"
)

// Option configures [Audit], [NewSession], [SuggestNext] and [NewScorecard].
// Options are comparable values whose String names them.
type Option interface{ apply(*settings) }

// settings are a conversation's options resolved against the checker's platform.
type settings struct {
	window           time.Duration
	hours            [2]time.Duration
	loc              *time.Location
	complaintHistory int
	rules            *Rules
	platform         compliance.Platform // the checker's: blacklist_eligible is JD's rule
}

type option struct {
	name string
	f    func(*settings)
}

func (o *option) apply(s *settings) { o.f(s) }
func (o *option) String() string    { return o.name }

// WithResponseWindow sets how long a buyer message may wait for the agent's
// reply before it is reported as slow_response. A zero or negative window
// keeps the platform's default (see the package doc).
func WithResponseWindow(d time.Duration) Option {
	return &option{"WithResponseWindow(" + d.String() + ")", func(s *settings) {
		if d > 0 {
			s.window = d
		}
	}}
}

// WithServiceHours sets the hours within which buyer messages are measured,
// as times of day (9*time.Hour, 18*time.Hour); from == to means the whole
// day, and from > to hours that run past midnight (20:00–02:00). Defaults:
// JD 09:00–18:00, the whole day elsewhere.
func WithServiceHours(from, to time.Duration) Option {
	return &option{fmt.Sprintf("WithServiceHours(%s, %s)", from, to), func(s *settings) { s.hours = [2]time.Duration{from, to} }}
}

// WithLocation sets the time zone of service hours and of the days
// [Scorecard] counts scores on (default China Standard Time, UTC+8). A nil
// location keeps the default.
func WithLocation(loc *time.Location) Option {
	return &option{"WithLocation(" + loc.String() + ")", func(s *settings) {
		if loc != nil {
			s.loc = loc
		}
	}}
}

// WithComplaintHistory says how many complaints the buyer has filed before;
// two or more make the buyer habitual (惯性型).
func WithComplaintHistory(n int) Option {
	return &option{fmt.Sprintf("WithComplaintHistory(%d)", n), func(s *settings) { s.complaintHistory = n }}
}

// WithRules sets the rules turns are read with (default: the files of
// [DefaultRules]; see [ParseRules]). A nil value keeps the default.
func WithRules(r *Rules) Option {
	return &option{"WithRules", func(s *settings) {
		if r != nil {
			s.rules = r
		}
	}}
}

// platformDefaults are each platform's response window and service hours.
var platformDefaults = map[compliance.Platform]struct {
	window time.Duration
	hours  [2]time.Duration
}{
	// JD's 30-second response rate (京东 咚咚 30秒应答率), counted while
	// agents must be online: 09:00–18:00.
	compliance.JD: {30 * time.Second, [2]time.Duration{9 * time.Hour, 18 * time.Hour}},
	// Taobao/Tmall and Doudian measure a 3-minute response rate (3分钟回复率).
	compliance.Taobao:  {3 * time.Minute, [2]time.Duration{}},
	compliance.Doudian: {3 * time.Minute, [2]time.Duration{}},
	// Pinduoduo counts a consumer as unanswered past one hour.
	compliance.PDD:     {time.Hour, [2]time.Duration{}},
	compliance.Generic: {3 * time.Minute, [2]time.Duration{}},
}

// chinaTime is China Standard Time, without needing the tz database.
var chinaTime = time.FixedZone("CST", 8*60*60)

// resolve applies opts over the platform's defaults.
func resolve(p compliance.Platform, opts []Option) settings {
	d, ok := platformDefaults[p]
	if !ok {
		d = platformDefaults[compliance.Generic]
	}
	s := settings{window: d.window, hours: d.hours, loc: chinaTime, platform: p}
	for _, o := range opts {
		if o != nil {
			o.apply(&s)
		}
	}
	if s.rules == nil {
		s.rules = defaultCompiled()
	}
	return s
}

// inServiceHours reports whether t falls within the service hours.
func (s *settings) inServiceHours(t time.Time) bool {
	from, to := s.hours[0], s.hours[1]
	if from == to {
		return true
	}
	lt := t.In(s.loc)
	tod := time.Duration(lt.Hour())*time.Hour + time.Duration(lt.Minute())*time.Minute + time.Duration(lt.Second())*time.Second
	if from < to {
		return tod >= from && tod < to
	}
	return tod >= from || tod < to // overnight hours, 20:00–02:00
}
