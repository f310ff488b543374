package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func post(t *testing.T, h http.Handler, path, body string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

func quiet() *log.Logger { return log.New(io.Discard, "", 0) }

func TestEndpoints(t *testing.T) {
	s, err := newServer(config{maxBody: 4096}, quiet())
	require.NoError(t, err)
	h := s.handler()

	code, out := post(t, h, "/v1/check", `{"text":"亲，加 微 信","platform":"jd"}`)
	require.Equal(t, 200, code)
	require.Equal(t, "jd", out["platform"])
	require.Len(t, out["violations"], 2)

	code, out = post(t, h, "/v1/suggest", `{"text":"你有病吧","platform":"taobao","customer_type":"aggressive","traditional":true}`)
	require.Equal(t, 200, code)
	require.NotEmpty(t, out["suggestions"])

	code, out = post(t, h, "/v1/audit", `{"platform":"jd","turns":[
		{"role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"},
		{"role":"agent","at":"2026-03-15T10:01:00+08:00","text":"在的"}]}`)
	require.Equal(t, 200, code)
	require.Equal(t, "slow_response", out["findings"].([]any)[0].(map[string]any)["kind"])

	for _, tt := range []struct {
		path, body string
		code       int
		msg        string
	}{
		{"/v1/check", `{"text":`, 400, "bad JSON"},
		{"/v1/check", `{"text":"x","platfrom":"jd"}`, 400, "unknown field"},
		{"/v1/check", `{"text":"x"}{"text":"y"}`, 400, "more than one value"},
		{"/v1/check", `{"text":"x","platform":"amazon"}`, 400, "amazon"},
		{"/v1/check", `{"text":"` + strings.Repeat("长", 2000) + `"}`, 413, "larger than 4096"},
		{"/v1/suggest", `{"text":"x","customer_type":"grumpy"}`, 400, "grumpy"},
		{"/v1/audit", `{"turns":[{"role":"bot","at":"2026-03-15T10:00:00Z","text":"x"}]}`, 400, "role"},
	} {
		code, out := post(t, h, tt.path, tt.body)
		require.Equal(t, tt.code, code, tt.body)
		require.Contains(t, out["error"], tt.msg)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/check", nil))
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	require.Equal(t, "POST", rec.Header().Get("Allow"))
	require.JSONEq(t, `{"error":"method GET not allowed (want POST)"}`, rec.Body.String())
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	require.Equal(t, 200, rec.Code)
	require.Contains(t, rec.Body.String(), `"status":"ok"`)
}

// curl -d sends application/x-www-form-urlencoded: a JSON body with that type
// is read as JSON (the README's curl example), as are absent and +json types;
// other types are refused with 415.
func TestContentTypes(t *testing.T) {
	s, err := newServer(config{}, quiet())
	require.NoError(t, err)
	h := s.handler()
	for _, tt := range []struct {
		give     string
		body     string
		wantCode int
		wantBody string
	}{
		{give: "", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "application/json", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "application/json; charset=utf-8", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "Application/JSON", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "application/merge-patch+json", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "application/x-www-form-urlencoded", body: `{"text":"亲","platform":"jd"}`, wantCode: 200, wantBody: "forbidden_address"},
		{give: "application/x-www-form-urlencoded", body: `text=亲&platform=jd`, wantCode: 400, wantBody: "bad JSON"},
		{give: "multipart/form-data; boundary=x", body: `{"text":"亲"}`, wantCode: 415, wantBody: "Content-Type"},
		{give: "text/html", body: `{"text":"亲"}`, wantCode: 415, wantBody: "Content-Type"},
		{give: "application/json; charset", body: `{"text":"亲"}`, wantCode: 415, wantBody: "Content-Type"},
	} {
		req := httptest.NewRequest(http.MethodPost, "/v1/check", strings.NewReader(tt.body))
		if tt.give != "" {
			req.Header.Set("Content-Type", tt.give)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Equal(t, tt.wantCode, rec.Code, "%q: %s", tt.give, rec.Body)
		require.Contains(t, rec.Body.String(), tt.wantBody, tt.give)
	}
}

func TestReloadKeepsOldRulesOnBadFile(t *testing.T) {
	lex := filepath.Join(t.TempDir(), "shop.txt")
	require.NoError(t, os.WriteFile(lex, []byte("饭桶 category=abuse\n"), 0o644))
	var logs bytes.Buffer
	s, err := newServer(config{lexicons: []string{lex}}, log.New(&logs, "", 0))
	require.NoError(t, err)
	h := s.handler()
	_, out := post(t, h, "/v1/check", `{"text":"饭桶"}`)
	require.Len(t, out["violations"], 1)

	require.NoError(t, os.WriteFile(lex, []byte("蠢材 category=abuse\n"), 0o644))
	require.NoError(t, s.reload())
	_, out = post(t, h, "/v1/check", `{"text":"蠢材"}`)
	require.Len(t, out["violations"], 1)

	require.NoError(t, os.WriteFile(lex, []byte("蠢材 category=nonsense\n"), 0o644))
	require.Error(t, s.reload())
	require.Contains(t, logs.String(), "keeping the old rules")
	require.Contains(t, logs.String(), "shop.txt:1")
	_, out = post(t, h, "/v1/check", `{"text":"蠢材"}`)
	require.Len(t, out["violations"], 1, "old rules still work")
	require.EqualValues(t, 1, s.failures.Load())
}

// TestSIGHUPReloads sends a real SIGHUP to the test process, delivered to
// the server's watcher as main wires it.
func TestSIGHUPReloads(t *testing.T) {
	lex := filepath.Join(t.TempDir(), "shop.txt")
	require.NoError(t, os.WriteFile(lex, []byte("饭桶 category=abuse\n"), 0o644))
	s, err := newServer(config{lexicons: []string{lex}}, quiet())
	require.NoError(t, err)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.watch(ctx, hup)
	// A made-up term no default rule has, so only the reloaded file can flag it.
	_, out := post(t, s.handler(), "/v1/check", `{"text":"橡皮鸭子"}`)
	require.Empty(t, out["violations"])
	require.NoError(t, os.WriteFile(lex, []byte("橡皮鸭子 category=abuse\n"), 0o644))
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	// A reload builds every platform's checker; under the race detector on a
	// busy machine that can take seconds, so wait long (it returns at once
	// when it is done).
	require.Eventually(t, func() bool {
		_, out := post(t, s.handler(), "/v1/check", `{"text":"橡皮鸭子"}`)
		v, _ := out["violations"].([]any)
		return len(v) == 1
	}, 2*time.Minute, 20*time.Millisecond)
}

func TestGracefulShutdown(t *testing.T) {
	s, err := newServer(config{}, quiet())
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	resp, err := http.Post("http://"+ln.Addr().String()+"/v1/check", "application/json", strings.NewReader(`{"text":"好的"}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestLoadTestSmall(t *testing.T) {
	s, err := newServer(config{}, quiet())
	require.NoError(t, err)
	rs, err := loadTest(s, []int{1, 4}, 1, 300*time.Millisecond, 200)
	require.NoError(t, err)
	require.Len(t, rs, 4)
	require.True(t, rs[1].hostile)
	for _, r := range rs {
		require.Zero(t, r.errors)
		require.Positive(t, r.requests)
		require.LessOrEqual(t, r.p50, r.p99)
	}
	var b strings.Builder
	printLoad(&b, rs)
	require.Contains(t, b.String(), "| 4 |")
	require.Contains(t, b.String(), "| 1 hostile |")
}

// /v1/check and /v1/suggest mask on request; /v1/suggest takes slots and a
// Traditional variant.
func TestMaskSlotsTraditional(t *testing.T) {
	s, err := newServer(config{}, quiet())
	require.NoError(t, err)
	h := s.handler()

	code, out := post(t, h, "/v1/check", `{"text":"亲，加 微 信，您的手机号15900001111","platform":"jd","mask":"all"}`)
	require.Equal(t, 200, code)
	require.Equal(t, "*，*****，您的手机号***********", out["masked"])
	require.Len(t, out["violations"], 3, "the report is all there")
	code, out = post(t, h, "/v1/check", `{"text":"亲，加 微 信，您的手机号15900001111","platform":"jd","mask":"privacy"}`)
	require.Equal(t, 200, code)
	require.Equal(t, "亲，加 微 信，您的手机号***********", out["masked"])
	code, out = post(t, h, "/v1/check", `{"text":"亲","platform":"jd"}`)
	require.Equal(t, 200, code)
	require.NotContains(t, out, "masked", "no mask asked, none given")
	code, out = post(t, h, "/v1/check", `{"text":"亲","mask":"secrets"}`)
	require.Equal(t, 400, code)
	require.Contains(t, out["error"], "secrets")

	// A slot value reaches the script; Taiwan Traditional; the worst first.
	code, out = post(t, h, "/v1/suggest", `{"text":"爱买不买","platform":"taobao","slots":{"reason":"快递公司的规定","solution":"先为您补发"},"traditional":"zh-TW","mask":"all"}`)
	require.Equal(t, 200, code, out)
	sug := out["suggestions"].([]any)
	require.NotEmpty(t, sug)
	all := ""
	for _, s := range sug {
		all += s.(map[string]any)["text"].(string) + "\n"
	}
	require.Contains(t, all, "快遞公司的規定", "the slot, rendered in Traditional")
	require.NotContains(t, all, "裏")
	require.Contains(t, out, "masked")

	for _, tt := range []struct{ give, want string }{
		{`true`, "爲"}, {`"zh-Hant"`, "爲"}, {`"zh-HK"`, "為"}, {`"zh-TW"`, "為"},
	} {
		code, out = post(t, h, "/v1/suggest", `{"text":"加我微信","platform":"taobao","traditional":`+tt.give+`}`)
		require.Equal(t, 200, code, tt.give)
		require.Contains(t, out["suggestions"].([]any)[0].(map[string]any)["text"], tt.want, tt.give)
	}
	code, out = post(t, h, "/v1/suggest", `{"text":"加我微信","traditional":"zh-XX"}`)
	require.Equal(t, 400, code)
	require.Contains(t, out["error"], "zh-XX")
	code, out = post(t, h, "/v1/suggest", `{"text":"加我微信","traditional":3}`)
	require.Equal(t, 400, code)
	require.Contains(t, out["error"], "traditional")
}
