package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzHandlers sends any method, path, content type and body to the
// server's handler: it never panics, every reply is one JSON value with a
// JSON content type, and a reply stays within its budget.
func FuzzHandlers(f *testing.F) {
	for _, b := range []string{
		`{"text":"亲，加 微 信","platform":"jd"}`,
		`{"text":"你有病吧","platform":"taobao","customer_type":"aggressive","traditional":true}`,
		`{"platform":"jd","turns":[{"role":"buyer","at":"2026-03-15T10:00:00+08:00","text":"在吗"},{"role":"agent","at":"2026-03-15T10:01:00+08:00","text":"在的"}]}`,
		`{"text":"a.com a.com <a.com> 15900001111，","platform":"pdd"}`,
		`{"text":"亲，您的手机15900001111，<a.com>","platform":"jd","mask":"all","traditional":"zh-TW"}`,
		`{"text":"x"}{"text":"y"}`, `{"text":`, "\xff\xfe", `{"text":"\u0000\ud800"}`, `[]`, `null`,
		`{"turns":[{"role":"bot","at":"0001-01-01T00:00:00Z","text":"x"}]}`,
		`{"turns":[{"role":"buyer","at":"9999-12-31T23:59:59Z","text":"滚"},{"role":"agent","at":"0001-01-01T00:00:00Z","text":"滚"}]}`,
	} {
		for p := range uint8(5) {
			f.Add(uint8(0), p, true, b)
		}
	}
	f.Add(uint8(1), uint8(4), false, "")
	f.Add(uint8(2), uint8(5), true, "x")
	s, err := newServer(config{maxBody: 2048, maxTurns: 20, maxText: 256}, quiet())
	if err != nil {
		f.Fatal(err)
	}
	h := s.handler()
	methods := []string{http.MethodPost, http.MethodGet, http.MethodPut, http.MethodHead}
	paths := []string{"/v1/check", "/v1/suggest", "/v1/audit", "/v1/check/x", "/healthz", "/"}
	f.Fuzz(func(t *testing.T, mi, pi uint8, asJSON bool, body string) {
		method, path := methods[int(mi)%len(methods)], paths[int(pi)%len(paths)]
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		if asJSON {
			req.Header.Set("Content-Type", "application/json")
		} else {
			req.Header.Set("Content-Type", "text/plain")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Fatalf("%s %s: Content-Type %q", method, path, ct)
		}
		if method == http.MethodHead {
			return
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s: reply is not JSON: %q", method, path, rec.Body.String())
		}
		if rec.Code >= 400 {
			var e map[string]string
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e["error"] == "" {
				t.Fatalf("%s %s: %d without an error message: %q", method, path, rec.Code, rec.Body.String())
			}
		}
		if rec.Code == 200 && path != "/healthz" && rec.Body.Len() > replyBase+replyFactor*len(body) {
			t.Fatalf("%s: reply of %d bytes for a body of %d", path, rec.Body.Len(), len(body))
		}
		if rec.Code >= 500 {
			t.Fatalf("%s %s: status %d: %s", method, path, rec.Code, rec.Body.String())
		}
	})
}
