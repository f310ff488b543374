// Package bench compares huashu's lexicon.Matcher with other Go Aho-Corasick
// libraries on the same chat text and the same 1k/10k/100k term lists
// (internal/corpus). It is its own module so that the peers never become
// dependencies of huashu.
//
//	go test -bench . -benchtime 20x        # raw benchmarks
//	go run ./cmd/table -readme ../README.md  # measure and write the README table
//
// Peers scan raw bytes (or runes) with no normalization; huashu folds
// Traditional, full-width, case and noise as it scans. Each library reports
// matches its own way (cloudflare: which patterns occur; petar-dambovaliev:
// leftmost-longest; BobuSumisu and anknown: every overlapping match), so the
// comparison is of scanning throughput, build time and memory, not of
// identical output. The benchmarks run single-threaded.
package bench
