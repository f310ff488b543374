package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/compliance/conversation/jsonl/jsonltest"
	"github.com/huashu/huashu/scripts"
)

// TestReportLanguage: the report is in Chinese by default and in English
// with -lang en; neither shows the other language's labels.
func TestReportLanguage(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	_, err := jsonltest.Generate(&log, 300, 5)
	require.NoError(t, err)
	report := func(args ...string) string {
		path := filepath.Join(dir, "r.html")
		var out, errb bytes.Buffer
		require.Equal(t, 1, run(append([]string{"-platform", "jd", "-html", path}, args...), bytes.NewReader(log.Bytes()), &out, &errb), errb.String())
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		return string(b)
	}
	visible := func(page string) string { // the text a reader sees: no tags, no attributes
		page = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(page, "")
		return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, "\n")
	}
	zh, en := report(), report("-lang", "en")
	require.Contains(t, zh, `<html lang="zh-CN">`)
	require.Contains(t, en, `<html lang="en">`)
	zhText, enText := visible(zh), visible(en)
	for key, lb := range labels {
		if lb.en == "" || strings.Contains(lb.en, "%") || len(lb.en) < 6 {
			continue // Chinese-only texts, formats, and words too short to tell
		}
		require.NotContains(t, zhText, lb.en, "English label %q in the Chinese report", key)
	}
	for _, want := range []string{"话术质检报告", "违规类别", "站外引流", "严重", "刷屏", "预估扣分", "客服质检评分", "→ 建议："} {
		require.Contains(t, zhText, want)
	}
	for _, want := range []string{"huashu audit", "Violations by category", "off_platform", "serious", "spam", "penalty points (estimate)", "→ instead: "} {
		require.Contains(t, enText, want)
	}
	for _, code := range []string{"off_platform", "forbidden_address", "serious", "warning", "blacklist_eligible", "slow_response", "the buyer"} {
		require.NotContains(t, zhText, code, "codes and English details stay in titles in the Chinese report")
	}

	var errb bytes.Buffer
	require.Equal(t, 2, run([]string{"-lang", "fr"}, strings.NewReader(""), &bytes.Buffer{}, &errb))
	require.Contains(t, errb.String(), `-lang is "fr" (want zh or en)`)
}

// TestEveryCodeHasAChineseName: a category, severity, finding kind or
// platform added later must get its Chinese name here.
func TestEveryCodeHasAChineseName(t *testing.T) {
	for _, c := range compliance.Categories() {
		require.NotEmpty(t, categoryZh[c], "category %s", c)
	}
	for s := compliance.Warning; s <= compliance.Critical; s++ {
		require.NotEmpty(t, severityZh[s], "severity %s", s)
	}
	for _, k := range conversation.FindingKinds() {
		require.NotEmpty(t, findingZh[k], "finding %s", k)
		require.NotEqual(t, lang("zh").detail(conversation.Finding{Kind: k, Detail: "english"}), "english", "finding %s", k)
	}
	for _, p := range scripts.Platforms() {
		require.NotEmpty(t, platformZh[p], "platform %s", p)
	}
	require.Equal(t, "1小时5分12秒", zhDuration(conversation.Duration(3912e9)))
	require.Equal(t, "0秒", zhDuration(0))
}
