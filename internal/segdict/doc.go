// Package segdict embeds the compact Chinese segmentation dictionary used by
// lexicon.DefaultSegmenter: the 40,000 most frequent Han words of gse's
// Simplified Chinese dictionary plus every word containing a character listed
// in focus.txt (the ends of the default lexicons' word-only terms). gen.go
// regenerates words.txt from the gse module (`go generate ./internal/segdict`);
// NOTICE records the source and licence.
//
// Concurrency: Words is a constant string; the package has no state.
package segdict
