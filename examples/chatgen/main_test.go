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
}

// Issue 7: the CLIs ignored write errors on stdout.
func TestChatgenWriteError(t *testing.T) {
	var errb bytes.Buffer
	require.Equal(t, 1, run([]string{"-n", "20"}, fullWriter{}, &errb))
	require.Contains(t, errb.String(), "no space left on device")
}
