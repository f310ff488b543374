package main

import "testing"

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"没素质", 6},
		{"ＱＱ", 4},
		{"a没b", 4},
		{"加\u200b微信", 6},
		{"e\u0301", 1},
		{"，。", 4},
		{"😀", 2},
		{"ｶ", 1}, // half-width katakana
	} {
		if got := columns(c.s); got != c.want {
			t.Errorf("columns(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func TestPad(t *testing.T) {
	for _, c := range []struct {
		s           string
		cols        int
		right, left string
	}{
		{"亲", 4, "亲  ", "  亲"},
		{"ab", 4, "ab  ", "  ab"},
		{"没素质", 4, "没素质", "没素质"},
	} {
		if got := padRight(c.s, c.cols); got != c.right {
			t.Errorf("padRight(%q, %d) = %q, want %q", c.s, c.cols, got, c.right)
		}
	}
}
