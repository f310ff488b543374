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
// Request bodies are limited (-max-body), and so is the text of one reply
// or turn (-max-text); a report lists at most 256 violations, and a reply
// stays within 16 KiB plus 8 times the request body (a report cut to fit
// says "truncated": true). Every error is JSON ({"error": "..."}), 404 and 405
// included. Requests time out, SIGINT/SIGTERM shut the server down
// gracefully, and SIGHUP reloads the lexicon files given with -lexicon: each
// file is read once, every platform's checker is built from what was read,
// and all of them are swapped in at once, or none when a file fails (the
// error is logged and the old rules keep working). GET /healthz shows the
// generation in use: when it was loaded, its rule counts, and the files with
// their SHA-256.
//
//	go run ./examples/server -addr 127.0.0.1:8080 -lexicon shop.txt
//	go run ./examples/server -loadtest   # measure on loopback and exit
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	"slices"
	"strings"
	"sync"
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
	maxText := flag.Int("max-text", defaultMaxText, "longest text of one reply (/v1/check, /v1/suggest) or turn (/v1/audit), in bytes")
	hostile := flag.Int("loadtest-hostile", 0, "with -loadtest: this many more clients send texts of -max-text bytes dense with violations; the table shows both kinds")
	load := flag.Bool("loadtest", false, "instead of serving: start on a loopback port, measure 1, 8 and 64 concurrent clients, print a table and exit")
	loadFor := flag.Duration("loadtest-duration", 5*time.Second, "how long each load level runs")
	var lexicons lexiconFlags
	flag.Var(&lexicons, "lexicon", "add a lexicon file (repeatable); reloaded on SIGHUP")
	flag.Parse()
	logger := log.New(os.Stderr, "server: ", log.LstdFlags)
	srv, err := newServer(config{lexicons: lexicons, maxBody: *maxBody, maxTurns: *maxTurns, maxText: *maxText}, logger)
	if err != nil {
		logger.Fatal(err)
	}
	if *load {
		rs, err := loadTest(srv, []int{1, 8, 64}, *hostile, *loadFor, 500000)
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
	maxText  int
}

// defaultMaxText is the default -max-text: far above any customer-service
// reply (a chat log goes to /v1/audit, one turn at a time), far below the
// body limit.
const defaultMaxText = 8 << 10

// Reply budget: a reply is at most replyBase bytes plus replyFactor times
// the request body; violations (and suggestions) that do not fit are left
// out and their report says "truncated": true.
const (
	replyBase   = 16 << 10
	replyFactor = 8
)

// generation is one set of rules: every platform's checker, built from the
// lexicon files read once. It never changes; a reload makes a new one.
type generation struct {
	number   int64
	loadedAt time.Time
	checkers map[compliance.Platform]*compliance.Checker
	files    []ruleFile
}

// ruleFile is a lexicon file as it was read for a generation.
type ruleFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

type server struct {
	cfg      config
	log      *log.Logger
	rules    atomic.Pointer[generation]
	mu       sync.Mutex // serializes reloads
	failures atomic.Int64
}

func newServer(cfg config, logger *log.Logger) (*server, error) {
	if cfg.maxBody <= 0 {
		cfg.maxBody = 1 << 20
	}
	if cfg.maxTurns <= 0 {
		cfg.maxTurns = 5000
	}
	if cfg.maxText <= 0 {
		cfg.maxText = defaultMaxText
	}
	s := &server{cfg: cfg, log: logger}
	g, err := load(cfg.lexicons, 1)
	if err != nil {
		return nil, err
	}
	s.rules.Store(g)
	return s, nil
}

// load reads every lexicon file once and builds every platform's checker
// from those bytes: a file changing halfway through cannot give two
// platforms different rules.
func load(paths []string, number int64) (*generation, error) {
	g := &generation{number: number, checkers: map[compliance.Platform]*compliance.Checker{}, files: []ruleFile{}}
	texts := make([]string, len(paths))
	for i, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("lexicon file: %w", err)
		}
		sum := sha256.Sum256(data)
		texts[i] = string(data)
		g.files = append(g.files, ruleFile{Path: path, Bytes: len(data), SHA256: hex.EncodeToString(sum[:])})
	}
	for _, p := range scripts.Platforms() {
		opts := []compliance.Option{compliance.WithPlatform(p)}
		for i, path := range paths {
			opts = append(opts, compliance.WithLexiconText(path, texts[i]))
		}
		c, err := compliance.New(opts...)
		if err != nil {
			return nil, err // the same files fail on every platform; one error says it
		}
		g.checkers[p] = c
	}
	g.loadedAt = time.Now()
	return g, nil
}

// reload builds a new generation from the lexicon files and swaps it in;
// on a bad file the old generation stays, whole, and the error is logged.
func (s *server) reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := load(s.cfg.lexicons, s.rules.Load().number+1)
	if err != nil {
		s.failures.Add(1)
		s.log.Printf("reload failed, keeping the old rules: %v", err)
		return err
	}
	s.rules.Store(g)
	s.log.Printf("reloaded lexicon files: generation %d", g.number)
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
	mux.Handle("/v1/check", only(s.check, http.MethodPost))
	mux.Handle("/v1/suggest", only(s.suggest, http.MethodPost))
	mux.Handle("/v1/audit", only(s.audit, http.MethodPost))
	mux.Handle("/healthz", only(s.health, http.MethodGet, http.MethodHead))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, &httpError{http.StatusNotFound, "no such endpoint: " + clip(r.URL.Path, 40) + " (POST /v1/check, /v1/suggest, /v1/audit; GET /healthz)"})
	})
	return mux
}

// only serves h for the given methods and answers others with a JSON 405
// and an Allow header.
func only(h http.HandlerFunc, methods ...string) http.Handler {
	allow := strings.Join(methods, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !slices.Contains(methods, r.Method) {
			w.Header().Set("Allow", allow)
			fail(w, &httpError{http.StatusMethodNotAllowed, "method " + clip(r.Method, 40) + " not allowed (want " + allow + ")"})
			return
		}
		h(w, r)
	})
}

// clip shortens what a client sent to max runes and "…" for an error message.
func clip(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = newEncoder(w).Encode(v)
}

// newEncoder writes JSON without HTML escaping: a reply is not HTML, and
// '<' as \u003c would make an echoed text up to six times its size.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// jsonSize is the size of v in JSON, as newEncoder writes it (without the newline).
func jsonSize(v any) int {
	var c countingWriter
	_ = newEncoder(&c).Encode(v)
	return int(c) - 1
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func fail(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{http.StatusInternalServerError, "internal error"}
	}
	writeJSON(w, he.status, map[string]string{"error": he.msg})
}

// decode reads a JSON request body into v, with the size limit, and
// returns the body's size.
func (s *server) decode(w http.ResponseWriter, r *http.Request, v any) (int, error) {
	if !jsonContentType(r.Header.Get("Content-Type")) {
		return 0, &httpError{http.StatusUnsupportedMediaType, "Content-Type must be application/json (or absent, or curl -d's application/x-www-form-urlencoded with a JSON body)"}
	}
	body := &byteCounter{r: http.MaxBytesReader(w, r.Body, s.cfg.maxBody)}
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return 0, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", s.cfg.maxBody)}
		}
		return 0, &httpError{http.StatusBadRequest, "bad JSON: " + clip(err.Error(), 200)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return 0, &httpError{http.StatusBadRequest, "bad JSON: more than one value in the body"}
	}
	return body.n, nil
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

// byteCounter counts the bytes read through it.
type byteCounter struct {
	r io.Reader
	n int
}

func (b *byteCounter) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += n
	return n, err
}

// checker picks the platform's checker from the current generation.
func (s *server) checker(platform string) (*compliance.Checker, error) {
	if platform == "" {
		platform = "generic"
	}
	p, err := compliance.ParsePlatform(platform)
	if err != nil {
		return nil, &httpError{http.StatusBadRequest, err.Error()}
	}
	return s.rules.Load().checkers[p], nil
}

// tooLong is the error for a text over -max-text.
func (s *server) tooLong(what string) error {
	return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("%s longer than %d bytes (-max-text): check one reply at a time; a chat log goes to /v1/audit", what, s.cfg.maxText)}
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

// withMasked adds "masked" to a JSON object (written, as every reply, without HTML escaping).
func withMasked(v any, masked string) any {
	var b bytes.Buffer
	_ = newEncoder(&b).Encode(v)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b.Bytes(), &m)
	b.Reset()
	_ = newEncoder(&b).Encode(masked)
	m["masked"] = bytes.TrimSpace(b.Bytes())
	return m
}

// checkPrologue decodes a check or suggest request and picks its checker;
// on error it has written the response.
// It also returns the reply budget: replyBase plus replyFactor times the body.
func (s *server) checkPrologue(w http.ResponseWriter, r *http.Request) (checkRequest, *compliance.Checker, int, bool) {
	var req checkRequest
	n, err := s.decode(w, r, &req)
	if err == nil && len(req.Text) > s.cfg.maxText {
		err = s.tooLong("text")
	}
	var c *compliance.Checker
	if err == nil {
		c, err = s.checker(req.Platform)
	}
	if err != nil {
		fail(w, err)
		return req, nil, 0, false
	}
	return req, c, replyBase + replyFactor*n, true
}

func (s *server) check(w http.ResponseWriter, r *http.Request) {
	req, c, budget, ok := s.checkPrologue(w, r)
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
		writeWithin(w, budget, len(rep.Violations), rep, func() any { fit(budget, &rep); return rep })
		return
	}
	masked := compliance.Mask(rep, mo) // of every violation found, listed or not
	writeWithin(w, budget, len(rep.Violations), withMasked(rep, masked), func() any {
		fit(budget-len(`,"masked":`)-jsonSize(masked), &rep)
		return withMasked(rep, masked)
	})
}

// minViolationJSON is the least a violation takes in JSON: its keys, a
// penalty and an advice are about 300 bytes; 150 leaves room.
const minViolationJSON = 150

// writeWithin writes v as a 200 reply if its JSON fits budget bytes, as
// almost every reply does; otherwise it writes what shrink returns, which
// must fit. v is encoded once in the common case.
//
// A violation takes at least minViolationJSON bytes; a reply listing more
// than budget/minViolationJSON of them cannot fit, and goes to shrink
// without being encoded first (pass the number listed as listed).
func writeWithin(w http.ResponseWriter, budget, listed int, v any, shrink func() any) {
	var b bytes.Buffer
	if listed*minViolationJSON > budget {
		v = shrink()
	}
	_ = newEncoder(&b).Encode(v)
	if b.Len()-1 > budget { // the encoder ends with a newline
		b.Reset()
		_ = newEncoder(&b).Encode(shrink())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.Bytes())
}

// fit cuts the violations of reps, in order, so that their JSON takes at
// most budget bytes, marking each report it cuts as truncated, and returns
// the size they take. Every report keeps its other fields (the overall
// severity and penalty still count every violation found); what is left of
// the budget after those goes to violations, first come first served.
func fit(budget int, reps ...*compliance.Report) int {
	vs := make([][]compliance.Violation, len(reps))
	size := 0
	for i, r := range reps {
		vs[i], r.Violations = r.Violations, nil
		size += jsonSize(r) + len(`,"truncated":true`) + 1
	}
	full := false
	for i, r := range reps {
		for j := range vs[i] {
			if !full {
				n := jsonSize(&vs[i][j]) + 1 // and a comma
				full = size+n > budget
				if !full {
					size += n
					continue
				}
			}
			vs[i], r.Truncated = vs[i][:j], true
			break
		}
		r.Violations = vs[i]
	}
	return size
}

func (s *server) suggest(w http.ResponseWriter, r *http.Request) {
	req, c, budget, ok := s.checkPrologue(w, r)
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
	var masked string
	if mask {
		masked = compliance.Mask(rep, mo) // of every violation found, listed or not
	}
	opts := compliance.SuggestOptions{Type: ct, Traditional: req.Traditional.v, Slots: req.Slots}
	reply := func(rep compliance.Report, sug []compliance.Suggestion) any {
		if sug == nil {
			sug = []compliance.Suggestion{}
		}
		out := map[string]any{"report": rep, "suggestions": sug}
		if mask {
			out["masked"] = masked
		}
		return out
	}
	shrink := func() any {
		budget := budget - len(`{"report":,"suggestions":[]}`)
		if mask {
			budget -= len(`,"masked":`) + jsonSize(masked)
		}
		size := fit(budget, &rep)
		// Suggestions answer the violations listed; those that do not fit are left out.
		sug := c.SuggestWith(rep, opts)
		for i := range sug {
			if size += jsonSize(&sug[i]) + 1; size > budget {
				sug, rep.Truncated = sug[:i], true
				break
			}
		}
		return reply(rep, sug)
	}
	var full any // not built when it cannot fit
	if len(rep.Violations)*minViolationJSON <= budget {
		full = reply(rep, c.SuggestWith(rep, opts))
	}
	writeWithin(w, budget, len(rep.Violations), full, shrink)
}

type auditRequest struct {
	Platform         string              `json:"platform"`
	Turns            []conversation.Turn `json:"turns"`
	ComplaintHistory int                 `json:"complaint_history"`
}

func (s *server) audit(w http.ResponseWriter, r *http.Request) {
	var req auditRequest
	n, err := s.decode(w, r, &req)
	if err != nil {
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
		if len(t.Text) > s.cfg.maxText {
			fail(w, s.tooLong(fmt.Sprintf("turn %d: text", i)))
			return
		}
	}
	c, err := s.checker(req.Platform)
	if err != nil {
		fail(w, err)
		return
	}
	rep := conversation.Audit(c, req.Turns, conversation.WithComplaintHistory(req.ComplaintHistory))
	budget := replyBase + replyFactor*n
	listed := 0
	for i := range rep.Reports {
		listed += len(rep.Reports[i].Violations)
	}
	writeWithin(w, budget, listed, rep, func() any {
		reports := rep.Reports
		rep.Reports = nil
		size := jsonSize(rep)
		reps := make([]*compliance.Report, len(reports))
		for i := range reports {
			size += len(fmt.Sprintf(`{"turn":%d,},`, reports[i].Turn))
			reps[i] = &reports[i].Report
		}
		fit(budget-size, reps...) // the turns' reports, in order
		rep.Reports = reports
		return rep
	})
}

// health reports the generation of rules in use, all of it read from one
// generation: its number, when it was loaded, the terms each platform's
// checker matches, and the lexicon files with their SHA-256.
func (s *server) health(w http.ResponseWriter, r *http.Request) {
	g := s.rules.Load()
	terms := map[string]int{}
	for p, c := range g.checkers {
		terms[p.String()] = c.Terms()
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"status":          "ok",
		"generation":      g.number,
		"loaded_at":       g.loadedAt.UTC().Format(time.RFC3339Nano),
		"terms":           terms,
		"files":           g.files,
		"reload_failures": s.failures.Load(),
	})
}
