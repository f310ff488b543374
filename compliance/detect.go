package compliance

import (
	"slices"
	"sort"
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
	if foldsToDigit(r) { // ０-９, ①-⑨, ², ₃…
		if f := lexicon.FoldRune(r); '0' <= f && f <= '9' {
			return byte(f - '0'), true
		}
	}
	return 0, false
}

// foldsToDigit reports whether r lies in a block whose runes
// [lexicon.FoldRune] may fold to an ASCII digit (superscripts, subscripts,
// circled, full-width, mathematical and segmented digits;
// TestFoldedDigitBlocks checks the list against the fold table), so that
// other runes skip the table lookup.
func foldsToDigit(r rune) bool {
	return r >= 0xFF10 && r <= 0xFF19 || r >= 0x2070 && r <= 0x2089 || r >= 0x2460 && r <= 0x24FF ||
		r >= 0xB2 && r <= 0xB9 || r >= 0x1D7CE && r <= 0x1D7FF || r >= 0x1FBF0 && r <= 0x1FBF9
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
	alike      int    // how many were look-alike letters (l, I, | for 1; O, o for 0)
	sepAfter   []int  // digit counts after which a separator stood
	grouped4   bool   // separators only every 4 digits (6222 0212 ...)
	lastHan    bool   // the last digit was a Chinese numeral
}

// lookAlike maps the letters people write for digits inside a phone number
// (l38OOl23456, l77 665S 4433): l, I and | for 1, O and o for 0, S for 5,
// B for 8 (capitals only: a lower-case s or b is a word's letter).
func lookAlike(r rune) (byte, bool) {
	switch r {
	case 'l', 'I', '|', 'ｌ', 'Ｉ', '｜':
		return 1, true
	case 'O', 'o', 'Ｏ', 'ｏ':
		return 0, true
	case 'S', 'Ｓ':
		return 5, true
	case 'B', 'Ｂ':
		return 8, true
	}
	return 0, false
}

// detect appends what the detectors find in text to found, and drops rule
// matches that are part of an identifier (WX in the model code WX-2000).
// A detector runs only when one pass over the text (see [detectorGates])
// says it could find something.
func (c *Checker) detect(text string, found []Violation) []Violation {
	if !c.enabled[OffPlatform] && !c.enabled[Privacy] {
		return c.detectGated(text, found, detectorGates{})
	}
	return c.detectGated(text, found, scanGates(text))
}

// detectGated is detect with the detectors g lets through.
func (c *Checker) detectGated(text string, found []Violation, g detectorGates) []Violation {
	found = dropModelCodes(text, found)
	rules := len(found)
	if c.enabled[OffPlatform] || c.enabled[Privacy] {
		var house bool
		if g.numbers() {
			found, house = c.detectNumbers(text, found)
		}
		if g.handle {
			found = c.detectHandles(text, found)
		}
		if house && c.enabled[Privacy] {
			found = c.detectAddresses(text, found)
		}
		if c.enabled[Privacy] && g.document {
			found = detectDocuments(text, found)
		}
	}
	if c.enabled[OffPlatform] && g.link {
		found = c.detectURLs(text, found)
	}
	if c.enabled[Privacy] {
		found = promoteContacts(text, found, rules)
	}
	return yieldToPrivacy(found, rules)
}

// promoteContacts makes a phone number that [Checker.classify] left to
// off_platform (no owner word in the 12 runes before it) the buyer's or a
// third party's when the rest of its sentence says so: an owner word further
// back (收件人：孙丽 手机：150****不对是150…, 他住你们公司楼上吧，电话是…), or the
// buyer's address in the same sentence (李梅梅 138… 安徽省合肥市…). Any word of
// the agent or the shop before it in the sentence keeps it off_platform.
// found[rules:] are the detectors' findings; each number looks at a bounded
// stretch of text, so the cost stays linear.
func promoteContacts(text string, found []Violation, rules int) []Violation {
	for k := rules; k < len(found); k++ {
		v := &found[k]
		if v.Source != "detector" || v.Category != OffPlatform || v.Term != "mobile number" && v.Term != "landline number" {
			continue
		}
		before := sentenceBefore(text, v.Start, 32)
		if lastOf(before, agentWords) >= 0 || lastOf(before, shopVoiceWords) >= 0 {
			continue
		}
		mine := lastOf(before, personWords) >= 0
		for j := rules; j < len(found) && !mine; j++ {
			a := found[j]
			mine = a.Category == Privacy && a.Term == "postal address" && sameSentence(text, *v, a)
		}
		if mine {
			v.Category, v.Severity, v.Rewrite = Privacy, Serious, mask(text[v.Start:v.End])
		}
	}
	return found
}

// personWords name a person other than the agent clearly enough to own a
// number further back in the sentence than the nearest owner words reach
// (您的 does not: 您的快递到了，有问题联系138… is the agent's number).
var personWords = []string{
	"收件", "收货人", "下单人", "下单的", "那位", "上一位", "那个用户", "那个买家", "买家", "顾客", "客户的",
	"邻居", "同事", "朋友", "家人", "他住", "她住", "他家", "她家", "老公", "老婆", "爱人", "联系人", "取件人",
}

// shopVoiceWords, before a number, say the shop is speaking of its own
// people: 我们客服138…, 安装师傅电话….
var shopVoiceWords = []string{"客服", "我们", "我是", "本店", "店里", "售后", "商家", "厂家", "师傅", "店长"}

// sameSentence reports whether findings a and b lie in one sentence and
// close together: no break between them, at most 120 bytes apart.
func sameSentence(text string, a, b Violation) bool {
	lo, hi := a.End, b.Start
	if b.End <= a.Start {
		lo, hi = b.End, a.Start
	}
	if hi < lo {
		return true // overlapping
	}
	if hi-lo > 120 {
		return false
	}
	for _, r := range text[lo:hi] {
		step()
		switch r {
		case '。', '！', '？', '!', '?', '\n', '；', ';':
			return false
		}
	}
	return true
}

// yieldToPrivacy drops a rule's off_platform match (微信号 and its handle)
// that overlaps a contact the detectors found to be the buyer's or a third
// party's (您的微信号是lily_jd88): quoting the buyer's own account is a
// privacy matter, not an invitation off the platform. found[:rules] are the
// rule matches, in text order and not overlapping; each detector finding
// costs a binary search.
func yieldToPrivacy(found []Violation, rules int) []Violation {
	dropped := false
	for k := rules; k < len(found); k++ {
		d := found[k]
		if d.Category != Privacy {
			continue
		}
		i := sort.Search(rules, func(i int) bool { return found[i].End > d.Start })
		for ; i < rules && found[i].Start < d.End; i++ {
			if found[i].Category == OffPlatform {
				found[i].Category = 0
				dropped = true
			}
		}
	}
	if !dropped {
		return found
	}
	out := found[:0]
	for _, v := range found {
		if v.Category != 0 {
			out = append(out, v)
		}
	}
	return out
}

// dropModelCodes removes off_platform rule matches of Latin letters (WX, VX,
// QQ) that are part of a model code: glued to a letter or digit before them,
// after '/' or '-' of a code (KFR-35GW/WX-3020), or followed by '-' and two
// to four digits (WX-2000, WX-8860A). A handle (wx-abc123) or a phone number
// (vx-13812345678) after the letters is not a model code.
func dropModelCodes(text string, found []Violation) []Violation {
	out := found[:0]
	for _, v := range found {
		if v.Category != OffPlatform || v.Source == "detector" || !isModelCode(text, v.Start) {
			out = append(out, v)
		}
	}
	return out
}

// isModelCode reports whether the Latin letters at text[start:] are the
// letter part of a model code.
func isModelCode(text string, start int) bool {
	i := start
	for k := 0; i < len(text) && k < 8; k++ {
		step()
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isASCIILetter(lexicon.FoldRune(r)) {
			break
		}
		i += n
	}
	if i == start {
		return false // not letters: 微信, 扣扣
	}
	if start > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:start])
		pf := lexicon.FoldRune(p)
		if isASCIILetter(pf) || isASCIIDigit(pf) {
			return true
		}
		if pf == '/' || pf == '-' {
			if q, _ := utf8.DecodeLastRuneInString(text[:start-len(string(p))]); isASCIIDigit(lexicon.FoldRune(q)) || isASCIILetter(lexicon.FoldRune(q)) {
				return true
			}
		}
	}
	if r, n := utf8.DecodeRuneInString(text[i:]); i < len(text) && lexicon.FoldRune(r) == '-' {
		i += n
	}
	digits := 0
	for i < len(text) && digits <= 4 {
		step()
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isASCIIDigit(lexicon.FoldRune(r)) {
			break
		}
		digits++
		i += n
	}
	if digits < 2 || digits > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	f := lexicon.FoldRune(r)
	return i == len(text) || !(isASCIIDigit(f) || f == '_')
}

// detectNumbers finds phone, landline, hotline, ID-card and bank-card
// numbers. It also reports whether text has a house-level part (a digit or
// letter right before 号, 栋, 单元, 室…), without which [Checker.detectAddresses]
// has nothing to find: one pass serves both.
func (c *Checker) detectNumbers(text string, found []Violation) ([]Violation, bool) {
	house, prevNum := false, false
	var run digitRun
	var buf [32]byte
	var seps [8]int
	inRun, pendingSep := false, false
	sepRunes, sepMarks := 0, 0 // separator runes since the last digit, and how many were not spaces
	flush := func() {
		if inRun {
			found = c.classify(text, &run, found)
		}
		inRun, pendingSep = false, false
	}
	for i := 0; i < len(text); {
		step()
		r, n := decodeRune(text, i)
		if prevNum && !house {
			house = isHouseMark(r)
		}
		d, ok := digitValue(r)
		alike := false
		if !ok {
			// A look-alike letter joins a run only next to a digit or
			// another look-alike, never after a letter or a separator.
			if d, alike = lookAlike(r); alike {
				if inRun {
					// After a separator only before a digit: 138 I2345 678.
					alike = !pendingSep || alikeNext(text, i+n)
				} else {
					alike = !letterBefore(text, i) && alikeNext(text, i+n)
				}
				ok = alike
			}
		}
		prevNum = ok || isASCIILetter(r) || r == '十' || r == '百' || r >= 0xFF21 && r <= 0xFF5A
		han := ok && !alike && r >= utf8.RuneSelf && lexicon.FoldRune(r) == r
		if ok && inRun && pendingSep && han != run.lastHan {
			flush() // 王五 13800138000: a name's numeral, then a number
		}
		if han && inRun && !pendingSep && run.han == 0 && !numeralAt(text, i+n) {
			// 13812345678一直没人接: one numeral after Arabic digits starts a
			// word (一直, 两件, 三天), it does not continue the number.
			flush()
			ok, han = false, false
		}
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
			if alike {
				run.alike++
			} else if han {
				run.han++
			}
			run.lastHan = han
			run.end = i + n
		case inRun && isSeparator(r) && (!pendingSep || sepRunes < 3 && (r == ' ' || r == '\u3000' || sepMarks == 0)):
			// One separator, or a mark with spaces around it: 139 - 1234 - 5678.
			if !pendingSep {
				sepRunes, sepMarks = 0, 0
			}
			pendingSep = true
			sepRunes++
			if r != ' ' && r != '\u3000' {
				sepMarks++
			}
		case inRun && !pendingSep && (r == '\u20E3' || r == '\uFE0F'):
			// A keycap digit (1⃣3⃣9⃣…) is the digit and a combining mark:
			// the mark belongs to the digit, it does not separate.
			run.end = i + n
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
	return found, house
}

// numeralAt reports whether the rune at text[i:] is a digit of any style.
func numeralAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := decodeRune(text, i)
	_, ok := digitValue(r)
	return ok
}

// alikeNext reports whether the rune at text[i:] is a digit or a look-alike letter.
func alikeNext(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if _, ok := digitValue(r); ok && r < utf8.RuneSelf {
		return true
	}
	_, ok := lookAlike(r)
	return ok && i < len(text)
}

// letterBefore reports whether a Latin letter stands right before i.
func letterBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isASCIILetter(lexicon.FoldRune(r))
}

// classify decides what a digit run is, if anything. Runs that are none of
// these (order and tracking numbers, prices, dates) are left alone, and so
// are identifiers (see [identifier]).
func (c *Checker) classify(text string, run *digitRun, found []Violation) []Violation {
	ds := run.digits
	n := len(ds)
	if run.han == n && n >= 5 && n <= 12 && run.alike == 0 {
		found = c.judgeHanNumber(text, run.start, run.end, n, found) // 加扣：叁捌柒陆伍肆贰壹零
	}
	if run.han > 0 && run.han < 7 && run.han != n {
		return found // a few numerals among digits: 三件 1 个, not a spelled-out number
	}
	if run.han > 0 && n < 11 {
		return found
	}
	// Look-alike letters count inside a mobile number, or inside an ID
	// number written after 身份证 (4401O6l99O12O3OO2X).
	idAlike := run.alike > 0 && run.han == 0 && n == 18 && idContext(text, run.start)
	if run.alike > 0 && (run.han > 0 || run.alike > 4 || n != 11) && !idAlike {
		return found // look-alike letters count only inside a mobile number
	}
	if n < 10 {
		return found
	}
	run.grouped4 = len(run.sepAfter) > 0
	for k, s := range run.sepAfter {
		if s != 4*(k+1) {
			run.grouped4 = false
		}
	}
	add := func(cat Category, sev Severity, term string) {
		if c.enabled[cat] && !identifier(text, run.start, run.end) {
			v := Violation{Category: cat, Severity: sev, Start: run.start, End: run.end, Term: term, Source: "detector"}
			if cat == Privacy { // the buyer's data: mask it; an agent's own contact has no rewrite
				v.Rewrite = mask(text[run.start:run.end])
			}
			found = append(found, v)
		}
	}
	// contact is a phone number: the buyer's or a third party's is privacy,
	// any other (the agent's, the shop's, a return contact) off_platform.
	// A return contact (退货请寄到：…王先生 0512-66881234) stays off_platform,
	// as JD's and Taobao's rules forbid external numbers in chat whatever
	// their purpose, but at the lowest severity: it serves the platform's own
	// return process rather than drawing the buyer away.
	contact := func(sev Severity, term string) {
		returns := lastOf(sentenceBefore(text, run.start, 48), returnWords) >= 0
		switch {
		case returns && labelOnly(text, run.start):
			// 退货请寄到：…，收件人 售后部，电话 0757-…: the labels of a
			// return address are the shop's.
			add(OffPlatform, Warning, "return contact number")
		case ownerBefore(text, run.start, 12) == ownerBuyer || acknowledged(text, run.end):
			add(Privacy, Serious, term)
		case returns:
			add(OffPlatform, Warning, "return contact number")
		case personsNumber(text, run.start) || personNamed(text, run.start) || confirmedAsBuyers(text, run.start, run.end):
			add(Privacy, Serious, term)
		default:
			add(OffPlatform, sev, term)
		}
	}
	switch {
	case n == 11 && ds[0] == 1 && ds[1] >= 3 || n == 13 && ds[0] == 8 && ds[1] == 6 && ds[2] == 1 && ds[3] >= 3:
		contact(Serious, "mobile number")
	case run.alike > 0 && !idAlike:
	case n == 10 && (ds[0] == 4 || ds[0] == 8) && ds[1] == 0 && ds[2] == 0:
		// 400/800 service hotlines are public, but still a channel off the
		// platform's messages: flagged at the lowest severity.
		add(OffPlatform, Warning, "service hotline")
	case n >= 10 && n <= 12 && ds[0] == 0 && ds[1] != 0 && len(run.sepAfter) > 0 && (run.sepAfter[0] == 3 || run.sepAfter[0] == 4):
		contact(Serious, "landline number")
	case n == 18 && (validID(ds) || plausibleID(ds) || idContext(text, run.start) && ds[17] <= 10):
		// A number shaped like a resident ID (region, birth date) is
		// personal data to a reviewer even when its check character is
		// wrong, as in a mistyped or made-up number; after 身份证 any 18
		// characters are.
		add(Privacy, Serious, "ID card number")
	case n >= 16 && n <= 19 && (luhn(ds) && (run.grouped4 || bankContext(text, run.start)) ||
		cardPrefix(ds) && (run.grouped4 || bankContext(text, run.start))):
		// A card number is personal data whether or not its Luhn digit is
		// right: after 卡号/银行卡, or grouped in fours, with a card
		// network's prefix (UnionPay 62, Visa 4, Mastercard 5, Amex 3).
		// The agent's own card (把钱打到我的农行卡 6228…) is a payment
		// taken off the platform: off_platform.
		if ownerBefore(text, run.start, 12) == ownerAgent {
			add(OffPlatform, Serious, "bank card number")
		} else {
			add(Privacy, Serious, "bank card number")
		}
	}
	return found
}

// documentWords name identity documents whose numbers are a letter or two
// and digits: passports (E12345678), Hong Kong and Macau permits (C12345678),
// Taiwan permits.
var documentWords = []string{"护照", "通行证", "台胞证", "回乡证"}

// detectDocuments finds a document number written within a few characters
// after a word that names the document: 1-2 letters and 7-10 digits.
func detectDocuments(text string, found []Violation) []Violation {
	if !strings.Contains(text, "证") && !strings.Contains(text, "护照") {
		return found // every document word ends in 证 or is 护照: one scan for clean text
	}
	for _, w := range documentWords {
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], w)
			if k < 0 {
				break
			}
			i := from + k + len(w)
			from = i
			// Skip up to 6 runes of 号/号码/是/：/space before the number.
			for n := 0; n < 6 && i < len(text); n++ {
				r, size := utf8.DecodeRuneInString(text[i:])
				if f := lexicon.FoldRune(r); isASCIILetter(f) || '0' <= f && f <= '9' {
					break
				}
				i += size
			}
			j, letters, digits := i, 0, 0
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				f := lexicon.FoldRune(r)
				switch {
				case isASCIILetter(f) && digits == 0 && letters < 2:
					letters++
				case '0' <= f && f <= '9' && letters > 0:
					digits++
				default:
					goto done
				}
				j += size
			}
		done:
			if letters > 0 && digits >= 7 && digits <= 10 {
				found = append(found, Violation{Category: Privacy, Severity: Serious, Start: i, End: j, Term: "document number", Source: "detector", Rewrite: mask(text[i:j])})
				from = j
			}
		}
	}
	return found
}

// plausibleID reports whether 18 characters look like a resident ID number
// although the check character does not fit: a region code's first digit
// (1-6, 8) and a birth date from 1900 on.
func plausibleID(ds []byte) bool {
	for _, d := range ds[:17] {
		if d > 9 {
			return false
		}
	}
	if ds[0] < 1 || ds[0] > 8 || ds[0] == 7 {
		return false
	}
	year := int(ds[6])*1000 + int(ds[7])*100 + int(ds[8])*10 + int(ds[9])
	month := int(ds[10])*10 + int(ds[11])
	day := int(ds[12])*10 + int(ds[13])
	return year >= 1900 && year <= 2030 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// idContext reports whether the words just before pos name an ID document.
func idContext(text string, pos int) bool {
	before := sentenceBefore(text, pos, 10)
	return strings.Contains(before, "身份证") || strings.Contains(before, "证件号")
}

// cardPrefix reports whether a card number starts as a card network's do.
func cardPrefix(ds []byte) bool {
	return ds[0] == 6 && ds[1] == 2 || ds[0] == 4 || ds[0] == 5 && ds[1] >= 1 && ds[1] <= 5 || ds[0] == 3 && (ds[1] == 4 || ds[1] == 7)
}

// acknowledgedWords, right after a number, say the agent has received it
// from the buyer (手机号…已收到): the number is the buyer's.
// A number that is switched off or not answered is someone else's phone
// (13812345678这个号一直关机), never the agent's own offered to the buyer.
var acknowledgedWords = []string{
	"已收到", "收到了", "已记录", "已录入", "已登记", "已备注", "已核实", "已经收到", "已经记录", "已经登记",
	"已经备注", "打不通", "无法接通", "是空号", "联系不上", "关机", "停机", "没人接", "无人接听", "占线",
	"打不进", "接不通",
}

// acknowledgedLead may stand between a number and an acknowledging word:
// 13812345678这个号一直关机.
var acknowledgedLead = []string{"这个号码", "这个电话", "这个手机", "这个号", "这号", "的号码", "号码", "电话"}

// acknowledgedAdverbs may come before an acknowledging word, after
// acknowledgedLead or without it: 这个号一直关机, 13812345678还是打不通.
var acknowledgedAdverbs = []string{"一直", "还是", "总是", "老是", "都", "也"}

// numberOwnerWords, nearest before a phone number and nearer than any agent
// word, make it the buyer's or a third party's: it is being changed
// (已为您改成13900001111, 新号码…), or it belongs to someone called by a
// title (王先生 138…, 李女士的电话…), as an agent never calls itself.
// They are read for phone numbers only: 退货地址改成… is still the shop's.
var numberOwnerWords = []string{
	"改成", "改为", "修改为", "更新为", "更改为", "变更为", "换成", "新号码", "新手机号", "新号", "先生", "女士", "小姐",
	// It is read back from the order or the system, or written out in full
	// after a masked form (系统显示联系电话…, 139****1234 不对 是139…).
	"系统显示", "后台显示", "订单显示", "系统里", "订单上", "下单人", "完整的是", "完整号码", "不对",
}

// labelWords are the owner words that are only a form's labels (收件人,
// 联系人): after a return instruction they label the shop's own contact.
var labelWords = []string{"收件", "收货", "联系人", "取件人"}

// labelOnly reports whether the nearest owner word before pos is a label.
func labelOnly(text string, pos int) bool {
	before := sentenceBefore(text, pos, 12)
	b := lastOf(before, buyerWords)
	return b >= 0 && b == lastOf(before, labelWords)
}

// personsNumber reports whether a word of numberOwnerWords, in the same
// sentence just before pos, makes the number there a person's other than the
// agent's. These words are weaker than the owner words: any agent word
// before the number keeps it the agent's (我的号码换成138…, 客服电话更新为…).
func personsNumber(text string, pos int) bool {
	before := sentenceBefore(text, pos, 12)
	return lastOf(before, numberOwnerWords) >= 0 && lastOf(before, agentWords) < 0
}

// confirmWords, right after a number or an account, ask the buyer to
// confirm it as theirs: 13812345678对吧, …，是您本人吗, …是你的收件电话吗. An
// agent never asks the buyer to confirm the agent's own number.
var confirmWords = []string{"对吧", "对吗", "对么", "对不对", "没错吧", "没错吗", "是您", "是你", "是不是您", "是不是你"}

// confirmedAsBuyers reports whether the words right after text[start:end]
// ask the buyer to confirm it as theirs, with no agent word before it in the
// sentence (加我138…，是你的专属顾问 stays the agent's).
func confirmedAsBuyers(text string, start, end int) bool {
	if lastOf(sentenceBefore(text, start, 32), agentWords) >= 0 {
		return false
	}
	after := cutAnyPrefix(strings.TrimLeft(clipAfter(text, end, 24), " ，,：:~～"), acknowledgedLead)
	return hasAnyPrefix(after, confirmWords)
}

// surnames are the common Chinese family names (the most frequent hundred or
// so, which cover the large majority of people): a name of two or three Han
// characters starting with one, written right before a number, is whose the
// number is (中奖名单：王芳 139…, 刘洋 189… 深圳南山).
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡钮"

// nameTitles end what looks like a name but is a role (王经理, 李师傅, 张老师):
// the shop's own people are named by role, and their numbers stay off_platform.
var nameTitles = []string{"经理", "总", "老师", "师傅", "店长", "主管", "客服", "工", "姐", "哥", "掌柜", "老板", "专员", "顾问", "助理", "医生", "律师"}

// personNamed reports whether a person's name (a common surname and one or
// two Han characters, not a role) stands right before pos, after a break
// or the start (：王芳 139…, ，刘洋 189…), with at most 电话/手机 and a colon
// or spaces between, and no word of the agent or the shop before it in the
// sentence.
func personNamed(text string, pos int) bool {
	before := sentenceBefore(text, pos, 32)
	if lastOf(before, agentWords) >= 0 || lastOf(before, shopVoiceWords) >= 0 {
		return false
	}
	s := strings.TrimRight(before, " ：:")
	for _, label := range []string{"手机号", "手机", "电话", "号码"} {
		if rest, ok := strings.CutSuffix(s, label); ok {
			s = strings.TrimRight(rest, " ：:，,")
			break
		}
	}
	var name []rune
	for len(s) > 0 && len(name) < 4 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isHan(r) {
			break
		}
		name = append(name, r)
		s = s[:len(s)-size]
	}
	if len(name) < 2 || len(name) > 3 || !strings.ContainsRune(surnames, name[len(name)-1]) {
		return false
	}
	slices.Reverse(name)
	given := string(name[1:])
	for _, t := range nameTitles {
		if strings.HasSuffix(given, t) {
			return false
		}
	}
	return true
}

// clipAfter is at most n bytes of text from pos, cut back to whole runes.
func clipAfter(text string, pos, n int) string {
	after := text[pos:]
	if len(after) > n {
		after = after[:n]
		for len(after) > 0 && !utf8.ValidString(after) {
			after = after[:len(after)-1]
		}
	}
	return after
}

// acknowledged reports whether the words right after pos acknowledge the
// number before them as the buyer's.
func acknowledged(text string, pos int) bool {
	after := cutAnyPrefix(strings.TrimLeft(clipAfter(text, pos, 42), " ，,：:"), acknowledgedLead)
	return hasAnyPrefix(cutAnyPrefix(after, acknowledgedAdverbs), acknowledgedWords)
}

// cutAnyPrefix removes the first of words that s starts with, if any.
func cutAnyPrefix(s string, words []string) string {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest
		}
	}
	return s
}

// hasAnyPrefix reports whether s starts with one of words.
func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// identifier reports whether the digits at text[start:end] belong to an
// identifier rather than a personal number: glued to Latin letters
// (SN13912345678, CN2024A13812345678, JDX013912345678; but not after a
// contact keyword such as vx13812345678 or tel-…), or written right after a
// word that names an identifier (单号, 订单号, 运单号, 快递单号, SN, 型号,
// 序列号, 编号, 机身号, IMEI, 条码).
func identifier(text string, start, end int) bool {
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isASCIILetter(lexicon.FoldRune(r)) {
		return true
	}
	i := start
	if r, n := utf8.DecodeLastRuneInString(text[:i]); i > 0 && (r == '-' || r == '_' || r == '－') {
		i -= n
	}
	j := i
	for k := 0; j > 0; k++ {
		step()
		r, n := utf8.DecodeLastRuneInString(text[:j])
		f := lexicon.FoldRune(r)
		if !isASCIILetter(f) && !isASCIIDigit(f) {
			break
		}
		if k == 8 {
			return true // a long code: glued whatever its letters
		}
		j -= n
	}
	if j < i {
		switch strings.ToLower(lexicon.Fold(text[j:i])) {
		case "v", "vx", "wx", "qq", "tel", "phone", "mobile", "wechat", "weixin", "dh", "sj":
			return false
		}
		return true
	}
	for k := 0; k < 3 && j > 0; k++ { // separators between the word and the number
		r, n := utf8.DecodeLastRuneInString(text[:j])
		f := lexicon.FoldRune(r)
		if f != ':' && f != ' ' && r != '是' && r != '为' && r != '\u3000' && f != '#' {
			break
		}
		j -= n
	}
	for _, w := range identifierWords {
		if _, ok := foldedSuffix(text, j, w); ok {
			return true
		}
	}
	return false
}

// identifierWords name identifiers whose digits are never a phone number.
var identifierWords = []string{
	"单号", "订单号", "编号", "序列号", "型号", "机身号", "串号", "条码", "条形码", "批号", "货号", "款号",
	"sn", "imei", "工单", "运单", "快递单", "发票号", "税号", "物流号", "sn码", "串码", "序列码", "识别码",
	"防伪码", "激活码", "追溯码", "产品码", "批次", "meid",
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
		if strings.IndexByte(tok, '@') > 0 && !strings.Contains(tok, "//") {
			i = j // an e-mail address: detectHandles judges it
			continue
		}
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
