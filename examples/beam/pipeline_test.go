package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
)

// TestMain runs the pipelines on prism, the Go SDK's embedded local runner:
// in this process, with no download and no network beyond loopback
// (-args -runner=direct picks the older direct runner).
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// generate writes a chatgen log of n conversations and returns its path
// and what was planted in it.
func generate(t *testing.T, dir string, n int, seed int64) (string, jsonltest.Planted) {
	t.Helper()
	path := filepath.Join(dir, "chats.jsonl")
	f, err := os.Create(path)
	require.NoError(t, err)
	planted, err := jsonltest.Generate(f, n, seed)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return path, planted
}

// runPipeline builds and runs the pipeline and returns its summary.txt.
func runPipeline(t *testing.T, o Options) string {
	t.Helper()
	p, err := build(o)
	require.NoError(t, err)
	require.NoError(t, ptest.Run(p))
	b, err := os.ReadFile(o.Output + "summary.txt")
	require.NoError(t, err)
	return string(b)
}

// runAudit runs examples/audit on path and returns what it printed.
func runAudit(t *testing.T, platform, path string, flags ...string) string {
	t.Helper()
	cmd := exec.Command("go", append(append([]string{"run", "github.com/huashu/huashu/examples/audit", "-platform", platform}, flags...), path)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		err = nil // examples/audit exits 1 when it flags something
	}
	require.NoError(t, err, "examples/audit: %s", errb.String())
	return out.String()
}

// body drops the lines that differ by design: the first (it names the
// input) and the third (examples/audit times itself there; the pipeline
// counts its files), and examples/audit's table after its quality scores
// (penalty points by shop and day), which the pipeline does not write.
func body(summary string) string {
	summary, _, _ = strings.Cut(summary, "Estimated penalty points by shop and day")
	lines := strings.Split(summary, "\n")
	if len(lines) < 4 {
		return summary
	}
	return strings.TrimSpace(strings.Join(append(lines[1:2:2], lines[3:]...), "\n"))
}

func readLines(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	require.NoError(t, err)
	require.NotEmpty(t, files, "no file matches %s", pattern)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 4<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		require.NoError(t, sc.Err())
	}
	return out
}

func num(t *testing.T, summary, label string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(label) + `\s+(\d+)$`).FindStringSubmatch(summary)
	require.NotNil(t, m, "no %q row in:\n%s", label, summary)
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestPipelineMatchesAudit runs the pipeline on prism over a generated log
// with planted problems, and holds it to examples/audit on the same file:
// the same summary, the planted counts, and outputs that point back at the
// right lines. Then the same log cut into two files, one conversation
// across the cut, must give the same summary.
func TestPipelineMatchesAudit(t *testing.T) {
	dir := t.TempDir()
	logPath, planted := generate(t, dir, 1500, 7)
	builds := checkerBuilds.Load()

	out := filepath.Join(dir, "out") + "/"
	got := runPipeline(t, Options{Inputs: []string{logPath}, Output: out, Shards: 1, Config: Config{Platform: "jd", Suggest: true}})
	want := runAudit(t, "jd", logPath)
	require.Equal(t, body(want), body(got), "pipeline summary:\n%s\nexamples/audit:\n%s", got, want)
	require.Contains(t, got, "huashu audit — "+logPath+", platform jd\n")
	require.Contains(t, got, " in 1 files\n")

	// The planted problems.
	require.Contains(t, got, strconv.Itoa(planted.BadLines)+" bad lines skipped")
	require.Contains(t, got, "in "+strconv.Itoa(planted.Conversations)+" conversations")
	require.Contains(t, got, "flagged agent turns: "+strconv.Itoa(planted.FlaggedTurns)+" of")
	require.Equal(t, planted.Spam, num(t, got, "spam"))
	require.Equal(t, planted.Slow, num(t, got, "slow_response"))
	require.Equal(t, planted.Blacklist, num(t, got, "blacklist_eligible"))
	require.GreaterOrEqual(t, num(t, got, "escalate"), planted.Complaint)

	input := readLines(t, logPath)
	lineText := func(file string, line int64) string {
		require.Equal(t, logPath, file)
		require.True(t, line >= 1 && int(line) <= len(input), "line %d of %d", line, len(input))
		return input[line-1]
	}

	// Flagged turns: one line each, pointing at the input line they came from.
	flagged := readLines(t, out+"flagged.jsonl")
	require.Len(t, flagged, planted.FlaggedTurns)
	suggested := 0
	for _, l := range flagged {
		var f struct {
			Conversation string            `json:"conversation"`
			File         string            `json:"file"`
			Line         int64             `json:"line"`
			Report       compliance.Report `json:"report"`
			Suggestion   string            `json:"suggestion"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &f), l)
		require.NotEmpty(t, f.Report.Violations, l)
		var in struct{ Conversation, Role, Text string }
		require.NoError(t, json.Unmarshal([]byte(lineText(f.File, f.Line)), &in))
		require.Equal(t, f.Conversation, in.Conversation)
		require.Equal(t, "agent", in.Role)
		require.Equal(t, f.Report.Text, in.Text)
		if f.Suggestion != "" {
			suggested++
		}
	}
	require.Positive(t, suggested)

	// Findings: as many of each kind as the summary counts, evidence in the conversation.
	kinds := map[string]int{}
	for _, l := range readLines(t, out+"findings.jsonl") {
		var f struct {
			Conversation string `json:"conversation"`
			Finding      struct {
				Kind  string `json:"kind"`
				Turns []int  `json:"turns"`
			} `json:"finding"`
			Evidence []lineRef `json:"evidence"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &f), l)
		kinds[f.Finding.Kind]++
		require.Len(t, f.Evidence, len(f.Finding.Turns), l)
		for _, e := range f.Evidence {
			require.Contains(t, lineText(e.File, e.Line), `"conversation":"`+f.Conversation+`"`)
		}
	}
	for _, k := range []string{"spam", "slow_response", "buyer_abuse", "blacklist_eligible", "escalate"} {
		require.Equal(t, num(t, got, k), kinds[k], k)
	}

	// Scores: one line per agent and day, adding up to the summary.
	var agentTurns, flaggedTurns int64
	seen := map[string]bool{}
	for _, l := range readLines(t, out+"scores.jsonl") {
		var s scoreOut
		require.NoError(t, json.Unmarshal([]byte(l), &s), l)
		require.False(t, seen[s.Agent+" "+s.Day], "duplicate %s", l)
		seen[s.Agent+" "+s.Day] = true
		require.Equal(t, "2026-03-15", s.Day)
		require.InDelta(t, 100*float64(s.AgentTurns-s.FlaggedTurns)/float64(s.AgentTurns), s.CleanShare, 0.05)
		agentTurns += s.AgentTurns
		flaggedTurns += s.FlaggedTurns
	}
	require.Len(t, seen, 12, "chatgen's 12 agents, one day")
	require.Equal(t, int64(planted.FlaggedTurns), flaggedTurns)
	require.Contains(t, got, "("+strconv.FormatInt(agentTurns, 10)+" agent,")

	// Bad lines: each with the number of a line that is bad.
	bad := readLines(t, out+"errors.jsonl")
	require.Len(t, bad, planted.BadLines)
	for _, l := range bad {
		var b badLine
		require.NoError(t, json.Unmarshal([]byte(l), &b), l)
		require.Equal(t, `{"conversation": "broken`, lineText(b.File, b.Line))
		require.Contains(t, b.Error, "bad JSON")
	}

	// The machine-readable summary says the same.
	var sj summaryJSON
	require.NoError(t, json.Unmarshal([]byte(readLines(t, out+"summary.json")[0]), &sj))
	require.Equal(t, int64(planted.FlaggedTurns), sj.FlaggedTurns)
	require.Equal(t, int64(planted.Conversations), sj.Conversations)
	require.Equal(t, int64(planted.Spam), sj.Findings["spam"])

	// The same log in two files, cut inside a conversation, read in
	// another order and written to three shards: the same summary.
	parts := filepath.Join(dir, "parts")
	require.NoError(t, os.Mkdir(parts, 0o755))
	cut := len(input) / 2
	for cut < len(input) && !strings.Contains(input[cut], `"role":"agent"`) {
		cut++ // cut between a buyer's message and its answer
	}
	require.NoError(t, os.WriteFile(filepath.Join(parts, "b.jsonl"), []byte(strings.Join(input[:cut], "\n")+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(parts, "a.jsonl"), []byte(strings.Join(input[cut:], "\n")+"\n"), 0o644))
	out2 := filepath.Join(dir, "out2") + "/"
	got2 := runPipeline(t, Options{Inputs: []string{filepath.Join(parts, "*.jsonl")}, Output: out2, Shards: 3, Config: Config{Platform: "jd"}})
	require.Equal(t, body(got), body(got2))
	require.Contains(t, got2, " in 2 files\n")
	require.Len(t, readLines(t, out2+"flagged-*-of-00003.jsonl"), planted.FlaggedTurns)

	// Both runs in this process shared one checker: one per worker, not per element or bundle.
	require.Equal(t, int64(1), checkerBuilds.Load()-builds)
}

// TestPipelineEmptyInput: a pattern that matches nothing is an empty log,
// and every output exists.
func TestPipelineEmptyInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out") + "/"
	got := runPipeline(t, Options{Inputs: []string{filepath.Join(dir, "*.jsonl")}, Output: out, Shards: 1, Config: Config{Platform: "generic"}})
	require.Contains(t, got, "0 lines, 0 turns (0 agent, 0 buyer) in 0 conversations; 0 bad lines skipped\n")
	require.Contains(t, got, "0.0 MB in 0 files\n")
	for _, name := range []string{"flagged.jsonl", "findings.jsonl", "scores.jsonl", "errors.jsonl"} {
		b, err := os.ReadFile(out + name)
		require.NoError(t, err, name)
		require.Empty(t, b, name)
	}
}

func TestBuildRejectsBadOptions(t *testing.T) {
	ok := Options{Inputs: []string{"x.jsonl"}, Output: "out/", Shards: 1, Config: Config{Platform: "jd"}}
	for _, c := range []struct {
		give func(*Options)
		want string
	}{
		{func(o *Options) { o.Inputs = nil }, "beam: no input"},
		{func(o *Options) { o.Output = "" }, "beam: no output"},
		{func(o *Options) { o.Shards = 0 }, "beam: -shards 0"},
		{func(o *Options) { o.Platform = "amazon" }, "amazon"},
	} {
		o := ok
		c.give(&o)
		_, err := build(o)
		require.ErrorContains(t, err, c.want)
	}
	_, err := build(ok)
	require.NoError(t, err)
}

// collect runs auditFn on one conversation outside Beam.
type collected struct {
	flagged, findings []string
	scores            map[string]agentDay
	sum               summary
}

func auditOne(t *testing.T, f *auditFn, conv string, recs []turnRec) collected {
	t.Helper()
	require.NoError(t, f.Setup(context.Background()))
	var c collected
	c.scores = map[string]agentDay{}
	i := 0
	iter := func(r *turnRec) bool {
		if i == len(recs) {
			return false
		}
		*r = recs[i]
		i++
		return true
	}
	err := f.ProcessElement(conv, iter,
		func(s string) { c.flagged = append(c.flagged, s) },
		func(s string) { c.findings = append(c.findings, s) },
		func(k string, d agentDay) { c.scores[k] = mergeAgentDays(c.scores[k], d) },
		func(s summary) { c.sum = mergeSummaries(c.sum, s) })
	require.NoError(t, err)
	return c
}

func rec(line int64, role conversation.Role, at time.Time, text string) turnRec {
	_, off := at.Zone()
	return turnRec{File: "log.jsonl", Line: line, Role: int64(role), Sec: at.Unix(), Nsec: int64(at.Nanosecond()), Offset: int64(off), Text: text, Agent: "a-1"}
}

// TestAuditOrdersByTime: the audit sees a conversation's turns in time
// order whatever order the shuffle hands them over in.
func TestAuditOrdersByTime(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	t0 := time.Date(2026, 3, 15, 10, 0, 0, 0, cst)
	ordered := []turnRec{
		rec(1, conversation.Buyer, t0, "请问有货吗"),
		rec(2, conversation.Agent, t0.Add(10*time.Minute), "您好，有现货的"), // slow: 10 minutes
		rec(3, conversation.Buyer, t0.Add(11*time.Minute), "好的"),
		rec(4, conversation.Agent, t0.Add(11*time.Minute+10*time.Second), "亲，加 微 信给你便宜点"),
	}
	f := &auditFn{Config: Config{Platform: "taobao"}}
	want := auditOne(t, f, "c-1", ordered)
	require.Len(t, want.flagged, 1)
	require.Equal(t, int64(1), want.sum.ByFinding[conversation.SlowResponse], want.findings)

	r := rand.New(rand.NewSource(1))
	for range 10 {
		shuffled := append([]turnRec(nil), ordered...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := auditOne(t, f, "c-1", shuffled)
		require.Equal(t, want, got)
	}

	// Equal times keep the input's order (file, then line).
	a, b := rec(7, conversation.Buyer, t0, "在吗"), rec(3, conversation.Buyer, t0, "在吗")
	require.Positive(t, byTime(a, b))
	b.File = "z.jsonl"
	require.Negative(t, byTime(a, b))
}

// TestAuditLexiconFromPath: rule files are read through Beam's filesystem
// layer by each worker, and a file that cannot be read fails Setup with
// its path.
func TestAuditLexiconFromPath(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "shop.txt")
	require.NoError(t, os.WriteFile(lex, []byte("饭桶 category=abuse severity=serious\n"), 0o644))
	t0 := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	recs := []turnRec{rec(1, conversation.Agent, t0, "你这个饭桶")}

	plain := auditOne(t, &auditFn{Config: Config{Platform: "generic"}}, "c", recs)
	require.Empty(t, plain.flagged)
	withShop := auditOne(t, &auditFn{Config: Config{Platform: "generic", Lexicons: []string{lex}}}, "c", recs)
	require.Len(t, withShop.flagged, 1)
	require.Contains(t, withShop.flagged[0], `"category":"abuse"`)

	missing := filepath.Join(dir, "missing.txt")
	err := (&auditFn{Config: Config{Platform: "generic", Lexicons: []string{missing}}}).Setup(context.Background())
	require.ErrorContains(t, err, missing)
}

// TestMergeSummariesAnyGrouping: the combiner gives the same total however
// the runner groups and orders the partial summaries.
func TestMergeSummariesAnyGrouping(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	parts := make([]summary, 50)
	for i := range parts {
		p := newSummary()
		p.Conversations, p.Turns, p.Points = 1, int64(r.Intn(9)), float64(r.Intn(4))*12
		p.ByCategory[1+r.Intn(8)]++
		p.ByHour[r.Intn(24)]++
		p.ByAgent = map[string]int64{"a-" + strconv.Itoa(r.Intn(5)): 1}
		parts[i] = p
	}
	want := newSummary()
	for _, p := range parts {
		want = mergeSummaries(want, p)
	}
	for range 20 {
		r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		cut := r.Intn(len(parts))
		left, right := newSummary(), newSummary()
		for _, p := range parts[:cut] {
			left = mergeSummaries(left, p)
		}
		for _, p := range parts[cut:] {
			right = mergeSummaries(right, p)
		}
		require.Equal(t, want, mergeSummaries(right, left))
	}
}

// TestAuditCountsTimestamps: out-of-order and implausible timestamps are
// counted as examples/audit counts them, in input order within a file.
func TestAuditCountsTimestamps(t *testing.T) {
	t0 := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	recs := []turnRec{
		rec(1, conversation.Buyer, t0.Add(time.Minute), "在吗"),
		rec(2, conversation.Agent, t0, "您好"), // before line 1: out of order
		rec(3, conversation.Buyer, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), "好的"),
		rec(4, conversation.Buyer, t0.Add(72*time.Hour), "还在吗"), // over a day after Now
	}
	other := rec(1, conversation.Buyer, t0, "谢谢") // line 1 of another file: no order against the first
	other.File = "other.jsonl"
	got := auditOne(t, &auditFn{Config: Config{Platform: "generic", Now: t0.Add(2 * time.Minute).Unix()}}, "c", append(recs, other))
	require.Equal(t, int64(1), got.sum.OutOfOrder)
	require.Equal(t, int64(2), got.sum.Implausible)
}
