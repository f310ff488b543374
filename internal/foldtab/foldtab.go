package foldtab

import (
	"cmp"
	"slices"
)

//go:generate go run gen.go

// Kind classifies a rune for matching.
type Kind uint8

// Kinds of runes. A rune's kind is the kind of its fold.
const (
	// Other is a letter, digit, ideograph or anything else that takes part in terms.
	Other Kind = 0
	// Noise is skipped between the characters of a term: spaces, punctuation,
	// symbols, emoji, format (zero-width) and combining characters.
	Noise Kind = 1
	// Break ends any match: line ends and sentence ends (。!?;).
	Break Kind = 2
	// Expand marks a rune whose fold is several runes; see [Expansion].
	Expand Kind = 3
)

const (
	kindShift = 24
	foldMask  = 1<<kindShift - 1
)

// Lookup returns the fold of r and its kind. For kind [Expand] the fold is r
// itself; the runes it folds to are [Expansion](r). Invalid runes fold to
// themselves with kind Other.
func Lookup(r rune) (rune, Kind) {
	if uint32(r) >= 0x110000 {
		return r, Other
	}
	pi := pageIndex[r>>8]
	if pi == 0 {
		return r, Other
	}
	v := pageData[(int(pi)-1)*256+int(r&0xff)]
	return rune(v & foldMask), Kind(v >> kindShift)
}

// Expansion returns the runes r folds to when its kind is [Expand], and "" otherwise.
func Expansion(r rune) string {
	i, ok := slices.BinarySearchFunc(foldExpansions[:], r, func(e struct {
		r rune
		s string
	}, r rune) int {
		return cmp.Compare(e.r, r)
	})
	if !ok {
		return ""
	}
	return foldExpansions[i].s
}

// Preimages returns the runes other than r itself whose fold is r (for 亲:
// 親 and the compatibility forms that fold to it). The slice must not be modified.
func Preimages(r rune) []rune {
	i, ok := slices.BinarySearchFunc(preimageIndex[:], r, func(e struct {
		r   rune
		end uint16
	}, r rune) int {
		return cmp.Compare(e.r, r)
	})
	if !ok {
		return nil
	}
	start := 0
	if i > 0 {
		start = int(preimageIndex[i-1].end)
	}
	return preimageRunes[start:preimageIndex[i].end:preimageIndex[i].end]
}

// HasPage reports whether any rune in r>>8 == hi folds to something else or
// has a kind other than Other.
func HasPage(hi rune) bool { return hi >= 0 && hi < 0x110000>>8 && pageIndex[hi] != 0 }
