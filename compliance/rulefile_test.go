package compliance

import (
	"errors"
	"testing"

	"github.com/huashu/huashu/lexicon"
	"github.com/stretchr/testify/require"
)

// TestRuleFileMistakes: every mistake in a rule file reaches the caller as a
// *lexicon.ParseError naming the file and line, with one package prefix.
func TestRuleFileMistakes(t *testing.T) {
	for _, tt := range []struct {
		give string
		line int
		want string
	}{
		{"淘宝 category=competitor x-rewrtie=别家\n", 1, `unknown attribute "x-rewrtie"`},
		{"\n淘宝 category=competitor x-platforms=jingdong\n", 2, `x-platforms: unknown code: platform "jingdong"`},
		{"淘宝 category=competitor x-owner=tb\n", 1, `x-owner: unknown code: platform "tb"`},
		{"淘宝 category=rude\n", 1, `unknown code: category "rude"`},
		{"淘宝 category=competitor severity=bad\n", 1, `unknown code: severity "bad"`},
		{"淘宝 category=competitor severity=none\n", 1, `severity=none (want warning, minor, serious or critical)`},
		{"淘宝\n", 1, `"淘宝" has no category`},
		{"企鹅 category=off_platform x-handle=maybe\n", 1, `x-handle="maybe"`},
		{"淘宝 category=competitor\n淘寶 category=competitor\n", 2, "folds like the term on line 1"},
		{"/(淘宝/ category=competitor\n", 1, "missing closing )"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			_, err := New(WithoutDefaults(), WithLexiconText("shop.txt", tt.give))
			require.Error(t, err)
			var pe *lexicon.ParseError
			require.True(t, errors.As(err, &pe), "want a *lexicon.ParseError, got %T: %v", err, err)
			require.Equal(t, "shop.txt", pe.File)
			require.Equal(t, tt.line, pe.Line)
			require.Contains(t, err.Error(), tt.want)
			require.NotContains(t, err.Error(), "compliance: compliance")
			require.NotContains(t, pe.Msg, "compliance:")
		})
	}
}

// TestPlatformAliasesInRuleFiles: x-platforms takes what ParsePlatform
// takes (any case, tmall for taobao), so a rule written JD fires on JD.
func TestPlatformAliasesInRuleFiles(t *testing.T) {
	for _, list := range []string{"JD", "jd", " jd ,pdd", "Jd", "京东"} {
		c, err := New(WithPlatform(JD), WithoutDefaults(), WithLexiconText("shop.txt", "宝贝 category=forbidden_address x-platforms=\""+list+"\"\n"))
		require.NoError(t, err)
		require.False(t, c.Check("宝贝你好").Clean(), list)
	}
	c, err := New(WithPlatform(Taobao), WithoutDefaults(), WithLexiconText("shop.txt", "天猫 category=competitor x-owner=tmall\n"))
	require.NoError(t, err)
	require.True(t, c.Check("天猫旗舰店").Clean())
}

// TestNoteReachesViolation: a rule's note= is shown on its violations.
func TestNoteReachesViolation(t *testing.T) {
	c, err := New(WithoutDefaults(), WithLexiconText("shop.txt", "饭桶 category=abuse note=\"骂人\"\n"))
	require.NoError(t, err)
	rep := c.Check("你个饭桶")
	require.Len(t, rep.Violations, 1)
	require.Equal(t, "骂人", rep.Violations[0].Note)
}
