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
	"os"

	"github.com/huashu/huashu/internal/chatgen"
)

func main() {
	n := flag.Int("n", 1000, "conversations")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	p, err := chatgen.Generate(w, *n, *seed)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "chatgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "chatgen: %+v\n", p)
}
