package chatlog

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
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
	require.Equal(t, compliance.Agent, recs[1].Turn.Role)
	require.Equal(t, "a7", recs[1].Turn.Agent)
	require.Equal(t, 2, recs[1].Line)
	require.Equal(t, 8, recs[2].Line, "extra fields are ignored")
	require.Equal(t, 9, recs[3].Line)
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
	}
	require.Equal(t, []int{4, 5, 6, 7}, lines)
	require.Contains(t, bad[1].Error(), "line 5:")
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

// FuzzReader: no input panics the reader, and every line is accounted for.
func FuzzReader(f *testing.F) {
	f.Add([]byte(`{"conversation":"c1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}` + "\n"))
	f.Add([]byte("not json\n\n{}\n"))
	f.Add([]byte{0xff, '\n', '{'})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)))
		for i := 0; i < 1<<20; i++ {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				t.Fatalf("unexpected error %v", err)
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
