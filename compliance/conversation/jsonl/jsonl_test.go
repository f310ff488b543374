package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance/conversation"
)

func readAll(t *testing.T, src string) ([]Record, []*LineError) {
	t.Helper()
	r := NewReader(strings.NewReader(src))
	var recs []Record
	var bad []*LineError
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs, bad
		}
		var le *LineError
		if errors.As(err, &le) {
			bad = append(bad, le)
			continue
		}
		require.NoError(t, err)
		recs = append(recs, rec)
	}
}

func TestReader(t *testing.T) {
	src := `{"conversation":"c1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
{"conversation":"c1","role":"agent","at":"2026-03-15T10:00:05+08:00","text":"您好","agent":"a7"}

not json
{"conversation":"c2","role":"bot","at":"2026-03-15T10:00:00+08:00","text":"x"}
{"conversation":"c2","role":"agent","at":"yesterday","text":"x"}
{"conversation":"c2","role":"agent","at":"2026-03-15T10:00:00Z"}
{"conversation":"c2","role":"agent","at":"2026-03-15T10:00:00Z","text":"x","extra":1}
{"conversation":"c3","role":"agent","at":"2026-03-15T10:00:00Z","text":"last line without newline"}`
	recs, bad := readAll(t, src)
	require.Len(t, recs, 4)
	require.Equal(t, "c1", recs[0].Conversation)
	require.Equal(t, conversation.Agent, recs[1].Turn.Role)
	require.Equal(t, "a7", recs[1].Turn.Agent)
	require.Equal(t, 2, recs[1].Line)
	require.Equal(t, 8, recs[2].Line, "extra fields are ignored")
	require.Equal(t, 9, recs[3].Line)
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
	}
	require.Equal(t, []int{4, 5, 6, 7}, lines)
	require.Contains(t, bad[0].Error(), "jsonl: line 4: bad JSON")
	require.Contains(t, bad[1].Error(), `jsonl: line 5: "role" is "bot"`)
	require.Contains(t, bad[2].Error(), "RFC 3339")
	require.Contains(t, bad[3].Error(), `missing "text"`)
}

func TestReaderLongLineAndErrors(t *testing.T) {
	long := `{"conversation":"c","role":"agent","at":"2026-03-15T10:00:00Z","text":"` + strings.Repeat("x", MaxLine) + `"}` + "\n"
	ok := `{"conversation":"c","role":"agent","at":"2026-03-15T10:00:00Z","text":"y"}` + "\n"
	recs, bad := readAll(t, long+ok)
	require.Len(t, recs, 1)
	require.Len(t, bad, 1)
	require.Equal(t, 1, bad[0].Line)
	require.Equal(t, 2, recs[0].Line)
	r := NewReader(iotest.ErrReader(errors.New("disk on fire")))
	_, err := r.Next()
	require.ErrorContains(t, err, "disk on fire")
}

func TestWriterRoundTrip(t *testing.T) {
	cst := time.FixedZone("CST", 8*60*60)
	recs := []Record{
		{Conversation: "c-1", Turn: conversation.Turn{Role: conversation.Buyer, At: time.Date(2026, 3, 15, 10, 0, 0, 0, cst), Text: "在吗 <b>&\n\"引号\""}},
		{Conversation: "c-1", Turn: conversation.Turn{Role: conversation.Agent, At: time.Date(2026, 3, 15, 10, 0, 5, 250e6, cst), Text: "", Agent: "a-7"}, Shop: "旗舰店"},
		{Conversation: "c 2", Turn: conversation.Turn{Role: conversation.Agent, At: time.Date(2026, 3, 15, 2, 0, 0, 0, time.UTC), Text: "您好"}},
	}
	var b strings.Builder
	w := NewWriter(&b)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.Equal(t, 3, strings.Count(b.String(), "\n"), "one line per record, newlines in text escaped")
	got, bad := readAll(t, b.String())
	require.Empty(t, bad)
	require.Len(t, got, 3)
	for i, r := range got {
		require.Equal(t, i+1, r.Line)
		require.Equal(t, recs[i].Conversation, r.Conversation)
		require.Equal(t, recs[i].Turn.Role, r.Turn.Role)
		require.Equal(t, recs[i].Turn.Text, r.Turn.Text)
		require.Equal(t, recs[i].Turn.Agent, r.Turn.Agent)
		require.Equal(t, recs[i].Shop, r.Shop)
		require.True(t, recs[i].Turn.At.Equal(r.Turn.At), "%v != %v", recs[i].Turn.At, r.Turn.At)
		_, off1 := recs[i].Turn.At.Zone()
		_, off2 := r.Turn.At.Zone()
		require.Equal(t, off1, off2, "the offset survives")
	}
	require.Error(t, w.Write(Record{Conversation: " ", Turn: conversation.Turn{Role: conversation.Buyer}}))
	require.Error(t, w.Write(Record{Conversation: "c", Turn: conversation.Turn{}}))
	require.Error(t, NewWriter(failWriter{}).Write(recs[0]))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// roundTrip checks that what was read, whatever its form, is written in the
// canonical form and read back the same: the same instant, offset, role and
// text.
func roundTrip(t *testing.T, rec Record) {
	t.Helper()
	if rec.Turn.At.Year() > 9999 { // RFC 3339 has four-digit years; Writer fails, which is its contract
		return
	}
	var b strings.Builder
	if err := NewWriter(&b).Write(rec); err != nil {
		t.Fatalf("line %d: read but not written: %v", rec.Line, err)
	}
	back, err := NewReader(strings.NewReader(b.String()), Zone(time.UTC)).Next()
	if err != nil {
		t.Fatalf("line %d: written %q but not read back: %v", rec.Line, b.String(), err)
	}
	_, off1 := rec.Turn.At.Zone()
	_, off2 := back.Turn.At.Zone()
	if !back.Turn.At.Equal(rec.Turn.At) || off1 != off2 || back.Turn.Role != rec.Turn.Role || back.Turn.Text != rec.Turn.Text || back.Conversation != rec.Conversation {
		t.Fatalf("line %d: %+v written as %q read back as %+v", rec.Line, rec, b.String(), back)
	}
}

// FuzzReader: no input panics the reader, every line is accounted for, and
// every record read survives the Writer and the Reader unchanged.
func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"conversation":"c1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}` + "\n"))
	f.Add([]byte("not json\n\n{}\n"))
	f.Add([]byte{0xff, '\n', '{'})
	// Every time form and role name the reader takes, and near misses.
	for _, at := range []string{`"2026-03-15 10:00:00"`, `"2026/03/15 10:00:00.5"`, `"2026-03-15T10:00:00"`,
		`1773540000`, `"1773540000"`, `1773540000123`, `"1773540000123"`, `1773540000.25`, `99999999999`, `100000000000`,
		`9999999999999`, `10000000000000`, `0`, `-1`, `1e9`, `"2026-02-30 10:00:00"`, `"99999999999999999999"`} {
		f.Add([]byte(`{"conversation":"c","role":"买家","at":` + at + `,"text":"x"}` + "\n"))
	}
	for _, role := range []string{"客服", "customer", "SELLER", "ｕｓｅｒ", "staff", "顾客", "商家", "consumer", "merchant", "visitor", "service", "bot"} {
		f.Add([]byte(`{"conversation":"c","role":"` + role + `","at":"2026-03-15 10:00:00","text":"x","id":7}` + "\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)))
		for i := 0; i < 1<<20; i++ {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err == nil {
				if rec.Turn.At.IsZero() || rec.Turn.At.Unix() <= 0 || rec.Line < 1 {
					t.Fatalf("line %d read with time %v", rec.Line, rec.Turn.At)
				}
				roundTrip(t, rec)
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				t.Fatalf("unexpected error %v", err)
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
