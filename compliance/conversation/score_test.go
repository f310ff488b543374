package conversation

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
)

// chatsFlag names a labelled set of whole chats to score (see TestScoreChats).
var chatsFlag = flag.String("chats", "", "score the conversation audit on this JSON file of labelled chats")

// labelledChat is one conversation with the exact set of finding kinds it
// should produce.
type labelledChat struct {
	ID       string   `json:"id"`
	Platform string   `json:"platform"`
	Note     string   `json:"note,omitempty"`
	Turns    []Turn   `json:"turns"`
	Expect   []string `json:"expect"`
}

// chatScore is the audit measured on labelled chats.
type chatScore struct {
	total, right int
	tp, fp, fn   map[string]int
	wrong        []string
}

func loadChats(t *testing.T, path string) []labelledChat {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var chats []labelledChat
	require.NoError(t, json.Unmarshal(data, &chats), path)
	return chats
}

// scoreChats audits every chat on its platform and compares the set of
// finding kinds with the expected set.
func scoreChats(t *testing.T, chats []labelledChat) chatScore {
	t.Helper()
	s := chatScore{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}}
	checkers := map[compliance.Platform]*compliance.Checker{}
	for _, ch := range chats {
		if ch.Platform == "" {
			ch.Platform = "generic"
		}
		p, err := compliance.ParsePlatform(ch.Platform)
		require.NoError(t, err, ch.ID)
		c := checkers[p]
		if c == nil {
			c = mustNew(t, compliance.WithPlatform(p))
			checkers[p] = c
		}
		for _, k := range ch.Expect {
			var fk FindingKind
			require.NoError(t, fk.UnmarshalText([]byte(k)), "%s: expect", ch.ID)
		}
		got := map[string]bool{}
		for _, f := range Audit(c, ch.Turns).Findings {
			got[f.Kind.String()] = true
		}
		want := map[string]bool{}
		for _, k := range ch.Expect {
			want[k] = true
		}
		ok := true
		var diff []string
		for _, k := range FindingKinds() {
			code := k.String()
			switch {
			case got[code] && want[code]:
				s.tp[code]++
			case got[code]:
				s.fp[code]++
				ok = false
				diff = append(diff, "+"+code)
			case want[code]:
				s.fn[code]++
				ok = false
				diff = append(diff, "-"+code)
			}
		}
		s.total++
		if ok {
			s.right++
		} else {
			s.wrong = append(s.wrong, fmt.Sprintf("%s (%s): %s", ch.ID, ch.Platform, strings.Join(diff, " ")))
		}
	}
	return s
}

func (s chatScore) print(w io.Writer) {
	fmt.Fprintf(w, "%-20s %6s %6s %4s %4s %4s\n", "kind", "recall", "prec", "tp", "fp", "fn")
	for _, k := range FindingKinds() {
		c := k.String()
		ratio := func(a, b int) string {
			if b == 0 {
				return "—"
			}
			return fmt.Sprintf("%.2f", float64(a)/float64(b))
		}
		fmt.Fprintf(w, "%-20s %6s %6s %4d %4d %4d\n", c, ratio(s.tp[c], s.tp[c]+s.fn[c]), ratio(s.tp[c], s.tp[c]+s.fp[c]), s.tp[c], s.fp[c], s.fn[c])
	}
	fmt.Fprintf(w, "conversations fully right: %d of %d (%.1f%%)\n", s.right, s.total, 100*float64(s.right)/float64(max(s.total, 1)))
	sort.Strings(s.wrong)
	for _, x := range s.wrong {
		fmt.Fprintln(w, "  wrong:", x, "(+ found but not expected, - expected but not found)")
	}
}

// TestScoreChats scores the audit on a labelled file given with -chats:
//
//	go test ./compliance/conversation -run TestScoreChats -v -chats FILE
//
// (FILE absolute, or relative to compliance/conversation, where go test runs.)
// The file is a JSON array of {"id", "platform", "turns": [{"role", "at",
// "text"}], "expect": [finding kinds]}; expect is the exact set of kinds the
// conversation should produce. It prints per-kind recall and precision and
// the share of conversations fully right, listing the wrong ones. It is
// skipped without -chats, and fails when any conversation is wrong (so the
// table shows without -v; add -v to see it when all are right).
func TestScoreChats(t *testing.T) {
	if *chatsFlag == "" {
		t.Skip("no -chats file given")
	}
	s := scoreChats(t, loadChats(t, *chatsFlag))
	var b strings.Builder
	s.print(&b)
	if s.right < s.total {
		t.Error("\n" + b.String())
		return
	}
	t.Log("\n" + b.String())
}

// TestDevChats holds the audit to the development chats in testdata,
// written from the definitions of the findings (see the package doc): every
// one must come out exactly right.
func TestDevChats(t *testing.T) {
	chats := loadChats(t, "testdata/chats.json")
	require.GreaterOrEqual(t, len(chats), 40)
	ids := map[string]bool{}
	for _, ch := range chats {
		require.False(t, ids[ch.ID], "duplicate id %s", ch.ID)
		ids[ch.ID] = true
		require.True(t, slices.IsSortedFunc(ch.Turns, func(a, b Turn) int { return a.At.Compare(b.At) }), ch.ID)
	}
	s := scoreChats(t, chats)
	var b strings.Builder
	s.print(&b)
	t.Log("\n" + b.String())
	require.Equal(t, s.total, s.right, b.String())
}
