// Package foldtab holds the generated rune folding table behind package
// lexicon: Traditional → Simplified (OpenCC TSCharacters, TWVariants and
// HKVariants), full-width → half-width, lower case and Unicode compatibility
// forms (NFKC of single runes), combined so that folding a rune costs one
// lookup, together with each rune's kind (noise, break, expanding or other).
//
// The source data is in opencc/ (Apache-2.0, see opencc/LICENSE and
// opencc/AUTHORS); gen.go generates tables.go from it (`go generate
// ./internal/foldtab`), and foldtab_test.go checks every table entry against
// the source files and x/text's NFKC.
//
// Concurrency: the table is built in package initialisation and read-only
// afterwards; every function is safe for concurrent use.
package foldtab
