package compliance

import (
	"slices"
	"sync/atomic"
)

// Holder keeps the current Checker for a service whose lexicon files change:
// [Holder.Reload] builds a new Checker from the same options (re-reading
// files given with WithLexiconFile) and swaps it in atomically; if the new
// files fail to parse, the old Checker stays in place and the error is
// returned. Holder is safe for concurrent use.
type Holder struct {
	opts []Option
	cur  atomic.Pointer[Checker]
}

// NewHolder builds the first Checker with opts.
func NewHolder(opts ...Option) (*Holder, error) {
	c, err := New(opts...)
	if err != nil {
		return nil, err
	}
	h := &Holder{opts: slices.Clone(opts)}
	h.cur.Store(c)
	return h, nil
}

// Checker returns the current Checker. Callers should fetch it once per
// message (or request) and use that one throughout.
func (h *Holder) Checker() *Checker { return h.cur.Load() }

// Reload rebuilds the Checker from the holder's options. On error the
// current Checker is kept and the error returned.
func (h *Holder) Reload() error {
	c, err := New(h.opts...)
	if err != nil {
		return err
	}
	h.cur.Store(c)
	return nil
}
