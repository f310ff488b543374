package main

import (
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
	require.Equal(t, 2, strings.Count(out, "✓ clean"), out)
	require.Contains(t, out, "spam               turns [3 5 7]")
	require.Contains(t, out, "→ next: ")
}
