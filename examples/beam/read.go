package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl"
)

// turnRec is one turn on the wire between the reader and the audit: plain
// fields, so that Beam's schema coder encodes it on every runner. The time
// is kept as seconds, nanoseconds and the zone offset, not as UnixNano,
// which is undefined outside the years 1678–2262.
type turnRec struct {
	File   string
	Line   int64
	Role   int64 // conversation.Role
	Sec    int64
	Nsec   int64
	Offset int64 // seconds east of UTC, as written in the log
	Text   string
	Agent  string
}

// at returns the turn's time in the zone it was written in.
func (t turnRec) at() time.Time {
	return time.Unix(t.Sec, t.Nsec).In(time.FixedZone("", int(t.Offset)))
}

// turn returns the library's turn.
func (t turnRec) turn() conversation.Turn {
	return conversation.Turn{Role: conversation.Role(t.Role), At: t.at(), Text: t.Text, Agent: t.Agent}
}

// badLine is a line the reader skipped, for the errors output.
type badLine struct {
	File  string `json:"file"`
	Line  int64  `json:"line"`
	Error string `json:"error"`
}

// readFn reads one chat log (local, gs://, s3://, gzip by extension) line
// by line with the library's JSON Lines reader (compliance/conversation/jsonl), so that a bad line is
// reported with its file and line number exactly as examples/audit reports
// it. It emits the turns keyed by conversation, the bad lines, and one
// summary per file (bytes, lines skipped).
//
// A file is read by one worker from start to end: the line numbers need
// it. Logs are usually many files (per shop, per hour); the audit after
// the group-by-key runs in parallel whatever the files are.
type readFn struct{}

// ProcessElement reads file.
func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, turnRec), bad func(badLine), sums func(summary)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("beam: %s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	sum := newSummary()
	sum.Files = 1
	n, err := readTurns(rc, file.Metadata.Path, func(conv string, t turnRec) { emit(conv, t) }, func(b badLine) {
		sum.Skipped++
		bad(b)
	})
	if err != nil {
		return fmt.Errorf("beam: %s: %w", file.Metadata.Path, err)
	}
	sum.Bytes = n
	sums(sum)
	return nil
}

// readTurns reads JSON Lines from r and calls turn for every turn and bad
// for every line that is not one. It returns the bytes read, or the error
// that stopped reading (not a bad line: those are reported and skipped).
func readTurns(r io.Reader, name string, turn func(string, turnRec), bad func(badLine)) (int64, error) {
	cr := jsonl.NewReader(r)
	for {
		rec, err := cr.Next()
		if errors.Is(err, io.EOF) {
			return cr.Bytes(), nil
		}
		var le *jsonl.LineError
		if errors.As(err, &le) {
			bad(badLine{File: name, Line: int64(le.Line), Error: le.Err.Error()})
			continue
		}
		if err != nil {
			return cr.Bytes(), err
		}
		at := rec.Turn.At
		_, off := at.Zone()
		turn(rec.Conversation, turnRec{
			File: name, Line: int64(rec.Line), Role: int64(rec.Turn.Role),
			Sec: at.Unix(), Nsec: int64(at.Nanosecond()), Offset: int64(off),
			Text: rec.Turn.Text, Agent: rec.Turn.Agent,
		})
	}
}
