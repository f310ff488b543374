package main

import (
	"time"

	"github.com/huashu/huashu/compliance/conversation"
)

// conv is one open conversation in a worker.
type conv struct {
	id    string
	shop  string                 // the "shop" field of its first turn
	score conversation.Scorecard // each agent's part, for the quality scores (score.go)
	// flagged is set once an agent turn was flagged; worst is the highest
	// estimate of its flagged turns, at worstAt (penalty.go).
	flagged bool
	worst   float64
	worstAt time.Time
	session *conversation.Session
	lastAt  time.Time // the time of its last turn, as the session counts it
	// touched is the worker's log clock at its last turn. The clock never
	// goes back, so the open list, in order of last activity, is also in
	// order of touched: the idle sweep looks at its front only.
	touched    time.Time
	lines      []int // line of each turn, for evidence (capped)
	prev, next *conv // the open list, least recently active first
}

// openSet holds a worker's open conversations by id and in order of last
// activity. Every operation is O(1).
type openSet struct {
	byID       map[string]*conv
	head, tail *conv
}

func newOpenSet() *openSet { return &openSet{byID: map[string]*conv{}} }

func (s *openSet) len() int            { return len(s.byID) }
func (s *openSet) get(id string) *conv { return s.byID[id] }

// oldest returns the least recently active conversation, or nil.
func (s *openSet) oldest() *conv { return s.head }

// add appends a new conversation as the most recently active.
func (s *openSet) add(cv *conv) {
	s.byID[cv.id] = cv
	s.push(cv)
}

// touch makes cv the most recently active.
func (s *openSet) touch(cv *conv) {
	if s.tail == cv {
		return
	}
	s.unlink(cv)
	s.push(cv)
}

// remove takes cv out of the set.
func (s *openSet) remove(cv *conv) {
	delete(s.byID, cv.id)
	s.unlink(cv)
}

func (s *openSet) push(cv *conv) {
	cv.prev, cv.next = s.tail, nil
	if s.tail != nil {
		s.tail.next = cv
	} else {
		s.head = cv
	}
	s.tail = cv
}

func (s *openSet) unlink(cv *conv) {
	if cv.prev != nil {
		cv.prev.next = cv.next
	} else {
		s.head = cv.next
	}
	if cv.next != nil {
		cv.next.prev = cv.prev
	} else {
		s.tail = cv.prev
	}
	cv.prev, cv.next = nil, nil
}
