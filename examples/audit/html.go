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
	// 420 wide: readable when a phone scales it to its width, not too
	// large in a half-width column on a desktop.
	const width, rowH, labelW = 420, 26, 120
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
	const width, height, pad = 420, 150, 20
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

// highlight marks each violation of a report with a coloured <mark>,
// titled with its category and severity in the report's language.
func highlight(l lang, rep compliance.Report) template.HTML {
	var s strings.Builder
	last := 0
	for _, v := range rep.Violations {
		if v.Start < last || v.End > len(rep.Text) {
			continue
		}
		s.WriteString(template.HTMLEscapeString(rep.Text[last:v.Start]))
		fmt.Fprintf(&s, `<mark data-category="%s" style="background:%s33;border-bottom:2px solid %s" title="%s · %s">%s</mark>`,
			v.Category, categoryColor[v.Category], categoryColor[v.Category], template.HTMLEscapeString(l.category(v.Category)), template.HTMLEscapeString(l.severity(v.Severity)), template.HTMLEscapeString(rep.Text[v.Start:v.End]))
		last = v.End
	}
	s.WriteString(template.HTMLEscapeString(rep.Text[last:]))
	return template.HTML(s.String())
}

// page is the report. Its functions are bound to a language by writeHTML;
// the ones given here only let it parse.
var page = template.Must(template.New("report").Funcs(funcs("zh")).Parse(`<!DOCTYPE html>
<html lang="{{.HTMLLang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t "title"}} — {{.Source}}</title>
<style>
body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:6px 0}
.meta{color:#666;font-size:13px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #e3e3e3;border-radius:8px;padding:10px 16px;min-width:140px}.card b{display:block;font-size:22px}
.charts{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}.chart{border:1px solid #eee;border-radius:8px;padding:8px 12px;min-width:0}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#fafafa}.sev-critical{color:#b30000;font-weight:bold}.sev-serious{color:#d35400}.sev-minor{color:#8a6d00}.sev-warning{color:#666}
.text{font-size:14px;line-height:1.6}.sug{color:#1a7f37}.tag{display:inline-block;border-radius:4px;padding:0 6px;margin:1px;color:#fff;font-size:12px}
.note{color:#666;font-size:12px}.card .note{display:block}.good{color:#1a7f37}.fair{color:#b08800}.poor{color:#b30000}
svg.spark{display:block;width:160px;max-width:100%;height:auto}
@media (max-width:700px){
body{margin:12px auto;padding:0 10px}.charts{grid-template-columns:minmax(0,1fr)}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:8px}.card{min-width:0;padding:8px 12px}.card b{font-size:20px}
table.stack tr:first-child{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
table.stack tr{border-bottom:1px solid #ddd;padding:6px 0}table.stack td{border:0;padding:2px 4px}
table.stack td[data-label]::before{content:attr(data-label) " ";color:#888;font-size:12px}
table.stack.scores td{display:inline-block;margin-right:8px}table.stack.scores td.agent{display:block;font-weight:bold}table.stack.scores td.trend{display:block}
}
</style></head><body>
<h1>{{t "title"}}</h1>
<div class="meta">{{.Source}} · {{t "platform"}} {{.Platform}} · {{.Lines}} {{t "lines"}} · {{.Conversations}} {{t "conversations"}} · {{t "generated"}} {{.Generated}}</div>
<div class="cards">
<div class="card">{{t "agent turns"}}<b>{{.AgentTurns}}</b></div>
<div class="card">{{t "flagged turns"}}<b>{{.FlaggedTurns}}</b></div>
<div class="card">{{t "findings"}}<b>{{.Findings}}</b></div>
<div class="card">{{t "answered"}}<b>{{.Rate}}</b></div>
<div class="card">{{t "points est"}}<b>{{.Points}}</b><span class="note">{{t "points est note" .PenaltyConversations}}</span></div>
<div class="card">{{t "skipped"}}<b>{{.Skipped}}</b></div>
{{if .BadTimes}}<div class="card">{{t "bad times"}}<b>{{.BadTimes}}</b></div>{{end}}
{{if .Evicted}}<div class="card">{{t "evicted"}}<b>{{.Evicted}}</b></div>{{end}}
</div>
<div class="charts">
<div class="chart" id="chart-category"><h3>{{t "by category"}}</h3>{{.CategoryChart}}</div>
<div class="chart" id="chart-finding"><h3>{{t "by finding"}}</h3>{{.FindingChart}}</div>
<div class="chart" id="chart-hour"><h3>{{t "by hour"}}</h3>{{.HourChart}}</div>
<div class="chart" id="chart-agent"><h3>{{t "by agent"}}</h3>{{.AgentChart}}</div>
</div>
{{if .Scores}}<h2>{{t "scores"}}</h2>
<table class="stack scores"><tr><th>{{t "agent"}}</th><th>{{t "score"}}</th><th>{{t "conversations"}}</th><th>{{t "turns"}}</th><th>{{t "flagged"}}</th><th>{{t "findings"}}</th>{{if .MultiDay}}<th>{{t "by day"}}</th>{{end}}</tr>
{{range .Scores}}<tr><td class="agent">{{.Agent}}</td><td data-label="{{t "score"}}"><b class="{{scoreClass .Score}}">{{points .Score}}</b></td><td data-label="{{t "conversations"}}">{{.Conversations}}</td><td data-label="{{t "turns"}}">{{.Turns}}</td><td data-label="{{t "flagged"}}">{{.FlaggedTurns}}</td><td data-label="{{t "findings"}}">{{.Findings}}</td>{{if $.MultiDay}}<td class="trend">{{spark .Days}}</td>{{end}}</tr>
{{end}}</table>
<p class="note">{{t "scores note"}}</p>{{end}}
{{if .Penalties}}<h2>{{t "penalties"}}</h2>
<table><tr><th>{{t "shop"}}</th><th>{{t "day"}}</th><th>{{t "conversations"}}</th><th>{{t "points"}}</th></tr>
{{range .Penalties}}<tr><td>{{if .Shop}}{{.Shop}}{{else}}{{t "whole log"}}{{end}}</td><td>{{.Day}}</td><td>{{.Conversations}}</td><td>{{points .Points}}</td></tr>
{{end}}</table>
<p class="note">{{t "penalties note"}}</p>{{end}}
<h2>{{t "flagged list"}}</h2>
{{if .Capped}}<p class="note">{{t "capped" (len .Flagged) .Capped}}</p>{{end}}
<table class="stack flagged"><tr><th>{{t "line"}}</th><th>{{t "when"}}</th><th>{{t "reply"}}</th><th>{{t "violations"}}</th></tr>
{{range .Flagged}}<tr class="turn"><td data-label="{{t "line"}}">{{.Line}}</td><td>{{time .At}}<br>{{.Conversation}}<br>{{.Agent}}</td>
<td class="text">{{highlight .Report}}{{if .Suggestion}}<div class="sug">→ {{t "suggest"}}{{.Suggestion}}</div>{{end}}</td>
<td>{{range .Report.Violations}}<span class="tag" style="background:{{color .Category}}" title="{{.Category}}{{if .Note}}: {{.Note}}{{end}}">{{category .Category}}</span> <span class="sev-{{.Severity}}">{{severity .Severity}}</span>{{if ne .Penalty.Action (severity .Severity)}} {{.Penalty.Action}}{{end}}<br>{{end}}</td></tr>
{{end}}</table>
<h2>{{t "finding list"}}</h2>
<table class="stack"><tr><th>{{t "kind"}}</th><th>{{t "conversation"}}</th><th>{{t "evidence"}}</th><th>{{t "detail"}}</th></tr>
{{range .FindingRows}}<tr><td title="{{.Code}}"><b>{{.Kind}}</b></td><td data-label="{{t "conversation"}}">{{.Conversation}}</td><td data-label="{{t "evidence"}}">{{.Lines}}</td><td title="{{.Original}}">{{.Detail}}</td></tr>
{{end}}</table>
<p class="note">{{t "footer"}}</p>
</body></html>
`))

// funcs are the page's functions in language l.
func funcs(l lang) template.FuncMap {
	return template.FuncMap{
		"t":         l.t,
		"category":  l.category,
		"severity":  l.severity,
		"highlight": func(rep compliance.Report) template.HTML { return highlight(l, rep) },
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
	}
}

type findingRow struct {
	Kind, Code, Conversation, Lines, Detail, Original string
}

// writeHTML writes the report in language l ("zh" or "en").
func writeHTML(w io.Writer, r *results, l lang) error {
	var cats, finds, agents []bar
	for _, c := range compliance.Categories() {
		cats = append(cats, bar{l.category(c), r.byCategory[c], categoryColor[c]})
	}
	totalFindings := 0
	for _, k := range conversation.FindingKinds() {
		finds = append(finds, bar{l.finding(k), r.byFinding[k], "#59a14f"})
		totalFindings += r.byFinding[k]
	}
	for _, a := range topAgents(r.byAgent, 10) {
		agents = append(agents, bar{a, r.byAgent[a], "#f28e2b"})
	}
	if len(agents) == 0 {
		agents = []bar{{l.t("none"), 0, "#f28e2b"}}
	}
	var rows []findingRow
	for i, f := range r.findings {
		if i == 500 {
			break
		}
		rows = append(rows, findingRow{l.finding(f.f.Kind), f.f.Kind.String(), f.conversation, strings.Join(strings.Fields(fmt.Sprint(f.lines)), ", "), l.detail(f.f), f.f.Detail})
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
	htmlLang := "zh-CN"
	if l == "en" {
		htmlLang = "en"
	}
	p, err := page.Clone()
	if err != nil {
		return err
	}
	return p.Funcs(funcs(l)).Execute(w, map[string]any{
		"HTMLLang": htmlLang,
		"Source":   r.source, "Platform": l.platform(r.platform), "Lines": r.turns + r.skipped, "Conversations": r.conversations,
		"Generated": time.Now().In(chinaTime).Format("2006-01-02 15:04"), "AgentTurns": r.agentTurns, "FlaggedTurns": r.flaggedTurns,
		"Findings": totalFindings, "Rate": fmt.Sprintf("%.1f%%", 100*r.answeredRate()), "Points": fmtPoints(r.points), "PenaltyConversations": r.penaltyConversations(), "Penalties": r.penaltyRows(), "Scores": r.agentScores(), "MultiDay": r.days() > 1, "Skipped": r.skipped,
		"BadTimes": r.outOfOrder + r.implausible, "Evicted": r.evicted,
		"CategoryChart": hbars(cats), "FindingChart": hbars(finds), "HourChart": hours(r.byHour), "AgentChart": hbars(agents),
		"Flagged": fv, "Capped": r.capped, "FindingRows": rows,
	})
}
