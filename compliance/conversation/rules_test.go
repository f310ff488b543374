package conversation

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/lexicon"
)

func TestDefaultRulesCompile(t *testing.T) {
	r, err := compileRules(nil)
	require.NoError(t, err)
	require.Greater(t, r.Len(), 200)
	names, _ := fs.Glob(DefaultRules(), "rules/*.txt")
	require.ElementsMatch(t, []string{"rules/abuse.txt", "rules/ack.txt", "rules/escalate.txt", "rules/parties.txt", "rules/putoff.txt", "rules/reminder.txt", "rules/report.txt", "rules/request.txt", "rules/slang.txt"}, names)
}

func TestParseRulesErrors(t *testing.T) {
	for _, give := range []string{
		"骗局 x-kind=rude\n",
		"骗局\n",
		"骗局 x-kind=abuse x-aim=sideways\n",
		"骗局 x-kind=abuse x-aim=Curse\n",
		"我们 x-kind=party x-party=everyone\n",
		"我们 x-kind=party\n",
	} {
		_, err := ParseRules("shop.txt", strings.NewReader(give))
		var pe *lexicon.ParseError
		require.True(t, errors.As(err, &pe), "%q: %v", give, err)
		require.Equal(t, "shop.txt", pe.File)
		require.Equal(t, 1, pe.Line)
	}
	// The kind of a file comes from its contents, never from its name.
	for _, name := range []string{"rules/buyer/shop.txt", "abuse.txt", "rules/abuse.txt"} {
		r, err := ParseRules(name, strings.NewReader("奸商客服 x-kind=complaint\n"))
		require.NoError(t, err)
		x := reading{ft: "奸商客服"}
		x.cues = r.scan(nil, x.ft)
		require.True(t, x.any(cueComplaint), name)
	}
}
