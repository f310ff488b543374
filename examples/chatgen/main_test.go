package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestChatgen(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-n", "20"}, &out, &errb))
	require.Positive(t, strings.Count(out.String(), `"conversation"`))
	require.Contains(t, errb.String(), "Conversations:20")
	require.Equal(t, 2, run([]string{"-n", "x"}, &out, &errb))
	require.Equal(t, 0, run([]string{"-h"}, &out, &errb))
	require.Equal(t, 2, run([]string{"chats.jsonl"}, &out, &errb))
}

// Issue 7: the CLIs ignored write errors on stdout.
func TestChatgenWriteError(t *testing.T) {
	var errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-n", "20"}, fullWriter{}, &errb))
	require.Contains(t, errb.String(), "no space left on device")
}

func TestChatgenShapes(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-shape", "open", "-n", "3"}, &out, &errb))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 6)
	require.Contains(t, lines[0], `"conversation":"c-0000000","role":"buyer","at":"2026-03-15T10:00:00+08:00"`)
	require.Contains(t, lines[3], `"conversation":"c-0000000","role":"agent","at":"2026-03-15T11:00:00+08:00"`)
	out.Reset()
	require.Equal(t, 0, run([]string{"-shape", "dense", "-n", "2"}, &out, &errb))
	require.Equal(t, 2, strings.Count(out.String(), "\n"))
	require.Equal(t, 2*(8<<10/6), strings.Count(out.String(), "a.com "))
	require.Equal(t, 2, run([]string{"-shape", "weird"}, &out, &errb))
}
