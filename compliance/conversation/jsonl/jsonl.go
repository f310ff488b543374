// Package jsonl reads and writes conversations as JSON Lines: one turn per
// line, turns of many conversations interleaved. It is the format the audit
// tools read, and any system can write it:
//
//	{"conversation": "c-1", "role": "buyer", "at": "2026-03-15T10:00:00+08:00", "text": "在吗"}
//	{"conversation": "c-1", "role": "agent", "at": "2026-03-15T10:00:05+08:00", "text": "您好", "agent": "a-7"}
//
// The reader also takes what the platforms' and customer-service tools'
// exports write, so that a log needs no conversion first:
//
//	{"conversation": "c-1", "role": "买家", "at": "2026-03-15 10:00:00", "text": "在吗"}
//	{"conversation": "c-1", "role": "seller", "at": 1773540005123, "text": "您好"}
//
// Fields:
//
//   - conversation (string, required, not blank): which conversation the turn
//     belongs to. Turns of one conversation appear in the order they were sent.
//   - role (string, required): who sent the turn, in any case and width
//     (ＢＵＹＥＲ is buyer). The buyer is "buyer", 买家, 顾客, 客户, 用户,
//     访客, 消费者, "customer", "user", "consumer", "visitor" or "client"; the
//     agent is "agent", 客服, 商家, 卖家, 店家, "seller", "staff", "merchant"
//     or "service". A Writer writes "buyer" or "agent".
//   - at (string or number, required): when the turn was sent; see Times.
//   - text (string, required): the message as sent, possibly empty.
//   - agent (string, optional): who answered, for agent turns.
//   - shop (string, optional): the shop, in a log of several shops.
//
// Other fields are ignored, so a log may carry its own (message ids). Lines are UTF-8, end with "\n" (a "\r\n" end is accepted) and are
// at most [MaxLine] bytes; blank lines are skipped.
//
// # Times
//
// "at" may be written in any of these forms:
//
//   - RFC 3339 with a time zone offset: "2026-03-15T10:00:00+08:00",
//     "2026-03-15T02:00:00Z".
//   - A wall-clock time without an offset: "2026-03-15 10:00:00",
//     "2026/03/15 10:00:00" or "2026-03-15T10:00:00". It is read in the
//     reader's zone: [ChinaStandardTime] (UTC+8) unless the [Zone] option
//     sets another.
//   - Unix time, as a JSON number or a string of digits: 1773540000,
//     "1773540000123". A value below [MillisFrom] (100,000,000,000) is
//     seconds, which reach the year 5138; a value at or above it is
//     milliseconds, which it passes on 1973-03-03. Exports write seconds
//     with 10 digits and milliseconds with 13, so the two never meet. The
//     time is shown in the reader's zone.
//
// Every form may carry a fraction of a second ("2026-03-15 10:00:00.250",
// 1773540000.25, read exactly, without floating point). Rejected rather
// than guessed: zero, a sign, an exponent (1.7e9), a Unix value of
// 10,000,000,000,000 or more (milliseconds past the year 2286, or
// microseconds), dates or clocks out of range, and any other layout. A time
// the reader cannot read makes its line bad.
//
// A [Writer] writes only the canonical form: RFC 3339 times with their
// offset, and the roles "buyer" and "agent".
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
	"github.com/huashu/huashu/internal/enum"
	"io"
	"strconv"
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
	// Shop is the "shop" field, when the log has one: which shop the
	// conversation belongs to, for a log of several shops.
	Shop string
}

type wire struct {
	Conversation *string         `json:"conversation"`
	Role         *string         `json:"role"`
	At           json.RawMessage `json:"at"`
	Text         *string         `json:"text"`
	Agent        string          `json:"agent"`
	Shop         string          `json:"shop"`
}

// ChinaStandardTime is UTC+8, the zone of Chinese platforms' exports and the
// reader's default zone for times without an offset. It is a fixed zone, so
// it needs no time zone database.
var ChinaStandardTime = time.FixedZone("CST", 8*60*60)

// MillisFrom is where Unix seconds end and milliseconds begin: a Unix time
// below it is seconds, at or above it milliseconds.
const MillisFrom = 100_000_000_000

// maxUnix bounds Unix times: 10^13 milliseconds is the year 2286, and
// microseconds (16 digits) or nanoseconds (19) must not be read as
// milliseconds of a far future.
const maxUnix = 10_000_000_000_000

// An Option changes how a Reader reads.
type Option interface{ apply(*Reader) }

type zoneOption struct{ loc *time.Location }

func (o zoneOption) apply(r *Reader) { r.zone = o.loc }

// Zone sets the zone of times without an offset ("2026-03-15 10:00:00"),
// and the zone Unix times are shown in. The default is [ChinaStandardTime];
// a nil loc keeps it.
func Zone(loc *time.Location) Option { return zoneOption{loc} }

// ParseZone reads a zone as a user types it on a command line: "UTC" (or
// "Z"), "Local", an offset ("+08:00", "+0800", "+8", "-05:30", "UTC+8",
// "GMT-5"), or a name from the time zone database ("Asia/Shanghai"), which
// needs the database on the system or the time/tzdata package in the
// program. Offsets are whole minutes within ±14 hours.
func ParseZone(s string) (*time.Location, error) {
	t := strings.TrimSpace(s)
	switch strings.ToUpper(t) {
	case "":
		return nil, errors.New("jsonl: empty time zone")
	case "UTC", "Z", "GMT":
		return time.UTC, nil
	case "LOCAL":
		return time.Local, nil
	}
	off := t
	if len(off) > 3 && (strings.EqualFold(off[:3], "UTC") || strings.EqualFold(off[:3], "GMT")) {
		off = off[3:]
	}
	if off != "" && (off[0] == '+' || off[0] == '-') {
		sec, ok := parseOffset(off)
		if !ok {
			return nil, fmt.Errorf("jsonl: time zone %q: want an offset such as +08:00, +0800 or +8, within ±14 hours", s)
		}
		if sec == 0 {
			return time.UTC, nil
		}
		return time.FixedZone(t, sec), nil
	}
	loc, err := time.LoadLocation(t)
	if err != nil {
		return nil, fmt.Errorf("jsonl: time zone %q: not UTC, Local, an offset (+08:00) or a known zone name: %v", s, err)
	}
	return loc, nil
}

// parseOffset reads "+8", "+08", "+0800" or "+08:00" (and "-…") as seconds
// east of UTC.
func parseOffset(s string) (int, bool) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = s[1:]
	var h, m string
	switch {
	case len(s) == 5 && s[2] == ':':
		h, m = s[:2], s[3:]
	case len(s) == 4:
		h, m = s[:2], s[2:]
	case len(s) == 1 || len(s) == 2:
		h, m = s, "0"
	default:
		return 0, false
	}
	if !digits(h) || !digits(m) {
		return 0, false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if mm >= 60 || hh*60+mm > 14*60 {
		return 0, false
	}
	return sign * (hh*3600 + mm*60), true
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// wallLayouts are the forms without an offset, read in the reader's zone.
// time.Parse accepts a fraction of a second after the seconds of each.
var wallLayouts = [...]string{"2006-01-02 15:04:05", "2006/01/02 15:04:05", "2006-01-02T15:04:05"}

// parseAt reads the "at" field: a JSON string or number, as the package
// documentation lists.
func parseAt(raw json.RawMessage, zone *time.Location) (time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] != '"' {
		if t, ok := parseUnix(string(raw), zone); ok {
			return t, nil
		}
		return time.Time{}, fmt.Errorf(`"at" is %s (want a time such as "2026-03-15 10:00:00", RFC 3339, or Unix seconds or milliseconds)`, enum.Clip(string(raw)))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, fmt.Errorf(`"at" is %s (want a string or a number)`, enum.Clip(string(raw)))
	}
	v := strings.TrimSpace(s)
	if t, ok := parseUnix(v, zone); ok {
		return t, nil
	}
	// Pick the layout by the separators, so a valid time costs one parse
	// (a failed time.Parse allocates its error).
	if len(v) >= len("2006-01-02 15:04:05") {
		switch {
		case v[4] == '/':
			if t, err := time.ParseInLocation(wallLayouts[1], v, zone); err == nil {
				return t, nil
			}
		case v[10] == ' ':
			if t, err := time.ParseInLocation(wallLayouts[0], v, zone); err == nil {
				return t, nil
			}
		case v[10] == 'T':
			if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
				return t, nil
			}
			if t, err := time.ParseInLocation(wallLayouts[2], v, zone); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf(`"at" is %q (want RFC 3339, "2006-01-02 15:04:05", "2006/01/02 15:04:05", or Unix seconds or milliseconds)`, enum.Clip(s))
}

// parseUnix reads digits with an optional decimal fraction as Unix seconds
// or milliseconds, by magnitude (see [MillisFrom]). It does no floating
// point, so a fraction is exact to the nanosecond.
func parseUnix(s string, zone *time.Location) (time.Time, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if !digits(whole) || (frac != "" && !digits(frac)) || (strings.Contains(s, ".") && frac == "") {
		return time.Time{}, false
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 14 { // beyond maxUnix either way; keeps Atoi from overflowing
		return time.Time{}, false
	}
	n, _ := strconv.ParseInt("0"+whole, 10, 64)
	if n >= maxUnix || (n == 0 && strings.Trim(frac, "0") == "") {
		return time.Time{}, false
	}
	unit := int64(time.Second)
	if n >= MillisFrom {
		unit = int64(time.Millisecond)
	}
	// The fraction in nanoseconds of the unit; digits past a nanosecond are dropped.
	var ns int64
	scale := unit
	for i := 0; i < len(frac) && scale > 1; i++ {
		scale /= 10
		ns += int64(frac[i]-'0') * scale
	}
	if unit == int64(time.Second) {
		return time.Unix(n, ns).In(zone), true
	}
	return time.Unix(n/1000, n%1000*int64(time.Millisecond)+ns).In(zone), true // n*unit would overflow past 2262
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
	zone  *time.Location
	line  int
	bytes atomic.Int64 // read by progress reporters on other goroutines
}

// NewReader reads from r. Times without an offset are in
// [ChinaStandardTime] unless a [Zone] option says otherwise.
func NewReader(r io.Reader, opts ...Option) *Reader {
	rd := &Reader{r: bufio.NewReaderSize(r, 256<<10), zone: ChinaStandardTime}
	for _, o := range opts {
		if o != nil {
			o.apply(rd)
		}
	}
	if rd.zone == nil {
		rd.zone = ChinaStandardTime
	}
	return rd
}

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
		rec, perr := parse(raw, r.zone)
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

func parse(raw []byte, zone *time.Location) (Record, error) {
	var w wire
	if err := json.Unmarshal(raw, &w); err != nil { // other fields are allowed and ignored
		return Record{}, fmt.Errorf("bad JSON: %v", err)
	}
	switch {
	case w.Conversation == nil || strings.TrimSpace(*w.Conversation) == "":
		return Record{}, errors.New(`missing "conversation"`)
	case w.Role == nil:
		return Record{}, errors.New(`missing "role"`)
	case w.At == nil || string(w.At) == "null":
		return Record{}, errors.New(`missing "at"`)
	case w.Text == nil:
		return Record{}, errors.New(`missing "text"`)
	}
	var role conversation.Role
	if err := role.UnmarshalText([]byte(*w.Role)); err != nil || role == 0 { // "" would be the unset role
		return Record{}, fmt.Errorf(`"role" is %q (want %s)`, *w.Role, wantRoles)
	}
	at, err := parseAt(w.At, zone)
	if err != nil {
		return Record{}, err
	}
	return Record{Conversation: *w.Conversation, Turn: conversation.Turn{Role: role, At: at, Text: *w.Text, Agent: w.Agent}, Shop: w.Shop}, nil
}

// wantRoles is what a bad role's error lists.
const wantRoles = "buyer or agent, or a name such as 买家, 客服, customer, seller, user or staff"

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
		Shop         string `json:"shop,omitempty"`
	}{rec.Conversation, rec.Turn.Role.String(), rec.Turn.At.Format(time.RFC3339Nano), rec.Turn.Text, rec.Turn.Agent, rec.Shop}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("jsonl: write: %w", err)
	}
	w.buf = append(append(w.buf[:0], b...), '\n')
	_, err = w.w.Write(w.buf)
	return err
}
