package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// /v1/audit takes turns, not log lines, so it has no zone: its times are
// RFC 3339. Its roles are conversation.Role's, so an export's names work.
func TestAuditExportRoles(t *testing.T) {
	s, err := newServer(config{maxBody: 4096}, quiet())
	require.NoError(t, err)
	h := s.handler()
	for _, pair := range [][2]string{{"买家", "客服"}, {"customer", "seller"}, {"User", "STAFF"}, {"顾客", "商家"}, {"consumer", "merchant"}, {"visitor", "service"}} {
		code, out := post(t, h, "/v1/audit", `{"platform":"jd","turns":[
			{"role":"`+pair[0]+`","at":"2026-03-15T10:00:00+08:00","text":"在吗"},
			{"role":"`+pair[1]+`","at":"2026-03-15T10:01:00+08:00","text":"在的"}]}`)
		require.Equal(t, 200, code, pair)
		require.Equal(t, "slow_response", out["findings"].([]any)[0].(map[string]any)["kind"], pair)
	}
	code, out := post(t, h, "/v1/audit", `{"turns":[{"role":"robot","at":"2026-03-15T10:00:00Z","text":"x"}]}`)
	require.Equal(t, 400, code)
	require.Contains(t, out["error"], "robot")
}
