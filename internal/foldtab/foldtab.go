package foldtab

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

// pageIndex maps r>>8 to a page in pages; 0 means "identity, kind Other".
var (
	pageIndex [0x110000 >> 8]uint16
	pages     [][256]uint32
	expansion = map[rune]string{}
	inverse   map[rune][]rune
)

func init() {
	pages = make([][256]uint32, 1, 160) // page 0 is never read
	page := func(r rune) *[256]uint32 {
		hi := r >> 8
		if pageIndex[hi] == 0 {
			var p [256]uint32
			for i := range p {
				p[i] = uint32(hi<<8 | rune(i))
			}
			pages = append(pages, p)
			pageIndex[hi] = uint16(len(pages) - 1)
		}
		return &pages[pageIndex[hi]]
	}
	for i := 0; i < len(foldPairs); i += 2 {
		from, to := rune(foldPairs[i]), foldPairs[i+1]
		p := page(from)
		p[from&0xff] = p[from&0xff]&^foldMask | to
	}
	for _, kr := range kindRanges {
		for r := kr.lo; r <= kr.hi; r++ {
			p := page(r)
			p[r&0xff] |= uint32(kr.k) << kindShift
		}
	}
	for _, e := range foldExpansions {
		p := page(e.r)
		p[e.r&0xff] = uint32(Expand)<<kindShift | uint32(e.r)
		expansion[e.r] = e.s
	}
	inverse = make(map[rune][]rune, len(foldPairs)/2)
	for i := 0; i < len(foldPairs); i += 2 {
		to := rune(foldPairs[i+1])
		inverse[to] = append(inverse[to], rune(foldPairs[i]))
	}
}

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
	v := pages[pi][r&0xff]
	return rune(v & foldMask), Kind(v >> kindShift)
}

// Expansion returns the runes r folds to when its kind is [Expand], and "" otherwise.
func Expansion(r rune) string { return expansion[r] }

// Preimages returns the runes other than r itself whose fold is r (for 亲:
// 親 and the compatibility forms that fold to it). The slice must not be modified.
func Preimages(r rune) []rune { return inverse[r] }

// HasPage reports whether any rune in r>>8 == hi folds to something else or
// has a kind other than Other.
func HasPage(hi rune) bool { return hi >= 0 && hi < 0x110000>>8 && pageIndex[hi] != 0 }
