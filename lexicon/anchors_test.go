package lexicon_test

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/compliance/conversation"
	"github.com/huashu/huashu/lexicon"
	"github.com/stretchr/testify/require"
)

// commonAnchors are characters so frequent in service replies that a
// pattern anchored on one alone would be tried in almost every reply.
const commonAnchors = "你您我他她它的了是不在有这那就也都和吗呢吧啊哦呀么个一要会能可去说到给把被让很还没"

// TestDefaultPatternAnchors: every pattern of the default rule files is
// anchored on literals that are not all single common characters, so that
// clean replies stay cheap (a pattern is verified around each anchor).
func TestDefaultPatternAnchors(t *testing.T) {
	for _, fsys := range []fs.FS{compliance.DefaultRules(), conversation.DefaultRules()} {
		err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			f, err := fsys.Open(path)
			require.NoError(t, err)
			defer f.Close()
			rules, err := lexicon.Parse(path, f)
			require.NoError(t, err)
			for _, r := range rules {
				if !r.Pattern {
					continue
				}
				anchors, err := lexicon.PatternAnchors(r.Term)
				require.NoError(t, err)
				for _, a := range anchors {
					if utf8.RuneCountInString(a) == 1 && strings.Contains(commonAnchors, a) {
						t.Errorf("%s:%d: /%s/ is anchored on %q, among %q: give it a rarer literal every match holds", r.File, r.Line, r.Term, a, anchors)
						break
					}
				}
			}
			return nil
		})
		require.NoError(t, err)
	}
}
