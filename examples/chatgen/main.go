// Command chatgen writes a synthetic chat log in JSON Lines with known
// problems planted (the input examples/audit and examples/server read), and
// prints what it planted on stderr.
//
//	go run ./examples/chatgen -n 100000 > chats.jsonl
//
// Two hostile shapes measure the audit's worst cases:
//
//	go run ./examples/chatgen -shape open -n 1000000 > open.jsonl    # every conversation open at once
//	go run ./examples/chatgen -shape dense -n 10000 > dense.jsonl    # agent turns of 8 KiB of links
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run writes the log to stdout; the status is 1 when it cannot be written
// (chatgen > /dev/full), 2 on bad usage, 0 for -h.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chatgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "conversations (-shape dense: agent turns)")
	seed := fs.Int64("seed", 1, "random seed")
	shape := fs.String("shape", "planted", "planted: conversations with known problems; open: n conversations all open at once (a question each, answered an hour later in the same order); dense: n agent turns of 8 KiB of links in 100 conversations")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "chatgen: unexpected argument %q (the log goes to standard output)\n", fs.Arg(0))
		return 2
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	var err error
	switch *shape {
	case "planted":
		var p jsonltest.Planted
		if p, err = jsonltest.Generate(w, *n, *seed); err == nil {
			fmt.Fprintf(stderr, "chatgen: %+v\n", p)
		}
	case "open":
		err = open(w, *n)
	case "dense":
		err = dense(w, *n)
	default:
		fmt.Fprintf(stderr, "chatgen: -shape %q (want planted, open or dense)\n", *shape)
		return 2
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "chatgen:", err)
		return 1
	}
	return 0
}

var base = time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))

type line struct {
	Conversation string `json:"conversation"`
	Role         string `json:"role"`
	At           string `json:"at"`
	Text         string `json:"text"`
	Agent        string `json:"agent"`
}

// open writes n questions within one hour, then their answers in the same
// order an hour later: with the default -idle of an hour, all n
// conversations are open at once, and every answer is slow.
func open(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	step := time.Hour / time.Duration(max(n, 1))
	for round, t := range [2]struct{ role, text string }{
		{"buyer", "请问这款有货吗，什么时候发货"},
		{"agent", "您好，非常抱歉给您添麻烦了，您的订单已经发货，预计三天内送达"},
	} {
		for i := 0; i < n; i++ {
			at := base.Add(time.Duration(round)*time.Hour + time.Duration(i)*step)
			if err := enc.Encode(line{fmt.Sprintf("c-%07d", i), t.role, at.Format(time.RFC3339Nano), t.text, fmt.Sprintf("a-%d", i%12)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// dense writes n agent turns, each 8 KiB of "a.com " (a violation every 6
// bytes), a second apart, in 100 conversations.
func dense(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	text := strings.Repeat("a.com ", 8<<10/6)
	for i := 0; i < n; i++ {
		if err := enc.Encode(line{fmt.Sprintf("d-%d", i%100), "agent", base.Add(time.Duration(i) * time.Second).Format(time.RFC3339), text, "a-1"}); err != nil {
			return err
		}
	}
	return nil
}
