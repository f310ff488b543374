package compliance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/lexicon"
)

// Chat handles and e-mail addresses.
//
// A handle is an account name written after a contact keyword: vx：abc_123,
// ｗｘ：…, 微信号：…, V：…, QQ：12345678, 企鹅 12345678, 邮箱：…. The
// keyword may be followed by a separator (：, a space, 是, 为, 号, 号码) and
// by decorations (❤, 🛰️); 加 with a short gap (加我, 加个, 加威❤, ➕V) counts
// as a keyword when the handle looks like an account name. A handle is an
// account-shaped token: 5 to 30 letters, digits, '_' and '-', with a digit or
// '_' in it (or 6 letters after an explicit keyword), or 5 to 12 digits in
// any style (叁捌柒陆伍肆贰壹零). An e-mail address needs no keyword.
//
// Whose it is decides the category: the buyer's or a third party's
// (您的微信号, 他的邮箱) is privacy, with a masked rewrite; any other is the
// agent's or the shop's contact offered to the buyer, off_platform.

// handleToken is an account-shaped token in the text.
type handleToken struct {
	start, end      int
	letters, digits int
	marks           int // '_' and '-'
	at              int // byte offset of '@', or -1
	dotAfterAt      bool
	allDigits       bool // only digits (and single spaces between them)
	anyHan          bool // some digits are Chinese numerals
}

// detectHandles finds chat handles after a contact keyword and e-mail
// addresses. Tokens start only at ASCII or full-width letters and digits, so
// the scan steps over every other byte without decoding it; a handle spelled
// in Chinese numerals is found from the digit runs of [Checker.detectNumbers].
func (c *Checker) detectHandles(text string, found []Violation) []Violation {
	prevToken := false // the rune before i belongs to a token
	for i := 0; i < len(text); {
		step()
		b := text[i]
		if b >= utf8.RuneSelf && b != 0xEF { // not ASCII, not the full-width block (EF BC 80 – EF BD BF)
			prevToken = false
			if b&0xF0 == 0xE0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				i += 3 // a whole CJK rune
			} else {
				i++
			}
			continue
		}
		r, size := decodeRune(text, i)
		if !isHandleRune(foldNarrow(r)) || prevToken {
			prevToken = isHandleRune(foldNarrow(r))
			i += size
			continue
		}
		tok := readHandle(text, i)
		found = c.judgeHandle(text, tok, found)
		next := max(tok.end, i+size)
		p, _ := utf8.DecodeLastRuneInString(text[:next])
		prevToken = isHandleRune(foldNarrow(p))
		i = next
	}
	return found
}

// judgeHanNumber judges a run of Chinese numerals as a handle (加扣：叁捌柒陆伍肆贰壹零).
func (c *Checker) judgeHanNumber(text string, start, end, digits int, found []Violation) []Violation {
	return c.judgeHandle(text, handleToken{start: start, end: end, digits: digits, at: -1, allDigits: true, anyHan: true}, found)
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with the ASCII and
// 3-byte cases (all of CJK) inlined: the detectors' scans run over every rune
// of every reply.
func decodeRune(text string, i int) (rune, int) {
	b := text[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if i+2 < len(text) && b&0xF0 == 0xE0 {
		r := rune(b&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		if text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 && r >= 0x800 && r&0xF800 != 0xD800 {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// foldNarrow folds ASCII and full-width letters and digits (Ａ → a, ０ → 0)
// and returns any other rune unchanged, without a table lookup.
func foldNarrow(r rune) rune {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case r < 0xFF01 || r > 0xFF5E:
		return r
	}
	return lexicon.FoldRune(r)
}

func isHandleRune(f rune) bool {
	return isASCIILetter(f) || isASCIIDigit(f) || f == '_' || f == '-' || f == '.' || f == '@'
}

// readHandle reads the token at text[i:]: ASCII letters, digits, '_', '-',
// '.', '@' (folded), or digits in any style with single spaces between them.
func readHandle(text string, i int) handleToken {
	t := handleToken{start: i, end: i, at: -1, allDigits: true}
	for j := i; j < len(text); {
		step()
		r, n := decodeRune(text, j)
		f := foldNarrow(r)
		switch {
		case isASCIIDigit(f):
			t.digits++
		case isHanDigit(r) && t.letters == 0 && t.marks == 0 && t.at < 0:
			t.digits++
			t.anyHan = true
		case isASCIILetter(f):
			t.letters++
			t.allDigits = false
		case f == '_' || f == '-':
			t.marks++
			t.allDigits = false
		case f == '@' && t.at < 0 && j > i:
			t.at = j
			t.allDigits = false
		case f == '.':
			// a dot belongs to the token only between two token runes (a@b.com, not "abc123.")
			if j+n >= len(text) {
				goto done
			}
			nr, _ := decodeRune(text, j+n)
			if nf := foldNarrow(nr); !isASCIILetter(nf) && !isASCIIDigit(nf) {
				goto done
			}
			if t.at >= 0 {
				t.dotAfterAt = true
			}
			t.allDigits = false
		case (r == ' ' || r == '\u3000') && t.allDigits && t.digits > 0 && j+n < len(text):
			// 7788 6655: one space between digits
			nr, _ := utf8.DecodeRuneInString(text[j+n:])
			if _, ok := digitValue(nr); !ok {
				goto done
			}
		default:
			goto done
		}
		j += n
		t.end = j
	}
done:
	// Trailing '-', '_' and '.' are punctuation, not part of the handle.
	for t.end > t.start && strings.ContainsRune("-_.", rune(text[t.end-1])) {
		t.end--
	}
	return t
}

// judgeHandle decides what the token is: an e-mail address, a handle after a
// contact keyword, or nothing.
func (c *Checker) judgeHandle(text string, t handleToken, found []Violation) []Violation {
	n := t.letters + t.digits + t.marks
	if t.at >= 0 {
		if t.dotAfterAt && t.at > t.start && t.end-t.at > 4 && !t.anyHan {
			return c.addContact(text, t.start, t.start, t.end, "e-mail address", found)
		}
		return found
	}
	if n < 5 || n > 30 {
		return found
	}
	if t.allDigits && (t.digits > 12 || unitAfter(text, t.end)) {
		return found
	}
	if t.anyHan && (!t.allDigits || t.digits < 5) {
		return found
	}
	idLike := t.allDigits || t.letters > 0 && (t.digits > 0 || t.marks > 0)
	kwStart, strong, gap := contactKeywordBefore(text, t.start)
	switch {
	case kwStart < 0:
		return found
	case strong && (idLike || t.letters >= 6 && t.digits == 0 && t.marks == 0):
	case !strong && t.allDigits && (t.digits < 6 || !gap):
		return found // 再加 10000 is a price: a number after 加 needs a gap (加我, 加扣) and 6 digits
	case !strong && idLike && (t.digits > 0 || t.marks > 0):
	default:
		return found
	}
	if afterLetterOrDigit(text, t.end) {
		return found
	}
	term := "chat handle"
	if t.allDigits {
		term = "chat number"
	}
	return c.addContact(text, kwStart, t.start, t.end, term, found)
}

// addContact reports a contact at text[start:end] whose account part starts
// at acct: privacy when it is the buyer's or a third party's, off_platform otherwise.
func (c *Checker) addContact(text string, start, acct, end int, term string, found []Violation) []Violation {
	if ownerBefore(text, start, 10) == ownerBuyer || confirmedAsBuyers(text, start, end) {
		if c.enabled[Privacy] {
			found = append(found, Violation{Category: Privacy, Severity: Serious, Start: acct, End: end,
				Term: term, Rewrite: maskHandle(text[acct:end]), Source: "detector"})
		}
		return found
	}
	if c.enabled[OffPlatform] {
		found = append(found, Violation{Category: OffPlatform, Severity: Serious, Start: start, End: end,
			Term: term, Source: "detector"})
	}
	return found
}

// maskHandle keeps the first 2 and last 2 characters of an account name and
// stars the rest; an e-mail address keeps its domain (ab****yz@qq.com).
func maskHandle(s string) string {
	domain := ""
	if k := strings.IndexByte(s, '@'); k >= 0 {
		s, domain = s[:k], s[k:]
	}
	rs := []rune(s)
	if len(rs) <= 4 {
		return strings.Repeat("*", len(rs)) + domain
	}
	return string(rs[:2]) + strings.Repeat("*", len(rs)-4) + string(rs[len(rs)-2:]) + domain
}

// unitAfter reports whether a unit follows a number (5000元, 10000mAh, 12000件):
// then it is a quantity, not an account.
func unitAfter(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	switch r {
	case '元', '块', '件', '个', '台', '次', '天', '号', '月', '年', '分', '毛', '角', '%', '％', '张', '条', '单', '人', '斤', '克', '米', '平', '份', '箱', '瓶', '盒', '包', '毫':
		return true
	}
	return false
}

// afterLetterOrDigit reports whether a letter or digit is glued after end
// (the token was cut at a character that does not belong to handles).
func afterLetterOrDigit(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	return end < len(text) && r >= utf8.RuneSelf && (unicode.IsLetter(r) && !isHan(r) || unicode.IsDigit(r))
}

// contactKeywords name a chat app or contact channel; a handle right after
// one (past separators and decorations) is that channel's account.
var contactKeywords = keywordsByLastRune(
	"微信号", "微信", "薇信", "威信", "维信", "卫星", "微芯", "威芯", "v信", "vx", "wx", "weixin", "wechat",
	"绿泡泡", "qq号", "qq", "扣扣", "企鹅号", "企鹅", "🐧", "球球", "邮箱", "email", "e-mail", "mail", "v", "tel",
)

// keyword is a contact keyword with its last rune, which the backward match
// compares first.
type keyword struct {
	text string
	last rune
}

func keywordsByLastRune(words ...string) []keyword {
	out := make([]keyword, len(words))
	for i, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		out[i] = keyword{w, r}
	}
	return out
}

// contactGapRunes may stand between 加 and a handle (加我, 加个, 加威❤):
// pronouns and measure words, and the characters homophones of 微信 and QQ are written with.
func contactGapRune(r rune) bool {
	switch r {
	case '我', '个', '下', '一', '你', '的', '微', '薇', '威', '维', '卫', '伟', '位', '扣', '企', '鹅', '球',
		'芯', '信', '星', '心', '号', 'v', 'w', 'x', 'q':
		return true
	}
	return !isHan(r) && !isASCIIDigit(r) && r >= utf8.RuneSelf // decorations: ❤, 🛰, ➕
}

// handleSeparator is what may stand between a contact keyword and its handle.
func handleSeparator(r rune) bool {
	switch r {
	case ':', ' ', '\u3000', '是', '为', '号', '码', '-', '=', '“', '”', '"', '「', '」', '【', '】', '(', ')', '（', '）':
		return true
	}
	return isDecoration(r)
}

// isDecoration reports whether r is a symbol or emoji part (❤, ️, ‍).
func isDecoration(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return unicode.In(r, unicode.So, unicode.Sk, unicode.Mn, unicode.Cf) || r == '\uFE0F' || r == '\u200D'
}

// contactKeywordBefore looks back from a token at start for a contact
// keyword: a named one (微信, vx, QQ, 邮箱; strong) or 加 with a short gap
// (加我, 加个, ➕V; weak, with gap set when runes stand between 加 and the
// separators). It returns where the keyword starts, or -1.
func contactKeywordBefore(text string, start int) (kw int, strong, gap bool) {
	i, colon := start, false
	for k := 0; k < 4 && i > 0; k++ { // skip separators and decorations
		r, n := utf8.DecodeLastRuneInString(text[:i])
		f := lexicon.FoldRune(r)
		if !handleSeparator(f) {
			break
		}
		colon = colon || f == ':'
		i -= n
	}
	last, _ := utf8.DecodeLastRuneInString(text[:i])
	last = lexicon.FoldRune(last)
	for _, kw := range contactKeywords {
		if kw.last != last || i == 0 {
			continue
		}
		if k, ok := foldedSuffix(text, i, kw.text); ok {
			if kw.text[0] < utf8.RuneSelf { // a Latin keyword must start a word: not "dev:", "5V 2000mAh"
				if p, _ := utf8.DecodeLastRuneInString(text[:k]); k > 0 && (isASCIILetter(lexicon.FoldRune(p)) || isASCIIDigit(lexicon.FoldRune(p))) {
					continue
				}
				if len(kw.text) == 1 && !colon { // V alone names WeChat only before a colon (V：abc123)
					continue
				}
			}
			return k, true, false
		}
	}
	// 加 with at most three gap runes (加我, 加个, 加威❤, ➕V).
	j := i
	for k := 0; k < 4 && j > 0; k++ {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		f := lexicon.FoldRune(r)
		if f == '加' || f == '+' || r == '➕' {
			if k > 0 || i != start && f == '加' { // 加我 abc123, 加：abc123; not 加10000 or +1 12345
				return j - n, false, k > 0
			}
			return -1, false, false
		}
		if !contactGapRune(f) {
			break
		}
		j -= n
	}
	return -1, false, false
}

// foldedSuffix reports whether text[:end] ends with s once folded (s is
// folded and lower-case), allowing one space between two letters of s
// (W X, wei xin); it returns where the match starts.
func foldedSuffix(text string, end int, s string) (int, bool) {
	i := end
	for k := len(s); k > 0; {
		step()
		want, wn := utf8.DecodeLastRuneInString(s[:k])
		if i <= 0 {
			return 0, false
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == ' ' && k < len(s) && i-n > 0 { // one space inside the keyword
			i -= n
			r, n = utf8.DecodeLastRuneInString(text[:i])
		}
		if r != want && lexicon.FoldRune(r) != want {
			return 0, false
		}
		i -= n
		k -= wn
	}
	return i, true
}
