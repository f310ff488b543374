// Package enum is the one implementation behind huashu's enumerated types
// (compliance.Platform, Category, Severity, SuggestionKind; conversation.Role
// and FindingKind; scripts.Scenario and CustomerType), so that they all parse
// and marshal by the same rules:
//
//   - a value's code is lowercase ASCII (String, MarshalText, JSON);
//   - parsing trims spaces, ignores case, reads full-width letters as ASCII
//     and '-' as '_', and also takes
//     each value's other names: its Chinese names (京东, 激进型) and aliases
//     (tmall);
//   - the zero value either has a code of its own ("none", "any"), or means
//     unset and marshals to "" ; empty text unmarshals to the zero value, so
//     MarshalText and UnmarshalText agree on every valid value, zero included;
//   - an unknown code or an out-of-range value is an error that wraps
//     [ErrUnknown] and carries its package's prefix once.
//
// Tables are composite literals: nothing is built at init, and a lookup is a
// scan of a dozen short strings.
package enum

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// ErrUnknown is wrapped by every error for an unknown code or value. The
// public packages export it as their own ErrUnknown.
var ErrUnknown = errors.New("unknown code")

// Entry describes one value of an enum.
type Entry struct {
	// Code is the value's canonical spelling, lowercase ASCII ("taobao").
	// It is "" for a zero value that means unset.
	Code string
	// Names are the other spellings Parse accepts: Chinese names (淘宝,
	// 天猫) and aliases (tmall).
	Names []string
}

// Table maps an integer enum's values to their codes and back. Entries[v]
// describes T(v); the table is read-only after it is written.
type Table[T ~int] struct {
	Pkg     string  // the package prefix of errors: "compliance"
	Type    string  // the Go type's name, for String of an invalid value: "Platform"
	What    string  // what a value is, in errors: "platform"
	Entries []Entry // Entries[0] is the zero value
}

// zeroUnset reports whether the zero value means unset (it has no code).
func (t *Table[T]) zeroUnset() bool { return t.Entries[0].Code == "" }

// Known reports whether v is one of the enum's values other than zero.
func (t *Table[T]) Known(v T) bool { return v > 0 && int(v) < len(t.Entries) }

// valid reports whether v has a code: a known value, or a zero value with a
// code of its own.
func (t *Table[T]) valid(v T) bool { return t.Known(v) || (v == 0 && !t.zeroUnset()) }

// Values lists the enum's values other than zero, in order.
func (t *Table[T]) Values() []T {
	out := make([]T, 0, len(t.Entries)-1)
	for v := 1; v < len(t.Entries); v++ {
		out = append(out, T(v))
	}
	return out
}

// String returns v's code, or "Type(n)" for a value without one.
func (t *Table[T]) String(v T) string {
	if t.valid(v) {
		return t.Entries[v].Code
	}
	return fmt.Sprintf("%s(%d)", t.Type, int(v))
}

// Lookup finds the value whose code or other name is s, after trimming
// spaces, ignoring case, reading full-width letters as ASCII (ＪＤ) and '-'
// as '_'. Empty text is never found.
func (t *Table[T]) Lookup(s string) (T, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	s = strings.Map(narrow, s) // returns s itself when nothing changes

	for v, e := range t.Entries {
		if e.Code != "" && strings.EqualFold(s, e.Code) {
			return T(v), true
		}
		for _, n := range e.Names {
			if strings.EqualFold(s, n) {
				return T(v), true
			}
		}
	}
	return 0, false
}

// narrow maps a full-width ASCII form (ＪＤ, typed in a Chinese input
// method's full-width mode) to ASCII, and '-' to '_'.
func narrow(r rune) rune {
	if r >= '！' && r <= '～' {
		r -= '！' - '!'
	}
	if r == '-' {
		r = '_'
	}
	return r
}

// Parse is Lookup with an error: "pkg: unknown code: what "s" (want …)",
// wrapping [ErrUnknown].
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.Lookup(s); ok {
		return v, nil
	}
	return 0, fmt.Errorf("%s: %w", t.Pkg, t.Unknown(s))
}

// Unknown is the error for an unknown code s without the package prefix,
// for a caller that adds context of its own (a file and line, a script's
// ID) before the prefix. It wraps [ErrUnknown].
// A long s is quoted cut to 40 runes and "…".
func (t *Table[T]) Unknown(s string) error {
	return fmt.Errorf("%w: %s %q (want %s)", ErrUnknown, t.What, Clip(s), t.Want())
}

// Clip shortens s to 40 runes and "…" for an error message: an error must
// not echo a 300k-character code or term whole.
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == 40 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Invalid is the error for a value v that has no code ("invalid platform
// 99"), without the package prefix. It wraps [ErrUnknown].
func (t *Table[T]) Invalid(v T) error { return Invalid(t.What, int(v)) }

// Invalid is the error for a value v of an enum that has no code, for
// callers without the enum's table (compliance.New and the Platform alias).
// It wraps [ErrUnknown].
func Invalid(what string, v int) error { return invalidError{what, v} }

// invalidError is a value outside an enum's range.
type invalidError struct {
	what string
	v    int
}

func (e invalidError) Error() string { return fmt.Sprintf("invalid %s %d", e.what, e.v) }
func (e invalidError) Unwrap() error { return ErrUnknown }

// Want lists the codes of the known values: "a, b or c".
func (t *Table[T]) Want() string {
	var b strings.Builder
	for v := 1; v < len(t.Entries); v++ {
		switch {
		case v == len(t.Entries)-1 && v > 1:
			b.WriteString(" or ")
		case v > 1:
			b.WriteString(", ")
		}
		b.WriteString(t.Entries[v].Code)
	}
	return b.String()
}

// MarshalText encodes v as its code; an unset zero value is "" and a value
// without a code is an error.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if v == 0 && t.zeroUnset() {
		return []byte{}, nil
	}
	if !t.valid(v) {
		return nil, fmt.Errorf("%s: %w", t.Pkg, t.Invalid(v))
	}
	return []byte(t.Entries[v].Code), nil
}

// UnmarshalText decodes text as Parse does, except that empty (or all-space)
// text is the zero value. On error *p is left as it was.
func (t *Table[T]) UnmarshalText(p *T, text []byte) error {
	if len(bytes.TrimSpace(text)) == 0 {
		*p = 0
		return nil
	}
	v, err := t.Parse(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
