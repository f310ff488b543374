package main

import (
	"sort"
	"time"
)

// Platforms penalise per incident, not per message: a conversation in which
// an agent broke a rule three times is one case on the platform's ladder, at
// its worst. The audit estimates the points that way: each conversation
// counts once, at the estimate of its worst flagged turn, on the China-time
// day of that turn, for its shop (the log's "shop" field; a log without one
// is one shop). A conversation closed by -idle or -max-open and opened again
// counts as two.

// shopDay is one shop on one day (China time, "2006-01-02").
type shopDay struct {
	shop, day string
}

// incidents are the estimated points of one shop on one day.
type incidents struct {
	conversations int     // conversations with a flagged turn
	points        float64 // the sum of their worst turns' estimates
}

// dayOf is t's date in China time, the day platforms count by.
func dayOf(t time.Time) string { return t.In(chinaTime).Format("2006-01-02") }

// addIncident counts a closed conversation's worst flagged turn, if any.
func (st *stats) addIncident(cv *conv) {
	if !cv.flagged {
		return
	}
	k := shopDay{cv.shop, dayOf(cv.worstAt)}
	in := st.penalties[k]
	in.conversations++
	in.points += cv.worst
	st.penalties[k] = in
	st.points += cv.worst
}

// penaltyRow is one line of the estimate by shop and day.
type penaltyRow struct {
	Shop          string  `json:"shop"` // "" when the log has no shop field
	Day           string  `json:"day"`
	Conversations int     `json:"conversations"`
	Points        float64 `json:"points"`
}

// penaltyRows lists the estimate by shop, then day.
func (r *results) penaltyRows() []penaltyRow {
	rows := make([]penaltyRow, 0, len(r.penalties))
	for k, v := range r.penalties {
		rows = append(rows, penaltyRow{k.shop, k.day, v.conversations, v.points})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Shop != rows[j].Shop {
			return rows[i].Shop < rows[j].Shop
		}
		return rows[i].Day < rows[j].Day
	})
	return rows
}

// penaltyConversations counts the conversations that carry an estimate.
func (r *results) penaltyConversations() int {
	n := 0
	for _, v := range r.penalties {
		n += v.conversations
	}
	return n
}
