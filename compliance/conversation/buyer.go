package conversation

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/huashu/huashu/compliance"
	"github.com/huashu/huashu/lexicon"
)

//go:embed rules/*.txt
var defaultRules embed.FS

// DefaultRules returns the embedded buyer rule files (rules/*.txt), for
// reading or as a starting point for a shop's own.
func DefaultRules() fs.FS { return defaultRules }

// signal is what a buyer-rule match means.
type signal uint8

const (
	sigAbuse signal = iota + 1
	sigComplaint
	sigImpatience
)

var signalCodes = map[string]signal{"abuse": sigAbuse, "complaint": sigComplaint, "impatience": sigImpatience}

// BuyerRules read buyer messages: lexicon entries whose x-kind attribute
// says what a match means — abuse (an insult aimed at the agent, the shop or
// the brand), complaint (a threat to complain or go public) or impatience
// (pressure). The kind comes from the file's contents, never from its name.
// BuyerRules are immutable and safe for concurrent use.
type BuyerRules struct {
	m     *lexicon.Matcher
	kinds []signal // by entry index
	pool  sync.Pool
}

var defaultBuyerRules = sync.OnceValue(func() *BuyerRules {
	r, err := compileBuyerRules(nil)
	if err != nil {
		panic("conversation: embedded buyer rules: " + err.Error()) // a test guards the embedded files
	}
	return r
})

// DefaultBuyerRules returns the rules compiled from [DefaultRules].
func DefaultBuyerRules() *BuyerRules { return defaultBuyerRules() }

// ParseBuyerRules reads a buyer rule file (package lexicon's format, every
// entry with x-kind=abuse, complaint or impatience) and compiles it on top
// of the default rules: an entry whose term folds like a default one
// replaces it. name is used in errors, which are *lexicon.ParseError values
// naming the file and line.
func ParseBuyerRules(name string, r io.Reader) (*BuyerRules, error) {
	es, err := lexicon.Parse(name, r)
	if err != nil {
		return nil, err
	}
	return compileBuyerRules(es)
}

func compileBuyerRules(extra []lexicon.Rule) (*BuyerRules, error) {
	names, _ := fs.Glob(defaultRules, "rules/*.txt")
	sort.Strings(names)
	var entries []lexicon.Rule
	for _, name := range names {
		data, err := defaultRules.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("conversation: %w", err)
		}
		es, err := lexicon.Parse(name, strings.NewReader(string(data)))
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	entries = append(entries, extra...)
	br := &BuyerRules{}
	byKey := map[string]int{}
	var keep []lexicon.Entry
	for _, e := range entries {
		kind, ok := signalCodes[e.Attrs["x-kind"]]
		if !ok {
			return nil, &lexicon.ParseError{File: e.File, Line: e.Line, Msg: fmt.Sprintf("x-kind=%q (want abuse, complaint or impatience)", e.Attrs["x-kind"])}
		}
		k := lexicon.NormalizeText(e.Term)
		if i, dup := byKey[k]; dup {
			keep[i], br.kinds[i] = e.Entry, kind
			continue
		}
		byKey[k] = len(keep)
		keep = append(keep, e.Entry)
		br.kinds = append(br.kinds, kind)
	}
	m, err := lexicon.Compile(keep, lexicon.Overlapping())
	if err != nil {
		return nil, err
	}
	br.m = m
	br.pool.New = func() any { s := make([]lexicon.Match, 0, 8); return &s }
	return br, nil
}

// Len reports how many terms the rules match.
func (r *BuyerRules) Len() int { return r.m.Len() }

// signals are what one buyer message shows.
type signals struct {
	abuse, complaint, impatient bool
}

// read reports what a buyer message shows: abuse of the agent (the buyer
// rules, plus what c's abuse rules find in the message), a complaint
// threat, impatience.
func (r *BuyerRules) read(c *compliance.Checker, text string) signals {
	var s signals
	bufp := r.pool.Get().(*[]lexicon.Match)
	ms := r.m.AppendAll((*bufp)[:0], text)
	for _, m := range ms {
		switch r.kinds[m.Entry] {
		case sigAbuse:
			s.abuse = true
		case sigComplaint:
			s.complaint = true
		case sigImpatience:
			s.impatient = true
		}
	}
	*bufp = ms[:0]
	r.pool.Put(bufp)
	if !s.abuse {
		for _, v := range c.Check(text).Violations {
			if v.Category == compliance.Abuse {
				s.abuse = true
				break
			}
		}
	}
	if strings.Count(text, "?")+strings.Count(text, "？") >= 3 || strings.Count(text, "!")+strings.Count(text, "！") >= 3 {
		s.impatient = true
	}
	return s
}

// reminderPhrases mark an agent's civility reminder.
var reminderPhrases = []string{"文明用语", "文明沟通", "文明交流", "注意措辞", "注意用语", "注意言辞", "理性沟通"}

func isReminder(text string) bool {
	n := lexicon.NormalizeText(text)
	for _, p := range reminderPhrases {
		if strings.Contains(n, p) {
			return true
		}
	}
	return false
}
