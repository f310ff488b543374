package main

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
)

// categoryColor gives each category a colour in the charts and highlights.
var categoryColor = map[compliance.Category]string{
	compliance.Abuse: "#d62728", compliance.Refusal: "#ff7f0e", compliance.ForbiddenAddress: "#9467bd",
	compliance.Competitor: "#1f77b4", compliance.OffPlatform: "#e377c2", compliance.AdAbsolute: "#8c564b",
	compliance.Privacy: "#17becf", compliance.ReviewInducement: "#bcbd22",
}

type bar struct {
	Label string
	Value int
	Color string
}

// hbars draws a horizontal bar chart as inline SVG.
func hbars(bars []bar) template.HTML {
	const width, rowH, labelW = 560, 26, 150
	maxV := 1
	for _, b := range bars {
		maxV = max(maxV, b.Value)
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img">`, width, rowH*len(bars)+4)
	for i, b := range bars {
		y := i*rowH + 2
		w := int(math.Round(float64(width-labelW-60) * float64(b.Value) / float64(maxV)))
		fmt.Fprintf(&s, `<text x="%d" y="%d" text-anchor="end" font-size="13" fill="#333">%s</text>`, labelW-8, y+17, template.HTMLEscapeString(b.Label))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"><title>%s: %d</title></rect>`, labelW, y+3, max(w, 1), rowH-8, b.Color, template.HTMLEscapeString(b.Label), b.Value)
		fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="12" fill="#555">%d</text>`, labelW+max(w, 1)+6, y+17, b.Value)
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// hours draws the 24-hour histogram as inline SVG.
func hours(counts [24]int) template.HTML {
	const width, height, pad = 560, 170, 24
	maxV := 1
	for _, v := range counts {
		maxV = max(maxV, v)
	}
	bw := (width - 2*pad) / 24
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="img">`, width, height)
	fmt.Fprintf(&s, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`, pad, height-pad, width-pad, height-pad)
	for h, v := range counts {
		bh := int(math.Round(float64(height-2*pad) * float64(v) / float64(maxV)))
		x := pad + h*bw
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%d" height="%d" fill="#4e79a7"><title>%02d:00 — %d</title></rect>`, x+1, height-pad-bh, bw-2, bh, h, v)
		if h%3 == 0 {
			fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="11" fill="#555">%02d</text>`, x, height-pad+14, h)
		}
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// spark draws an agent's daily scores as a small line chart (0 to 100),
// each point titled with its day and score.
func spark(days []dayScoreRow) template.HTML {
	const width, height, pad = 160, 36, 4
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 %d %d" width="%d" height="%d" role="img">`, width, height, width, height)
	x := func(i int) float64 {
		if len(days) == 1 {
			return width / 2
		}
		return pad + float64(i)*float64(width-2*pad)/float64(len(days)-1)
	}
	y := func(v float64) float64 { return pad + (100-v)*float64(height-2*pad)/100 }
	var pts []string
	for i, d := range days {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(d.Score)))
	}
	fmt.Fprintf(&s, `<polyline fill="none" stroke="#4e79a7" stroke-width="1.5" points="%s"/>`, strings.Join(pts, " "))
	for i, d := range days {
		fmt.Fprintf(&s, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="#4e79a7"><title>%s: %s</title></circle>`, x(i), y(d.Score), d.Day, fmtPoints(d.Score))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// highlight marks each violation of a report with a coloured <mark>.
func highlight(rep compliance.Report) template.HTML {
	var s strings.Builder
	last := 0
	for _, v := range rep.Violations {
		if v.Start < last {
			continue
		}
		s.WriteString(template.HTMLEscapeString(rep.Text[last:v.Start]))
		fmt.Fprintf(&s, `<mark style="background:%s33;border-bottom:2px solid %s" title="%s · %s">%s</mark>`,
			categoryColor[v.Category], categoryColor[v.Category], v.Category, v.Severity, template.HTMLEscapeString(rep.Text[v.Start:v.End]))
		last = v.End
	}
	s.WriteString(template.HTMLEscapeString(rep.Text[last:]))
	return template.HTML(s.String())
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"highlight": highlight,
	"time":      func(t time.Time) string { return t.In(chinaTime).Format("2006-01-02 15:04:05") },
	"color":     func(c compliance.Category) string { return categoryColor[c] },
	"points":    fmtPoints,
	"spark":     spark,
	"scoreClass": func(v float64) string {
		switch {
		case v >= 90:
			return "good"
		case v >= 70:
			return "fair"
		}
		return "poor"
	},
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>huashu audit — {{.Source}}</title>
<style>
body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;font-size:13px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #e3e3e3;border-radius:8px;padding:10px 16px;min-width:140px}.card b{display:block;font-size:22px}
.charts{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}.chart{border:1px solid #eee;border-radius:8px;padding:8px 12px;min-width:0}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafafa}.sev-critical{color:#b30000;font-weight:bold}.sev-serious{color:#d35400}.sev-minor{color:#8a6d00}.sev-warning{color:#666}
.text{font-size:14px;line-height:1.6}.sug{color:#1a7f37}.tag{display:inline-block;border-radius:4px;padding:0 6px;margin:1px;color:#fff;font-size:12px}
.note{color:#666;font-size:12px}.good{color:#1a7f37}.fair{color:#b08800}.poor{color:#b30000}
</style></head><body>
<h1>huashu audit</h1>
<div class="meta">{{.Source}} · platform {{.Platform}} · {{.Lines}} lines · {{.Conversations}} conversations · generated {{.Generated}}</div>
<div class="cards">
<div class="card">agent turns<b>{{.AgentTurns}}</b></div>
<div class="card">flagged turns<b>{{.FlaggedTurns}}</b></div>
<div class="card">findings<b>{{.Findings}}</b></div>
<div class="card">answered in window<b>{{.Rate}}</b></div>
<div class="card">penalty points (estimate)<b>{{.Points}}</b><span class="note">{{.PenaltyConversations}} conversations, each at its worst turn</span></div>
<div class="card">bad lines skipped<b>{{.Skipped}}</b></div>
{{if .BadTimes}}<div class="card">bad timestamps<b>{{.BadTimes}}</b></div>{{end}}
{{if .Evicted}}<div class="card">closed early (-max-open)<b>{{.Evicted}}</b></div>{{end}}
</div>
<div class="charts">
<div class="chart"><h3>Violations by category</h3>{{.CategoryChart}}</div>
<div class="chart"><h3>Conversation findings</h3>{{.FindingChart}}</div>
<div class="chart"><h3>Flagged turns by hour (China time)</h3>{{.HourChart}}</div>
<div class="chart"><h3>Flagged turns by agent</h3>{{.AgentChart}}</div>
</div>
{{if .Scores}}<h2>Quality score by agent (质检评分)</h2>
<table class="scores"><tr><th>agent</th><th>score</th><th>conversations</th><th>turns</th><th>flagged</th><th>findings</th>{{if .MultiDay}}<th>by day</th>{{end}}</tr>
{{range .Scores}}<tr><td>{{.Agent}}</td><td><b class="{{scoreClass .Score}}">{{points .Score}}</b></td><td>{{.Conversations}}</td><td>{{.Turns}}</td><td>{{.FlaggedTurns}}</td><td>{{.Findings}}</td>{{if $.MultiDay}}<td>{{spark .Days}}</td>{{end}}</tr>
{{end}}</table>
<p class="note">Each conversation scores 100 less its deductions for the agent (flagged turns by severity and platform points, spam and slow responses), floored at 0; a day is the mean of its conversations, the score the mean of the days.</p>{{end}}
{{if .Penalties}}<h2>Penalty points by shop and day (estimate)</h2>
<table><tr><th>shop</th><th>day (China time)</th><th>conversations</th><th>points (estimate)</th></tr>
{{range .Penalties}}<tr><td>{{if .Shop}}{{.Shop}}{{else}}(whole log){{end}}</td><td>{{.Day}}</td><td>{{.Conversations}}</td><td>{{points .Points}}</td></tr>
{{end}}</table>
<p class="note">Platforms penalise per incident: each conversation counts once, at the estimate of its worst flagged turn, on that turn's day.</p>{{end}}
<h2>Flagged agent turns</h2>
{{if .Capped}}<p class="note">Showing the first {{len .Flagged}} flagged turns; {{.Capped}} more are counted above.</p>{{end}}
<table><tr><th>line</th><th>time · conversation · agent</th><th>reply and what to send instead</th><th>violations</th></tr>
{{range .Flagged}}<tr><td>{{.Line}}</td><td>{{time .At}}<br>{{.Conversation}}<br>{{.Agent}}</td>
<td class="text">{{highlight .Report}}{{if .Suggestion}}<div class="sug">→ {{.Suggestion}}</div>{{end}}</td>
<td>{{range .Report.Violations}}<span class="tag" style="background:{{color .Category}}">{{.Category}}</span> <span class="sev-{{.Severity}}">{{.Severity}}</span> {{.Penalty.Action}}<br>{{end}}</td></tr>
{{end}}</table>
<h2>Conversation findings</h2>
<table><tr><th>kind</th><th>conversation</th><th>evidence lines</th><th>detail</th></tr>
{{range .FindingRows}}<tr><td>{{.Kind}}</td><td>{{.Conversation}}</td><td>{{.Lines}}</td><td>{{.Detail}}</td></tr>
{{end}}</table>
<p class="note">Generated by huashu. Penalty points are estimates on the platform's published ladder.</p>
</body></html>
`))

type findingRow struct {
	Kind, Conversation, Lines, Detail string
}

func writeHTML(w io.Writer, r *results) error {
	var cats, finds, agents []bar
	for _, c := range compliance.Categories() {
		cats = append(cats, bar{c.String(), r.byCategory[c], categoryColor[c]})
	}
	totalFindings := 0
	for _, k := range conversation.FindingKinds() {
		finds = append(finds, bar{k.String(), r.byFinding[k], "#59a14f"})
		totalFindings += r.byFinding[k]
	}
	for _, a := range topAgents(r.byAgent, 10) {
		agents = append(agents, bar{a, r.byAgent[a], "#f28e2b"})
	}
	if len(agents) == 0 {
		agents = []bar{{"(none)", 0, "#f28e2b"}}
	}
	var rows []findingRow
	for i, f := range r.findings {
		if i == 500 {
			break
		}
		rows = append(rows, findingRow{f.f.Kind.String(), f.conversation, strings.Join(strings.Fields(fmt.Sprint(f.lines)), ", "), f.f.Detail})
	}
	rate := "100%"
	if r.measured > 0 {
		rate = fmt.Sprintf("%.1f%%", 100*float64(r.within)/float64(r.measured))
	}
	type flaggedView struct {
		Line         int
		At           time.Time
		Conversation string
		Agent        string
		Report       compliance.Report
		Suggestion   string
	}
	var fv []flaggedView
	for _, f := range r.flagged {
		fv = append(fv, flaggedView{f.line, f.at, f.conversation, f.agent, f.report, f.suggestion})
	}
	return page.Execute(w, map[string]any{
		"Source": r.source, "Platform": r.platform.String(), "Lines": r.turns + r.skipped, "Conversations": r.conversations,
		"Generated": time.Now().In(chinaTime).Format("2006-01-02 15:04"), "AgentTurns": r.agentTurns, "FlaggedTurns": r.flaggedTurns,
		"Findings": totalFindings, "Rate": rate, "Points": fmtPoints(r.points), "PenaltyConversations": r.penaltyConversations(), "Penalties": r.penaltyRows(), "Scores": r.agentScores(), "MultiDay": r.days() > 1, "Skipped": r.skipped,
		"BadTimes": r.outOfOrder + r.implausible, "Evicted": r.evicted,
		"CategoryChart": hbars(cats), "FindingChart": hbars(finds), "HourChart": hours(r.byHour), "AgentChart": hbars(agents),
		"Flagged": fv, "Capped": r.capped, "FindingRows": rows,
	})
}
