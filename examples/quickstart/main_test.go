package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestQuickstart(t *testing.T) {
	var b strings.Builder
	require.NoError(t, run(&b, false))
	out := b.String()
	require.Contains(t, out, "你再这样【没素质】的说话，【我们拒绝为你服务】，谢谢")
	require.Contains(t, out, "扣25分")
	require.Contains(t, out, "→ rewrite")
	require.Contains(t, out, "→ rewrite 您好，其他平台也能买到，加 微 信给你便宜点 (still: off_platform)")
	require.Contains(t, out, "扣100分\n  → script  为了保障您的权益", "the first suggestion answers off_platform")
	require.Equal(t, 2, strings.Count(out, "✓ clean"), out)
	require.Contains(t, out, "spam               turns [3 5 7]")
	require.Contains(t, out, "→ next: ")
}

func TestQuickstartArgs(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{args: nil, wantCode: 0},
		{args: []string{"-h"}, wantCode: 0, wantErr: "usage: quickstart"},
		{args: []string{"--help"}, wantCode: 0, wantErr: "usage: quickstart"},
		{args: []string{"-platform", "jd"}, wantCode: 2, wantErr: "flag provided but not defined"},
		{args: []string{"亲"}, wantCode: 2, wantErr: `unexpected argument "亲"`},
	} {
		var out, errb strings.Builder
		require.Equal(t, tt.wantCode, mainArgs(tt.args, &out, &errb, false), "%q: %s", tt.args, errb.String())
		require.Contains(t, errb.String(), tt.wantErr)
		if tt.wantCode == 0 && len(tt.args) == 0 {
			require.Contains(t, out.String(), "扣25分")
		} else {
			require.Empty(t, out.String(), "%q runs nothing", tt.args)
		}
	}
}

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Issue 7: the CLIs ignored write errors on stdout.
func TestQuickstartWriteError(t *testing.T) {
	require.ErrorContains(t, run(fullWriter{}, false), "writing output: no space left on device")
}
