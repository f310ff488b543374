package jsonl

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance/conversation"
)

// line is one record with the given JSON values for "role" and "at".
func line(role, at string) string {
	return fmt.Sprintf(`{"conversation":"c","role":%s,"at":%s,"text":"x"}`, role, at)
}

var (
	cst    = ChinaStandardTime
	utc10  = time.Date(2026, 3, 15, 2, 0, 0, 0, time.UTC) // 2026-03-15 10:00:00 in China
	unix10 = utc10.Unix()                                 // 1773540000
)

func TestReaderTimes(t *testing.T) {
	ny := time.FixedZone("-05:00", -5*60*60)
	for _, tt := range []struct {
		give   string         // the JSON value of "at"
		zone   *time.Location // the reader's zone; nil for the default
		want   time.Time      // the instant
		offset int            // the zone offset the time carries, in hours
	}{
		// RFC 3339 keeps its own offset whatever the reader's zone.
		{give: `"2026-03-15T10:00:00+08:00"`, want: utc10, offset: 8},
		{give: `"2026-03-15T02:00:00Z"`, zone: ny, want: utc10, offset: 0},
		{give: `"2026-03-15T10:00:00.25+08:00"`, want: utc10.Add(250 * time.Millisecond), offset: 8},
		// Wall-clock times are in the reader's zone: China by default.
		{give: `"2026-03-15 10:00:00"`, want: utc10, offset: 8},
		{give: `"2026/03/15 10:00:00"`, want: utc10, offset: 8},
		{give: `"2026-03-15T10:00:00"`, want: utc10, offset: 8},
		{give: `" 2026-03-15 10:00:00 "`, want: utc10, offset: 8},
		{give: `"2026-03-15 10:00:00.123"`, want: utc10.Add(123 * time.Millisecond), offset: 8},
		{give: `"2026/03/15 10:00:00.5"`, want: utc10.Add(500 * time.Millisecond), offset: 8},
		{give: `"2026-03-15 02:00:00"`, zone: time.UTC, want: utc10, offset: 0},
		{give: `"2026-03-14 21:00:00"`, zone: ny, want: utc10, offset: -5},
		// Unix seconds and milliseconds, numbers or strings, shown in the reader's zone.
		{give: `1773540000`, want: utc10, offset: 8},
		{give: `"1773540000"`, want: utc10, offset: 8},
		{give: `1773540000123`, want: utc10.Add(123 * time.Millisecond), offset: 8},
		{give: `"1773540000123"`, want: utc10.Add(123 * time.Millisecond), offset: 8},
		{give: `1773540000.25`, want: utc10.Add(250 * time.Millisecond), offset: 8},
		{give: `"1773540000.000001"`, want: utc10.Add(time.Microsecond), offset: 8},
		{give: `1773540000123.5`, want: utc10.Add(123*time.Millisecond + 500*time.Microsecond), offset: 8},
		{give: `1773540000.1234567899`, want: utc10.Add(123456789), offset: 8}, // past a nanosecond is dropped
		{give: `1773540000`, zone: time.UTC, want: utc10, offset: 0},
		// The boundary between seconds and milliseconds.
		{give: `99999999999`, want: time.Unix(99999999999, 0), offset: 8},          // the year 5138, seconds
		{give: `100000000000`, want: time.Unix(100000000, 0), offset: 8},           // 1973-03-03, milliseconds
		{give: `9999999999999`, want: time.UnixMilli(9999999999999), offset: 8},    // 2286, the last millisecond read
		{give: `"0001773540000"`, want: utc10, offset: 8},                          // leading zeros do not change the unit
		{give: `1`, want: time.Unix(1, 0), offset: 8},                              // small but not zero
		{give: `0.5`, want: time.Unix(0, 5e8), offset: 8},                          // not zero either
		{give: `"1773540000"`, zone: ny, want: utc10, offset: -5},                  // the zone does not move a Unix time
		{give: `1773540000`, zone: time.FixedZone("x", 0), want: utc10, offset: 0}, // any fixed zone
	} {
		t.Run(tt.give, func(t *testing.T) {
			var opts []Option
			if tt.zone != nil {
				opts = append(opts, Zone(tt.zone))
			}
			r := NewReader(strings.NewReader(line(`"buyer"`, tt.give)), opts...)
			rec, err := r.Next()
			require.NoError(t, err)
			require.True(t, tt.want.Equal(rec.Turn.At), "got %v, want %v", rec.Turn.At, tt.want)
			_, off := rec.Turn.At.Zone()
			require.Equal(t, tt.offset*3600, off)
		})
	}
}

func TestReaderTimesRejected(t *testing.T) {
	for _, tt := range []struct{ give, why string }{
		{`"yesterday"`, "RFC 3339"},
		{`""`, "RFC 3339"},
		{`"2026-03-15"`, "RFC 3339"},                // no clock
		{`"2026-03-15 10:00"`, "RFC 3339"},          // no seconds
		{`"15/03/2026 10:00:00"`, "RFC 3339"},       // day first is ambiguous
		{`"2026.03.15 10:00:00"`, "RFC 3339"},       // not a listed layout
		{`"2026-02-30 10:00:00"`, "RFC 3339"},       // no such day
		{`"2026-03-15 24:00:00"`, "RFC 3339"},       // no such hour
		{`"2026-03-15 10:00:00 +0800"`, "RFC 3339"}, // an offset must be RFC 3339's
		{`"2026-03-15T10:00:00+08"`, "RFC 3339"},
		{`"Sun, 15 Mar 2026 10:00:00 +0800"`, "RFC 3339"},
		{`0`, "Unix"},
		{`"0"`, "RFC 3339"},
		{`0.0`, "Unix"},
		{`-1773540000`, "Unix"},
		{`"-1773540000"`, "RFC 3339"},
		{`"+1773540000"`, "RFC 3339"},
		{`1.77354e9`, "Unix"},
		{`1773540000.`, "bad JSON"}, // not even JSON
		{`"1773540000."`, "RFC 3339"},
		{`".5"`, "RFC 3339"},
		{`10000000000000`, "Unix"},      // milliseconds past 2286
		{`1773540000123456`, "Unix"},    // microseconds
		{`1773540000123456789`, "Unix"}, // nanoseconds
		{`99999999999999999999999999999999`, "Unix"},
		{`"1773 540000"`, "RFC 3339"},
		{`"１７７３５４００００"`, "RFC 3339"}, // full-width digits are not read
		{`true`, "Unix"},
		{`{}`, "Unix"},
		{`["2026-03-15 10:00:00"]`, "Unix"},
		{`null`, `missing "at"`},
	} {
		t.Run(tt.give, func(t *testing.T) {
			good := line(`"agent"`, `"2026-03-15 10:00:00"`)
			recs, bad := readAll(t, good+"\n"+line(`"buyer"`, tt.give)+"\n"+good+"\n")
			require.Len(t, recs, 2, "the lines around a bad one are read")
			require.Len(t, bad, 1)
			require.Equal(t, 2, bad[0].Line)
			require.ErrorContains(t, bad[0], "jsonl: line 2: ")
			require.ErrorContains(t, bad[0], tt.why)
		})
	}
}

func TestReaderRoles(t *testing.T) {
	for role, names := range map[conversation.Role][]string{
		conversation.Buyer: {"buyer", "买家", "顾客", "客户", "用户", "访客", "消费者", "customer", "user", "consumer", "visitor", "client",
			"Buyer", "CUSTOMER", "User", "ＣＵＳＴＯＭＥＲ", "ｕｓｅｒ", " 买家 ", "Consumer", "VISITOR"},
		conversation.Agent: {"agent", "客服", "商家", "卖家", "店家", "seller", "staff", "merchant", "service",
			"Agent", "SELLER", "Staff", "ＳＴＡＦＦ", "ｍｅｒｃｈａｎｔ", "\t客服", "Merchant", "SERVICE"},
	} {
		for _, name := range names {
			rec, err := NewReader(strings.NewReader(line(fmt.Sprintf("%q", name), `"2026-03-15 10:00:00"`))).Next()
			require.NoError(t, err, name)
			require.Equal(t, role, rec.Turn.Role, name)
		}
	}
	for _, name := range []string{`""`, `"bot"`, `"robot"`, `"机器人"`, `"system"`, `"customer service"`, `"买家客服"`, `"buyers"`, `"b"`, `1`, `null`} {
		_, err := NewReader(strings.NewReader(line(name, `"2026-03-15 10:00:00"`))).Next()
		var le *LineError
		require.ErrorAs(t, err, &le, name)
		require.Equal(t, 1, le.Line)
		if name == `null` {
			require.ErrorContains(t, err, `missing "role"`)
		} else if name != `1` {
			require.ErrorContains(t, err, `"role" is`, name)
		}
	}
}

// The Writer writes the canonical form whatever was read.
func TestWriterCanonical(t *testing.T) {
	src := line(`"顾客"`, `1773540000`) + "\n" + line(`"SELLER"`, `"2026/03/15 10:00:05"`) + "\n"
	recs, bad := readAll(t, src)
	require.Empty(t, bad)
	var b strings.Builder
	w := NewWriter(&b)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.Equal(t, `{"conversation":"c","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"x"}
{"conversation":"c","role":"agent","at":"2026-03-15T10:00:05+08:00","text":"x"}
`, b.String())
}

func TestZoneOption(t *testing.T) {
	r := NewReader(strings.NewReader(line(`"buyer"`, `"2026-03-15 10:00:00"`)), Zone(nil), nil)
	rec, err := r.Next()
	require.NoError(t, err)
	require.True(t, utc10.Equal(rec.Turn.At), "a nil zone keeps the default")
	require.Equal(t, cst, rec.Turn.At.Location())
}

func TestParseZone(t *testing.T) {
	for _, tt := range []struct {
		give   string
		offset int // seconds east of UTC in March 2026
	}{
		{"UTC", 0}, {"utc", 0}, {"Z", 0}, {"GMT", 0}, {" UTC ", 0},
		{"+08:00", 8 * 3600}, {"+0800", 8 * 3600}, {"+8", 8 * 3600}, {"+08", 8 * 3600},
		{"UTC+8", 8 * 3600}, {"utc+08:00", 8 * 3600}, {"GMT-5", -5 * 3600},
		{"-05:30", -(5*3600 + 30*60)}, {"+05:45", 5*3600 + 45*60}, {"+14:00", 14 * 3600}, {"-00:00", 0},
	} {
		loc, err := ParseZone(tt.give)
		require.NoError(t, err, tt.give)
		_, off := time.Date(2026, 3, 15, 0, 0, 0, 0, loc).Zone()
		require.Equal(t, tt.offset, off, tt.give)
	}
	loc, err := ParseZone("Local")
	require.NoError(t, err)
	require.Equal(t, time.Local, loc)
	if loc, err := ParseZone("Asia/Shanghai"); err == nil { // needs a zone database, which a test must not assume
		_, off := time.Date(2026, 3, 15, 0, 0, 0, 0, loc).Zone()
		require.Equal(t, 8*3600, off)
	}
	for _, give := range []string{"", " ", "+15", "+14:01", "+08:60", "+8:00", "+080", "+08:00:00", "UTC+", "+", "-", "UTC8", "Mars/Olympus", "+ 8", "+０８"} {
		_, err := ParseZone(give)
		require.Error(t, err, give)
		require.True(t, strings.HasPrefix(err.Error(), "jsonl: "), err.Error())
	}
}

// A long run of digits is a bad time, not an overflow, and the message
// quotes only its start; the reader goes on past it.
func TestReaderLongTimeValue(t *testing.T) {
	src := strings.Repeat(line(`"buyer"`, `"`+strings.Repeat("9", 10000)+`"`)+"\n", 3)
	r := NewReader(strings.NewReader(src))
	for i := 0; i < 3; i++ {
		_, err := r.Next()
		var le *LineError
		require.ErrorAs(t, err, &le)
		require.Less(t, len(le.Error()), 200, "the bad value is clipped in the message")
	}
	require.Equal(t, int64(len(src)), r.Bytes())
}
