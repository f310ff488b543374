package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
)

// browser finds Chromium: $HUASHU_CHROMIUM, else chromium or
// chromium-browser on the PATH; "" when there is none.
func browser() string {
	if p := os.Getenv("HUASHU_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestReportInBrowser opens a generated report in headless Chromium at a
// phone's width (390 px) and a desktop's (1280 px), in both languages: it
// loads without console errors or exceptions, nothing is wider than the
// screen, the four charts are drawn and come fully into view, and a flagged
// turn shows its highlight and its suggestion. Screenshots go to
// $HUASHU_SCREENSHOTS when set (to look at them), else to a temporary
// directory. Skipped when no browser is installed (and with -short),
// unless $HUASHU_REQUIRE_BROWSER is set; CI installs one and sets it
// (.ci/run).
func TestReportInBrowser(t *testing.T) {
	bin := browser()
	if bin == "" && os.Getenv("HUASHU_REQUIRE_BROWSER") != "" {
		t.Fatal("HUASHU_REQUIRE_BROWSER is set and no Chromium was found")
	}
	if bin == "" {
		t.Skip("no Chromium: apt-get install -y chromium, or set HUASHU_CHROMIUM")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dir := t.TempDir()
	shots := os.Getenv("HUASHU_SCREENSHOTS")
	if shots == "" {
		shots = dir
	}
	require.NoError(t, os.MkdirAll(shots, 0o755))

	// A log over two days, so the scores have trends.
	var log bytes.Buffer
	_, err := jsonltest.Generate(&log, 300, 9)
	require.NoError(t, err)
	day2 := strings.ReplaceAll(log.String(), `"c-`, `"d-`)
	day2 = strings.ReplaceAll(day2, "2026-03-15T", "2026-03-16T")
	reports := map[string]string{}
	for _, lang := range []string{"zh", "en"} {
		path := filepath.Join(dir, "report-"+lang+".html")
		var out, errb bytes.Buffer
		require.Equal(t, 1, run([]string{"-platform", "jd", "-html", path, "-lang", lang, "-max-flagged", "60"}, strings.NewReader(log.String()+day2), &out, &errb), errb.String())
		reports[lang] = path
	}

	// The profile lives outside t.TempDir: Chromium's helper processes may
	// still write to it for a moment after the browser is killed, which
	// would fail t.TempDir's cleanup. It is removed with a few tries.
	profile, err := os.MkdirTemp("", "huashu-chromium-")
	require.NoError(t, err)
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+profile,
		"--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		cancel()
		cmd.Wait()
	}()
	wsURL, err := devtoolsURL(stderr)
	require.NoError(t, err)
	host := strings.SplitN(strings.TrimPrefix(wsURL, "ws://"), "/", 2)[0]

	for _, lang := range []string{"zh", "en"} {
		for _, width := range []int{390, 1280} {
			t.Run(fmt.Sprintf("%s-%dpx", lang, width), func(t *testing.T) {
				checkReport(t, host, reports[lang], width, filepath.Join(shots, fmt.Sprintf("report-%s-%d.png", lang, width)))
			})
		}
	}
}

// checkReport loads the report in a new tab of the given width and checks it.
func checkReport(t *testing.T, host, path string, width int, shot string) {
	req, err := http.NewRequest(http.MethodPut, "http://"+host+"/json/new?about:blank", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	var target struct {
		ID  string `json:"id"`
		URL string `json:"webSocketDebuggerUrl"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&target))
	resp.Body.Close()
	defer http.Get("http://" + host + "/json/close/" + target.ID)
	c, err := dialCDP(target.URL)
	require.NoError(t, err)
	defer c.Close()

	var problems []string
	seen := func(m cdpMessage) {
		switch m.Method {
		case "Runtime.exceptionThrown":
			problems = append(problems, "exception: "+string(m.Params))
		case "Runtime.consoleAPICalled":
			var p struct {
				Type string `json:"type"`
			}
			json.Unmarshal(m.Params, &p)
			if p.Type == "error" || p.Type == "warning" || p.Type == "assert" {
				problems = append(problems, "console "+p.Type+": "+string(m.Params))
			}
		case "Log.entryAdded":
			var p struct {
				Entry struct {
					Level, Text, URL string
				} `json:"entry"`
			}
			json.Unmarshal(m.Params, &p)
			if p.Entry.Level == "error" || p.Entry.Level == "warning" {
				problems = append(problems, "log "+p.Entry.Level+": "+p.Entry.Text+" "+p.Entry.URL)
			}
		}
	}
	height := 844
	if width > 800 {
		height = 800
	}
	require.NoError(t, c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800}, nil))
	for _, domain := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		require.NoError(t, c.call(domain, nil, nil))
	}
	require.NoError(t, c.call("Page.navigate", map[string]any{"url": "file://" + path}, nil))
	_, err = c.waitEvent("Page.loadEventFired", 30*time.Second, seen)
	require.NoError(t, err)

	// What the reader sees, measured in the page.
	const probe = `(() => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
  // visible: el is laid out, inside the screen's width once scrolled to, and on top at its centre.
  const visible = el => {
    if (!el) return "missing";
    el.scrollIntoView({block: "center", inline: "nearest"});
    const r = box(el);
    if (r.width < 4 || r.height < 4) return "too small: " + JSON.stringify(r);
    if (r.left < -0.5 || r.right > vw + 0.5) return "outside the screen's width: " + JSON.stringify(r) + " in " + vw;
    if (r.top < -0.5 || r.bottom > vh + 0.5) return "taller than the screen or off it: " + JSON.stringify(r) + " in " + vh;
    const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (!top || !(el === top || el.contains(top) || top.contains(el))) return "covered by " + (top ? top.outerHTML.slice(0, 80) : "nothing");
    return "";
  };
  const out = {scrollWidth: document.documentElement.scrollWidth, viewport: vw, charts: {}, lang: document.documentElement.lang};
  for (const id of ["chart-category", "chart-finding", "chart-hour", "chart-agent"]) {
    const svg = document.querySelector("#" + id + " svg");
    out.charts[id] = visible(svg) || (svg.querySelectorAll("rect").length ? "" : "no bars");
  }
  // Chart labels stay readable once the chart is scaled to the screen.
  out.smallestLabel = 1e9;
  for (const el of document.querySelectorAll(".chart svg text")) out.smallestLabel = Math.min(out.smallestLabel, el.getBoundingClientRect().height);
  const turn = document.querySelector("tr.turn");
  const mark = turn && turn.querySelector("mark");
  const sug = turn && turn.querySelector(".sug");
  out.mark = visible(mark);
  out.markBackground = mark ? getComputedStyle(mark).backgroundColor : "";
  out.markText = mark ? mark.textContent : "";
  out.suggestion = visible(sug);
  out.suggestionText = sug ? sug.textContent : "";
  out.spark = document.querySelectorAll("svg.spark").length;
  // Nothing drawn is cut off at the screen's edge (in a scrolled box, say).
  out.clipped = [];
  for (const el of document.querySelectorAll("svg, td, .card")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5)) out.clipped.push(el.outerHTML.slice(0, 60));
  }
  window.scrollTo(0, 0);
  return JSON.stringify(out);
})()`
	var res struct {
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	require.NoError(t, c.call("Runtime.evaluate", map[string]any{"expression": probe, "returnByValue": true}, &res))
	require.Empty(t, res.ExceptionDetails, "the probe failed")
	var got struct {
		ScrollWidth, Viewport int
		Charts                map[string]string
		Lang                  string
		Mark, MarkBackground  string
		MarkText              string
		Suggestion            string
		SuggestionText        string
		Spark                 int
		Clipped               []string
		SmallestLabel         float64
	}
	require.NoError(t, json.Unmarshal([]byte(res.Result.Value), &got), res.Result.Value)
	t.Logf("%+v", got)

	// The screenshot: the whole page.
	var metrics struct {
		CSSContentSize struct{ Width, Height float64 } `json:"cssContentSize"`
	}
	require.NoError(t, c.call("Page.getLayoutMetrics", nil, &metrics))
	var png struct{ Data string }
	require.NoError(t, c.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": float64(width), "height": min(metrics.CSSContentSize.Height, 6000), "scale": 1}}, &png))
	b, err := base64.StdEncoding.DecodeString(png.Data)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(shot, b, 0o644))
	t.Logf("screenshot: %s", shot)

	time.Sleep(100 * time.Millisecond) // late console messages
	c.drainEvents(seen)
	require.Empty(t, problems, "console errors or exceptions")
	require.LessOrEqual(t, got.ScrollWidth, got.Viewport, "the page is wider than the screen")
	for id, why := range got.Charts {
		require.Empty(t, why, "chart %s", id)
	}
	require.Empty(t, got.Mark, "the flagged turn's highlight")
	require.NotEqual(t, "rgba(0, 0, 0, 0)", got.MarkBackground, "the highlight has a colour")
	require.NotEmpty(t, strings.TrimSpace(got.MarkText))
	require.Empty(t, got.Suggestion, "the flagged turn's suggestion")
	require.Greater(t, len(strings.TrimSpace(strings.TrimPrefix(got.SuggestionText, "→"))), 10)
	require.Equal(t, 12, got.Spark, "a trend per agent: the log spans two days")
	require.Empty(t, got.Clipped, "cut off at the screen's edge")
	require.GreaterOrEqual(t, got.SmallestLabel, 9.0, "chart labels are at least 9 px tall")
}
