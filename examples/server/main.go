// Command server is an HTTP JSON service over huashu:
//
//	POST /v1/check    {"text": "...", "platform": "jd", "mask": "all"}        → a compliance.Report (+ "masked")
//	POST /v1/suggest  {"text": "...", "platform": "jd", "customer_type": "aggressive", "traditional": "zh-TW",
//	                   "slots": {"minutes": "5"}, "mask": "privacy"}         → {"report": ..., "suggestions": [...], "masked": ...}
//	POST /v1/audit    {"platform": "jd", "turns": [{"role": "buyer", "at": "...", "text": "..."}], "complaint_history": 0}
//	                                                                          → a conversation.Report
//	GET  /healthz                                                             → {"status": "ok", ...}
//
// "mask" ("all", or category codes such as "privacy") adds the text with
// those violations hidden by '*'; "traditional" is true (standard
// Traditional) or "zh-Hant", "zh-TW" or "zh-HK"; "slots" fill script slots.
//
// Request bodies are limited (-max-body), requests time out, SIGINT/SIGTERM
// shut the server down gracefully, and SIGHUP reloads the lexicon files given
// with -lexicon: a file that fails to parse is logged and the old rules keep
// working.
//
//	go run ./examples/server -addr 127.0.0.1:8080 -lexicon shop.txt
//	go run ./examples/server -loadtest   # measure on loopback and exit
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/scripts"
)

type lexiconFlags []string

func (l *lexiconFlags) String() string     { return strings.Join(*l, ",") }
func (l *lexiconFlags) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	maxBody := flag.Int64("max-body", 1<<20, "largest request body, in bytes")
	maxTurns := flag.Int("max-turns", 5000, "most turns in one audit request")
	load := flag.Bool("loadtest", false, "instead of serving: start on a loopback port, measure 1, 8 and 64 concurrent clients, print a table and exit")
	loadFor := flag.Duration("loadtest-duration", 5*time.Second, "how long each load level runs")
	var lexicons lexiconFlags
	flag.Var(&lexicons, "lexicon", "add a lexicon file (repeatable); reloaded on SIGHUP")
	flag.Parse()
	logger := log.New(os.Stderr, "server: ", log.LstdFlags)
	srv, err := newServer(config{lexicons: lexicons, maxBody: *maxBody, maxTurns: *maxTurns}, logger)
	if err != nil {
		logger.Fatal(err)
	}
	if *load {
		rs, err := loadTest(srv, []int{1, 8, 64}, *loadFor, 500000)
		if err != nil {
			logger.Fatal(err)
		}
		printLoad(os.Stdout, rs)
		return
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go srv.watch(ctx, hup)
	logger.Printf("listening on http://%s", ln.Addr())
	if err := srv.serve(ctx, ln); err != nil {
		logger.Fatal(err)
	}
	logger.Print("stopped")
}

type config struct {
	lexicons []string
	maxBody  int64
	maxTurns int
}

type server struct {
	cfg      config
	log      *log.Logger
	holders  map[compliance.Platform]*compliance.Holder
	reloaded atomic.Int64 // unix nanoseconds of the last successful (re)load
	failures atomic.Int64
}

func newServer(cfg config, logger *log.Logger) (*server, error) {
	if cfg.maxBody <= 0 {
		cfg.maxBody = 1 << 20
	}
	if cfg.maxTurns <= 0 {
		cfg.maxTurns = 5000
	}
	s := &server{cfg: cfg, log: logger, holders: map[compliance.Platform]*compliance.Holder{}}
	for _, p := range compliance.Platforms() {
		opts := []compliance.Option{compliance.WithPlatform(p)}
		for _, l := range cfg.lexicons {
			opts = append(opts, compliance.WithLexiconFile(l))
		}
		h, err := compliance.NewHolder(opts...)
		if err != nil {
			return nil, err
		}
		s.holders[p] = h
	}
	s.reloaded.Store(time.Now().UnixNano())
	return s, nil
}

// reload rebuilds every platform's checker from the lexicon files; on a bad
// file the old rules stay and the error is logged.
func (s *server) reload() error {
	var errs []error
	for _, p := range compliance.Platforms() {
		if err := s.holders[p].Reload(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		s.failures.Add(1)
		s.log.Printf("reload failed, keeping the old rules: %v", errs[0])
		return err
	}
	s.reloaded.Store(time.Now().UnixNano())
	s.log.Print("reloaded lexicon files")
	return nil
}

// watch reloads the lexicon files on every signal from sig until ctx ends.
func (s *server) watch(ctx context.Context, sig <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-sig:
			_ = s.reload()
		}
	}
}

func (s *server) serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          s.log,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/check", s.check)
	mux.HandleFunc("POST /v1/suggest", s.suggest)
	mux.HandleFunc("POST /v1/audit", s.audit)
	mux.HandleFunc("GET /healthz", s.health)
	return mux
}

type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{http.StatusInternalServerError, "internal error"}
	}
	writeJSON(w, he.status, map[string]string{"error": he.msg})
}

// decode reads a JSON request body into v, with the size limit.
func (s *server) decode(w http.ResponseWriter, r *http.Request, v any) error {
	if !jsonContentType(r.Header.Get("Content-Type")) {
		return &httpError{http.StatusUnsupportedMediaType, "Content-Type must be application/json (or absent, or curl -d's application/x-www-form-urlencoded with a JSON body)"}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.cfg.maxBody)}
		}
		return &httpError{http.StatusBadRequest, "bad JSON: " + err.Error()}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &httpError{http.StatusBadRequest, "bad JSON: more than one value in the body"}
	}
	return nil
}

// jsonContentType reports whether a request body of Content-Type ct is read
// as JSON: none given, application/json or any +json type, and, as most JSON
// APIs do, application/x-www-form-urlencoded, which curl -d sends by default
// (the body must still be JSON). Multipart forms and other types are refused.
func jsonContentType(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "application/x-www-form-urlencoded"
}

func (s *server) checker(platform string) (*compliance.Checker, error) {
	if platform == "" {
		platform = "generic"
	}
	p, err := compliance.ParsePlatform(platform)
	if err != nil {
		return nil, &httpError{http.StatusBadRequest, err.Error()}
	}
	return s.holders[p].Checker(), nil
}

type checkRequest struct {
	Text         string            `json:"text"`
	Platform     string            `json:"platform"`
	CustomerType string            `json:"customer_type"`
	Traditional  traditional       `json:"traditional"`
	Slots        map[string]string `json:"slots"`
	Mask         string            `json:"mask"`
}

// traditional is the request's "traditional": false or absent (as
// written), true (standard Traditional), or a variant: "zh-Hant", "zh-TW",
// "zh-HK".
type traditional struct{ v scripts.Variant }

func (t *traditional) UnmarshalJSON(b []byte) error {
	var on bool
	if err := json.Unmarshal(b, &on); err == nil {
		t.v = 0
		if on {
			t.v = scripts.Traditional
		}
		return nil
	}
	var tag string
	if err := json.Unmarshal(b, &tag); err != nil {
		return fmt.Errorf(`"traditional" must be true, false, "zh-Hant", "zh-TW" or "zh-HK"`)
	}
	return t.v.UnmarshalText([]byte(tag))
}

// maskOptions parses the request's "mask": "" (no masking), "all", or
// category codes separated by commas ("privacy").
func maskOptions(spec string) (compliance.MaskOptions, bool, error) {
	if spec == "" {
		return compliance.MaskOptions{}, false, nil
	}
	if spec == "all" {
		return compliance.MaskOptions{}, true, nil
	}
	var o compliance.MaskOptions
	for _, code := range strings.Split(spec, ",") {
		c, err := compliance.ParseCategory(strings.TrimSpace(code))
		if err != nil {
			return o, false, fmt.Errorf(`"mask": %w`, err)
		}
		o.Categories = append(o.Categories, c)
	}
	return o, true, nil
}

// withMasked adds "masked" to a JSON object.
func withMasked(v any, masked string) any {
	b, _ := json.Marshal(v)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	m["masked"], _ = json.Marshal(masked)
	return m
}

// checkPrologue decodes a check or suggest request and picks its checker;
// on error it has written the response.
func (s *server) checkPrologue(w http.ResponseWriter, r *http.Request) (checkRequest, *compliance.Checker, bool) {
	var req checkRequest
	if err := s.decode(w, r, &req); err != nil {
		fail(w, err)
		return req, nil, false
	}
	c, err := s.checker(req.Platform)
	if err != nil {
		fail(w, err)
		return req, nil, false
	}
	return req, c, true
}

func (s *server) check(w http.ResponseWriter, r *http.Request) {
	req, c, ok := s.checkPrologue(w, r)
	if !ok {
		return
	}
	mo, mask, err := maskOptions(req.Mask)
	if err != nil {
		fail(w, &httpError{http.StatusBadRequest, err.Error()})
		return
	}
	rep := c.Check(req.Text)
	if !mask {
		writeJSON(w, http.StatusOK, rep)
		return
	}
	writeJSON(w, http.StatusOK, withMasked(rep, compliance.Mask(rep, mo)))
}

func (s *server) suggest(w http.ResponseWriter, r *http.Request) {
	req, c, ok := s.checkPrologue(w, r)
	if !ok {
		return
	}
	var err error
	var ct scripts.CustomerType
	if req.CustomerType != "" {
		if ct, err = scripts.ParseCustomerType(req.CustomerType); err != nil {
			fail(w, &httpError{http.StatusBadRequest, err.Error()})
			return
		}
	}
	mo, mask, err := maskOptions(req.Mask)
	if err != nil {
		fail(w, &httpError{http.StatusBadRequest, err.Error()})
		return
	}
	rep := c.Check(req.Text)
	sug := c.SuggestWith(rep, compliance.SuggestOptions{Type: ct, Traditional: req.Traditional.v, Slots: req.Slots})
	if sug == nil {
		sug = []compliance.Suggestion{}
	}
	out := map[string]any{"report": rep, "suggestions": sug}
	if mask {
		out["masked"] = compliance.Mask(rep, mo)
	}
	writeJSON(w, http.StatusOK, out)
}

type auditRequest struct {
	Platform         string              `json:"platform"`
	Turns            []conversation.Turn `json:"turns"`
	ComplaintHistory int                 `json:"complaint_history"`
}

func (s *server) audit(w http.ResponseWriter, r *http.Request) {
	var req auditRequest
	if err := s.decode(w, r, &req); err != nil {
		fail(w, err)
		return
	}
	if len(req.Turns) > s.cfg.maxTurns {
		fail(w, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("more than %d turns", s.cfg.maxTurns)})
		return
	}
	for i, t := range req.Turns {
		if t.Role != conversation.Buyer && t.Role != conversation.Agent {
			fail(w, &httpError{http.StatusBadRequest, fmt.Sprintf("turn %d: role must be buyer or agent", i)})
			return
		}
	}
	c, err := s.checker(req.Platform)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, conversation.Audit(c, req.Turns, conversation.WithComplaintHistory(req.ComplaintHistory)))
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"status":          "ok",
		"terms":           s.holders[compliance.JD].Checker().Terms(),
		"reloaded_at":     time.Unix(0, s.reloaded.Load()).UTC().Format(time.RFC3339),
		"reload_failures": s.failures.Load(),
	})
}
