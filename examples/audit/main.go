// Command audit audits chat logs in JSON Lines, one turn per line:
//
//	{"conversation": "c-1", "role": "agent"|"buyer", "at": "2026-03-15T10:00:00+08:00", "text": "...", "agent": "a-7"}
//
// It streams the file (memory does not grow with its size), checks every agent
// turn and audits every conversation on all cores, prints a summary (by
// category, severity, agent and hour, conversation findings, skipped lines)
// and writes a self-contained HTML report with inline SVG charts and every
// flagged turn highlighted with a suggestion. Bad lines are reported on
// stderr with their line number and skipped; their count is in the summary.
//
// A conversation stays open until -idle of log time passes without a turn
// in it (log time: the latest plausible timestamp seen), and at most
// -max-open stay open: past that, the least recently active is closed and
// counted. Timestamps earlier than their conversation's previous turn, and
// implausible ones (before 2000, or over a day after the audit started),
// are counted in the summary; they change nothing outside their own
// conversation. Results are the same whatever -workers when the log is in
// time order.
// The log may also use an export's own roles (买家/客服, customer/seller…)
// and times ("2026-03-15 10:00:00", Unix seconds or milliseconds), as
// package jsonl lists; -tz sets the zone of times without an offset
// (default +08:00, China Standard Time).
//
// -json FILE writes the summary's figures, the flagged turns and the
// conversation findings as JSON; -json - writes it to standard output in
// place of the text summary, for pipelines.
//
// The exit status is 0 when nothing was flagged, 1 when an agent turn was
// flagged or a conversation finding made, and 2 on bad usage, unreadable
// input or output that cannot be written — as examples/check. Bad lines
// alone do not change it; they are counted.
//
//	go run ./examples/audit -platform jd -html report.html chats.jsonl
//	go run ./examples/audit -platform jd -json - chats.jsonl | jq .flagged_turns
package main

import (
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

type config struct {
	platform   compliance.Platform
	htmlPath   string
	workers    int
	maxFlagged int
	idle       time.Duration
	lexicons   []string
	progress   bool
	maxOpen    int            // open conversations kept at most, over all workers; 0: no bound
	now        time.Time      // when the audit started: timestamps far after it are implausible
	zone       *time.Location // of log times without an offset
}

// Timestamps outside [minPlausible, now+maxAhead] are implausible: they are
// counted, never move a worker's log clock, and count as the time of the
// conversation's previous turn.
var minPlausible = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const maxAhead = 24 * time.Hour

type lexiconFlags []string

func (l *lexiconFlags) String() string     { return strings.Join(*l, ",") }
func (l *lexiconFlags) Set(v string) error { *l = append(*l, v); return nil }

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

// console is stderr shared by the progress bar and the messages (bad
// lines, errors), which come from different goroutines. While the bar is
// drawn, a message first clears the bar's line, so it never runs into the
// bar (…1.6 MB/saudit: skipping line 2644), and the bar is drawn again
// below it.
type console struct {
	mu  sync.Mutex
	w   io.Writer
	bar string // the bar's text while it is drawn, "" otherwise
}

// Write writes a message (whole lines), keeping the bar below it.
func (c *console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar == "" {
		return c.w.Write(p)
	}
	if _, err := io.WriteString(c.w, clearLine); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(c.w, c.bar)
	return n, err
}

// clearLine returns the cursor to the start of the line and erases it.
const clearLine = "\r\x1b[K"

// drawBar replaces the bar's line with bar; "" erases it for good.
func (c *console) drawBar(bar string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bar = bar
	io.WriteString(c.w, clearLine+bar)
}

// run is the program. The status is 0 when nothing was flagged (no flagged
// agent turn and no conversation finding), 1 when something was, and 2 on
// bad usage, unreadable input, or output that cannot be written (audit
// log.jsonl > /dev/full): the same convention as examples/check.
func run(args []string, stdin io.Reader, stdout, rawStderr io.Writer) (code int) {
	stderr := &console{w: rawStderr}
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	platform := fs.String("platform", "generic", "platform rules: generic, jd, taobao, doudian, pdd")
	htmlPath := fs.String("html", "", "write an HTML report to this file")
	reportLang := fs.String("lang", "zh", "language of the HTML report: zh (Chinese) or en (English)")
	jsonPath := fs.String("json", "", "write the summary and findings as JSON to this file (- for standard output, replacing the text summary)")
	workers := fs.Int("workers", runtime.NumCPU(), "parallel workers")
	maxFlagged := fs.Int("max-flagged", 500, "flagged turns listed in the HTML report (all are counted)")
	idle := fs.Duration("idle", time.Hour, "close a conversation after this much log time without a turn")
	maxOpen := fs.Int("max-open", defaultMaxOpen, "keep at most this many conversations open (split among the workers), closing the least recently active first; 0 for no bound")
	forceProgress := fs.Bool("progress", false, "draw the progress bar even when stderr is not a terminal")
	tz := fs.String("tz", "+08:00", "time zone of log times without an offset (2026-03-15 10:00:00): +08:00, UTC, UTC-5, Asia/Shanghai…")
	var lexicons lexiconFlags
	fs.Var(&lexicons, "lexicon", "add a lexicon file (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0 // -h asked for the usage, which is printed
		}
		return 2
	}
	p, err := compliance.ParsePlatform(*platform)
	if err != nil {
		fmt.Fprintln(stderr, "audit:", err)
		return 2
	}
	if *maxOpen < 0 {
		fmt.Fprintln(stderr, "audit: -max-open must be 0 or more")
		return 2
	}
	if *reportLang != "zh" && *reportLang != "en" {
		fmt.Fprintf(stderr, "audit: -lang is %q (want zh or en)\n", *reportLang)
		return 2
	}
	zone, err := jsonl.ParseZone(*tz)
	if err != nil {
		fmt.Fprintln(stderr, "audit: -tz:", err)
		return 2
	}
	cfg := config{platform: p, htmlPath: *htmlPath, workers: max(1, *workers), maxFlagged: *maxFlagged, idle: *idle, lexicons: lexicons, maxOpen: *maxOpen, now: time.Now(), zone: zone}
	in, size, name := stdin, int64(-1), "stdin"
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "audit: at most one input file")
		return 2
	}
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintln(stderr, "audit:", err)
			return 2
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		in, name = f, fs.Arg(0)
	}
	if f, ok := rawStderr.(*os.File); ok && isTerminal(f) || *forceProgress {
		cfg.progress = true
	}
	res, err := audit(cfg, in, size, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "audit:", err)
		return 2
	}
	res.source = name
	out := &stickyWriter{w: stdout}
	defer func() {
		if out.err != nil && code != 2 {
			fmt.Fprintln(stderr, "audit: writing output:", out.err)
			code = 2
		}
	}()
	stdout = out
	if *jsonPath == "-" {
		if err := writeJSON(stdout, res); err != nil {
			fmt.Fprintln(stderr, "audit: writing JSON:", err)
			return 2
		}
	} else {
		printSummary(stdout, res)
	}
	if *jsonPath != "" && *jsonPath != "-" {
		if err := writeFile(*jsonPath, res, writeJSON); err != nil {
			fmt.Fprintln(stderr, "audit:", err)
			return 2
		}
		fmt.Fprintf(stdout, "\nJSON report: %s\n", *jsonPath)
	}
	if cfg.htmlPath != "" {
		writeLang := func(w io.Writer, r *results) error { return writeHTML(w, r, lang(*reportLang)) }
		if err := writeFile(cfg.htmlPath, res, writeLang); err != nil {
			fmt.Fprintln(stderr, "audit:", err)
			return 2
		}
		if *jsonPath != "-" {
			fmt.Fprintf(stdout, "\nHTML report: %s\n", cfg.htmlPath)
		}
	}
	if res.flaggedTurns > 0 || res.totalFindings() > 0 {
		return 1
	}
	return 0
}

// writeFile creates path and writes the report to it with write.
func writeFile(path string, r *results, write func(io.Writer, *results) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// totalFindings counts the conversation findings of every kind.
func (r *results) totalFindings() int {
	n := 0
	for _, v := range r.byFinding {
		n += v
	}
	return n
}

// flagged is one agent turn with violations, kept for the HTML report.
type flagged struct {
	conversation string
	line         int
	at           time.Time
	agent        string
	report       compliance.Report
	suggestion   string
}

// finding is a conversation finding with its evidence as line numbers.
type finding struct {
	conversation string
	f            conversation.Finding
	lines        []int
}

// stats are what a worker counts; results merges them.
type stats struct {
	turns, agentTurns, buyerTurns, conversations, flaggedTurns int
	byCategory                                                 map[compliance.Category]int
	bySeverity                                                 map[compliance.Severity]int
	byAgent                                                    map[string]int
	byHour                                                     [24]int
	byFinding                                                  map[conversation.FindingKind]int
	points                                                     float64 // estimated: worst turn per conversation (penalty.go)
	penalties                                                  map[shopDay]incidents
	scores                                                     map[agentDay]conversation.DayScore
	flagged                                                    []flagged
	findings                                                   []finding
	answered, within, measured                                 int
	// Timestamps earlier than the conversation's previous turn, and
	// implausible ones (see minPlausible); conversations closed to stay
	// within -max-open; conversations looked at by the idle sweep (tests
	// count it: at most one per line plus one per closed conversation).
	outOfOrder, implausible, evicted, sweepChecks int
}

func newStats() *stats {
	return &stats{byCategory: map[compliance.Category]int{}, bySeverity: map[compliance.Severity]int{}, byAgent: map[string]int{}, byFinding: map[conversation.FindingKind]int{}, penalties: map[shopDay]incidents{}, scores: map[agentDay]conversation.DayScore{}}
}

type results struct {
	stats
	platform compliance.Platform
	skipped  int
	lines    int
	bytes    int64
	elapsed  time.Duration
	workers  int
	source   string
	capped   int
}

// defaultMaxOpen is the default -max-open: about 1.4 GB resident at the
// measured cost of an open conversation (about 1.3 KB of live heap, 2.9 KB
// resident with the collector's headroom; see the README). Shops rarely have
// that many chats within one -idle window; past it, the summary counts the
// conversations closed early.
const defaultMaxOpen = 500_000

const maxEvidenceLines = 100000

func audit(cfg config, in io.Reader, size int64, stderr *console) (*results, error) {
	opts := []compliance.Option{compliance.WithPlatform(cfg.platform)}
	for _, l := range cfg.lexicons {
		opts = append(opts, compliance.WithLexiconFile(l))
	}
	checker, err := compliance.New(opts...)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	chans := make([]chan []jsonl.Record, cfg.workers)
	outs := make([]*stats, cfg.workers)
	var wg sync.WaitGroup
	perWorkerFlagged := cfg.maxFlagged/cfg.workers + 1
	for w := range chans {
		chans[w] = make(chan []jsonl.Record, 8)
		outs[w] = newStats()
		wg.Add(1)
		go func(ch chan []jsonl.Record, st *stats) {
			defer wg.Done()
			work(checker, cfg, ch, st, perWorkerFlagged)
		}(chans[w], outs[w])
	}
	r := jsonl.NewReader(in, jsonl.Zone(cfg.zone))
	pending := make([][]jsonl.Record, cfg.workers)
	skipped := 0
	done, barGone := make(chan struct{}), make(chan struct{})
	if cfg.progress {
		go func() {
			defer close(barGone)
			progress(stderr, r, size, done)
		}()
	} else {
		close(barGone)
	}
	var readErr error
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var le *jsonl.LineError
		if errors.As(err, &le) {
			skipped++
			if skipped <= 20 {
				fmt.Fprintf(stderr, "audit: skipping line %d: %v\n", le.Line, le.Err)
			} else if skipped == 21 {
				fmt.Fprintln(stderr, "audit: more bad lines skipped; see the count in the summary")
			}
			continue
		}
		if err != nil {
			readErr = err
			break
		}
		h := fnv.New32a()
		h.Write([]byte(rec.Conversation))
		w := int(h.Sum32() % uint32(cfg.workers))
		pending[w] = append(pending[w], rec)
		if len(pending[w]) == 256 {
			chans[w] <- pending[w]
			pending[w] = make([]jsonl.Record, 0, 256)
		}
	}
	for w, b := range pending {
		if len(b) > 0 {
			chans[w] <- b
		}
		close(chans[w])
	}
	wg.Wait()
	close(done)
	<-barGone // the bar is erased before the summary or an error is written
	if readErr != nil {
		return nil, readErr
	}
	res := &results{stats: *newStats(), platform: cfg.platform, skipped: skipped, bytes: r.Bytes(), elapsed: time.Since(start), workers: cfg.workers}
	for _, st := range outs {
		res.merge(st)
	}
	sort.Slice(res.flagged, func(i, j int) bool { return res.flagged[i].line < res.flagged[j].line })
	if len(res.flagged) > cfg.maxFlagged {
		res.flagged = res.flagged[:cfg.maxFlagged]
	}
	res.capped = res.flaggedTurns - len(res.flagged)
	sort.Slice(res.findings, func(i, j int) bool {
		return res.findings[i].lines[len(res.findings[i].lines)-1] < res.findings[j].lines[len(res.findings[j].lines)-1]
	})
	return res, nil
}

// work runs one shard of conversations.
//
// A worker keeps a log clock: the latest plausible timestamp it has seen. A
// conversation whose last turn is more than cfg.idle of that clock ago is
// closed; a later turn with its id starts a new one. The clock never goes
// back, so the open conversations are closed from the front of a list in
// order of last activity: amortised O(1) per line, however many are open.
// An implausible timestamp is counted and changes nothing outside its own
// conversation.
func work(c *compliance.Checker, cfg config, ch <-chan []jsonl.Record, st *stats, maxFlagged int) {
	open := newOpenSet()
	maxOpen := 0
	if cfg.maxOpen > 0 {
		maxOpen = max(1, cfg.maxOpen/cfg.workers)
	}
	latest := cfg.now.Add(maxAhead)
	var clock time.Time
	closeConv := func(cv *conv) {
		closing := cv.session.Close()
		for _, f := range closing {
			st.addFinding(cv.id, cv, f)
		}
		cv.score.AddFindings(closing...)
		m := cv.session.Metrics()
		st.measured += m.BuyerMessages
		st.within += m.WithinWindow
		st.answered += m.Answered
		st.addIncident(cv)
		st.addScores(cv)
		open.remove(cv)
	}
	for b := range ch {
		for _, rec := range b {
			turn := rec.Turn
			plausible := !turn.At.Before(minPlausible) && !turn.At.After(latest)
			if !plausible {
				st.implausible++
			} else if turn.At.After(clock) {
				clock = turn.At
			}
			// Close what has been idle too long, least recently active first.
			for cv := open.oldest(); cv != nil; cv = open.oldest() {
				st.sweepChecks++
				if clock.Sub(cv.touched) <= cfg.idle {
					break
				}
				closeConv(cv)
			}
			cv := open.get(rec.Conversation)
			if cv == nil {
				if maxOpen > 0 && open.len() >= maxOpen {
					closeConv(open.oldest())
					st.evicted++
				}
				cv = &conv{id: rec.Conversation, shop: rec.Shop, session: conversation.NewSession(c)}
				open.add(cv)
				st.conversations++
				if !plausible {
					turn.At = clock // nothing better known; the zero time when nothing plausible came yet
				}
			} else {
				open.touch(cv)
				switch {
				case !plausible:
					turn.At = cv.lastAt
				case turn.At.Before(cv.lastAt):
					st.outOfOrder++ // the session counts it at its previous turn's time
				}
			}
			if turn.At.After(cv.lastAt) || cv.lastAt.IsZero() {
				cv.lastAt = turn.At
			}
			cv.touched = clock
			if len(cv.lines) < maxEvidenceLines {
				cv.lines = append(cv.lines, rec.Line)
			}
			res := cv.session.Add(turn)
			cv.scoreTurn(turn, res)
			st.turns++
			if turn.Role == conversation.Buyer {
				st.buyerTurns++
			} else {
				st.agentTurns++
			}
			if res.Report != nil && !res.Report.Clean() {
				st.addFlagged(c, rec, *res.Report, maxFlagged)
				if !cv.flagged || res.Report.Penalty.Points > cv.worst {
					cv.flagged, cv.worst, cv.worstAt = true, res.Report.Penalty.Points, turn.At
				}
			}
			for _, f := range res.Findings {
				st.addFinding(rec.Conversation, cv, f)
			}
		}
	}
	for cv := open.oldest(); cv != nil; cv = open.oldest() {
		closeConv(cv)
	}
}

func (st *stats) addFlagged(c *compliance.Checker, rec jsonl.Record, rep compliance.Report, maxFlagged int) {
	st.flaggedTurns++
	st.bySeverity[rep.Severity]++
	agent := agentName(rec.Turn.Agent)
	st.byAgent[agent]++
	st.byHour[rec.Turn.At.In(chinaTime).Hour()]++
	for _, v := range rep.Violations {
		st.byCategory[v.Category]++
	}
	if len(st.flagged) < maxFlagged {
		f := flagged{conversation: rec.Conversation, line: rec.Line, at: rec.Turn.At, agent: agent, report: rep}
		for _, sug := range c.Suggest(rep) { // the first that can be sent as it is
			if len(sug.Remaining) == 0 {
				f.suggestion = sug.Text
				break
			}
		}
		st.flagged = append(st.flagged, f)
	}
}

// agentName is the agent's id, or "(unknown)" for a turn without one.
func agentName(a string) string {
	if a == "" {
		return "(unknown)"
	}
	return a
}

func (st *stats) addFinding(id string, cv *conv, f conversation.Finding) {
	st.byFinding[f.Kind]++
	if len(st.findings) >= 2000 {
		return
	}
	var lines []int
	for _, t := range f.Turns {
		if t < len(cv.lines) {
			lines = append(lines, cv.lines[t])
		}
	}
	if len(lines) == 0 {
		lines = []int{0}
	}
	st.findings = append(st.findings, finding{conversation: id, f: f, lines: lines})
}

func (r *results) merge(st *stats) {
	r.turns += st.turns
	r.agentTurns += st.agentTurns
	r.buyerTurns += st.buyerTurns
	r.conversations += st.conversations
	r.flaggedTurns += st.flaggedTurns
	r.points += st.points
	for k, v := range st.scores {
		d := r.scores[k]
		d.Merge(v)
		r.scores[k] = d
	}
	for k, v := range st.penalties {
		in := r.penalties[k]
		in.conversations += v.conversations
		in.points += v.points
		r.penalties[k] = in
	}
	r.answered += st.answered
	r.within += st.within
	r.measured += st.measured
	r.outOfOrder += st.outOfOrder
	r.implausible += st.implausible
	r.evicted += st.evicted
	r.sweepChecks += st.sweepChecks
	for k, v := range st.byCategory {
		r.byCategory[k] += v
	}
	for k, v := range st.bySeverity {
		r.bySeverity[k] += v
	}
	for k, v := range st.byAgent {
		r.byAgent[k] += v
	}
	for k, v := range st.byFinding {
		r.byFinding[k] += v
	}
	for h, v := range st.byHour {
		r.byHour[h] += v
	}
	r.flagged = append(r.flagged, st.flagged...)
	r.findings = append(r.findings, st.findings...)
}

var chinaTime = time.FixedZone("CST", 8*60*60)

func printSummary(w io.Writer, r *results) {
	fmt.Fprintf(w, "huashu audit — %s, platform %s\n", r.source, r.platform)
	fmt.Fprintf(w, "%d lines, %d turns (%d agent, %d buyer) in %d conversations; %d bad lines skipped\n", r.turns+r.skipped, r.turns, r.agentTurns, r.buyerTurns, r.conversations, r.skipped)
	fmt.Fprintf(w, "%.1f MB in %s on %d workers (%.1f MB/s)\n", float64(r.bytes)/1e6, r.elapsed.Round(time.Millisecond), r.workers, float64(r.bytes)/1e6/max(r.elapsed.Seconds(), 1e-9))
	rate := 1.0
	if r.measured > 0 {
		rate = float64(r.within) / float64(r.measured)
	}
	fmt.Fprintf(w, "flagged agent turns: %d of %d; buyer messages answered within the window: %.1f%%\n", r.flaggedTurns, r.agentTurns, 100*rate)
	fmt.Fprintf(w, "estimated penalty points: %s in %d conversations (an estimate: each conversation counted once, at its worst turn, by shop and day)\n", fmtPoints(r.points), r.penaltyConversations())
	fmt.Fprintf(w, "timestamps: %d out of order (counted at the previous turn's time), %d implausible (before 2000 or over a day ahead: ignored); %d conversations closed early to stay within -max-open\n\n", r.outOfOrder, r.implausible, r.evicted)
	table := func(title string, rows [][2]string) {
		fmt.Fprintf(w, "%s\n", title)
		for _, row := range rows {
			fmt.Fprintf(w, "  %s %8s\n", padRight(row[0], 22), row[1])
		}
		fmt.Fprintln(w)
	}
	var rows [][2]string
	for _, c := range compliance.Categories() {
		rows = append(rows, [2]string{c.String(), fmt.Sprint(r.byCategory[c])})
	}
	table("Violations by category", rows)
	rows = nil
	for s := compliance.Warning; s <= compliance.Critical; s++ {
		rows = append(rows, [2]string{s.String(), fmt.Sprint(r.bySeverity[s])})
	}
	table("Flagged turns by severity", rows)
	rows = nil
	for _, k := range conversation.FindingKinds() {
		rows = append(rows, [2]string{k.String(), fmt.Sprint(r.byFinding[k])})
	}
	table("Conversation findings", rows)
	rows = nil
	for _, a := range topAgents(r.byAgent, 10) {
		rows = append(rows, [2]string{a, fmt.Sprint(r.byAgent[a])})
	}
	table("Flagged turns by agent (top 10)", rows)
	rows = nil
	for h := 0; h < 24; h++ {
		if r.byHour[h] > 0 {
			rows = append(rows, [2]string{fmt.Sprintf("%02d:00", h), fmt.Sprint(r.byHour[h])})
		}
	}
	table("Flagged turns by hour (China time)", rows)
	printScores(w, r)
	if pr := r.penaltyRows(); len(pr) > 0 {
		fmt.Fprintln(w, "Estimated penalty points by shop and day (China time)")
		for i, p := range pr {
			if i == maxPenaltyRows {
				fmt.Fprintf(w, "  … %d more rows (all are in -json)\n", len(pr)-i)
				break
			}
			shop := p.Shop
			if shop == "" {
				shop = "(whole log)"
			}
			fmt.Fprintf(w, "  %s %s %6d conversations %8s points (est.)\n", padRight(shop, 16), p.Day, p.Conversations, fmtPoints(p.Points))
		}
		fmt.Fprintln(w)
	}
}

// maxPenaltyRows caps the shop-and-day rows of the text summary.
const maxPenaltyRows = 40

// fmtPoints writes points as the ladders do: whole, or with one decimal
// (抖店's 0.5).
func fmtPoints(p float64) string {
	if p == float64(int64(p)) {
		return fmt.Sprintf("%d", int64(p))
	}
	return fmt.Sprintf("%.1f", p)
}

func topAgents(m map[string]int, n int) []string {
	var as []string
	for a := range m {
		as = append(as, a)
	}
	sort.Slice(as, func(i, j int) bool {
		if m[as[i]] != m[as[j]] {
			return m[as[i]] > m[as[j]]
		}
		return as[i] < as[j]
	})
	if len(as) > n {
		as = as[:n]
	}
	return as
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress draws a progress bar on stderr until done is closed, then
// erases it.
func progress(c *console, r *jsonl.Reader, size int64, done <-chan struct{}) {
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	start := time.Now()
	for {
		select {
		case <-done:
			c.drawBar("")
			return
		case <-t.C:
			c.drawBar(progressLine(r.Bytes(), size, time.Since(start)))
		}
	}
}

// progressLine is the bar after n of size bytes (size < 0: unknown) in elapsed.
func progressLine(n, size int64, elapsed time.Duration) string {
	speed := float64(n) / 1e6 / max(elapsed.Seconds(), 1e-9)
	if size <= 0 {
		return fmt.Sprintf("%7.1f MB %6.1f MB/s", float64(n)/1e6, speed)
	}
	frac := min(float64(n)/float64(size), 1)
	full := int(frac * 30)
	bar := strings.Repeat("█", full) + strings.Repeat("░", 30-full)
	return fmt.Sprintf("%s %5.1f%% %7.1f MB %6.1f MB/s", bar, 100*frac, float64(n)/1e6, speed)
}
