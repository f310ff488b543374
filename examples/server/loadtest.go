package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// loadResult is one concurrency level of a load test.
type loadResult struct {
	hostile       bool // the clients sent dense texts of -max-text bytes
	clients       int
	requests      int
	errors        int
	rps           float64
	p50, p99, max time.Duration
}

var loadBodies = [][]byte{
	[]byte(`{"text":"您好，非常抱歉给您添麻烦了，您的订单已经发货，预计三天内送达","platform":"jd"}`),
	[]byte(`{"text":"亲，加 微 信给你便宜点，淘寶上买更贵","platform":"jd"}`),
	[]byte(`{"text":"你再这样没素质的说话，我们拒绝为你服务，谢谢","platform":"jd"}`),
	[]byte(`{"text":"好的，马上为您处理","platform":"taobao"}`),
}

// hostileBody is a /v1/check request whose text is maxText bytes of links,
// one violation per 6 bytes: the densest cheap text there is.
func hostileBody(maxText int) []byte {
	b, _ := json.Marshal(map[string]string{"text": strings.Repeat("a.com ", maxText/6), "platform": "jd"})
	return b
}

// loadTest starts the server on a loopback port and sends POST /v1/check
// from 1, 8 and 64 concurrent clients, each level bounded by duration and
// by maxRequests. With hostile > 0, that many more clients send
// hostileBody at the same time, and each level gives two results: the
// ordinary clients and the hostile ones. Only 127.0.0.1 is ever contacted.
func loadTest(s *server, levels []int, hostile int, duration time.Duration, maxRequests int) ([]loadResult, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	url := "http://" + ln.Addr().String() + "/v1/check"
	var out []loadResult
	dense := hostileBody(s.cfg.maxText)
	for _, clients := range levels {
		tr := &http.Transport{MaxIdleConnsPerHost: clients + hostile, MaxConnsPerHost: clients + hostile, DisableCompression: true}
		client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
		var (
			mu          sync.Mutex
			lat, hlat   []time.Duration
			errs, herrs int
			wg          sync.WaitGroup
		)
		deadline := time.Now().Add(duration)
		per := maxRequests / clients
		start := time.Now()
		for c := 0; c < clients+hostile; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				local := make([]time.Duration, 0, 1024)
				bad := 0
				for i := 0; i < per && time.Now().Before(deadline); i++ {
					body := loadBodies[(c+i)%len(loadBodies)]
					if c >= clients {
						body = dense
					}
					t0 := time.Now()
					resp, err := client.Post(url, "application/json", bytes.NewReader(body))
					if err == nil {
						_, _ = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != http.StatusOK {
							err = fmt.Errorf("status %d", resp.StatusCode)
						}
					}
					if err != nil {
						bad++
						continue
					}
					local = append(local, time.Since(t0))
				}
				mu.Lock()
				if c >= clients {
					hlat, herrs = append(hlat, local...), herrs+bad
				} else {
					lat, errs = append(lat, local...), errs+bad
				}
				mu.Unlock()
			}(c)
		}
		wg.Wait()
		elapsed := time.Since(start)
		tr.CloseIdleConnections()
		out = append(out, summarize(clients, false, lat, errs, elapsed))
		if hostile > 0 {
			out = append(out, summarize(hostile, true, hlat, herrs, elapsed))
		}
	}
	return out, nil
}

func summarize(clients int, hostile bool, lat []time.Duration, errs int, elapsed time.Duration) loadResult {
	slices.Sort(lat)
	r := loadResult{hostile: hostile, clients: clients, requests: len(lat), errors: errs, rps: float64(len(lat)) / elapsed.Seconds()}
	if n := len(lat); n > 0 {
		r.p50, r.p99, r.max = lat[n/2], lat[min(n-1, n*99/100)], lat[n-1]
	}
	return r
}

func printLoad(w io.Writer, rs []loadResult) {
	fmt.Fprintln(w, "| clients | requests | errors | requests/s | p50 | p99 | max |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		who := fmt.Sprint(r.clients)
		if r.hostile {
			who += " hostile"
		}
		fmt.Fprintf(w, "| %s | %d | %d | %.0f | %s | %s | %s |\n", who, r.requests, r.errors, r.rps,
			r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond), r.max.Round(time.Microsecond))
	}
}
