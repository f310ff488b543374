package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/internal/chatgen"
)

// TestAuditEndToEnd runs the program on a generated log with known
// problems and checks the summary and the HTML report.
func TestAuditEndToEnd(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "chats.jsonl")
	f, err := os.Create(logPath)
	require.NoError(t, err)
	planted, err := chatgen.Generate(f, 400, 7)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	htmlPath := filepath.Join(dir, "report.html")

	var out, errb bytes.Buffer
	code := run([]string{"-platform", "jd", "-html", htmlPath, "-workers", "3", "-max-flagged", "100", logPath}, nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
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
	require.Contains(t, page, "Showing the first 100 flagged turns; "+strconv.Itoa(planted.FlaggedTurns-100)+" more")

	// The same result whatever the number of workers.
	var out1 bytes.Buffer
	require.Equal(t, 0, run([]string{"-platform", "jd", "-workers", "1", logPath}, nil, &out1, &bytes.Buffer{}))
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
}

func TestAuditProgress(t *testing.T) {
	var log bytes.Buffer
	_, err := chatgen.Generate(&log, 2000, 3)
	require.NoError(t, err)
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-progress"}, slowReader{bytes.NewReader(log.Bytes())}, &out, &errb))
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
