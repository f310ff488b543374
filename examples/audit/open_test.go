package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl"
	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
	"github.com/huashu/huashu/internal/heapmeter"
)

// findingCounts reads the "Conversation findings" rows of a summary.
func findingCounts(t *testing.T, summary string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, k := range conversation.FindingKinds() {
		m := regexp.MustCompile(`(?m)^\s+` + k.String() + `\s+(\d+)$`).FindStringSubmatch(summary)
		require.NotNil(t, m, summary)
		out[k.String()], _ = strconv.Atoi(m[1])
	}
	return out
}

// Issue 7: one far-future timestamp made every later batch close every open
// conversation: 3,000 conversations became 18,001 and every slow-response
// finding vanished. Bad timestamps are counted and touch nothing else.
func TestBadTimestampsChangeNothingElse(t *testing.T) {
	var log bytes.Buffer
	planted, err := jsonltest.Generate(&log, 3000, 11)
	require.NoError(t, err)
	lines := strings.SplitAfter(log.String(), "\n")
	hostile := strings.Join(lines[:200], "") +
		`{"conversation":"x-1","role":"buyer","at":"9999-01-01T00:00:00Z","text":"在吗"}` + "\n" +
		`{"conversation":"x-2","role":"buyer","at":"0001-01-01T00:00:00Z","text":"在吗"}` + "\n" +
		`{"conversation":"x-3","role":"buyer","at":"2026-03-15T10:20:00+08:00","text":"在吗"}` + "\n" +
		`{"conversation":"x-3","role":"agent","at":"2026-03-15T10:19:50+08:00","text":"在的"}` + "\n" +
		strings.Join(lines[200:], "")
	summary := func(in string, args ...string) string {
		var out, errb bytes.Buffer
		require.Equal(t, 1, run(append(args, "-platform", "jd"), strings.NewReader(in), &out, &errb), errb.String())
		return out.String()
	}
	for _, workers := range []string{"1", "2"} {
		base, got := summary(log.String(), "-workers", workers), summary(hostile, "-workers", workers)
		require.Contains(t, got, fmt.Sprintf("in %d conversations", planted.Conversations+3))
		require.Contains(t, got, "timestamps: 1 out of order (counted at the previous turn's time), 2 implausible")
		require.Equal(t, findingCounts(t, base), findingCounts(t, got))
		require.Equal(t, planted.Slow, findingCounts(t, got)["slow_response"])
	}
}

// runWork feeds records to one worker and returns its stats.
func runWork(t *testing.T, cfg config, recs []jsonl.Record) *stats {
	t.Helper()
	c, err := compliance.New(compliance.WithPlatform(cfg.platform))
	require.NoError(t, err)
	ch := make(chan []jsonl.Record, 1)
	st := newStats()
	done := make(chan struct{})
	go func() { work(c, cfg, ch, st, 10); close(done) }()
	for len(recs) > 0 {
		n := min(256, len(recs))
		ch <- recs[:n]
		recs = recs[n:]
	}
	close(ch)
	<-done
	return st
}

// openRecords opens n conversations, one buyer turn each, a second apart,
// then gives each an agent reply.
func openRecords(n int) []jsonl.Record {
	base := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	texts := [2]string{"请问这款有货吗，什么时候发货", "您好，非常抱歉给您添麻烦了，您的订单已经发货，预计三天内送达"}
	var recs []jsonl.Record
	for round, role := range []conversation.Role{conversation.Buyer, conversation.Agent} {
		for i := 0; i < n; i++ {
			recs = append(recs, jsonl.Record{Conversation: fmt.Sprintf("c-%d", i), Line: len(recs) + 1,
				Turn: conversation.Turn{Role: role, At: base.Add(time.Duration(round*n+i) * time.Second), Text: texts[round]}})
		}
	}
	return recs
}

// Issue 7: the idle sweep scanned every open conversation each 256 lines
// (300k open: 6.6 s; 1M: 56 s). It now looks at one conversation per line
// plus one per conversation it closes, counted here at two sizes.
func TestIdleSweepIsAmortisedConstant(t *testing.T) {
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{1000, 16000} {
		recs := openRecords(n)
		// All open at once: nothing is idle within 100 hours.
		st := runWork(t, config{platform: compliance.JD, workers: 1, idle: 100 * time.Hour, now: now}, recs)
		require.Equal(t, n, st.conversations)
		require.LessOrEqual(t, st.sweepChecks, len(recs), "n=%d", n)
		// Idle after 10 minutes: most close before their reply and reopen.
		st = runWork(t, config{platform: compliance.JD, workers: 1, idle: 10 * time.Minute, now: now}, recs)
		closed := st.conversations
		require.Greater(t, closed, n)
		require.LessOrEqual(t, st.sweepChecks, len(recs)+closed, "n=%d", n)
		t.Logf("n=%d: %d lines, %d sweep checks, %d conversations", n, len(recs), st.sweepChecks, closed)
	}
}

func TestMaxOpenEvictsLeastRecent(t *testing.T) {
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	recs := openRecords(100)
	st := runWork(t, config{platform: compliance.JD, workers: 1, idle: 100 * time.Hour, now: now, maxOpen: 10}, recs)
	// The first 100 turns open 100 conversations, evicting 90; each reply
	// then finds its conversation closed and opens it again, evicting one.
	require.Equal(t, 90+100, st.evicted)
	require.Equal(t, 200, st.conversations)

	var log bytes.Buffer
	_, err := jsonltest.Generate(&log, 500, 3)
	require.NoError(t, err)
	var out bytes.Buffer
	require.Equal(t, 1, run([]string{"-max-open", "4", "-workers", "2"}, &log, &out, &bytes.Buffer{}))
	require.Regexp(t, `; [1-9]\d* conversations closed early to stay within -max-open`, out.String())
	require.Equal(t, 2, run([]string{"-max-open", "-1"}, strings.NewReader(""), &out, &bytes.Buffer{}))
}

// TestMemoryPerOpenConversation measures the heap an open conversation
// holds after a buyer message and an agent reply (the README's figure).
func TestMemoryPerOpenConversation(t *testing.T) {
	if testing.Short() {
		t.Skip("measures the heap")
	}
	c, err := compliance.New(compliance.WithPlatform(compliance.JD))
	require.NoError(t, err)
	c.Check("亲") // load the segmenter outside the measurement
	const n = 20000
	recs := openRecords(n)
	bytes := heapmeter.Retained(func() any {
		open := newOpenSet()
		for _, rec := range recs {
			cv := open.get(rec.Conversation)
			if cv == nil {
				cv = &conv{id: rec.Conversation, session: conversation.NewSession(c)}
				open.add(cv)
			}
			cv.lines = append(cv.lines, rec.Line)
			cv.session.Add(rec.Turn)
		}
		return open
	})
	per := float64(bytes) / n
	t.Logf("%.0f bytes per open conversation (a buyer message and a 30-character reply; ids of 7 bytes)", per)
	require.Less(t, per, 4096.0)
}

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Issue 7: the CLIs ignored write errors on stdout: audit log.jsonl > /dev/full exited 0.
func TestAuditWriteError(t *testing.T) {
	var log, errb bytes.Buffer
	_, err := jsonltest.Generate(&log, 50, 3)
	require.NoError(t, err)
	require.Equal(t, 2, run(nil, &log, fullWriter{}, &errb))
	require.Contains(t, errb.String(), "audit: writing output: no space left on device")
}
