package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Issue 7: 404 and 405 were text/plain; every error must be JSON.
func TestErrorsAreJSON(t *testing.T) {
	s, err := newServer(config{}, quiet())
	require.NoError(t, err)
	h := s.handler()
	for _, tt := range []struct {
		method, path string
		code         int
		allow        string
	}{
		{http.MethodGet, "/", 404, ""},
		{http.MethodPost, "/v1/nope", 404, ""},
		{http.MethodGet, "/v1/check/", 404, ""},
		{http.MethodGet, "/v1/check", 405, "POST"},
		{http.MethodPut, "/v1/audit", 405, "POST"},
		{http.MethodDelete, "/v1/suggest", 405, "POST"},
		{http.MethodPost, "/healthz", 405, "GET, HEAD"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		require.Equal(t, tt.code, rec.Code, tt.path)
		require.Equal(t, "application/json; charset=utf-8", rec.Header().Get("Content-Type"))
		require.Equal(t, tt.allow, rec.Header().Get("Allow"))
		var out map[string]string
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out), rec.Body.String())
		require.NotEmpty(t, out["error"])
	}
}

// Issue 7: one 1 MB /v1/check of "a.com " held a core for minutes and its
// reply was about 90 MB. Texts are limited per field, and replies stay
// within replyBase + replyFactor × the request.
func TestTextLimitAndReplyBound(t *testing.T) {
	s, err := newServer(config{maxText: 4096}, quiet())
	require.NoError(t, err)
	h := s.handler()
	for _, path := range []string{"/v1/check", "/v1/suggest"} {
		code, out := post(t, h, path, `{"text":"`+strings.Repeat("a", 4097)+`"}`)
		require.Equal(t, 413, code)
		require.Contains(t, out["error"], "longer than 4096 bytes")
	}
	turns := `{"turns":[{"role":"agent","at":"2026-03-15T10:00:00Z","text":"` + strings.Repeat("a", 4097) + `"}]}`
	code, out := post(t, h, "/v1/audit", turns)
	require.Equal(t, 413, code)
	require.Contains(t, out["error"], "turn 0: text longer than 4096 bytes")

	for _, text := range []string{
		strings.Repeat("a.com ", 4096/6),            // links
		strings.Repeat("<a.com>", 4096/7),           // and what HTML escaping would inflate
		strings.Repeat("亲", 4096/3),                 // a term
		strings.Repeat("您的手机15900001111，", 4096/26), // mobile numbers, with masked rewrites
		strings.Repeat("你这个饭桶，加微信a.com ", 4096/40),  // mixed
	} {
		for _, mask := range []string{"", "all"} {
			body, _ := json.Marshal(map[string]string{"text": text, "platform": "jd", "mask": mask})
			for _, path := range []string{"/v1/check", "/v1/suggest"} {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(string(body)))
				h.ServeHTTP(rec, req)
				require.Equal(t, 200, rec.Code, rec.Body.String())
				require.LessOrEqual(t, rec.Body.Len(), replyBase+replyFactor*len(body), "%s %.20q", path, text)
				var out map[string]any
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
				rep := out
				if path == "/v1/suggest" {
					rep = out["report"].(map[string]any)
				}
				require.Equal(t, true, rep["truncated"], "%s %.20q", path, text)
				require.NotEmpty(t, rep["violations"])
				if mask != "" {
					require.NotEmpty(t, out["masked"])
				}
			}
		}
	}
	// A short reply is never cut.
	code, out = post(t, h, "/v1/check", `{"text":"亲，加 微 信，淘宝更便宜，a.com","platform":"jd"}`)
	require.Equal(t, 200, code)
	require.Nil(t, out["truncated"])
	require.Len(t, out["violations"], 4)
}

// Issue 7: reload() rebuilt the platforms one by one, re-reading the file
// each time: a file that fails on one platform only left the others on the
// new rules while reporting that the old ones were kept.
func TestReloadIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write := func(path, text string) {
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	write(a, "饭桶 category=abuse\n")
	write(b, "蠢材 category=abuse\n")
	s, err := newServer(config{lexicons: []string{a, b}}, quiet())
	require.NoError(t, err)
	h := s.handler()
	flagged := func(platform, text string) bool {
		_, out := post(t, h, "/v1/check", `{"text":"`+text+`","platform":"`+platform+`"}`)
		return len(out["violations"].([]any)) > 0
	}
	health := func() map[string]any {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		var out map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
		return out
	}
	before := health()
	require.EqualValues(t, 1, before["generation"])

	// b.txt becomes bad on JD only (an exception that does not contain its
	// term, in an entry for JD): every platform keeps the old rules.
	write(a, "饭桶 category=abuse\n咕噜怪 category=abuse\n")
	write(b, "蠢材 category=abuse\n亲 category=forbidden_address x-platforms=jd except=父母\n")
	require.Error(t, s.reload())
	for _, p := range []string{"generic", "jd", "taobao", "doudian", "pdd"} {
		require.False(t, flagged(p, "咕噜怪"), p)
		require.True(t, flagged(p, "蠢材"), p)
	}
	require.Equal(t, before["generation"], health()["generation"])
	require.Equal(t, before["files"], health()["files"])
	require.EqualValues(t, 1, health()["reload_failures"])

	write(b, "蠢材 category=abuse\n")
	require.NoError(t, s.reload())
	for _, p := range []string{"generic", "jd", "taobao", "doudian", "pdd"} {
		require.True(t, flagged(p, "咕噜怪"), p)
	}
	after := health()
	require.EqualValues(t, 2, after["generation"])
	sum := sha256.Sum256([]byte("饭桶 category=abuse\n咕噜怪 category=abuse\n"))
	files := after["files"].([]any)
	require.Len(t, files, 2)
	require.Equal(t, map[string]any{"path": a, "bytes": float64(len("饭桶 category=abuse\n咕噜怪 category=abuse\n")), "sha256": hex.EncodeToString(sum[:])}, files[0])
	terms := after["terms"].(map[string]any)
	require.Len(t, terms, 5)
	require.Greater(t, terms["jd"], before["terms"].(map[string]any)["jd"])
	require.NotEqual(t, before["loaded_at"], after["loaded_at"])
}

// The audit reply is bounded the same way: turns dense with violations get
// reports cut to fit.
func TestAuditReplyBound(t *testing.T) {
	s, err := newServer(config{maxText: 1024}, quiet())
	require.NoError(t, err)
	h := s.handler()
	var turns []map[string]string
	for i := 0; i < 300; i++ {
		turns = append(turns, map[string]string{"role": "agent", "at": "2026-03-15T10:00:00Z", "text": strings.Repeat("a.com ", 1024/6)})
	}
	body, _ := json.Marshal(map[string]any{"platform": "jd", "turns": turns})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/audit", strings.NewReader(string(body))))
	require.Equal(t, 200, rec.Code, rec.Body.String())
	require.LessOrEqual(t, rec.Body.Len(), replyBase+replyFactor*len(body))
	var out struct {
		Reports []struct {
			Turn       int   `json:"turn"`
			Violations []any `json:"violations"`
			Truncated  bool  `json:"truncated"`
		} `json:"reports"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	require.Len(t, out.Reports, 300)
	require.NotEmpty(t, out.Reports[0].Violations)
	require.True(t, out.Reports[299].Truncated)
}
