package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func runCheck(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckCLI(t *testing.T) {
	code, out, _ := runCheck(t, "", "-platform", "jd", "亲，加 微 信", "好的")
	require.Equal(t, 1, code)
	require.Contains(t, out, "forbidden_address")
	require.Contains(t, out, "ok\t好的")

	code, out, _ = runCheck(t, "好的\n马上处理\n")
	require.Equal(t, 0, code, out)

	code, out, _ = runCheck(t, "你烦不烦啊\n", "-platform", "doudian", "-json", "-suggest")
	require.Equal(t, 1, code)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(out)), &rep))
	require.Equal(t, "doudian", rep["platform"])
	require.NotEmpty(t, rep["suggestions"])

	code, out, errs := runCheck(t, `{"text":"京东买去吧","platform":"taobao"}`+"\n"+`{"text":"京东买去吧","platform":"jd"}`+"\nnot json\n", "-jsonl")
	require.Equal(t, 2, code, "a bad line is reported and makes the status 2")
	require.Contains(t, errs, "line 3: bad JSON")
	require.Contains(t, out, "warning\t京东买去吧\n\t0-6\tcompetitor", "京东 is a competitor on Taobao")
	require.Contains(t, out, "ok\t京东买去吧", "京东 is JD's own name")

	code, _, errs = runCheck(t, "", "-platform", "amazon", "x")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "amazon")

	lex := filepath.Join(t.TempDir(), "shop.txt")
	require.NoError(t, os.WriteFile(lex, []byte("饭桶 category=abuse\n"), 0o644))
	code, _, _ = runCheck(t, "", "-lexicon", lex, "你这饭桶")
	require.Equal(t, 1, code)
	require.NoError(t, os.WriteFile(lex, []byte("饭桶 category=nope\n"), 0o644))
	code, _, errs = runCheck(t, "", "-lexicon", lex, "x")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "shop.txt:1")
}

// A flag after the replies is parsed as a flag, never checked as a reply: a
// pre-send hook must not pass "亲" on JD because -platform came last.
func TestCheckFlagsAfterArguments(t *testing.T) {
	for _, tt := range []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		notOut   []string
		wantErr  string
	}{
		{name: "flags after the reply", args: []string{"亲", "-platform", "jd"}, wantCode: 1,
			wantOut: []string{"forbidden_address"}, notOut: []string{"ok\t-platform", "ok\tjd"}},
		{name: "flags around replies", args: []string{"好的", "-platform", "jd", "亲", "-json"}, wantCode: 1,
			wantOut: []string{`"platform":"jd"`, `"text":"好的"`, `"text":"亲"`}},
		{name: "flag=value form", args: []string{"亲", "-platform=jd"}, wantCode: 1, wantOut: []string{"forbidden_address"}},
		{name: "unknown flag after a reply", args: []string{"亲", "-platfrom", "jd"}, wantCode: 2,
			wantErr: "flag provided but not defined: -platfrom"},
		{name: "missing value", args: []string{"亲", "-platform"}, wantCode: 2, wantErr: "flag needs an argument"},
		{name: "a reply that starts with -, after --", args: []string{"-platform", "jd", "--", "-亲-", "-json"}, wantCode: 1,
			wantOut: []string{"forbidden_address", "ok\t-json"}},
		{name: "a reply that starts with - without -- is an error", args: []string{"-亲"}, wantCode: 2,
			wantErr: "flag provided but not defined"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCheck(t, "", tt.args...)
			require.Equal(t, tt.wantCode, code, "stdout: %s\nstderr: %s", out, errs)
			for _, w := range tt.wantOut {
				require.Contains(t, out, w)
			}
			for _, w := range tt.notOut {
				require.NotContains(t, out, w)
			}
			if tt.wantErr != "" {
				require.Contains(t, errs, tt.wantErr)
			}
		})
	}
}

func TestCheckHelp(t *testing.T) {
	code, out, errs := runCheck(t, "", "-h")
	require.Equal(t, 0, code)
	require.Empty(t, out)
	require.Contains(t, errs, "-platform")
}

func TestCheckMask(t *testing.T) {
	code, out, _ := runCheck(t, "亲，加 微 信\n好的\n您的手机号15900001111\n", "-platform", "jd", "-mask", "all")
	require.Equal(t, 1, code, "masking does not change the status")
	require.Equal(t, "*，*****\n好的\n您的手机号***********\n", out)

	code, out, _ = runCheck(t, "亲，加 微 信，您的手机号15900001111\n", "-platform", "jd", "-mask", "privacy")
	require.Equal(t, 1, code)
	require.Equal(t, "亲，加 微 信，您的手机号***********\n", out)

	code, out, _ = runCheck(t, "", "-platform", "jd", "-mask", "privacy,off_platform", "-json", "亲，加 微 信")
	require.Equal(t, 1, code)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Equal(t, "亲，*****", rep["masked"])

	code, _, errs := runCheck(t, "", "-mask", "secrets", "x")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "-mask")
}

func TestCheckSuggestTraditional(t *testing.T) {
	code, out, _ := runCheck(t, "", "-platform", "jd", "-suggest", "-traditional", "zh-TW", "亲，加 微 信给你便宜点")
	require.Equal(t, 1, code)
	lines := strings.Split(out, "\n")
	require.Contains(t, lines[3], "→ script\t為了保障您的權益", "the first suggestion answers off_platform, in Taiwan Traditional:\n%s", out)
	require.Contains(t, out, "(still: off_platform)", "the partial rewrite says what it leaves")

	code, _, errs := runCheck(t, "", "-traditional", "zh-XX", "x")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "zh-XX")
}

// check -jsonl FILE would check the file's name as a reply and pass it.
func TestCheckJSONLTakesNoArguments(t *testing.T) {
	code, out, errs := runCheck(t, "", "-jsonl", "replies.jsonl")
	require.Equal(t, 2, code)
	require.Empty(t, out)
	require.Contains(t, errs, "-jsonl reads standard input")
}

type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Issue 7: the CLIs ignored write errors on stdout.
func TestCheckWriteError(t *testing.T) {
	for _, args := range [][]string{{"好的"}, {"-json", "亲"}, {}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(strings.Repeat("好的\n", 100000)), fullWriter{}, &errb)
		require.Equal(t, 2, code, args)
		require.Contains(t, errb.String(), "check: writing output: no space left on device")
	}
}

// A rule's note= reaches the text output too (the JSON carries it as "note").
func TestNoteInTextOutput(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/shop.txt"
	require.NoError(t, os.WriteFile(path, []byte("咕噜怪 category=abuse note=\"店铺自定义\"\n"), 0o644))
	var out, errb bytes.Buffer
	code := run([]string{"-lexicon", path, "你个咕噜怪"}, strings.NewReader(""), &out, &errb)
	require.Equal(t, 1, code, errb.String())
	require.Contains(t, out.String(), "(店铺自定义)")
}
