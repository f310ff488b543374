package compliance

import (
	"strings"
	"unicode/utf8"

	"github.com/huashu/huashu/lexicon"
)

// digitValue maps a rune to its digit: ASCII and full-width digits, circled
// digits, and the Chinese numerals people spell phone numbers with (一三八…,
// 幺 for 1, 两 for 2, 〇/零 for 0, and the financial forms 壹贰叁…).
func digitValue(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		if '0' <= r && r <= '9' {
			return byte(r - '0'), true
		}
		return 0, false
	}
	switch r {
	case '〇', '零', '洞':
		return 0, true
	case '一', '壹', '幺':
		return 1, true
	case '二', '贰', '两':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	if f := lexicon.FoldRune(r); f != r && '0' <= f && f <= '9' { // ０-９, ①-⑨
		return byte(f - '0'), true
	}
	return 0, false
}

func isSeparator(r rune) bool {
	switch r {
	case ' ', '-', '－', '—', '.', '·', '\u3000', '_':
		return true
	}
	return false
}

// digitRun is a run of digits in the text, with single separators allowed between them.
type digitRun struct {
	start, end int    // byte span from the first to the last digit
	digits     []byte // values 0-9
	han        int    // how many digits were Chinese numerals
	sepAfter   []int  // digit counts after which a separator stood
	grouped4   bool   // separators only every 4 digits (6222 0212 ...)
}

// detect appends what the detectors find in text to found.
func (c *Checker) detect(text string, found []Violation) []Violation {
	if c.enabled[OffPlatform] || c.enabled[Privacy] {
		found = c.detectNumbers(text, found)
	}
	if c.enabled[OffPlatform] {
		found = c.detectURLs(text, found)
	}
	return found
}

// detectNumbers finds phone, landline, ID-card and bank-card numbers.
func (c *Checker) detectNumbers(text string, found []Violation) []Violation {
	var run digitRun
	var buf [32]byte
	var seps [8]int
	inRun, pendingSep := false, false
	flush := func() {
		if inRun {
			found = c.classify(text, &run, found)
		}
		inRun, pendingSep = false, false
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		d, ok := digitValue(r)
		switch {
		case ok:
			if !inRun {
				run = digitRun{start: i, digits: buf[:0], sepAfter: seps[:0]}
				inRun = true
			} else if pendingSep && len(run.sepAfter) < cap(run.sepAfter) {
				run.sepAfter = append(run.sepAfter, len(run.digits))
			}
			pendingSep = false
			if len(run.digits) < cap(run.digits) {
				run.digits = append(run.digits, d)
			} else {
				run.digits = run.digits[:cap(run.digits)] // too long for any number we check
			}
			if r >= utf8.RuneSelf && lexicon.FoldRune(r) == r {
				run.han++
			}
			run.end = i + n
		case inRun && !pendingSep && isSeparator(r):
			pendingSep = true
		case inRun && (r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ') && !pendingSep && len(run.digits) == 17:
			run.digits = append(run.digits, 10) // ID-card check character
			run.end = i + n
			flush()
		default:
			flush()
		}
		i += n
	}
	flush()
	return found
}

// classify decides what a digit run is, if anything. Runs that are none of
// these (order and tracking numbers, prices, dates) are left alone.
func (c *Checker) classify(text string, run *digitRun, found []Violation) []Violation {
	ds := run.digits
	n := len(ds)
	if run.han > 0 && run.han < 7 && run.han != n {
		return found // a few numerals among digits: 三件 1 个, not a spelled-out number
	}
	if run.han > 0 && n < 11 {
		return found
	}
	run.grouped4 = len(run.sepAfter) > 0
	for k, s := range run.sepAfter {
		if s != 4*(k+1) {
			run.grouped4 = false
		}
	}
	add := func(cat Category, sev Severity, term string) {
		if c.enabled[cat] {
			v := Violation{Category: cat, Severity: sev, Start: run.start, End: run.end, Term: term, Source: "detector"}
			if cat == Privacy { // the buyer's data: mask it; an agent's own contact has no rewrite
				v.Rewrite = mask(text[run.start:run.end])
			}
			found = append(found, v)
		}
	}
	switch {
	case n == 11 && ds[0] == 1 && ds[1] >= 3 || n == 13 && ds[0] == 8 && ds[1] == 6 && ds[2] == 1 && ds[3] >= 3:
		if buyerContext(text, run.start) {
			add(Privacy, Serious, "mobile number")
		} else {
			add(OffPlatform, Serious, "mobile number")
		}
	case n >= 10 && n <= 12 && ds[0] == 0 && ds[1] != 0 && len(run.sepAfter) > 0 && (run.sepAfter[0] == 3 || run.sepAfter[0] == 4):
		add(OffPlatform, Serious, "landline number")
	case n == 18 && validID(ds):
		add(Privacy, Serious, "ID card number")
	case n >= 16 && n <= 19 && luhn(ds) && (run.grouped4 || bankContext(text, run.start)):
		add(Privacy, Serious, "bank card number")
	}
	return found
}

// buyerContext reports whether the words just before pos speak of the buyer's
// own data (您的手机号, 收货人电话): then a phone number is personal data, not
// the agent's contact.
func buyerContext(text string, pos int) bool {
	before := lastRunes(text, pos, 10)
	for _, w := range []string{"您的", "你的", "收货人", "收件人", "买家", "客户", "顾客", "您预留", "您登记"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

func bankContext(text string, pos int) bool {
	before := lastRunes(text, pos, 8)
	for _, w := range []string{"卡号", "银行卡", "储蓄卡", "信用卡", "借记卡", "账号", "帐号", "卡"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// lastRunes returns up to n runes of text before pos.
func lastRunes(text string, pos, n int) string {
	i := pos
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return text[i:pos]
}

// validID checks an 18-character resident ID number (GB 11643-1999): a
// plausible birth date in characters 7-14 and the ISO 7064 MOD 11-2 check
// character (10 stands for X).
func validID(ds []byte) bool {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		if ds[i] > 9 {
			return false
		}
		sum += int(ds[i]) * weights[i]
	}
	check := [11]byte{1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2}[sum%11]
	if ds[17] != check {
		return false
	}
	year := int(ds[6])*1000 + int(ds[7])*100 + int(ds[8])*10 + int(ds[9])
	month := int(ds[10])*10 + int(ds[11])
	day := int(ds[12])*10 + int(ds[13])
	return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && ds[0] != 0
}

// luhn checks the Luhn checksum of a card number.
func luhn(ds []byte) bool {
	sum := 0
	for i := len(ds) - 1; i >= 0; i-- {
		d := int(ds[i])
		if d > 9 {
			return false
		}
		if (len(ds)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// mask keeps the first 3 and last 4 digits of a number and stars the rest
// (159****1111), keeping separators; short numbers keep only the last 2.
func mask(s string) string {
	total := 0
	for _, r := range s {
		if _, ok := digitValue(r); ok || r == 'X' || r == 'x' {
			total++
		}
	}
	keepHead, keepTail := 3, 4
	if total < 10 {
		keepHead, keepTail = 0, 2
	}
	var b strings.Builder
	k := 0
	for _, r := range s {
		_, ok := digitValue(r)
		if !ok && r != 'X' && r != 'x' {
			b.WriteRune(r)
			continue
		}
		if k < keepHead || k >= total-keepTail {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
		k++
	}
	return b.String()
}

// extendHandle extends an off-platform keyword match (微信号, 企鹅号, VX) over
// the handle that follows it ("：wxid_abc123", " 88776655"), if any.
func extendHandle(text string, end int) int {
	i := end
	for k := 0; k < 3 && i < len(text); k++ {
		r, n := utf8.DecodeRuneInString(text[i:])
		f := lexicon.FoldRune(r)
		if f == ':' || f == ' ' || r == '是' || r == '为' || f == '-' || r == '\u3000' {
			i += n
			continue
		}
		break
	}
	j := i
	letters, digits := 0, 0
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		f := lexicon.FoldRune(r)
		switch {
		case f >= '0' && f <= '9':
			digits++
		case f >= 'a' && f <= 'z' || f == '_' || f == '-':
			letters++
		default:
			goto done
		}
		j += n
	}
done:
	if letters+digits >= 5 && letters+digits <= 20 {
		return j
	}
	return end
}

// ownDomains are the platforms' own web domains, which are not off-platform links.
var ownDomains = map[Platform][]string{
	JD:      {"jd.com", "jd.hk", "3.cn", "jingdong.com"},
	Taobao:  {"taobao.com", "tmall.com", "tb.cn", "alipay.com", "tmall.hk"},
	Doudian: {"douyin.com", "jinritemai.com", "iesdouyin.com"},
	PDD:     {"pinduoduo.com", "yangkeduo.com"},
}

var tlds = []string{".com", ".cn", ".net", ".org", ".top", ".xyz", ".vip", ".cc", ".shop", ".store", ".site", ".info", ".me", ".io", ".hk"}

// detectURLs finds links: http(s)://..., www...., or a name.tld domain.
func (c *Checker) detectURLs(text string, found []Violation) []Violation {
	if strings.IndexByte(text, '.') < 0 && strings.IndexByte(text, ':') < 0 {
		return found
	}
	isURLByte := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", b) >= 0
	}
	for i := 0; i < len(text); {
		if !isURLByte(text[i]) || text[i] == '.' || text[i] == ':' || text[i] == '/' {
			i++
			continue
		}
		j := i
		for j < len(text) && isURLByte(text[j]) {
			j++
		}
		tok := strings.TrimRight(text[i:j], ".,;:!?)'")
		if c.looksLikeURL(tok) {
			found = append(found, Violation{Category: OffPlatform, Severity: Minor, Start: i, End: i + len(tok), Term: "link", Source: "detector"})
		}
		i = j
	}
	return found
}

func (c *Checker) looksLikeURL(tok string) bool {
	lower := strings.ToLower(tok)
	host := lower
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		host = lower[strings.Index(lower, "//")+2:]
	case strings.HasPrefix(lower, "www."):
	default:
		ok := false
		for _, t := range tlds {
			if k := strings.Index(lower, t); k > 0 && (k+len(t) == len(lower) || lower[k+len(t)] == '/' || lower[k+len(t)] == ':') {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if k := strings.IndexAny(host, "/:?#"); k >= 0 {
		host = host[:k]
	}
	if !strings.Contains(host, ".") {
		return false
	}
	for _, d := range c.ownDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return false
		}
	}
	return true
}
