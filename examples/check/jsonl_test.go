package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// check -jsonl carries each line's "id" to its -json report, exactly as
// written and as the first field, and ignores fields it does not know.
func TestCheckJSONLID(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"m-1","text":"亲，加 微 信","platform":"jd"}`,
		`{"id":12345678901234567890,"text":"好的"}`, // beyond int64 and float64's exact range: echoed as written
		`{"text":"好的","id":-7.5e3}`,               // any JSON number
		`{"text":"好的"}`,                           // no id: no "id" field
		`{"text":"好的","id":null}`,                 // null is no id
		`{"id":"客服-7","text":"好的","conversation":"c1","role":"agent","at":"2026-03-15 10:00:00","agent":"a7","shop":{"n":1}}`,
		`{"id":"","text":""}`,
	}, "\n") + "\n"
	for _, extra := range [][]string{nil, {"-suggest"}, {"-mask", "all"}} {
		code, out, errs := runCheck(t, in, append([]string{"-jsonl", "-json"}, extra...)...)
		require.Equal(t, 1, code, errs)
		require.Empty(t, errs)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, lines, 7)
		for i, want := range []string{`{"id":"m-1",`, `{"id":12345678901234567890,`, `{"id":-7.5e3,`, `{"`, `{"`, `{"id":"客服-7",`, `{"id":"",`} {
			require.True(t, strings.HasPrefix(lines[i], want), "line %d %v: %s", i+1, extra, lines[i])
			var rep map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(lines[i]), &rep), lines[i])
			require.Contains(t, rep, "severity", "the report's own fields follow the id")
			if i == 3 || i == 4 {
				require.NotContains(t, rep, "id")
			}
		}
		require.Contains(t, lines[0], `"platform":"jd"`)
		require.Contains(t, lines[0], `"off_platform"`)
		if len(extra) > 0 {
			require.Contains(t, lines[0], map[string]string{"-suggest": `"suggestions"`, "-mask": `"masked"`}[extra[0]])
		}
	}
}

// What a -jsonl line must be: an object with a string "text", and an "id"
// that is a string or a number. Each bad line is reported with its number
// (and its id when it has one) and the other lines are still checked.
func TestCheckJSONLRejects(t *testing.T) {
	for _, tt := range []struct{ give, why string }{
		{`{"id":"m-1"}`, `line 2: missing "text"`},
		{`{"txt":"亲"}`, `line 2: missing "text"`}, // a misspelt field is not silently an empty reply
		{`{"text":null}`, `line 2: missing "text"`},
		{`{"text":7}`, "line 2: bad JSON"},
		{`{"text":"x","id":{"n":1}}`, `line 2: "id" is {"n":1} (want a string or a number)`},
		{`{"text":"x","id":["a"]}`, `line 2: "id" is ["a"]`},
		{`{"text":"x","id":true}`, `line 2: "id" is true`},
		{`{"text":"x","platform":"x","id":"` + strings.Repeat("长", 30) + `"}`, `line 2 (id "` + strings.Repeat("长", 13) + `…): compliance: unknown code`}, // a long id is clipped
		{`["x"]`, "line 2: bad JSON"},
		{`"x"`, "line 2: bad JSON"},
		{`{"text":"x"} {"text":"y"}`, "line 2: bad JSON"},
		{`{"text":"x","platform":"amazon","id":9}`, `line 2 (id 9): compliance: unknown code: platform "amazon"`},
	} {
		t.Run(tt.give, func(t *testing.T) {
			code, out, errs := runCheck(t, `{"text":"好的","id":1}`+"\n"+tt.give+"\n"+`{"text":"好的","id":3}`+"\n", "-jsonl", "-json")
			require.Equal(t, 2, code)
			require.Contains(t, errs, "check: "+tt.why)
			require.Equal(t, 1, strings.Count(errs, "\n"), "one message: %s", errs)
			require.Contains(t, out, `{"id":1,`)
			require.Contains(t, out, `{"id":3,`)
		})
	}
}
