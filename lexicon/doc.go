// Package lexicon finds the terms of a lexicon in Chinese (and mixed) text:
// normalization that keeps offsets, word segmentation, and a compiled
// multi-pattern matcher.
//
// # Folding
//
// Text and terms are compared after folding each rune ([FoldRune], [Fold]):
// Traditional → Simplified (a table generated from OpenCC's TSCharacters,
// TWVariants and HKVariants, first candidate), full-width → half-width, upper
// → lower case, and Unicode compatibility forms → their plain form (NFKC of
// the single rune: ① → 1, ⑩ → 10, ⑴ → (1), ⼀ → 一, 豈 → 岂). All of it is one
// generated table, so folding costs one lookup per rune; the text is never
// copied. Folding is character by character: where OpenCC picks a Simplified
// form by phrase (乾隆 vs 乾燥), folding picks OpenCC's first candidate; since
// terms are folded the same way, matching is not affected.
//
// # Noise
//
// Noise runes are skipped between the characters of a term, so 淘*宝, 加 微 信,
// 微❤️信, 好-评-返-现, 智·障 and 淘\u200b宝 all match 淘宝-like terms. Noise is:
// white space, punctuation (except the breaks below), symbols and emoji,
// format characters (zero-width space and joiner, BOM, soft hyphen) and
// combining marks (variation selectors). The rule is bounded so that it cannot
// glue unrelated text together:
//
//   - at most [DefaultMaxNoise] (4) noise runes may stand between two
//     characters of a match ([WithMaxNoise] changes it; 0 turns skipping off);
//   - a break ends any match: line ends (\n \r \v \f U+0085 U+2028 U+2029) and
//     sentence ends 。 ! ? ; (and their full-width forms ！？；);
//   - a match never starts or ends with noise: the reported span covers the
//     term's first to last character, with the noise between them.
//
// Terms are folded and stripped of noise the same way, so a term may be
// written 加微信 or 加 微 信; a term containing a break is an error.
//
// # Offsets
//
// Every [Match] is a byte range of the caller's original text: text[m.Start:m.End]
// is what was matched, whatever folding happened, always on rune boundaries
// (an invalid UTF-8 byte counts as a one-byte rune and never takes part in a
// match). A match never splits a rune that folds to several characters: the
// term 0 does not match inside ⑩.
//
// # Words
//
// An [Entry] with Word set must stand as a word: each end of the match must be
// a word boundary. For an end that is a Han character the boundary is decided
// by segmenting up to 6 Han characters on each side of the match with gse and
// a dictionary ([DefaultSegmenter]: a compact dictionary derived from gse's,
// embedded, loaded on first use); an end that is a letter or digit must not
// touch another letter or digit (of any script but Han), as word-list users
// expect: vx_abc123 and vx:abc hold the word vx, TMALL does not hold TM.
// (Unicode word segmentation, UAX #29, joins letters across _ . : and ', so
// it decides nothing here.) So 亲 as a
// word matches in 亲，您好 and 好的亲 but not in 亲自, 父亲节 or 亲子装; 滚 not in
// 滚筒; 有病 not in 有病毒; TM not in TMALL. Segmentation only runs around
// candidate matches of such entries: clean text never pays for it. Where the
// segmenter is wrong, an entry's Except contexts drop a match explicitly
// (亲肤 for 亲). [Cut] exposes the segmentation itself.
//
// # Matching
//
// [Compile] builds an Aho-Corasick automaton over folded characters. Each
// character of the term alphabet gets a class (the most frequent terms'
// characters the smallest); runs of other text map to class "other". The
// trie is laid out as a double array (a state's child on class c is at
// base+c, verified by check), with the failure link beside base and check in
// the same cell, a dense transition table for the root, and the "a term ends
// here" flag in the sign bit of base. The scan decodes UTF-8, looks the rune's
// class up in a per-matcher table (one load for ASCII and the CJK block) and
// follows one transition: it never builds folded text. By default matches are
// leftmost-longest and non-overlapping, like regexp's leftmost-longest
// semantics: a candidate is committed once no match can start at or before
// it, and the scan then resumes from the root at its end. [Overlapping]
// reports every match instead.
//
// # Patterns
//
// An [Entry] with Pattern set (written /.../ in a lexicon file) catches a
// family of phrasings instead of one: RE2 syntax (package regexp/syntax) over
// folded text, in which noise is already skipped, plus slots:
//
//	<num>      a number in any style: 5, ５, 五, 伍, 一五九…幺
//	<money>    an amount: ¥5, 5元, 五块钱, 10块
//	<handle>   a chat handle: 5 to 20 letters, digits, _ or -
//	<han:N>    1 to N Han characters (N at most 16; <han> is <han:4>)
//	<any:N>    0 to N characters of any kind (N at most 16; <any> is <any:4>)
//
// For example:
//
//	/(你|您)(去|自己)?找(厂家|快递|物流|平台)<any:2>(去|吧)/    refusal: pushing the buyer away
//	/(好评|五星|晒图|追评)<any:6>(返|送|领)<money>/          review inducement
//	/最(耐用|好用|便宜|强)/                                  an absolute claim
//
// The pattern sees what the matcher sees: Traditional, full-width and upper
// case are folded (a pattern's own literals are folded the same way, so 評 in
// a pattern is 评), noise between characters is gone (加 微 信 is 加微信), and
// a match never crosses a break (a line end or 。!?;). Repetition must be
// bounded ({0,6}, not * or +), and a match may span at most [MaxTermLen]
// characters. Word applies to the ends of the whole match; an exception is
// any text, and drops a match that it overlaps (最近 for /最<han:1>/).
//
// Patterns keep the matcher's shape, the way Hyperscan and ripgrep prefilter:
// Compile takes from each pattern literals that every match must contain
// (its anchors: 找 above, or 好评, 五星, 晒图 and 追评), and finds them with an
// Aho-Corasick automaton of their own. Only around an anchor is the pattern
// tried, over a window as wide as its longest match and never across a
// break, so text without anchors costs one more scan and nothing else, and
// the cost stays linear in the text. A pattern with no such literal is an
// error ([ErrBadPattern]). Matches of patterns and of terms are reported
// together, leftmost-longest unless [Overlapping] is set.
//
// # Numerals, repeats and sound-alikes
//
// Evasions that folding alone does not see are matched too, each bounded so
// that ordinary text is not read as an evasion:
//
//   - With [FoldNumerals], numerals match in either style: 下3滥 for 下三滥,
//     0售 for 零售 (one numeral changed, or all; not for entries with
//     exceptions, which are written for their own spelling).
//   - With [FoldRepeats], a character repeated inside a match is read once:
//     加微微信, asssert. A repeat must lie strictly inside the new match, so
//     谢谢 and 看看 change nothing, and digits never fold.
//   - An entry with Sounds ([Entry.Sounds], sounds in a file) also matches up
//     to 32 sound-alike spellings, cheapest first, from a Mandarin reading
//     table generated from Unicode's Unihan kMandarin (internal/pinyin): each
//     character as itself, its pinyin, or a common homophone (微信: 薇信,
//     威信, weixin, wei信, 微xin). A spelling with a homophone must stand as
//     a word; one with pinyin must not run into other letters.
//
// # Word lists
//
// [Compile] takes public word lists as they come: terms that fold alike are
// merged ([Matcher.Merged]) and terms that can never match are left out
// ([Matcher.Skipped]). [Parse], for rule files people write, is strict about
// both.
//
// # Concurrency
//
// A [Matcher] is immutable after [Compile] and safe for concurrent use by
// multiple goroutines; [Matcher.AppendAll] keeps its scratch state on the
// stack and allocates only to grow dst or to segment around word entries. A
// [Segmenter] is safe for concurrent use. [DefaultSegmenter] is loaded once.
// Parse and Compile have no shared state.
//
// # Lexicon files
//
// [Parse] reads the line-oriented lexicon format documented there; errors
// name the file and line.
package lexicon
