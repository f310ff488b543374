package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/huashu/huashu/internal/enum"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxParseErrors caps how many bad lines one Parse call reports.
const maxParseErrors = 20

// maxLineLen is the longest line Parse accepts.
const maxLineLen = 1 << 20

// Parse reads a lexicon file. name is used in errors and recorded in each
// rule's File; r is read to the end. The format is line-oriented UTF-8:
//
//	# A comment: '#' at the start of a line or after white space.
//	# @defaults sets attributes for the rules that follow, until the next @defaults.
//	@defaults category=abuse severity=minor
//
//	没素质
//	神经病            severity=serious
//	亲                word except=亲自,父亲,亲子 category=forbidden_address
//	"100% 有效"       note="quote a term or value that holds spaces or #"
//	/(你|您)(去)?找<any:4>(去|吧)/   category=refusal
//
// A line is a term followed by attributes separated by white space. A term or
// value may be double-quoted, with Go escapes (\" \\ \t \n \u4eb2). A term
// written between slashes is a pattern ([Entry.Pattern]; see "Patterns" in
// the package documentation); a quoted term is always literal text. Attributes:
//
//	word            the term must stand as a word (also word=true, word=false)
//	sounds          also match sound-alike spellings: homophones and pinyin (Entry.Sounds)
//	except=a,b,...  contexts in which the term is not a match
//	category=...    carried for the caller in Rule.Attrs
//	severity=...    carried for the caller
//	note=...        carried for the caller
//	x-NAME=...      any other attribute, carried for the caller
//
// A byte order mark at the start is accepted, and lines may end in LF, CRLF
// or a lone CR. Parse is strict where [Compile] is lenient: a term that can
// never match, a bad pattern, or a term that folds like another term of the
// same file (naming both lines) is an error. Every bad line is reported as a
// [*ParseError] naming the file and line (up to 20 of them, joined with
// errors.Join); when err is non-nil the rules are not usable.
func Parse(name string, r io.Reader) ([]Rule, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineLen)
	sc.Split(scanLines)
	var (
		rules    []Rule
		errs     []error
		defaults Rule
		line     int
		seen     = map[string]int{} // folded term (or pattern) → line
	)
	fail := func(format string, args ...any) {
		if len(errs) < maxParseErrors {
			errs = append(errs, &ParseError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
		}
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if !utf8.ValidString(text) {
			fail("invalid UTF-8")
			continue
		}
		toks, err := tokenize(text)
		if err != nil {
			fail("%v", err)
			continue
		}
		if len(toks) == 0 {
			continue
		}
		if !toks[0].quoted && !toks[0].pattern && strings.HasPrefix(toks[0].text, "@") {
			if toks[0].text != "@defaults" {
				fail("unknown directive %q (want @defaults)", enum.Clip(toks[0].text))
				continue
			}
			var d Rule
			if msg := applyAttrs(&d, toks[1:]); msg != "" {
				fail("%s", msg)
				continue
			}
			defaults = d
			continue
		}
		if toks[0].text == "" {
			fail("empty term")
			continue
		}
		e := defaults
		e.Except = slices.Clone(defaults.Except)
		e.Attrs = maps.Clone(defaults.Attrs)
		e.Term, e.Pattern, e.File, e.Line = toks[0].text, toks[0].pattern, name, line
		if msg := applyAttrs(&e, toks[1:]); msg != "" {
			fail("%s", msg)
			continue
		}
		key := "/" + e.Term
		if e.Pattern {
			if e.Sounds {
				fail("pattern /%s/: sounds applies to terms, not patterns", enum.Clip(e.Term))
				continue
			}
			if _, err := sharedPattern(e.Term); err != nil {
				fail("pattern /%s/: %v", enum.Clip(e.Term), err)
				continue
			}
		} else {
			k, err := termKey(e.Term)
			if err != nil {
				fail("term %q: %v", enum.Clip(e.Term), err)
				continue
			}
			if _, err := newEntryCheck(e.Entry, k); err != nil {
				fail("term %q: %v", enum.Clip(e.Term), err)
				continue
			}
			key = string(k)
		}
		if first, dup := seen[key]; dup {
			fail("%q folds like the term on line %d: give each term once", enum.Clip(e.Term), first)
			continue
		}
		seen[key] = line
		rules = append(rules, e)
	}
	if err := sc.Err(); err != nil {
		line++
		if errors.Is(err, bufio.ErrTooLong) {
			fail("line longer than %d bytes", maxLineLen)
		} else {
			errs = append(errs, &ParseError{File: name, Line: line, Msg: err.Error()})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rules, nil
}

// scanLines splits at LF, CRLF or a lone CR, dropping the line end.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a CR at the end of the buffer: is an LF next?
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// applyAttrs sets the attributes in toks on e, returning a message for the first bad one.
func applyAttrs(e *Rule, toks []token) string {
	seen := map[string]bool{}
	for _, t := range toks {
		if t.quoted || t.pattern {
			return fmt.Sprintf("unexpected term %q after the first: attributes are key=value", enum.Clip(t.text))
		}
		key, val, hasVal := strings.Cut(t.text, "=")
		if hasVal && t.valueQuoted {
			val = t.value
		}
		if seen[key] {
			return fmt.Sprintf("attribute %q given twice", enum.Clip(key))
		}
		seen[key] = true
		switch {
		case key == "word" || key == "sounds":
			b := true
			if hasVal {
				var err error
				if b, err = strconv.ParseBool(val); err != nil {
					return fmt.Sprintf("%s=%q: want true or false", key, enum.Clip(val))
				}
			}
			if key == "word" {
				e.Word = b
			} else {
				e.Sounds = b
			}
		case !knownAttr(key):
			return fmt.Sprintf("unknown attribute %q (known: word, sounds, except, category, severity, note, x-...)", enum.Clip(key))
		case !hasVal:
			return fmt.Sprintf("attribute %q has no value (want %s=...)", key, key)
		case key == "except":
			e.Except = e.Except[:0]
			for _, x := range strings.Split(val, ",") {
				if x = strings.TrimSpace(x); x != "" {
					e.Except = append(e.Except, x)
				}
			}
			if len(e.Except) == 0 {
				return "except= lists no contexts"
			}
		default: // category, severity, note, x-...
			if e.Attrs == nil {
				e.Attrs = map[string]string{}
			}
			e.Attrs[key] = val
		}
	}
	return ""
}

func knownAttr(key string) bool {
	switch key {
	case "word", "except", "category", "severity", "note":
		return true
	}
	return strings.HasPrefix(key, "x-") && len(key) > 2
}

// token is a whitespace-separated field of a lexicon line. A field is either a
// quoted string (quoted) or bare text, possibly key="quoted value".
type token struct {
	text        string
	quoted      bool
	pattern     bool   // the first token, written /.../
	value       string // unquoted value of key="..."
	valueQuoted bool
}

func tokenize(line string) ([]token, error) {
	var toks []token
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) || line[i] == '#' {
			return toks, nil
		}
		if len(toks) == 0 && line[i] == '/' {
			j := i + 1
			for j < len(line) && line[j] != '/' {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return nil, errors.New("unterminated pattern: a pattern is written /.../")
			}
			if j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return nil, fmt.Errorf("text after closing / at column %d", j+2)
			}
			toks = append(toks, token{text: line[i+1 : j], pattern: true})
			i = j + 1
			continue
		}
		if line[i] == '"' {
			s, n, err := unquote(line[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{text: s, quoted: true})
			i += n
			if i < len(line) && line[i] != ' ' && line[i] != '\t' {
				return nil, fmt.Errorf("text after closing quote at column %d", i+1)
			}
			continue
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '"' {
			j++
		}
		t := token{text: line[i:j]}
		if j < len(line) && line[j] == '"' {
			if !strings.HasSuffix(t.text, "=") {
				return nil, fmt.Errorf("unexpected quote at column %d", j+1)
			}
			s, n, err := unquote(line[j:])
			if err != nil {
				return nil, err
			}
			t.value, t.valueQuoted = s, true
			t.text += s
			j += n
			if j < len(line) && line[j] != ' ' && line[j] != '\t' {
				return nil, fmt.Errorf("text after closing quote at column %d", j+1)
			}
		}
		toks = append(toks, t)
		i = j
	}
}

// unquote reads a Go-style double-quoted string at the start of s and returns
// its value and length.
func unquote(s string) (string, int, error) {
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			v, err := strconv.Unquote(s[:j+1])
			if err != nil {
				return "", 0, fmt.Errorf("bad quoted string %s", s[:j+1])
			}
			return v, j + 1, nil
		}
	}
	return "", 0, errors.New("unterminated quoted string")
}
