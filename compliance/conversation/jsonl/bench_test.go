package jsonl

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// BenchmarkReader reads 1,000 turns whose times are in each form the reader
// takes, so that the cost of the export forms can be set against RFC 3339.
func BenchmarkReader(b *testing.B) {
	for _, bb := range []struct{ name, role, at string }{
		{"rfc3339", `"buyer"`, `"2026-03-15T10:00:00+08:00"`},
		{"wallclock", `"买家"`, `"2026-03-15 10:00:00"`},
		{"slashes", `"customer"`, `"2026/03/15 10:00:00.123"`},
		{"unix_seconds", `"user"`, `1773540000`},
		{"unix_millis_string", `"visitor"`, `"1773540000123"`},
	} {
		src := strings.Repeat(line(bb.role, bb.at)+"\n", 1000)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r := NewReader(strings.NewReader(src))
				for {
					_, err := r.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
