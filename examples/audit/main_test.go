package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
)

// TestAuditEndToEnd runs the program on a generated log with known
// problems and checks the summary and the HTML report.
func TestAuditEndToEnd(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "chats.jsonl")
	f, err := os.Create(logPath)
	require.NoError(t, err)
	planted, err := jsonltest.Generate(f, 400, 7)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	htmlPath := filepath.Join(dir, "report.html")

	var out, errb bytes.Buffer
	code := run([]string{"-platform", "jd", "-html", htmlPath, "-workers", "3", "-max-flagged", "100", logPath}, nil, &out, &errb)
	require.Equal(t, 1, code, "flagged turns make the status 1: %s", errb.String())
	summary := out.String()
	num := func(label string) int {
		m := regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(label) + `\s+(\d+)$`).FindStringSubmatch(summary)
		require.NotNil(t, m, "no %q row in:\n%s", label, summary)
		n, _ := strconv.Atoi(m[1])
		return n
	}
	require.Contains(t, summary, strconv.Itoa(planted.BadLines)+" bad lines skipped")
	require.Contains(t, summary, "in "+strconv.Itoa(planted.Conversations)+" conversations")
	require.Contains(t, summary, "flagged agent turns: "+strconv.Itoa(planted.FlaggedTurns)+" of")
	require.Equal(t, planted.Spam, num("spam"))
	require.Equal(t, planted.Slow, num("slow_response"))
	require.Equal(t, planted.Blacklist, num("blacklist_eligible"))
	require.GreaterOrEqual(t, num("escalate"), planted.Complaint)
	require.Equal(t, planted.BadLines, strings.Count(errb.String(), "skipping line"))

	html, err := os.ReadFile(htmlPath)
	require.NoError(t, err)
	page := string(html)
	require.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	require.Contains(t, page, "<svg")
	require.Contains(t, page, "<mark")
	require.Contains(t, page, "→ ")
	require.NotRegexp(t, `(src|href)\s*=\s*["']?(https?:)?//`, page, "self-contained: no external assets")
	require.NotContains(t, page, "<link")
	require.NotContains(t, page, "<script")
	require.Contains(t, page, "blacklist_eligible")
	require.Contains(t, page, `<html lang="zh-CN">`)
	require.Contains(t, page, "仅列出前 100 条违规消息，另有 "+strconv.Itoa(planted.FlaggedTurns-100)+" 条")

	// The same result whatever the number of workers.
	var out1 bytes.Buffer
	require.Equal(t, 1, run([]string{"-platform", "jd", "-workers", "1", logPath}, nil, &out1, &bytes.Buffer{}))
	strip := func(s string) string {
		return strings.TrimSpace(regexp.MustCompile(`(?m)^(.*MB/s\)|HTML report: .*)$`).ReplaceAllString(s, ""))
	}
	require.Equal(t, strip(summary), strip(out1.String()))
}

func TestAuditBadUsage(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 2, run([]string{"-platform", "amazon"}, nil, &out, &errb))
	require.Equal(t, 2, run([]string{"/no/such/file.jsonl"}, nil, &out, &errb))
	require.Equal(t, 0, run(nil, strings.NewReader(""), &out, &errb), "empty input is fine")
	require.Equal(t, 2, run([]string{"-json", "/no/such/dir/out.json"}, strings.NewReader(""), &out, &errb))
	require.Equal(t, 2, run([]string{"-json", "-"}, strings.NewReader(""), failWriter{}, &errb), "unwritable JSON output")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// TestAuditExitStatus: 0 for a clean log (bad lines alone change nothing),
// 1 when a turn is flagged or a conversation finding is made.
func TestAuditExitStatus(t *testing.T) {
	clean := `{"conversation":"c1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
{"conversation":"c1","role":"agent","at":"2026-03-15T10:00:10+08:00","text":"您好，在的，马上为您查询","agent":"a1"}
not json
`
	flaggedTurn := `{"conversation":"c1","role":"agent","at":"2026-03-15T10:00:10+08:00","text":"亲，加 微 信给你便宜点","agent":"a1"}` + "\n"
	slow := `{"conversation":"c1","role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"}
{"conversation":"c1","role":"agent","at":"2026-03-15T10:30:00+08:00","text":"您好，在的","agent":"a1"}
`
	for _, tc := range []struct {
		name, give string
		want       int
	}{{"clean", clean, 0}, {"flagged turn", flaggedTurn, 1}, {"finding only", slow, 1}} {
		var out, errb bytes.Buffer
		require.Equal(t, tc.want, run([]string{"-platform", "jd"}, strings.NewReader(tc.give), &out, &errb), "%s: %s%s", tc.name, out.String(), errb.String())
	}
}

// TestAuditJSON: -json - replaces the summary with JSON whose figures agree
// with the text summary, and -json FILE writes the same document.
func TestAuditJSON(t *testing.T) {
	var log bytes.Buffer
	planted, err := jsonltest.Generate(&log, 200, 11)
	require.NoError(t, err)
	var out, errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-platform", "jd", "-json", "-", "-max-flagged", "50"}, bytes.NewReader(log.Bytes()), &out, &errb), errb.String())
	var got struct {
		Turns         int            `json:"turns"`
		Conversations int            `json:"conversations"`
		SkippedLines  int            `json:"skipped_lines"`
		FlaggedTurns  int            `json:"flagged_turns"`
		FlaggedListed int            `json:"flagged_listed"`
		ByFinding     map[string]int `json:"by_finding"`
		Flagged       []struct {
			Line   int `json:"line"`
			Report struct {
				Violations []struct {
					Category string `json:"category"`
				} `json:"violations"`
			} `json:"report"`
		} `json:"flagged"`
		FindingList []struct {
			Kind  string `json:"kind"`
			Lines []int  `json:"lines"`
		} `json:"finding_list"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got), out.String())
	require.Equal(t, planted.Conversations, got.Conversations)
	require.Equal(t, planted.BadLines, got.SkippedLines)
	require.Equal(t, planted.FlaggedTurns, got.FlaggedTurns)
	require.Equal(t, 50, got.FlaggedListed)
	require.Len(t, got.Flagged, 50)
	require.NotEmpty(t, got.Flagged[0].Report.Violations)
	require.Equal(t, planted.Spam, got.ByFinding["spam"])
	require.NotEmpty(t, got.FindingList)
	require.NotEmpty(t, got.FindingList[0].Kind)
	require.NotEmpty(t, got.FindingList[0].Lines)

	path := filepath.Join(t.TempDir(), "audit.json")
	var out2 bytes.Buffer
	require.Equal(t, 1, run([]string{"-platform", "jd", "-json", path, "-max-flagged", "50"}, bytes.NewReader(log.Bytes()), &out2, &errb))
	require.Contains(t, out2.String(), "JSON report: "+path, "the text summary is still printed")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.JSONEq(t, out.String(), string(b))
}

func TestAuditProgress(t *testing.T) {
	var log bytes.Buffer
	_, err := jsonltest.Generate(&log, 2000, 3)
	require.NoError(t, err)
	var out, errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-progress"}, slowReader{bytes.NewReader(log.Bytes())}, &out, &errb))
	require.Contains(t, errb.String(), "MB/s", "the progress line is drawn")
}

// slowReader makes the read take long enough for the progress bar to draw.
type slowReader struct{ r io.Reader }

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(2 * time.Millisecond)
	return s.r.Read(p[:min(len(p), 4096)])
}

func TestAuditHelp(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-h"}, nil, &out, &errb))
	require.Contains(t, errb.String(), "-platform")
}

// TestConsoleKeepsMessagesOffTheBar: a message written while the bar is
// drawn clears the bar's line first and draws the bar again below it.
func TestConsoleKeepsMessagesOffTheBar(t *testing.T) {
	var b bytes.Buffer
	c := &console{w: &b}
	fmt.Fprintln(c, "audit: before")
	c.drawBar("███ 1.6 MB/s")
	fmt.Fprintln(c, "audit: skipping line 2644: bad JSON")
	c.drawBar("████ 1.7 MB/s")
	c.drawBar("")
	fmt.Fprintln(c, "audit: after")
	require.Equal(t, []string{"audit: before", "audit: skipping line 2644: bad JSON", "audit: after", ""}, screen(b.String()))
	require.Equal(t, "audit: before\n"+
		"\r\x1b[K███ 1.6 MB/s"+
		"\r\x1b[Kaudit: skipping line 2644: bad JSON\n███ 1.6 MB/s"+
		"\r\x1b[K████ 1.7 MB/s"+
		"\r\x1b[K"+
		"audit: after\n", b.String())
}

// screen renders what a terminal shows for out: each line is what follows
// its last carriage return, with the erase-line sequence removed.
func screen(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if i := strings.LastIndex(l, "\r"); i >= 0 {
			l = l[i+1:]
		}
		lines = append(lines, strings.TrimPrefix(l, "\x1b[K"))
	}
	return lines
}

// TestAuditProgressWithBadLines runs the bar over a slow log with bad lines:
// on screen every message is a line of its own, and the bar is gone at the end.
func TestAuditProgressWithBadLines(t *testing.T) {
	var log bytes.Buffer
	planted, err := jsonltest.Generate(&log, 1500, 5)
	require.NoError(t, err)
	require.Positive(t, planted.BadLines)
	var out, errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-progress", "-workers", "1"}, slowReader{bytes.NewReader(log.Bytes())}, &out, &errb))
	require.Contains(t, errb.String(), "MB/s", "the bar is drawn")
	// The read takes over 0.5 s (slowReader) and the bar ticks every 0.2 s,
	// so some bad lines come while it is drawn.
	require.Positive(t, strings.Count(errb.String(), "MB/s\r\x1b[Kaudit:"), "a message came while the bar was drawn")
	shown := screen(errb.String())
	messages := 0
	for _, l := range shown {
		if strings.Contains(l, "audit:") {
			require.True(t, strings.HasPrefix(l, "audit: "), "a message ran into the bar: %q", l)
			messages++
		}
	}
	require.Equal(t, min(planted.BadLines, 20)+btoi(planted.BadLines > 20), messages)
	require.Empty(t, shown[len(shown)-1], "the bar is erased at the end")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
