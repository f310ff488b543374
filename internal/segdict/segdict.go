package segdict

//go:generate go run gen.go

import _ "embed"

// Words is the dictionary in gse's text format: "word frequency" per line,
// after a few "#" comment lines.
//
//go:embed words.txt
var Words string
