// Package textwidth measures how many terminal columns a string takes, so the
// example programs can line up columns that hold Chinese text: a Han
// character or a full-width form takes two columns, a combining mark or a
// zero-width character none, anything else one.
//
// It is safe for concurrent use: it keeps no state.
package textwidth
