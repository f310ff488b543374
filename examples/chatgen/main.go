// Command chatgen writes a synthetic chat log in JSON Lines with known
// problems planted (the input examples/audit and examples/server read), and
// prints what it planted on stderr.
//
//	go run ./examples/chatgen -n 100000 > chats.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/huashu/huashu/internal/chatgen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run writes the log to stdout; the status is 1 when it cannot be written
// (chatgen > /dev/full), 2 on bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chatgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "conversations")
	seed := fs.Int64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	p, err := chatgen.Generate(w, *n, *seed)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "chatgen:", err)
		return 1
	}
	fmt.Fprintf(stderr, "chatgen: %+v\n", p)
	return 0
}
