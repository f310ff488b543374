// Package segdict embeds the compact Chinese segmentation dictionary used by
// lexicon.DefaultSegmenter. It is generated from gse's dictionary by gen.go;
// see NOTICE for the source and licence. It is read-only data.
package segdict

//go:generate go run gen.go

import _ "embed"

// Words is the dictionary in gse's text format: "word frequency" per line,
// after a few "#" comment lines.
//
//go:embed words.txt
var Words string
