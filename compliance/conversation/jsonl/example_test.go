package jsonl_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl"
)

func ExampleReader() {
	log := `{"conversation":"c-1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
{"conversation":"c-1","role":"robot","at":"2026-03-15T10:00:05+08:00","text":"您好"}
{"conversation":"c-1","role":"agent","at":"2026-03-15T10:00:05+08:00","text":"您好","agent":"a-7"}
`
	r := jsonl.NewReader(strings.NewReader(log))
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var le *jsonl.LineError
		if errors.As(err, &le) {
			fmt.Println("skip:", le)
			continue
		}
		fmt.Println(rec.Line, rec.Conversation, rec.Turn.Role, rec.Turn.Text)
	}
	// Output:
	// 1 c-1 buyer 在吗
	// skip: jsonl: line 2: "role" is "robot" (want buyer or agent, or a name such as 买家, 客服, customer, seller, user or staff)
	// 3 c-1 agent 您好
}

// An export's own roles and times are read as they are; times without an
// offset are in China Standard Time unless [jsonl.Zone] says otherwise.
func ExampleNewReader_exports() {
	log := `{"conversation":"c-1","role":"买家","at":"2026-03-15 10:00:00","text":"在吗"}
{"conversation":"c-1","role":"seller","at":1773540005123,"text":"您好"}
{"conversation":"c-1","role":"Customer","at":"1773540010","text":"发货了吗"}
`
	for _, opts := range [][]jsonl.Option{nil, {jsonl.Zone(time.UTC)}} {
		r := jsonl.NewReader(strings.NewReader(log), opts...)
		for {
			rec, err := r.Next()
			if err != nil {
				break
			}
			fmt.Println(rec.Turn.Role, rec.Turn.At.Format("2006-01-02 15:04:05.000 -07:00"), rec.Turn.Text)
		}
	}
	// Output:
	// buyer 2026-03-15 10:00:00.000 +08:00 在吗
	// agent 2026-03-15 10:00:05.123 +08:00 您好
	// buyer 2026-03-15 10:00:10.000 +08:00 发货了吗
	// buyer 2026-03-15 10:00:00.000 +00:00 在吗
	// agent 2026-03-15 02:00:05.123 +00:00 您好
	// buyer 2026-03-15 02:00:10.000 +00:00 发货了吗
}

func ExampleParseZone() {
	for _, s := range []string{"+08:00", "UTC-5", "UTC", "8"} {
		loc, err := jsonl.ParseZone(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(time.Date(2026, 3, 15, 10, 0, 0, 0, loc).Format(time.RFC3339))
	}
	// Output:
	// 2026-03-15T10:00:00+08:00
	// 2026-03-15T10:00:00-05:00
	// 2026-03-15T10:00:00Z
	// jsonl: time zone "8": not UTC, Local, an offset (+08:00) or a known zone name: unknown time zone 8
}

func ExampleWriter() {
	w := jsonl.NewWriter(os.Stdout)
	at := time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))
	_ = w.Write(jsonl.Record{Conversation: "c-1", Turn: conversation.Turn{Role: conversation.Buyer, At: at, Text: "在吗"}})
	// Output:
	// {"conversation":"c-1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
}
