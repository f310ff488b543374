// Package chatlog reads chat logs as JSON Lines, one turn per line:
//
//	{"conversation": "c-1", "role": "agent", "at": "2026-03-15T10:00:00+08:00", "text": "...", "agent": "a-7"}
//
// Other fields are ignored. It streams: memory does not grow with the file. A bad line is returned as
// a *LineError with its line number and the reader goes on with the next
// line; nothing is dropped silently.
//
// Concurrency: a Reader is for one goroutine, except Bytes, which any
// goroutine may call.
package chatlog

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

	"github.com/huashu/huashu/compliance"
)

// MaxLine is the longest line the reader accepts.
const MaxLine = 1 << 20

// Record is one turn of one conversation.
type Record struct {
	Conversation string
	Line         int
	Turn         compliance.Turn
}

type wire struct {
	Conversation *string `json:"conversation"`
	Role         *string `json:"role"`
	At           *string `json:"at"`
	Text         *string `json:"text"`
	Agent        string  `json:"agent"`
}

// LineError is a line that could not be read as a turn.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
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
	var role compliance.Role
	if err := role.UnmarshalText([]byte(*w.Role)); err != nil {
		return Record{}, err
	}
	at, err := time.Parse(time.RFC3339Nano, *w.At)
	if err != nil {
		return Record{}, fmt.Errorf(`"at" is not RFC 3339: %q`, *w.At)
	}
	return Record{Conversation: *w.Conversation, Turn: compliance.Turn{Role: role, At: at, Text: *w.Text, Agent: w.Agent}}, nil
}
