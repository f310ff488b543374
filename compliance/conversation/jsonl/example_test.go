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
	// skip: jsonl: line 2: "role" is "robot" (want buyer or agent)
	// 3 c-1 agent 您好
}

func ExampleWriter() {
	w := jsonl.NewWriter(os.Stdout)
	at := time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))
	_ = w.Write(jsonl.Record{Conversation: "c-1", Turn: conversation.Turn{Role: conversation.Buyer, At: at, Text: "在吗"}})
	// Output:
	// {"conversation":"c-1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
}
