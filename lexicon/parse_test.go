package lexicon

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	src := "\uFEFF# abuse lexicon\r\n" +
		"@defaults category=abuse severity=minor\n" +
		"没素质\n" +
		"神经病   severity=serious   # a comment\n" +
		"\n" +
		"  \t  \n" +
		"亲  word except=亲自,父亲,亲子 category=forbidden_address note=\"JD bans it\"\n" +
		"\"100% 有效\" category=ad_absolute x-law=\"广告法 第九条\"\n" +
		"@defaults\n" +
		"淘宝 word=false\n"
	es, err := Parse("abuse.txt", strings.NewReader(src))
	require.NoError(t, err)
	attrs := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	require.Equal(t, []Rule{
		{Entry{Term: "没素质"}, attrs("category", "abuse", "severity", "minor"), "abuse.txt", 3},
		{Entry{Term: "神经病"}, attrs("category", "abuse", "severity", "serious"), "abuse.txt", 4},
		{Entry{Term: "亲", Word: true, Except: []string{"亲自", "父亲", "亲子"}}, attrs("category", "forbidden_address", "severity", "minor", "note", "JD bans it"), "abuse.txt", 7},
		{Entry{Term: "100% 有效"}, attrs("category", "ad_absolute", "severity", "minor", "x-law", "广告法 第九条"), "abuse.txt", 8},
		{Entry{Term: "淘宝"}, nil, "abuse.txt", 10},
	}, normalizeExcept(es))
	_, err = Compile(Entries(es))
	require.NoError(t, err)
}

// normalizeExcept turns empty Except slices into nil for comparison.
func normalizeExcept(es []Rule) []Rule {
	for i := range es {
		if len(es[i].Except) == 0 {
			es[i].Except = nil
		}
	}
	return es
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		give string
		want string
	}{
		{"ok\n\"\"\n", "lexicon: abuse.txt:2: empty term"},
		{"a b\n", `abuse.txt:1: unknown attribute "b"`},
		{"a severty=minor\n", `unknown attribute "severty"`},
		{"a category\n", `attribute "category" has no value`},
		{"a word=maybe\n", "word=\"maybe\": want true or false"},
		{"a except=\n", "except= lists no contexts"},
		{"a except=,\n", "except= lists no contexts"},
		{"a note=x note=y\n", `attribute "note" given twice`},
		{"\"abc\n", "unterminated quoted string"},
		{"\"a\"b\n", "text after closing quote"},
		{"a note=\"x\"y\n", "text after closing quote"},
		{"a no\"te\n", "unexpected quote"},
		{"a \"x\"\n", "unexpected term"},
		{"\"\"\n", "empty term"},
		{"┻┼\n", "only noise characters"},
		{"/(你/\n", "missing closing )"},
		{"/你.*/\n", "unbounded repetition"},
		{"/<any:4>/\n", "no text that every match contains"},
		{"/你<foo>/\n", "unknown slot <foo>"},
		{"/你<han:99>/\n", "want a length from 1 to 16"},
		{"/你好\n", "unterminated pattern"},
		{"/你/x\n", "text after closing /"},
		{"淘宝\n淘寶 x-k=v\n", `abuse.txt:2: "淘寶" folds like the term on line 1`},
		{"亲 except=父母\n", "exception does not contain the term"},
		{strings.Repeat("长", 300) + "\n", "长…"},
		{"@include x.txt\n", `unknown directive "@include"`},
		{"@defaults bogus=1\n", `unknown attribute "bogus"`},
		{"a\xff\n", "abuse.txt:1: invalid UTF-8"},
		{"\"\\q\"\n", "bad quoted string"},
		{strings.Repeat("x", maxLineLen+10), "line longer than"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Parse("abuse.txt", strings.NewReader(tt.give))
			require.Error(t, err)
			require.Contains(t, err.Error(), tt.want)
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "want a *ParseError, got %T", err)
			require.Equal(t, "abuse.txt", pe.File)
		})
	}
}

func TestParseReportsEveryBadLine(t *testing.T) {
	_, err := Parse("x.txt", strings.NewReader("ok\n\"\"\nfine\nbad attr\n"))
	require.Error(t, err)
	require.Contains(t, err.Error(), "x.txt:2: empty term")
	require.Contains(t, err.Error(), "x.txt:4: unknown attribute")
	many := strings.Repeat("a b\n", 100)
	_, err = Parse("x.txt", strings.NewReader(many))
	require.Equal(t, maxParseErrors, strings.Count(err.Error(), "unknown attribute"))
}

func TestParseReadError(t *testing.T) {
	_, err := Parse("x.txt", iotest.ErrReader(errors.New("disk on fire")))
	require.ErrorContains(t, err, "disk on fire")
}

func TestParseDefaultsDoNotLeak(t *testing.T) {
	es, err := Parse("x.txt", strings.NewReader("@defaults except=亲自 x-k=v\n亲\n亲亲 word except=亲亲热热 x-k=w\n"))
	require.NoError(t, err)
	require.Equal(t, []string{"亲自"}, es[0].Except)
	require.Equal(t, []string{"亲亲热热"}, es[1].Except)
	require.Equal(t, "v", es[0].Attrs["x-k"])
	require.Equal(t, "w", es[1].Attrs["x-k"])
}

func TestParseLineEnds(t *testing.T) {
	for name, src := range map[string]string{"LF": "a\nb\nc", "CRLF": "a\r\nb\r\nc\r\n", "CR": "a\rb\rc\r", "mixed": "a\r\nb\rc\n"} {
		rs, err := Parse("x.txt", strings.NewReader(src))
		require.NoError(t, err, name)
		require.Len(t, rs, 3, name)
		for i, r := range rs {
			require.Equal(t, string(rune('a'+i)), r.Term, name)
			require.Equal(t, i+1, r.Line, name)
		}
	}
	// A CR at a buffer boundary followed by LF is one line end.
	rs, err := Parse("x.txt", iotest.OneByteReader(strings.NewReader("a\r\nb\r\n")))
	require.NoError(t, err)
	require.Len(t, rs, 2)
}

func TestParsePatterns(t *testing.T) {
	rs, err := Parse("x.txt", strings.NewReader("/(你|您)找<any:4>去/ category=refusal\n\"/literal/\"\n/a\\/b/\n"))
	require.NoError(t, err)
	require.Equal(t, Entry{Term: "(你|您)找<any:4>去", Pattern: true}, rs[0].Entry)
	require.Equal(t, Entry{Term: "/literal/"}, rs[1].Entry)
	require.Equal(t, `a\/b`, rs[2].Term)
}
