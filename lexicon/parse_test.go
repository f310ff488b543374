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
	require.Equal(t, []Entry{
		{Term: "没素质", Category: "abuse", Severity: "minor", File: "abuse.txt", Line: 3},
		{Term: "神经病", Category: "abuse", Severity: "serious", File: "abuse.txt", Line: 4},
		{Term: "亲", Word: true, Except: []string{"亲自", "父亲", "亲子"}, Category: "forbidden_address", Severity: "minor", Note: "JD bans it", File: "abuse.txt", Line: 7},
		{Term: "100% 有效", Category: "ad_absolute", Severity: "minor", Attrs: map[string]string{"x-law": "广告法 第九条"}, File: "abuse.txt", Line: 8},
		{Term: "淘宝", File: "abuse.txt", Line: 10},
	}, normalizeExcept(es))
	_, err = Compile(es)
	require.NoError(t, err)
}

// normalizeExcept turns empty Except slices into nil for comparison.
func normalizeExcept(es []Entry) []Entry {
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
		{"a \"x\"\n", "unexpected quoted text"},
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
	es, err := Parse("x.txt", strings.NewReader("@defaults except=亲自 x-k=v\n亲\n亲 word except=亲子 x-k=w\n"))
	require.NoError(t, err)
	require.Equal(t, []string{"亲自"}, es[0].Except)
	require.Equal(t, []string{"亲子"}, es[1].Except)
	require.Equal(t, "v", es[0].Attrs["x-k"])
	require.Equal(t, "w", es[1].Attrs["x-k"])
	// Compile then rejects the duplicate, naming the line.
	_, err = Compile(es)
	require.ErrorIs(t, err, ErrDuplicate)
	require.ErrorContains(t, err, "x.txt:3:")
}
