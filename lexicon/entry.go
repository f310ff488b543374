package lexicon

import (
	"errors"
	"fmt"
	"github.com/huashu/huashu/internal/enum"
)

// Entry is one term of a lexicon: only what changes how it matches. The
// attributes that a caller interprets (a category, a severity) travel
// beside it in a [Rule].
type Entry struct {
	// Term is the text to find. It is folded and stripped of noise before
	// matching, so 淘寶, ＴＢ and 淘-宝 in a text match the term 淘宝. When
	// Pattern is set, Term is a pattern instead (see "Patterns" in the
	// package documentation).
	Term string
	// Word requires the term to stand as a word: its ends must fall on word
	// boundaries (gse segmentation for Han characters; for letters and
	// digits, the next character must not be a letter or digit). 亲 as a word
	// matches 亲，您好 but not 父亲节.
	Word bool
	// Except lists contexts in which the term is not a match. For a term,
	// each exception must contain the term (亲自 for 亲, 微信支付 for 微信) and
	// a match is dropped where an exception occurs around it. For a pattern,
	// an exception is any text, and a match is dropped where an exception
	// occurs overlapping it (最近 for a 最-pattern).
	Except []string
	// Pattern makes Term a pattern: alternatives, optional parts, bounded
	// gaps and slots, matched over folded text. See "Patterns".
	Pattern bool
	// Sounds also matches the term written with sound-alike characters or
	// spelled in pinyin: 微信 then matches 薇信, 威信 and weixin. See
	// "Sound-alikes".
	Sounds bool
}

// Rule is an entry as a lexicon file gives it ([Parse]): the [Entry], the
// attributes lexicon does not interpret, and where it was read.
type Rule struct {
	Entry
	// Attrs holds every attribute that does not change matching, by key:
	// category, severity, note and x-... as written in the file.
	Attrs map[string]string
	// File and Line say where the rule was read.
	File string
	Line int
}

// Errors that [Compile] reports, wrapped in an [*EntryError], and that
// [Matcher.Skipped] gives for the entries left out; match them with errors.Is.
var (
	ErrEmptyTerm     = errors.New("empty term")
	ErrInvalidUTF8   = errors.New("invalid UTF-8")
	ErrDuplicate     = errors.New("duplicate term")
	ErrTooLong       = errors.New("term too long")
	ErrBreakInTerm   = errors.New("term contains a line or sentence break")
	ErrBadException  = errors.New("exception does not contain the term")
	ErrTooManyRunes  = errors.New("too many distinct characters")
	ErrInvalidOption = errors.New("invalid option")
	ErrBadPattern    = errors.New("bad pattern")
)

// MaxTermLen is the longest a term may be, in folded characters without
// noise; a pattern may match at most this many characters.
const MaxTermLen = 64

// EntryError reports a bad entry given to [Compile], or one it left out.
type EntryError struct {
	Index int    // index of the entry in the slice given to Compile
	Term  string // the entry's term as given
	Err   error  // one of the Err... values, possibly wrapped with detail
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("lexicon: entry %d: %q: %v", e.Index, enum.Clip(e.Term), e.Err)
}

func (e *EntryError) Unwrap() error { return e.Err }

// ParseError reports a bad line in a lexicon file.
type ParseError struct {
	File string // the name given to Parse
	Line int    // 1-based line number
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("lexicon: %s:%d: %s", e.File, e.Line, e.Msg)
}

// Entries returns the entries of rules, in order, for [Compile]:
// Match.Entry then indexes rules too.
func Entries(rules []Rule) []Entry {
	out := make([]Entry, len(rules))
	for i, r := range rules {
		out[i] = r.Entry
	}
	return out
}
