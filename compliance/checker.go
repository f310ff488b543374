package compliance

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/huashu/huashu/internal/enum"
	"github.com/huashu/huashu/lexicon"
	"github.com/huashu/huashu/scripts"
)

//go:embed rules/*.txt
var defaultRules embed.FS

// DefaultRules returns the embedded default rule files (rules/*.txt), for
// reading or for copying as a starting point.
func DefaultRules() fs.FS { return defaultRules }

// Option configures [New]. Options are comparable values.
type Option interface{ apply(*options) }

type options struct {
	platform   Platform
	files      []lexiconFile
	allow      []string
	disabled   []Category
	noDefaults bool
	phrasebook *scripts.Phrasebook
	maxViol    int
}

type lexiconFile struct {
	name, text string
	path       string // read at New when set
}

type optionFunc struct {
	name string
	f    func(*options)
}

func (o *optionFunc) apply(opts *options) { o.f(opts) }
func (o *optionFunc) String() string      { return o.name }

// WithPlatform selects the platform whose rules apply (default [Generic]).
func WithPlatform(p Platform) Option {
	return &optionFunc{"WithPlatform(" + p.String() + ")", func(o *options) { o.platform = p }}
}

// WithLexiconFile adds the lexicon file at path (see lexicon.Parse for the
// format; category= must be one of the category codes, severity= one of the
// severity codes). Entries whose term folds like a default entry replace it.
// The file is read by New; errors name the file and line.
func WithLexiconFile(path string) Option {
	return &optionFunc{"WithLexiconFile(" + path + ")", func(o *options) { o.files = append(o.files, lexiconFile{name: path, path: path}) }}
}

// WithLexiconText adds a lexicon file given as text, named name in errors.
func WithLexiconText(name, text string) Option {
	return &optionFunc{"WithLexiconText(" + name + ")", func(o *options) { o.files = append(o.files, lexiconFile{name: name, text: text}) }}
}

// WithAllow adds allowed terms: a violation found entirely inside an
// occurrence of one of them is dropped (QQ音乐会员 keeps QQ from being flagged).
func WithAllow(terms ...string) Option {
	terms = slices.Clone(terms)
	return &optionFunc{"WithAllow", func(o *options) { o.allow = append(o.allow, terms...) }}
}

// WithoutCategories switches categories off.
func WithoutCategories(cs ...Category) Option {
	cs = slices.Clone(cs)
	return &optionFunc{"WithoutCategories", func(o *options) { o.disabled = append(o.disabled, cs...) }}
}

// WithoutDefaults leaves out the embedded default rules: only files given
// with WithLexiconFile or WithLexiconText apply (detectors still run).
func WithoutDefaults() Option {
	return &optionFunc{"WithoutDefaults", func(o *options) { o.noDefaults = true }}
}

// WithPhrasebook sets the phrasebook Suggest draws scripts from (default scripts.Default()).
func WithPhrasebook(pb *scripts.Phrasebook) Option {
	return &optionFunc{"WithPhrasebook", func(o *options) { o.phrasebook = pb }}
}

// WithMaxViolations sets how many violations a [Report] lists (default
// 256); the rest are counted in the overall severity and
// the report is marked Truncated. n < 1 means the default.
func WithMaxViolations(n int) Option {
	return &optionFunc{fmt.Sprintf("WithMaxViolations(%d)", n), func(o *options) { o.maxViol = n }}
}

// rule is what a lexicon entry means to the checker.
type rule struct {
	category Category
	severity Severity
	term     string
	rewrite  string
	source   string // file:line
	note     string
	// needsHandle: the term counts only when a chat handle follows it
	// (x-handle=required: 企鹅 12345678, not 企鹅玩偶).
	needsHandle bool
	// owners has bit p set for each platform p whose own name the entry is
	// (x-owner); 0 for an entry no listed platform owns (x-owner=none, or
	// none given).
	owners uint8
}

// Checker checks replies against one platform's rules. It is immutable after
// [New] and safe for concurrent use by multiple goroutines.
type Checker struct {
	platform   Platform
	profile    *profile
	enabled    [numCategories]bool // by Category: an array, as Check reads it several times
	matcher    *lexicon.Matcher
	rules      []rule // by lexicon entry index
	allow      *lexicon.Matcher
	phrasebook *scripts.Phrasebook
	pool       sync.Pool // *[]lexicon.Match scratch
	ownDomains []string
	// maxViolations caps Report.Violations.
	maxViolations int
	// penalties is profile.penalty by category and severity, computed once:
	// it formats strings, and a report may hold hundreds of violations.
	penalties [numCategories][numSeverities]Penalty
}

// New builds a Checker: the default rules (unless [WithoutDefaults]) and any
// added lexicon files, filtered for the platform. Without [WithPlatform] the
// platform is [Generic], the rules common to all platforms. It fails on a bad
// lexicon file (naming file and line), an unknown category or severity, or a
// platform given with WithPlatform that is zero or unknown.
func New(opts ...Option) (*Checker, error) {
	o := options{platform: Generic}
	for _, op := range opts {
		if op != nil {
			op.apply(&o)
		}
	}
	prof, ok := profiles[o.platform]
	if !ok {
		return nil, fmt.Errorf("compliance: %w", enum.Invalid("platform", int(o.platform)))
	}
	c := &Checker{platform: o.platform, profile: prof, phrasebook: o.phrasebook}
	if c.phrasebook == nil {
		c.phrasebook = scripts.Default()
	}
	for cat := range prof.applies {
		c.enabled[cat] = true
	}
	for _, cat := range o.disabled {
		if cat > 0 && int(cat) < numCategories {
			c.enabled[cat] = false
		}
	}
	c.ownDomains = ownDomains[o.platform]
	for cat := range c.penalties {
		for sev := range c.penalties[cat] {
			c.penalties[cat][sev] = prof.penalty(Category(cat), Severity(sev))
		}
	}
	c.maxViolations = o.maxViol
	if c.maxViolations < 1 {
		c.maxViolations = defaultMaxViolations
	}

	var rules []lexicon.Rule
	if !o.noDefaults {
		names, _ := fs.Glob(defaultRules, "rules/*.txt")
		sort.Strings(names)
		for _, name := range names {
			data, err := defaultRules.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("compliance: %w", err)
			}
			rs, err := lexicon.Parse(name, strings.NewReader(string(data)))
			if err != nil {
				return nil, err
			}
			rules = append(rules, rs...)
		}
	}
	for _, f := range o.files {
		text := f.text
		if f.path != "" {
			data, err := os.ReadFile(f.path)
			if err != nil {
				return nil, fmt.Errorf("compliance: lexicon file: %w", err)
			}
			text = string(data)
		}
		rs, err := lexicon.Parse(f.name, strings.NewReader(text))
		if err != nil {
			return nil, err
		}
		rules = append(rules, rs...)
	}
	if err := c.compile(rules); err != nil {
		return nil, err
	}
	if len(o.allow) > 0 {
		allow := make([]lexicon.Entry, 0, len(o.allow))
		seen := map[string]bool{}
		for _, a := range o.allow {
			k := lexicon.Normalize(a).Text
			if !seen[k] {
				seen[k] = true
				allow = append(allow, lexicon.Entry{Term: a})
			}
		}
		m, err := lexicon.Compile(allow, lexicon.Overlapping())
		if err != nil {
			return nil, fmt.Errorf("compliance: allowed terms: %w", err)
		}
		c.allow = m
	}
	c.pool.New = func() any { s := make([]lexicon.Match, 0, 16); return &s }
	return c, nil
}

// ruleAttrs are the attributes compliance reads from a lexicon file; any
// other is a mistake (a typo such as x-rewrtie would otherwise pass silently).
var ruleAttrs = map[string]bool{
	"category": true, "severity": true, "note": true,
	"x-owner": true, "x-platforms": true, "x-rewrite": true, "x-handle": true, "x-kind": true,
}

// ruleError reports a rule-file problem at the rule's line, as every
// rule-file problem is reported: a [*lexicon.ParseError].
func ruleError(r lexicon.Rule, format string, args ...any) error {
	return &lexicon.ParseError{File: r.File, Line: r.Line, Msg: fmt.Sprintf(format, args...)}
}

// bare is an error's message without this package's prefix, for a message
// that another error type prefixes.
func bare(err error) string { return strings.TrimPrefix(err.Error(), "compliance: ") }

// readRule checks a rule's attributes and says what it means to the checker.
func readRule(r lexicon.Rule) (rule, error) {
	for k := range r.Attrs {
		if !ruleAttrs[k] {
			return rule{}, ruleError(r, "unknown attribute %q (compliance reads category, severity, note, x-owner, x-platforms, x-rewrite, x-handle, x-kind)", k)
		}
	}
	out := rule{term: r.Term, rewrite: r.Attrs["x-rewrite"], source: fmt.Sprintf("%s:%d", r.File, r.Line), note: r.Attrs["note"]}
	code, ok := r.Attrs["category"]
	if !ok || code == "" {
		return rule{}, ruleError(r, "%q has no category", enum.Clip(r.Term))
	}
	var err error
	if out.category, err = ParseCategory(code); err != nil {
		return rule{}, ruleError(r, "%s", bare(err))
	}
	out.severity = Minor
	if code := r.Attrs["severity"]; code != "" {
		if out.severity, err = ParseSeverity(code); err != nil {
			return rule{}, ruleError(r, "%s", bare(err))
		}
		if out.severity == 0 { // "none" is a severity, but not a rule's
			return rule{}, ruleError(r, "severity=%s (want %s)", code, "warning, minor, serious or critical")
		}
	}
	if h, ok := r.Attrs["x-handle"]; ok {
		if h != "required" {
			return rule{}, ruleError(r, "x-handle=%q (want required)", enum.Clip(h))
		}
		out.needsHandle = true
	}
	for _, key := range []string{"x-platforms", "x-owner"} {
		list, ok := r.Attrs[key]
		if !ok {
			continue
		}
		for _, x := range strings.Split(list, ",") {
			if x = strings.TrimSpace(x); x == "none" && key == "x-owner" {
				continue
			}
			p, err := ParsePlatform(x)
			if err != nil {
				return rule{}, ruleError(r, "%s: %s", key, bare(err))
			}
			if key == "x-owner" && p != Generic {
				out.owners |= 1 << p
			}
		}
	}
	return out, nil
}

// compile turns lexicon rules into the checker's matcher and rules: it
// validates their attributes, keeps the rules that apply to the platform,
// and lets a later rule replace an earlier one with the same folded term.
func (c *Checker) compile(rules []lexicon.Rule) error {
	var set termSet[rule]
	for _, r := range rules {
		meta, err := readRule(r)
		if err != nil {
			return err
		}
		if !c.enabled[meta.category] || !appliesTo(r, c.platform) {
			continue
		}
		set.add(r, meta)
	}
	m, err := lexicon.Compile(set.entries, lexicon.FoldRepeats(), lexicon.FoldNumerals())
	if err != nil {
		return set.explain(err)
	}
	c.matcher, c.rules = m, set.meta
	return nil
}

// termSet collects rules for one matcher: a later rule whose term folds
// like an earlier one replaces it in place (a shop's file overrides a
// default), and meta holds what each entry means to the checker.
type termSet[M any] struct {
	byKey   map[string]int
	entries []lexicon.Entry
	rules   []lexicon.Rule
	meta    []M
}

func (s *termSet[M]) add(r lexicon.Rule, m M) {
	k := lexicon.NormalizeText(r.Term)
	if r.Pattern {
		k = "/" + r.Term
	}
	if i, dup := s.byKey[k]; dup {
		s.entries[i], s.rules[i], s.meta[i] = r.Entry, r, m
		return
	}
	if s.byKey == nil {
		s.byKey = map[string]int{}
	}
	s.byKey[k] = len(s.entries)
	s.entries = append(s.entries, r.Entry)
	s.rules = append(s.rules, r)
	s.meta = append(s.meta, m)
}

// explain turns a Compile error about one entry into one about its file and line.
func (s *termSet[M]) explain(err error) error {
	var ee *lexicon.EntryError
	if errors.As(err, &ee) && ee.Index >= 0 && ee.Index < len(s.rules) {
		return ruleError(s.rules[ee.Index], "%v", ee.Err)
	}
	return fmt.Errorf("compliance: %w", err)
}

// appliesTo reads an entry's platform attributes: x-platforms (where it
// applies; default everywhere) and x-owner (platforms whose own name it is).
func appliesTo(r lexicon.Rule, p Platform) bool {
	if list, ok := r.Attrs["x-platforms"]; ok && !inList(list, p) {
		return false
	}
	if list, ok := r.Attrs["x-owner"]; ok && inList(list, p) {
		return false
	}
	return true
}

func inList(list string, p Platform) bool {
	for _, x := range strings.Split(list, ",") {
		if q, err := ParsePlatform(x); err == nil && q == p {
			return true
		}
	}
	return false
}

// Platform reports the platform the checker applies.
func (c *Checker) Platform() Platform { return c.platform }

// Terms reports how many lexicon terms the checker matches.
func (c *Checker) Terms() int { return c.matcher.Len() }

// Phrasebook reports the phrasebook the checker draws scripts from (see
// [WithPhrasebook]), for callers that suggest scripts in context, such as
// package conversation.
func (c *Checker) Phrasebook() *scripts.Phrasebook { return c.phrasebook }

// Violation is one thing in a reply that the platform forbids.
type Violation struct {
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	// Start and End are byte offsets into the checked text: Text == text[Start:End].
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Term is the canonical term that matched (as written in the rules), or
	// the detector's name ("mobile number", "ID card number", ...).
	Term    string  `json:"term"`
	Rule    string  `json:"rule"`
	Penalty Penalty `json:"penalty"`
	Advice  string  `json:"advice"`
	// Rewrite, when set, replaces Text in a deterministic rewrite (亲 → 您).
	Rewrite string `json:"rewrite,omitempty"`
	// Source is where the rule comes from: "rules/abuse.txt:12" or "detector".
	Source string `json:"source"`
	// Note is the rule's note= attribute, if it has one (the law or case it cites).
	Note string `json:"note,omitempty"`
}

// Report is the result of checking one reply.
type Report struct {
	Text       string      `json:"text"`
	Platform   Platform    `json:"platform"`
	Violations []Violation `json:"violations"` // ordered by Start
	// Severity is the overall severity: the highest of the violations, raised
	// one level when three or more co-occur; zero when clean.
	Severity Severity `json:"severity"`
	// Penalty is the estimated cost of the worst violation at the overall severity.
	Penalty Penalty `json:"penalty"`
	// Truncated is set when the reply had more violations than the checker
	// lists (256 unless [WithMaxViolations] says otherwise): Violations holds
	// the first ones by Start; Severity and Penalty still count them all.
	Truncated bool `json:"truncated,omitempty"`
}

// Clean reports whether the reply has no violations.
func (r Report) Clean() bool { return len(r.Violations) == 0 }

// defaultMaxViolations is how many violations a Report lists unless
// [WithMaxViolations] says otherwise.
const defaultMaxViolations = 256

// Check checks one reply. Any string is valid input. A clean reply costs no
// allocation beyond what Report holds (nothing). The cost is O(n log n) in
// the length of the text and the number of hits, whatever the text holds;
// the report lists at most the checker's maximum of violations
// (256 unless [WithMaxViolations] says otherwise).
func (c *Checker) Check(text string) Report { return c.check(text, false) }

// check is Check; ungated runs every detector whatever the text holds
// (the reference the detectors' gates are tested against).
func (c *Checker) check(text string, ungated bool) Report {
	rep := Report{Text: text, Platform: c.platform, Violations: []Violation{}} // [] in JSON when clean; no allocation
	bufp := c.pool.Get().(*[]lexicon.Match)
	ms := c.matcher.AppendAll((*bufp)[:0], text)
	sp := violationPool.Get().(*[]Violation)
	found := (*sp)[:0]
	ownedOK := c.platform != Generic || c.ownedCompetitorsCount(ms)
	for _, m := range ms {
		r := &c.rules[m.Entry]
		if r.owners != 0 && !ownedOK {
			continue // on Generic, this name may be the platform's own
		}
		v := Violation{Category: r.category, Severity: r.severity, Start: m.Start, End: m.End, Term: r.term, Rewrite: r.rewrite, Source: r.source, Note: r.note}
		if r.category == OffPlatform || r.needsHandle {
			v.End = extendHandle(text, v.End)
		}
		if r.needsHandle && v.End == m.End {
			continue // 企鹅 with no handle after it is a penguin
		}
		found = append(found, v)
	}
	*bufp = ms[:0]
	c.pool.Put(bufp)
	if ungated {
		found = c.detectGated(text, found, allGates)
	} else {
		found = c.detect(text, found)
	}
	scratch := found // all the hits, to clear and pool at the end
	defer releaseViolations(sp, scratch)
	if len(found) == 0 {
		return rep
	}
	found = sortByStart(found)
	if c.allow != nil {
		found = dropAllowed(found, c.allow.FindAll(text), nil)
	}
	found = dropCovered(found, nil)
	found = dropReportedSpeech(text, found)
	found = joinSentences(text, found)
	if len(found) == 0 {
		return rep
	}
	worst := 0
	for i := range found {
		if found[i].Severity > found[worst].Severity {
			worst = i
		}
	}
	rep.Severity = found[worst].Severity
	if len(found) >= 3 {
		rep.Severity = rep.Severity.raise(1)
	}
	rep.Penalty = c.penalties[found[worst].Category][rep.Severity]
	if len(found) > c.maxViolations {
		found = found[:c.maxViolations]
		rep.Truncated = true
	}
	found = slices.Clone(found) // the report's own, of its size; the scratch goes back to the pool
	for i := range found {
		v := &found[i]
		v.Text = text[v.Start:v.End]
		v.Rule = c.profile.rules[v.Category]
		v.Penalty = c.penalties[v.Category][v.Severity]
		v.Advice = advice[v.Category]
	}
	rep.Violations = found
	return rep
}

// ownedCompetitorsCount decides, for [Generic], whether the competitor
// names in ms that some platform owns count. The platform is unknown, so
// Generic flags what every platform would: a name no listed platform owns
// (快手, 小红书) always counts, and owned names count only when no single
// platform owns them all (京东 and 淘宝 in one reply: whichever platform the
// shop is on, one of them is a rival). 淘宝 and 天猫 alone are Taobao's own
// and stay clean, as 京东 alone does.
func (c *Checker) ownedCompetitorsCount(ms []lexicon.Match) bool {
	common, owned := ^uint8(0), false
	for _, m := range ms {
		if o := c.rules[m.Entry].owners; o != 0 {
			common &= o
			owned = true
		}
	}
	return owned && common == 0
}

// joinSentences joins rule hits of one category that follow each other in
// one sentence into one violation (你自己去问快递，别来烦我 is one refusal,
// not two): a reviewer flags the sentence, and a report that lists each
// phrase of it cries wolf. Hits with a rewrite (亲 → 您) and detector hits
// (each number its own) stay apart. The joined violation spans both, takes
// the higher severity and the term, source and note of the more severe.
// found is sorted by Start; the cost is linear in the text.
func joinSentences(text string, found []Violation) []Violation {
	if len(found) < 2 {
		return found
	}
	out := found[:1]
	for _, v := range found[1:] {
		last := &out[len(out)-1]
		if v.Category == last.Category && v.Source != "detector" && last.Source != "detector" &&
			v.Rewrite == "" && last.Rewrite == "" && v.Start >= last.End && !hasBreak(text[last.End:v.Start]) {
			if v.Severity > last.Severity {
				last.Severity, last.Term, last.Source, last.Note = v.Severity, v.Term, v.Source, v.Note
			}
			last.End = v.End
			continue
		}
		out = append(out, v)
	}
	return out
}

// hasBreak reports whether s holds a sentence end or a line end.
func hasBreak(s string) bool {
	return strings.ContainsAny(s, "\n\r。！？!?；;")
}

// violationPool holds Check's scratch for hits (*[]Violation): a dense
// text makes hundreds, and growing a fresh slice for each call cost most
// of Check's time on such texts.
var violationPool = sync.Pool{New: func() any { s := make([]Violation, 0, 16); return &s }}

// maxPooledViolations is the largest scratch kept in violationPool (about
// 400 KB): the hits of a dense 8 KB text fit; a 1 MB one is not kept.
const maxPooledViolations = 2048

// releaseViolations clears the hits in scratch (they hold strings) and
// returns sp to the pool, with scratch's array when it is not too large.
func releaseViolations(sp *[]Violation, scratch []Violation) {
	clear(scratch)
	if cap(scratch) <= maxPooledViolations {
		*sp = scratch[:0]
	}
	violationPool.Put(sp)
}

// sortByStart orders vs by Start, keeping the order of equal starts, in
// O(n log n) comparisons and moves (slices.SortStableFunc makes O(n log² n)
// moves). Hits usually come sorted already and are returned as they are.
func sortByStart(vs []Violation) []Violation {
	byStart := func(a, b Violation) int { return a.Start - b.Start }
	if slices.IsSortedFunc(vs, byStart) {
		return vs
	}
	order := make([]int32, len(vs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if d := vs[a].Start - vs[b].Start; d != 0 {
			return d
		}
		return int(a - b)
	})
	out := make([]Violation, len(vs))
	for i, k := range order {
		out[i] = vs[k]
	}
	return out
}

// smallCover is how many violations dropCovered compares pair by pair,
// without allocating: a typical flagged reply has one to three.
const smallCover = 8

// dropCoveredPairwise is dropCovered by its definition, for a few violations.
func dropCoveredPairwise(vs []Violation) []Violation {
	var covered [smallCover]bool
	for i, v := range vs {
		for j, w := range vs {
			if i != j && w.Category == v.Category && w.Start <= v.Start && v.End <= w.End && (w.End-w.Start > v.End-v.Start || j < i) {
				covered[i] = true
				break
			}
		}
	}
	out := vs[:0]
	for i, v := range vs {
		if !covered[i] {
			out = append(out, v)
		}
	}
	return out
}

// dropAllowed removes the violations that lie inside an allowed match. found
// must be sorted by Start. It sorts allowed by Start and sweeps both once:
// a violation lies inside some allowed match exactly when the widest end
// among the allowed matches starting at or before it reaches its end.
// steps, when not nil, counts the comparisons made (tests check the cost).
func dropAllowed(found []Violation, allowed []lexicon.Match, steps *int) []Violation {
	if len(allowed) == 0 {
		return found
	}
	slices.SortFunc(allowed, func(a, b lexicon.Match) int {
		if steps != nil {
			*steps++
		}
		return a.Start - b.Start
	})
	out := found[:0]
	reach, k := -1, 0
	for _, v := range found {
		for ; k < len(allowed) && allowed[k].Start <= v.Start; k++ {
			if steps != nil {
				*steps++
			}
			reach = max(reach, allowed[k].End)
		}
		if steps != nil {
			*steps++
		}
		if reach < v.End {
			out = append(out, v)
		}
	}
	return out
}

// numCategories and numSeverities size arrays indexed by Category and Severity.
const (
	numCategories = int(ReviewInducement) + 1
	numSeverities = int(Critical) + 1
)

// dropCovered removes a violation whose span lies inside another of the same
// category (a detector and a term finding one phone number), keeping the
// wider, or the earlier of two with the same span. vs must be sorted by
// Start (stably: among equal spans the earlier is kept); the order is kept.
//
// It visits the violations by Start, wider first among equal starts: a
// violation is covered exactly when one visited before it in its category
// reaches at least its end, so one running maximum per category decides it.
// The cost is one sort, O(n log n). steps, when not nil, counts the
// comparisons made.
func dropCovered(vs []Violation, steps *int) []Violation {
	if len(vs) < 2 {
		return vs
	}
	if len(vs) <= smallCover {
		return dropCoveredPairwise(vs)
	}
	order := make([]int32, len(vs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if steps != nil {
			*steps++
		}
		va, vb := &vs[a], &vs[b]
		switch {
		case va.Start != vb.Start:
			return va.Start - vb.Start
		case va.End != vb.End:
			return vb.End - va.End // wider first
		}
		return int(a - b)
	})
	var reach [numCategories]int // by Category; every Category in a rule is valid
	for i := range reach {
		reach[i] = -1
	}
	covered := make([]bool, len(vs))
	for _, i := range order {
		if steps != nil {
			*steps++
		}
		v := &vs[i]
		cat := int(v.Category)
		if reach[cat] >= v.End {
			covered[i] = true
		}
		reach[cat] = max(reach[cat], v.End)
	}
	out := vs[:0]
	for i, v := range vs {
		if !covered[i] {
			out = append(out, v)
		}
	}
	return out
}

var advice = map[Category]string{
	Abuse:            "不要指责、贬低或辱骂顾客：先安抚情绪、致歉，再给出解决方案。",
	Refusal:          "不要拒绝服务或推诿：说明原因，给出可选方案，必要时转交主管。",
	ForbiddenAddress: "该平台禁止这种称呼：请称呼“您”。",
	Competitor:       "不要提及其他平台的名称。",
	OffPlatform:      "不要引导顾客到站外联系或交易：请通过平台消息和平台订单处理。",
	AdAbsolute:       "避免绝对化用语（《广告法》第九条）：如实描述商品。",
	Privacy:          "不要在消息中发送顾客的个人信息：请打码或引导顾客在订单页核对。",
	ReviewInducement: "不要以返现、红包等利益诱导好评或删除差评。",
}
