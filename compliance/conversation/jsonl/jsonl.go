// Package jsonl reads and writes conversations as JSON Lines: one turn per
// line, turns of many conversations interleaved. It is the format the audit
// tools read, and any system can write it:
//
//	{"conversation": "c-1", "role": "buyer", "at": "2026-03-15T10:00:00+08:00", "text": "在吗"}
//	{"conversation": "c-1", "role": "agent", "at": "2026-03-15T10:00:05+08:00", "text": "您好", "agent": "a-7"}
//
// Fields:
//
//   - conversation (string, required, not blank): which conversation the turn
//     belongs to. Turns of one conversation appear in the order they were sent.
//   - role (string, required): "buyer" or "agent", in any case; the
//     Chinese names 买家 (顾客, 客户) and 客服 are read too. A Writer writes
//     the lowercase code.
//   - at (string, required): when the turn was sent, RFC 3339 with a time zone
//     offset; fractions of a second are allowed.
//   - text (string, required): the message as sent, possibly empty.
//   - agent (string, optional): who answered, for agent turns.
//
// Other fields are ignored, so a log may carry its own. Lines are UTF-8,
// end with "\n" (a "\r\n" end is accepted) and are at most [MaxLine] bytes;
// blank lines are skipped.
//
// The [Reader] streams: memory does not grow with the file. A bad line is
// returned as a *[LineError] with its line number and the reader goes on
// with the next line; nothing is dropped silently.
//
// Concurrency: a Reader or a Writer is for one goroutine, except
// [Reader.Bytes], which any goroutine may call.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/huashu/huashu/compliance/conversation"
)

// MaxLine is the longest line the reader accepts.
const MaxLine = 1 << 20

// Record is one turn of one conversation.
type Record struct {
	Conversation string
	Line         int // the line it was read from (1-based); not written
	Turn         conversation.Turn
}

type wire struct {
	Conversation *string `json:"conversation"`
	Role         *string `json:"role"`
	At           *string `json:"at"`
	Text         *string `json:"text"`
	Agent        string  `json:"agent"`
}

// LineError is a line that could not be read as a turn. Its message is
// "jsonl: line N: why".
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("jsonl: line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Reader reads records from JSON Lines.
type Reader struct {
	r     *bufio.Reader
	line  int
	bytes atomic.Int64 // read by progress reporters on other goroutines
}

// NewReader reads from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 256<<10)} }

// Bytes reports how many bytes have been read so far. It is safe to call
// from another goroutine.
func (r *Reader) Bytes() int64 { return r.bytes.Load() }

// Next returns the next record. It returns io.EOF at the end, a *LineError
// for a bad line (call Next again to go on), or another error if reading failed.
func (r *Reader) Next() (Record, error) {
	for {
		raw, err := r.readLine()
		if err != nil {
			return Record{}, err
		}
		r.line++
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		rec, perr := parse(raw)
		if perr != nil {
			return Record{}, &LineError{Line: r.line, Err: perr}
		}
		rec.Line = r.line
		return rec, nil
	}
}

// readLine returns the next line without its end; an over-long line is
// consumed and reported as a LineError.
func (r *Reader) readLine() ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		r.bytes.Add(int64(len(chunk)))
		if !tooLong {
			if len(buf)+len(chunk) > MaxLine {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == nil || (errors.Is(err, io.EOF) && len(chunk) > 0) || (errors.Is(err, io.EOF) && len(buf) > 0):
			if tooLong {
				r.line++
				return nil, &LineError{Line: r.line, Err: fmt.Errorf("longer than %d bytes", MaxLine)}
			}
			return bytes.TrimRight(buf, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if tooLong {
				r.line++
				return nil, &LineError{Line: r.line, Err: fmt.Errorf("longer than %d bytes", MaxLine)}
			}
			return nil, io.EOF
		default:
			return nil, err
		}
	}
}

func parse(raw []byte) (Record, error) {
	var w wire
	if err := json.Unmarshal(raw, &w); err != nil { // other fields are allowed and ignored
		return Record{}, fmt.Errorf("bad JSON: %v", err)
	}
	switch {
	case w.Conversation == nil || strings.TrimSpace(*w.Conversation) == "":
		return Record{}, errors.New(`missing "conversation"`)
	case w.Role == nil:
		return Record{}, errors.New(`missing "role"`)
	case w.At == nil:
		return Record{}, errors.New(`missing "at"`)
	case w.Text == nil:
		return Record{}, errors.New(`missing "text"`)
	}
	var role conversation.Role
	if err := role.UnmarshalText([]byte(*w.Role)); err != nil || role == 0 { // "" would be the unset role
		return Record{}, fmt.Errorf(`"role" is %q (want buyer or agent)`, *w.Role)
	}
	at, err := time.Parse(time.RFC3339Nano, *w.At)
	if err != nil {
		return Record{}, fmt.Errorf(`"at" is not RFC 3339: %q`, *w.At)
	}
	return Record{Conversation: *w.Conversation, Turn: conversation.Turn{Role: role, At: at, Text: *w.Text, Agent: w.Agent}}, nil
}

// Writer writes records as JSON Lines, one per line, in the order given.
type Writer struct {
	w   io.Writer
	buf []byte
}

// NewWriter writes to w. Each record is one Write call on w; wrap w in a
// bufio.Writer for many small records.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes one record. It fails on a blank conversation id or an unset
// role, and returns w's error if writing fails.
func (w *Writer) Write(rec Record) error {
	if strings.TrimSpace(rec.Conversation) == "" {
		return errors.New(`jsonl: write: blank "conversation"`)
	}
	if rec.Turn.Role != conversation.Buyer && rec.Turn.Role != conversation.Agent {
		return fmt.Errorf("jsonl: write: role %v (want buyer or agent)", rec.Turn.Role)
	}
	out := struct {
		Conversation string `json:"conversation"`
		Role         string `json:"role"`
		At           string `json:"at"`
		Text         string `json:"text"`
		Agent        string `json:"agent,omitempty"`
	}{rec.Conversation, rec.Turn.Role.String(), rec.Turn.At.Format(time.RFC3339Nano), rec.Turn.Text, rec.Turn.Agent}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("jsonl: write: %w", err)
	}
	w.buf = append(append(w.buf[:0], b...), '\n')
	_, err = w.w.Write(w.buf)
	return err
}
