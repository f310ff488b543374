package scripts

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// Variant is the Traditional Chinese a text is rendered in. The zero value
// is unset: no conversion.
type Variant int

// Variants, each the chain of one of OpenCC's configurations.
const (
	// Traditional is OpenCC's standard Traditional (s2t): 为 → 爲, 里 → 裏.
	Traditional Variant = iota + 1 // "zh-Hant"
	// Taiwan is what Taiwan readers write (OpenCC s2twp): Taiwan character
	// forms (為, 裡, 著) and Taiwan phrasing (软件 → 軟體, 鼠标 → 滑鼠).
	Taiwan // "zh-TW"
	// HongKong is what Hong Kong readers write (OpenCC s2hk): Hong Kong
	// character forms (為, 裏, 台, 説).
	HongKong // "zh-HK"
)

var variantCodes = [...]string{"", "zh-Hant", "zh-TW", "zh-HK"}

// String returns the variant's language tag: "zh-Hant", "zh-TW" or "zh-HK".
func (v Variant) String() string {
	if v > 0 && int(v) < len(variantCodes) {
		return variantCodes[v]
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// MarshalText encodes the variant as its language tag ("" when unset).
func (v Variant) MarshalText() ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if int(v) >= len(variantCodes) || v < 0 {
		return nil, fmt.Errorf("scripts: invalid variant %d", int(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText decodes a variant; see [ParseVariant]. "" is the zero value.
func (v *Variant) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*v = 0
		return nil
	}
	p, err := ParseVariant(string(b))
	*v = p
	return err
}

// ParseVariant parses a variant, case-insensitively: "zh-Hant" (also
// "zh-Hant-CN", OpenCC's "s2t"), "zh-TW" (also "zh-Hant-TW", "s2twp") or
// "zh-HK" (also "zh-Hant-HK", "zh-MO", "s2hk").
func ParseVariant(s string) (Variant, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) {
	case "zh-hant", "zh-hant-cn", "s2t":
		return Traditional, nil
	case "zh-tw", "zh-hant-tw", "s2twp":
		return Taiwan, nil
	case "zh-hk", "zh-hant-hk", "zh-mo", "zh-hant-mo", "s2hk":
		return HongKong, nil
	}
	return 0, fmt.Errorf("scripts: unknown Traditional variant %q (want zh-Hant, zh-TW or zh-HK)", s)
}

// Convert renders Simplified text in the variant, by phrase, as OpenCC 1.2
// does (its s2t, s2twp and s2hk configurations):
//
//  1. CJK compatibility ideographs are replaced by their unified forms;
//  2. for zh-TW and zh-HK, the text is cut into pieces: each longest match
//     against OpenCC's phrase tables (STPhrases, and the Simplified forms of
//     the regional phrases' keys) is a piece, and so is each run of text
//     between matches;
//  3. each piece is converted by longest match: a phrase from those tables,
//     else character by character (STCharacters);
//  4. for zh-TW and zh-HK, each piece then goes through the region's tables,
//     again by longest match and never across a piece's edges: Taiwan
//     phrasing (TWPhrases), then Taiwan forms (TWVariantsPhrases,
//     TWVariants); or Hong Kong forms (HKVariantsPhrases, HKVariants).
//
// A few exceptions of huashu's own come first at steps 2–4, where OpenCC's
// tables would put the wrong word in a reply to a buyer: 别着急 stays 別着急
// (not 彆着急), and for Taiwan 權限, 支持 and 查看 stay (not the software
// terms 許可權, 支援, 檢視).
//
// So 分钟 becomes 分鐘 and 联系 聯繫, where a character table alone gives 分鍾
// and 聯系. Text that needs no change is returned as is. The zero Variant
// returns text unchanged; an invalid one converts as Traditional.
//
// The tables are parsed once, on first use (about 40 ms and 5 MB of heap on
// a 2-core machine); nothing is done at init. Convert is safe for concurrent
// use, and its cost is linear in the length of text.
func (v Variant) Convert(text string) string {
	if v == 0 || !hasHan(text) {
		return text
	}
	t := loadTables()
	switch v {
	case Taiwan:
		return convert(text, t, true, t.st, t.tw)
	case HongKong:
		return convert(text, t, true, t.st, t.hk)
	}
	return convert(text, t, false, t.st)
}

// convert runs one OpenCC configuration: normalization, segmentation when
// segmented, and the chain of steps over the pieces.
func convert(text string, t *tables, segmented bool, chain ...matcher) string {
	normalized := text
	if hasCompat(text) {
		normalized = string(convertPiece(nil, text, t.compat))
	}
	pieces := []string{normalized}
	if segmented {
		pieces = segment(normalized, t.phrases)
	}
	for _, step := range chain {
		for k, p := range pieces {
			pieces[k] = string(convertPiece(nil, p, step))
		}
	}
	if out := strings.Join(pieces, ""); out != text {
		return out
	}
	return text
}

// ToTraditional renders Simplified text in standard Traditional characters:
// Traditional.Convert(text).
func ToTraditional(text string) string { return Traditional.Convert(text) }

// The OpenCC tables (Apache-2.0; see opencc/README.md for the version).
var (
	//go:embed opencc/STPhrases.txt
	stPhrasesText string
	//go:embed opencc/STPhrases_GeneratedFromRegionalPhrases.txt
	regionalText string
	//go:embed opencc/STCharacters.txt
	stCharactersText string
	//go:embed opencc/TWPhrases.txt
	twPhrasesText string
	//go:embed opencc/TWVariants.txt
	twVariantsText string
	//go:embed opencc/TWVariantsPhrases.txt
	twVariantsPhrasesText string
	//go:embed opencc/HKVariants.txt
	hkVariantsText string
	//go:embed opencc/HKVariantsPhrases.txt
	hkVariantsPhrasesText string
	//go:embed opencc/CJK_Compatibility_Ideographs.txt
	compatText string
)

// huashu's own exceptions to OpenCC's tables, for customer-service wording:
// each entry is consulted before OpenCC's at the same step.
const (
	// stExceptions take part in segmentation and in the first step.
	stExceptions = "" +
		"别着急\t別着急\n" // STPhrases' 别着 → 彆着 is 别 "to pin"; 别着急 is "don't worry"
	// twExceptions keep words that TWPhrases' IT vocabulary would change in
	// a reply to a buyer.
	twExceptions = "" +
		"權限\t權限\n" + // TWPhrases: 權限 → 許可權 (a file permission); a supervisor's authority stays 權限
		"支持\t支持\n" + // TWPhrases: 支持 → 支援 (software support); 感謝您的支持 stays
		"查看\t查看\n" // TWPhrases: 查看 → 檢視 (a UI command); 在訂單頁查看 stays
)

// tables are the parsed tables, grouped as OpenCC's configurations use them.
type tables struct {
	compat  matcher // normalization
	phrases matcher // segmentation: STPhrases ∪ regional phrase keys
	st      matcher // phrases, else STCharacters
	tw      matcher // TWPhrases, else TWVariantsPhrases, else TWVariants
	twChars matcher // TWVariantsPhrases, else TWVariants (OpenCC s2tw, for its tests)
	hk      matcher // HKVariantsPhrases, else HKVariants
}

var (
	tablesOnce sync.Once
	parsed     *tables
)

func loadTables() *tables {
	tablesOnce.Do(func() {
		phrases := parseDict(stExceptions, stPhrasesText, regionalText) // a union group
		twVariantsPhrases, twVariants := parseDict(twVariantsPhrasesText), parseDict(twVariantsText)
		parsed = &tables{
			compat:  parseDict(compatText),
			phrases: phrases,
			st:      first{phrases, parseDict(stCharactersText)},
			tw:      first{parseDict(twExceptions), parseDict(twPhrasesText), twVariantsPhrases, twVariants},
			twChars: first{twVariantsPhrases, twVariants},
			hk:      first{parseDict(hkVariantsPhrasesText), parseDict(hkVariantsText)},
		}
	})
	return parsed
}

// matcher finds the conversion at the start of a text.
type matcher interface {
	// match returns the byte length of the key text starts with and its
	// value; n is 0 when no key matches.
	match(text string) (n int, value string)
}

// dict is one OpenCC table: key → first value.
type dict struct {
	m map[string]string
	// prefix holds, for the first two runes of every longer key, the byte
	// length of the longest key that starts with them: most positions of a
	// text start no key longer than one rune, and cost one lookup here.
	prefix map[string]int
}

// parseDict reads tables in OpenCC's text format into one dict:
// "key<TAB>value value…" per line, # comments and blank lines skipped; the
// first value is the one used, as OpenCC's converter does, and the first
// entry wins over a repeated key, in this table or a later one. Longest
// match over the merged dict is OpenCC's union group of the tables (longest
// match across them, the earlier table on a tie).
// Keys and values are substrings of text, not copies. The embedded tables
// are checked by tests, so a malformed line (none exists) is skipped rather
// than reported.
func parseDict(texts ...string) *dict {
	n := 0
	for _, text := range texts {
		n += strings.Count(text, "\n")
	}
	d := &dict{m: make(map[string]string, n), prefix: map[string]int{}}
	for _, text := range texts {
		d.add(text)
	}
	return d
}

// add adds the entries of one table in OpenCC's text format.
func (d *dict) add(text string) {
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if line == "" || line[0] == '#' {
			continue
		}
		key, values, ok := strings.Cut(line, "\t")
		if !ok || key == "" {
			continue
		}
		value, _, _ := strings.Cut(values, " ")
		if value == "" {
			continue
		}
		if _, dup := d.m[key]; !dup {
			d.m[key] = value
		}
		if _, a := utf8.DecodeRuneInString(key); a < len(key) {
			_, b := utf8.DecodeRuneInString(key[a:])
			d.prefix[key[:a+b]] = max(d.prefix[key[:a+b]], len(key))
		}
	}
}

// maxKeyRunes bounds a key's length in runes (the tables' longest has 24;
// a test checks them all).
const maxKeyRunes = 64

func (d *dict) match(text string) (int, string) {
	_, size := utf8.DecodeRuneInString(text)
	if size == 0 {
		return 0, ""
	}
	if size < len(text) {
		_, b := utf8.DecodeRuneInString(text[size:])
		p := size + b
		if limit, ok := d.prefix[text[:p]]; ok {
			limit = min(limit, len(text))
			// Candidate ends are rune boundaries from p to limit bytes; try the longest first.
			var ends [maxKeyRunes]int
			k := 0
			for end := p; end <= limit && k < len(ends); {
				ends[k] = end
				k++
				if end == len(text) {
					break
				}
				_, s := utf8.DecodeRuneInString(text[end:])
				end += s
			}
			for k--; k >= 0; k-- {
				if v, ok := d.m[text[:ends[k]]]; ok {
					return ends[k], v
				}
			}
		}
	}
	if v, ok := d.m[text[:size]]; ok {
		return size, v
	}
	return 0, ""
}

// first tries its matchers in order and takes the first that matches
// (OpenCC's short_circuit group).
type first []matcher

func (g first) match(text string) (int, string) {
	for _, m := range g {
		if n, v := m.match(text); n > 0 {
			return n, v
		}
	}
	return 0, ""
}

// convertPiece appends text converted by longest match against m to dst;
// what m does not match is copied one rune at a time.
func convertPiece(dst []byte, text string, m matcher) []byte {
	for i := 0; i < len(text); {
		n, v := m.match(text[i:])
		if n == 0 {
			_, n = utf8.DecodeRuneInString(text[i:])
			v = text[i : i+n]
		}
		dst = append(dst, v...)
		i += n
	}
	return dst
}

// segment cuts text as OpenCC's mmseg segmentation does: each longest match
// of m is a piece, and so is each run of text between matches.
func segment(text string, m matcher) []string {
	var pieces []string
	run := 0 // start of the current unmatched run
	for i := 0; i < len(text); {
		n, _ := m.match(text[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if run < i {
			pieces = append(pieces, text[run:i])
		}
		pieces = append(pieces, text[i:i+n])
		i += n
		run = i
	}
	if run < len(text) {
		pieces = append(pieces, text[run:])
	}
	return pieces
}

// hasHan reports whether text holds a rune at or above U+2E80 (CJK
// radicals onward): every table key holds one, so other text never changes.
func hasHan(text string) bool {
	for _, r := range text {
		if r >= 0x2E80 {
			return true
		}
	}
	return false
}

// hasCompat reports whether text holds a CJK compatibility ideograph
// (U+F900–U+FAFF, U+2F800–U+2FA1F), the keys of the normalization table.
func hasCompat(text string) bool {
	for _, r := range text {
		if 0xF900 <= r && r <= 0xFAFF || 0x2F800 <= r && r <= 0x2FA1F {
			return true
		}
	}
	return false
}
