package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// Config is what every worker needs to build its checker. It travels to
// the workers inside the DoFns (exported fields are serialized with them),
// so it must hold paths any worker can read, never local state.
type Config struct {
	Platform string   `json:"platform"` // generic, jd, taobao, doudian, pdd
	Lexicons []string `json:"lexicons"` // rule files on any Beam filesystem (local, gs://, s3://)
	Suggest  bool     `json:"suggest"`  // add the first suggested rewrite to each flagged turn
	// Now is when the run was built (Unix seconds): a timestamp more than a
	// day after it, or before 2000, is implausible, as in examples/audit.
	Now int64 `json:"now"`
}

// maxLexiconBytes bounds one rule file read by a worker.
const maxLexiconBytes = 64 << 20

// checkers holds one checker per configuration per worker process: Setup
// runs once per DoFn instance, and a runner makes several instances in a
// process (one per bundle processed at once), so they share it here.
// A Checker is immutable and safe for concurrent use.
var (
	checkersMu sync.Mutex
	checkers   = map[string]*checkerOnce{}
	// checkerBuilds counts compliance.New calls, for the tests.
	checkerBuilds atomic.Int64
)

type checkerOnce struct {
	once sync.Once
	c    *compliance.Checker
	err  error
}

// sharedChecker returns this process's checker for cfg, building it on
// first use. A failed build is remembered: every bundle then fails with
// the same error instead of re-reading the files.
func sharedChecker(ctx context.Context, cfg Config) (*compliance.Checker, error) {
	key := cfg.Platform + "\x00" + strings.Join(cfg.Lexicons, "\x00")
	checkersMu.Lock()
	e := checkers[key]
	if e == nil {
		e = &checkerOnce{}
		checkers[key] = e
	}
	checkersMu.Unlock()
	e.once.Do(func() {
		checkerBuilds.Add(1)
		e.c, e.err = buildChecker(ctx, cfg)
	})
	return e.c, e.err
}

func buildChecker(ctx context.Context, cfg Config) (*compliance.Checker, error) {
	p, err := compliance.ParsePlatform(cfg.Platform)
	if err != nil {
		return nil, err
	}
	opts := []compliance.Option{compliance.WithPlatform(p)}
	for _, path := range cfg.Lexicons {
		text, err := readSmallFile(ctx, path, maxLexiconBytes)
		if err != nil {
			return nil, err
		}
		opts = append(opts, compliance.WithLexiconText(path, text))
	}
	return compliance.New(opts...)
}

// readSmallFile reads a whole file from any registered Beam filesystem.
func readSmallFile(ctx context.Context, path string, limit int64) (string, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return "", fmt.Errorf("beam: %s: %w", path, err)
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return "", fmt.Errorf("beam: %s: %w", path, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return "", fmt.Errorf("beam: %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return "", fmt.Errorf("beam: %s: larger than %d bytes", path, limit)
	}
	return string(b), nil
}

// chinaTime is the zone of the hour and day columns, as in examples/audit.
var chinaTime = time.FixedZone("CST", 8*60*60)

// unknownAgent names agent turns without an "agent" field, as examples/audit does.
const unknownAgent = "(unknown)"

// auditFn audits one conversation: it orders the turns by time, runs the
// library's conversation audit (which checks every agent turn) and emits
// the flagged turns and findings as JSON lines, per-agent per-day scores
// and the conversation's share of the summary.
type auditFn struct {
	Config Config

	checker *compliance.Checker
}

// Setup gets the worker's checker (built once per process).
func (f *auditFn) Setup(ctx context.Context) error {
	c, err := sharedChecker(ctx, f.Config)
	f.checker = c
	return err
}

// flaggedOut is one line of the flagged-turns output.
type flaggedOut struct {
	Conversation string            `json:"conversation"`
	File         string            `json:"file"`
	Line         int64             `json:"line"`
	Turn         int               `json:"turn"` // index in the conversation ordered by time
	At           time.Time         `json:"at"`
	Agent        string            `json:"agent"`
	Report       compliance.Report `json:"report"`
	Suggestion   string            `json:"suggestion,omitempty"`
}

// lineRef points at a line of an input file.
type lineRef struct {
	File string `json:"file"`
	Line int64  `json:"line"`
}

// findingOut is one line of the findings output.
type findingOut struct {
	Conversation string               `json:"conversation"`
	Finding      conversation.Finding `json:"finding"`
	Evidence     []lineRef            `json:"evidence"` // the lines of Finding.Turns
}

// byTime orders turns by time; equal times keep the order of the input
// (file, then line), so the result does not depend on the shuffle.
func byTime(a, b turnRec) int {
	return cmp.Or(cmp.Compare(a.Sec, b.Sec), cmp.Compare(a.Nsec, b.Nsec), strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// byInput orders turns as they were read: by file, then line.
func byInput(a, b turnRec) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// Plausible timestamps, in Unix seconds: from 2000 to a day after the run.
const (
	minPlausible = 946684800 // 2000-01-01T00:00:00Z
	maxAhead     = 24 * 60 * 60
)

// ProcessElement audits the conversation conv.
func (f *auditFn) ProcessElement(conv string, iter func(*turnRec) bool, flagged, findings func(string), scores func(string, agentDay), sums func(summary)) error {
	var recs []turnRec
	var r turnRec
	for iter(&r) {
		recs = append(recs, r)
	}
	// Count the timestamps examples/audit counts, in input order (file,
	// line): out of order (before an earlier turn of the conversation in
	// the same file; files have no order between them) and implausible.
	// The audit itself sees the turns ordered by time.
	slices.SortFunc(recs, byInput)
	var latest int64 = math.MinInt64
	var outOfOrder, implausible int64
	for i, r := range recs {
		if i > 0 && r.File != recs[i-1].File {
			latest = math.MinInt64
		}
		if r.Sec < minPlausible || (f.Config.Now != 0 && r.Sec > f.Config.Now+maxAhead) {
			implausible++
			continue
		}
		if r.Sec < latest {
			outOfOrder++
		}
		latest = max(latest, r.Sec)
	}
	slices.SortFunc(recs, byTime)
	turns := make([]conversation.Turn, len(recs))
	for i, r := range recs {
		turns[i] = r.turn()
		if turns[i].Role == conversation.Agent && turns[i].Agent == "" {
			turns[i].Agent = unknownAgent // as examples/audit names them, for the scores too
		}
	}
	cr := conversation.Audit(f.checker, turns)
	// The quality score (质检评分) of each agent's part, on the day the
	// agent first answered in the conversation: the same library code as
	// examples/audit, so the two agree.
	parts := conversation.ScoreReport(turns, cr)

	sum := newSummary()
	sum.Conversations = 1
	sum.OutOfOrder, sum.Implausible = outOfOrder, implausible
	sum.Turns = int64(len(turns))
	days := map[[2]string]*agentDay{}
	partDay := make(map[string]string, len(parts))
	for _, p := range parts {
		if p.Agent == "" {
			p.Agent = unknownAgent // a finding before any reply
		}
		partDay[p.Agent] = p.Day
		d := &agentDay{Agent: p.Agent, Day: p.Day}
		d.Score.Add(p)
		days[[2]string{p.Agent, p.Day}] = d
	}
	// day is where agent's counts go: the day of their part of the
	// conversation (that of at when they have none, which the library's
	// attribution rules out).
	day := func(agent string, at time.Time) *agentDay {
		k := [2]string{agent, partDay[agent]}
		if k[1] == "" {
			k[1] = at.In(chinaTime).Format(time.DateOnly)
		}
		d := days[k]
		if d == nil {
			d = &agentDay{Agent: k[0], Day: k[1]}
			days[k] = d
		}
		return d
	}
	agentOf := func(i int) string {
		if a := turns[i].Agent; a != "" {
			return a
		}
		return unknownAgent
	}
	lastAgent := unknownAgent
	for i, t := range turns {
		if t.Role == conversation.Buyer {
			sum.BuyerTurns++
		} else {
			sum.AgentTurns++
			lastAgent = agentOf(i)
		}
	}
	inRange := func(i int) bool { return i >= 0 && i < len(turns) }
	worst := -1.0 // platforms penalise per incident: the conversation counts once, at its worst turn
	for _, tr := range cr.Reports {
		if !inRange(tr.Turn) {
			return fmt.Errorf("beam: conversation %q: report for turn %d of %d", conv, tr.Turn, len(turns))
		}
		if tr.Report.Clean() {
			continue
		}
		agent := agentOf(tr.Turn)
		d := day(agent, turns[tr.Turn].At)
		rep := tr.Report
		sum.addFlagged(agent, turns[tr.Turn].At, rep)
		worst = max(worst, rep.Penalty.Points)
		d.Points += rep.Penalty.Points
		for _, v := range rep.Violations {
			d.ByCategory[v.Category]++
		}
		out := flaggedOut{Conversation: conv, File: recs[tr.Turn].File, Line: recs[tr.Turn].Line, Turn: tr.Turn,
			At: turns[tr.Turn].At, Agent: agent, Report: rep}
		if f.Config.Suggest {
			if sug := f.checker.Suggest(rep); len(sug) > 0 {
				out.Suggestion = sug[0].Text
			}
		}
		b, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("beam: %w", err)
		}
		flagged(string(b))
	}
	for _, fd := range cr.Findings {
		sum.ByFinding[idx(int(fd.Kind), len(sum.ByFinding))]++
		// Spam and slow replies count against the agent who sent the
		// reply; an unanswered message against the conversation's last
		// agent (as the scores count them).
		switch fd.Kind {
		case conversation.Spam, conversation.SlowResponse:
			agent, at := lastAgent, fd.At
			if n := len(fd.Turns); n > 0 && inRange(fd.Turns[n-1]) && turns[fd.Turns[n-1]].Role == conversation.Agent {
				agent = agentOf(fd.Turns[n-1])
				at = turns[fd.Turns[n-1]].At
			}
			d := day(agent, at)
			if fd.Kind == conversation.Spam {
				d.Spam++
			} else {
				d.Slow++
			}
		}
		out := findingOut{Conversation: conv, Finding: fd, Evidence: make([]lineRef, 0, len(fd.Turns))}
		for _, i := range fd.Turns {
			if inRange(i) {
				out.Evidence = append(out.Evidence, lineRef{File: recs[i].File, Line: recs[i].Line})
			}
		}
		b, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("beam: %w", err)
		}
		findings(string(b))
	}
	if worst >= 0 {
		sum.Points += worst
		sum.PenaltyConversations++
	}
	sum.Measured = int64(cr.Response.BuyerMessages)
	sum.Within = int64(cr.Response.WithinWindow)
	sum.Answered = int64(cr.Response.Answered)
	for k, d := range days {
		scores(k[0]+"\x00"+k[1], *d)
	}
	sums(sum)
	return nil
}
