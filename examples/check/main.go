// Command check checks replies from its arguments, from standard input (one
// reply per line), or from JSON Lines ({"text": "...", "platform": "jd"}),
// and exits with status 1 when anything is flagged — usable as a pre-send
// hook or in CI. Status 2 means bad usage or input, or output that could not
// be written (check ... > /dev/full).
//
// Flags may come before or after the replies (check "亲" -platform jd); an
// argument that starts with "-" is always read as a flag, and an unknown one
// is an error, so a flag is never checked as if it were a reply. Put replies
// that start with "-" after "--".
//
//	go run ./examples/check -platform jd "亲，加 微 信"
//	echo "你烦不烦啊" | go run ./examples/check -platform doudian
//	go run ./examples/check -jsonl -json < replies.jsonl
//	go run ./examples/check -lexicon shop.txt -platform taobao < replies.txt
//	go run ./examples/check -mask privacy < replies.txt   # a filter: personal data hidden by *
//	go run ./examples/check -suggest -traditional zh-TW "亲，加 微 信"
//
// With -mask (all, or category codes such as privacy,off_platform) it
// prints each reply with those violations hidden by *, one line per reply;
// with -json the report gets a "masked" field instead. The exit status is
// the same as without it.
//
// With -jsonl each line is an object with "text" (required), "platform"
// (optional, overrides -platform) and "id" (optional, a string or a
// number): with -json, each report starts with the line's "id", exactly as
// written, so results can be joined back to messages. Other fields are
// ignored, so records of a chat log or a queue can be piped unchanged; a
// line without "text", with an "id" that is neither a string nor a number,
// or that is not a JSON object is reported on stderr with its number, and
// makes the status 2.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/scripts"
)

type lexiconFlags []string

func (l *lexiconFlags) String() string     { return strings.Join(*l, ",") }
func (l *lexiconFlags) Set(v string) error { *l = append(*l, v); return nil }

// input is one reply to check. From JSON Lines, "text" is required;
// "platform" (a code or name) overrides -platform; "id" (a string or a
// number) is echoed, exactly as written, as the first field of the line's
// -json report. Other fields are ignored, so a record of a chat log or a
// message queue can be piped as it is.
type input struct {
	Text     *string         `json:"text"`
	Platform string          `json:"platform,omitempty"`
	ID       json.RawMessage `json:"id,omitempty"`
}

// readInput decodes one JSON Lines record.
func readInput(line string) (input, error) {
	var in input
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return input{}, fmt.Errorf("bad JSON: %v", err)
	}
	if in.Text == nil {
		return input{}, errors.New(`missing "text"`)
	}
	switch id := bytes.TrimSpace(in.ID); {
	case len(id) == 0 || string(id) == "null":
		in.ID = nil
	case id[0] == '"' || id[0] == '-' || (id[0] >= '0' && id[0] <= '9'):
		in.ID = id
	default:
		return input{}, fmt.Errorf(`"id" is %s (want a string or a number)`, clip(string(id)))
	}
	return in, nil
}

// clip shortens a value quoted in an error to 40 bytes, on a rune boundary.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}

// withID puts "id" first in a JSON object.
func withID(obj, id []byte) []byte {
	if id == nil {
		return obj
	}
	out := append([]byte(`{"id":`), id...)
	if len(obj) > 2 {
		out = append(out, ',')
	}
	return append(out, obj[1:]...)
}

// textOf is the reply's text; a nil text is empty.
func (in input) textOf() string {
	if in.Text == nil {
		return ""
	}
	return *in.Text
}

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	platform := fs.String("platform", "generic", "platform rules: generic, jd, taobao, doudian, pdd")
	asJSON := fs.Bool("json", false, "print one JSON report per reply")
	jsonl := fs.Bool("jsonl", false, `read JSON Lines {"text": ..., "platform": ..., "id": ...} from standard input; other fields are ignored, "id" is echoed by -json`)
	suggest := fs.Bool("suggest", false, "print suggestions for flagged replies")
	mask := fs.String("mask", "", "print each reply with violations hidden by *: all, or category codes such as privacy (comma-separated)")
	traditional := fs.String("traditional", "", "render suggestions in Traditional Chinese: zh-Hant, zh-TW or zh-HK")
	var lexicons lexiconFlags
	fs.Var(&lexicons, "lexicon", "add a lexicon file (repeatable)")
	texts, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // the flag package has printed the error and the usage
	}
	if *jsonl && len(texts) > 0 {
		// check -jsonl replies.jsonl would otherwise check the file's name.
		fmt.Fprintf(stderr, "check: -jsonl reads standard input; got argument %q (use < %s)\n", texts[0], texts[0])
		return 2
	}
	var maskOpts compliance.MaskOptions
	if *mask != "" && *mask != "all" {
		for _, code := range strings.Split(*mask, ",") {
			c, err := compliance.ParseCategory(strings.TrimSpace(code))
			if err != nil {
				fmt.Fprintln(stderr, "check: -mask:", err)
				return 2
			}
			maskOpts.Categories = append(maskOpts.Categories, c)
		}
	}
	var variant scripts.Variant
	if *traditional != "" {
		v, err := scripts.ParseVariant(*traditional)
		if err != nil {
			fmt.Fprintln(stderr, "check: -traditional:", err)
			return 2
		}
		variant = v
	}
	checkers := map[string]*compliance.Checker{}
	checker := func(name string) (*compliance.Checker, error) {
		if c, ok := checkers[name]; ok {
			return c, nil
		}
		p, err := compliance.ParsePlatform(name)
		if err != nil {
			return nil, err
		}
		opts := []compliance.Option{compliance.WithPlatform(p)}
		for _, l := range lexicons {
			opts = append(opts, compliance.WithLexiconFile(l))
		}
		c, err := compliance.New(opts...)
		if err != nil {
			return nil, err
		}
		checkers[name] = c
		return c, nil
	}
	if _, err := checker(*platform); err != nil {
		fmt.Fprintln(stderr, "check:", err)
		return 2
	}
	sw := &stickyWriter{w: stdout}
	out := bufio.NewWriter(sw)
	flagged, bad := false, false
	handle := func(in input, where string) {
		name := *platform
		if in.Platform != "" {
			name = in.Platform
		}
		c, err := checker(name)
		if err != nil {
			fmt.Fprintf(stderr, "check: %s: %v\n", where, err)
			bad = true
			return
		}
		rep := c.Check(in.textOf())
		if !rep.Clean() {
			flagged = true
		}
		var sug []compliance.Suggestion
		if *suggest {
			sug = c.SuggestWith(rep, compliance.SuggestOptions{Traditional: variant})
		}
		if *asJSON {
			b, _ := json.Marshal(rep)
			if len(sug) > 0 || *mask != "" { // the report's fields plus "suggestions", "masked"
				var m map[string]json.RawMessage
				_ = json.Unmarshal(b, &m)
				if len(sug) > 0 {
					m["suggestions"], _ = json.Marshal(sug)
				}
				if *mask != "" {
					m["masked"], _ = json.Marshal(compliance.Mask(rep, maskOpts))
				}
				b, _ = json.Marshal(m)
			}
			out.Write(append(withID(b, in.ID), '\n'))
			return
		}
		if *mask != "" {
			fmt.Fprintln(out, compliance.Mask(rep, maskOpts))
			return
		}
		if rep.Clean() {
			fmt.Fprintf(out, "ok\t%s\n", in.textOf())
			return
		}
		fmt.Fprintf(out, "%s\t%s\n", rep.Severity, in.textOf())
		for _, v := range rep.Violations {
			fmt.Fprintf(out, "\t%d-%d\t%s\t%s\t%q\t%s", v.Start, v.End, v.Category, v.Severity, v.Text, v.Penalty.Action)
			if v.Note != "" {
				fmt.Fprintf(out, "\t(%s)", v.Note) // the rule's note=: the law or case it cites
			}
			fmt.Fprintln(out)
		}
		for _, s := range sug {
			if len(s.Remaining) > 0 {
				left := make([]string, len(s.Remaining))
				for i, k := range s.Remaining {
					left[i] = rep.Violations[k].Category.String()
				}
				fmt.Fprintf(out, "\t→ %s\t%s\t(still: %s)\n", s.Kind, s.Text, strings.Join(left, ", "))
				continue
			}
			fmt.Fprintf(out, "\t→ %s\t%s\n", s.Kind, s.Text)
		}
	}
	if len(texts) > 0 {
		for i, a := range texts {
			if sw.err != nil {
				break
			}
			handle(input{Text: &a}, fmt.Sprintf("argument %d", i+1))
		}
	} else {
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
		line := 0
		for sc.Scan() && sw.err == nil {
			line++
			text := sc.Text()
			if !*jsonl {
				handle(input{Text: &text}, fmt.Sprintf("line %d", line))
				continue
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			in, err := readInput(text)
			if err != nil {
				fmt.Fprintf(stderr, "check: line %d: %v\n", line, err)
				bad = true
				continue
			}
			where := fmt.Sprintf("line %d", line)
			if in.ID != nil {
				where += " (id " + clip(string(in.ID)) + ")"
			}
			handle(in, where)
		}
		if err := sc.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				err = fmt.Errorf("line %d: longer than 16 MiB", line+1)
			}
			fmt.Fprintln(stderr, "check:", err)
			bad = true
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "check: writing output:", err)
		return 2
	}
	switch {
	case bad:
		return 2
	case flagged:
		return 1
	}
	return 0
}

// parseInterspersed parses flags wherever they appear among the arguments
// and returns the other arguments, in order. Everything after "--" is an
// argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		// Parse stops at the first non-flag argument, or after "--".
		consumed := len(args) - fs.NArg()
		ended := consumed > 0 && args[consumed-1] == "--"
		args = fs.Args()
		if ended {
			return append(rest, args...), nil
		}
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// stickyWriter writes to w until a write fails, then keeps that error and
// writes nothing more: the loops stop reading when output is gone.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}
