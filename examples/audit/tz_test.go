package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// An export with its own roles and times is audited, and -tz decides when
// a time without an offset happened: the same log read as UTC+8 and as UTC
// puts the flagged answer on different hours, and a bad zone is a usage error.
func TestAuditExportFormatsAndZone(t *testing.T) {
	log := strings.Join([]string{
		`{"conversation":"c1","role":"买家","at":"2026-03-15 10:00:00","text":"在吗"}`,
		`{"conversation":"c1","role":"客服","at":"2026/03/15 10:00:05","text":"加微信聊","agent":"a7"}`,
		`{"conversation":"c2","role":"customer","at":1773540000,"text":"发货了吗"}`,
		`{"conversation":"c2","role":"seller","at":"1773540005123","text":"加微信聊"}`,
		`{"conversation":"c2","role":"staff","at":"tomorrow","text":"x"}`,
	}, "\n") + "\n"
	for _, tt := range []struct {
		tz   string
		hour string // the hour row, in China time, c1's flagged turn lands on
	}{{"", "10:00"}, {"+08:00", "10:00"}, {"UTC+8", "10:00"}, {"UTC", "18:00"}, {"-05:00", "23:00"}} {
		args := []string{"-workers", "1"}
		if tt.tz != "" {
			args = append(args, "-tz", tt.tz)
		}
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(log), &out, &errb)
		require.Equal(t, 1, code, errb.String())
		require.Contains(t, errb.String(), "line 5", "the unreadable time is a bad line with its number")
		require.NotContains(t, errb.String(), "line 1:")
		require.NotContains(t, errb.String(), "line 4:")
		require.Regexp(t, `(?m)^\s+off_platform\s+2$`, out.String(), "both agent turns are read and checked, one from Unix milliseconds")
		// Both flagged turns are on one hour in China time: c2's Unix times
		// do not depend on -tz, c1's wall-clock times do.
		byHour := out.String()[strings.Index(out.String(), "by hour"):]
		if tt.hour == "10:00" {
			require.Regexp(t, `(?m)^\s+10:00\s+2$`, byHour, tt.tz)
		} else {
			require.Regexp(t, `(?m)^\s+10:00\s+1$`, byHour, tt.tz)
			require.Regexp(t, `(?m)^\s+`+tt.hour+`\s+1$`, byHour, tt.tz)
		}
	}
	for _, tz := range []string{"Mars/Olympus", "+25", ""} {
		var out, errb bytes.Buffer
		code := run([]string{"-tz", tz}, strings.NewReader(log), &out, &errb)
		require.Equal(t, 2, code, tz)
		require.Contains(t, errb.String(), "-tz", tz)
	}
}
