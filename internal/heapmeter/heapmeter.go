// Package heapmeter measures how much live heap a value holds, for the
// benchmarks' memory figures. It forces garbage collections: use it outside
// timed loops. Safe for concurrent use, though concurrent allocation skews
// its result.
package heapmeter

import "runtime"

// Retained reports the live heap, in bytes, held by what build returns.
func Retained(build func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
