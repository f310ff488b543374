package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// columns returns how many terminal columns s takes: CJK characters two,
// combining and zero-width characters none. This and padRight are copied
// into each example so that each program stands alone as a template.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch k := width.LookupRune(r).Kind(); {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cc, unicode.Cf):
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// padRight pads s with spaces to cols columns.
func padRight(s string, cols int) string {
	if w := columns(s); w < cols {
		return s + strings.Repeat(" ", cols-w)
	}
	return s
}
