package lexicon

import (
	"errors"
	"fmt"
)

// Entry is one term of a lexicon with the attributes carried for the layer
// that interprets matches. Only Term, Word and Except change how the term
// matches; the other fields are carried unchanged.
type Entry struct {
	// Term is the text to find. It is folded and stripped of noise before
	// matching, so 淘寶, ＴＢ and 淘-宝 in a text match the term 淘宝.
	Term string
	// Word requires the term to stand as a word: its ends must fall on word
	// boundaries (gse segmentation for Han characters, Unicode word boundaries
	// for letters and digits). 亲 as a word matches 亲，您好 but not 父亲节.
	Word bool
	// Except lists contexts in which the term is not a match: each exception
	// must contain the term (亲自 for 亲, 微信支付 for 微信), and where an
	// exception occurs around a match of the term, that match is dropped.
	Except []string
	// Category, Severity and Note are carried for the caller (package
	// compliance reads them); lexicon does not interpret them.
	Category string
	Severity string
	Note     string
	// Attrs holds any other attributes from a lexicon file ("x-..." keys).
	Attrs map[string]string
	// File and Line say where the entry was parsed from, if it was.
	File string
	Line int
}

// Errors that [Compile] reports, wrapped in an [*EntryError]; match them with errors.Is.
var (
	ErrEmptyTerm     = errors.New("empty term")
	ErrInvalidUTF8   = errors.New("invalid UTF-8")
	ErrDuplicate     = errors.New("duplicate term")
	ErrTooLong       = errors.New("term too long")
	ErrBreakInTerm   = errors.New("term contains a line or sentence break")
	ErrBadException  = errors.New("exception does not contain the term")
	ErrTooManyRunes  = errors.New("too many distinct characters")
	ErrInvalidOption = errors.New("invalid option")
)

// MaxTermLen is the longest a term may be, in folded characters without noise.
const MaxTermLen = 64

// EntryError reports a bad entry given to [Compile].
type EntryError struct {
	Index int    // index of the entry in the slice given to Compile
	Term  string // the entry's term as given
	File  string // where the entry was parsed from, if known
	Line  int
	Err   error // one of the Err... values, possibly wrapped with detail
}

func (e *EntryError) Error() string {
	where := fmt.Sprintf("entry %d", e.Index)
	if e.File != "" {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return fmt.Sprintf("lexicon: %s: %q: %v", where, e.Term, e.Err)
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
