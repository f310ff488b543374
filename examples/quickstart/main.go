// Command quickstart checks a handful of customer-service replies against JD's
// rules with huashu's embedded default lexicons, and prints each report —
// the offending spans highlighted, their category, severity and estimated
// penalty — followed by what to send instead; then it audits the seed's JD
// 咚咚 conversation as a whole.
//
//	go run ./examples/quickstart
//
// It takes no arguments; -h prints this usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

var replies = []string{
	// The seed's JD 咚咚 case: sent over and over to an abusive buyer.
	"你再这样没素质的说话，我们拒绝为你服务，谢谢",
	"补发不同意，退款又说态度不好，请问您要怎样",
	"亲，天猫超市也能买到，加 微 信给你便宜点",
	"聯繫我手機：一五九零零零零幺幺幺幺",
	"親，淘寶上也有同款，您的手机号15900001111已登记",
	"这是全网最低价，好-评-返-现5元",
	// Clean replies: none of these is a violation.
	"您好，我亲自帮您查一下，父亲节活动的滚筒洗衣机最快明天到",
	"非常抱歉给您添麻烦了，您的订单202311220001已补发，请注意查收",
}

func main() { os.Exit(mainArgs(os.Args[1:], os.Stdout, os.Stderr, isTerminal(os.Stdout))) }

// mainArgs parses the command line and runs the quickstart: 0 on success
// and for -h, 2 for bad usage, 1 when the run fails.
func mainArgs(args []string, stdout, stderr io.Writer, color bool) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: quickstart\n\nChecks a handful of sample replies against JD's rules with the embedded\ndefault lexicons and prints each report and what to send instead.\nIt takes no arguments or flags.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "quickstart: unexpected argument %q (it takes none; see -h)\n", fs.Arg(0))
		return 2
	}
	if err := run(stdout, color); err != nil {
		fmt.Fprintln(stderr, "quickstart:", err)
		return 1
	}
	return 0
}

// run prints the quickstart to out; it fails when out cannot be written
// (quickstart > /dev/full exits 1).
func run(out io.Writer, color bool) error {
	w := &stickyWriter{w: out}
	if err := report(w, color); err != nil {
		return err
	}
	if w.err != nil {
		return fmt.Errorf("writing output: %w", w.err)
	}
	return nil
}

// stickyWriter writes to w until a write fails, then keeps that error and
// writes nothing more.
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

func report(w io.Writer, color bool) error {
	p, err := compliance.ParsePlatform("jd")
	if err != nil {
		return err
	}
	c, err := compliance.New(compliance.WithPlatform(p))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "huashu quickstart — platform %s, %d rule terms\n\n", c.Platform(), c.Terms())
	for _, text := range replies {
		rep := c.Check(text)
		fmt.Fprintln(w, highlight(rep, color))
		if rep.Clean() {
			fmt.Fprint(w, "  ✓ clean\n\n")
			continue
		}
		cols := 0 // line up the penalty column under the widest quoted span
		for _, v := range rep.Violations {
			cols = max(cols, columns(strconv.Quote(v.Text)))
		}
		for _, v := range rep.Violations {
			fmt.Fprintf(w, "  ✗ %-18s %-8s %s %s (%s)\n", v.Category, v.Severity, padRight(strconv.Quote(v.Text), cols), v.Penalty.Action, v.Rule)
		}
		fmt.Fprintf(w, "  overall: %s, estimated penalty %s\n", rep.Severity, rep.Penalty.Action)
		for _, s := range c.Suggest(rep) { // the most serious problem first
			still := ""
			if len(s.Remaining) > 0 { // a rewrite that could not fix everything
				left := make([]string, len(s.Remaining))
				for i, k := range s.Remaining {
					left[i] = rep.Violations[k].Category.String()
				}
				still = " (still: " + strings.Join(left, ", ") + ")"
			}
			fmt.Fprintf(w, "  → %-7s %s%s\n", s.Kind, s.Text, still)
		}
		fmt.Fprintln(w)
	}
	return audit(w, c)
}

// audit judges a whole conversation: the JD 咚咚 case, where the agent
// answered an abusive buyer with the same reply over and over.
func audit(w io.Writer, c *compliance.Checker) error {
	t0 := time.Date(2026, 3, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))
	at := func(sec int) time.Time { return t0.Add(time.Duration(sec) * time.Second) }
	reply := replies[0]
	turns := []conversation.Turn{
		{Role: conversation.Buyer, At: at(0), Text: "东西坏了，取快递还要花两块钱"},
		{Role: conversation.Agent, At: at(10), Text: "那您申请退款吧"},
		{Role: conversation.Buyer, At: at(20), Text: "你们什么破店，垃圾客服"},
		{Role: conversation.Agent, At: at(25), Text: reply},
		{Role: conversation.Buyer, At: at(30), Text: "骗子"},
		{Role: conversation.Agent, At: at(35), Text: reply},
		{Role: conversation.Buyer, At: at(40), Text: "黑店"},
		{Role: conversation.Agent, At: at(45), Text: reply},
	}
	rep := conversation.Audit(c, turns)
	fmt.Fprintf(w, "conversation of %d turns: overall %s\n", len(turns), rep.Severity)
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "  ! %-18s turns %v: %s\n", f.Kind, f.Turns, f.Detail)
	}
	for _, s := range conversation.SuggestNext(c, turns) {
		fmt.Fprintf(w, "  → next: %s\n", s.Text)
	}
	return nil
}

// highlight marks the violations in the text: red on a terminal, 【】 otherwise.
func highlight(rep compliance.Report, color bool) string {
	open, shut := "【", "】"
	if color {
		open, shut = "\x1b[1;31m", "\x1b[0m"
	}
	var b strings.Builder
	last := 0
	for _, v := range rep.Violations {
		if v.Start < last {
			continue
		}
		b.WriteString(rep.Text[last:v.Start])
		b.WriteString(open + rep.Text[v.Start:v.End] + shut)
		last = v.End
	}
	b.WriteString(rep.Text[last:])
	return b.String()
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
