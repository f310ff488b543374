package compliance

import (
	"strings"
	"unicode/utf8"

	"github.com/huashu/huashu/lexicon"
)

// Chinese postal addresses.
//
// An address is a chain of parts written one after another: administrative
// levels (省, 市, 区/县), a town or village (街道, 镇, 乡, 村, 三组), a road
// (路, 街, 大道, 巷, 弄), an estate or building (小区, 花园, 苑, 公寓, 大厦),
// and house-level parts (12号, 3栋, 2单元, 801室, 312号楼, a bare 801 after a
// unit). Each named part is a name of a few Han characters ended by its
// suffix; names never hold the function words of a sentence (的, 是, 在, 我,
// 您, 到, 寄, 住…), so a chain starts where the sentence stops talking and
// starts naming.
//
// A chain is an address when it has at least one named part and one
// house-level part, and at least three parts in all: 上海市浦东新区张杨路500号
// and 幸福路12号3栋 are addresses; 北京东路, 南京东路123号, 发货地：广东 and
// 3号楼2单元 are not.
//
// The scan is one pass over the text: every rune is looked at a bounded
// number of times (a part's suffix is recognised at the rune it starts on),
// and a text without a number right before a house-level character (号 栋
// 幢 单元 室 楼 层 座 户) is not scanned at all.

// addrKind is the kind of one part of an address.
type addrKind uint8

const (
	akName     addrKind = iota + 1 // a name with no suffix yet (kept only before a number: 望京3号)
	akProvince                     // 省, 自治区, 特别行政区, 北京市…
	akCity                         // 市, 自治州, 地区, 盟
	akDistrict                     // 区, 县, 旗, a county-level 市
	akTown                         // 街道, 镇, 乡, 村, 社区
	akRoad                         // 路, 街, 大道, 巷, 弄, 胡同
	akEstate                       // 小区, 花园, 苑, 公寓, 大厦, 三区, 二期
	akHouse                        // 12号
	akUnit                         // 3栋, 2单元, 801室, 312号楼, 801 after a unit, 三组
)

func (k addrKind) named() bool { return k >= akProvince && k <= akEstate }
func (k addrKind) house() bool { return k == akHouse || k == akUnit }

// addrSuffix ends a named part: the part's kind and the fewest runes its name needs.
type addrSuffix struct {
	text    string
	kind    addrKind
	minName int
}

// nameSuffixes end named parts, longer ones first where they share a rune.
var nameSuffixes = []addrSuffix{
	{"特别行政区", akProvince, 2}, {"自治区", akProvince, 2}, {"省", akProvince, 2},
	{"自治州", akCity, 2}, {"自治县", akDistrict, 2}, {"地区", akCity, 2}, {"盟", akCity, 2}, {"市", akCity, 2},
	{"区", akDistrict, 2}, {"县", akDistrict, 2}, {"旗", akDistrict, 2},
	{"街道", akTown, 2}, {"镇", akTown, 2}, {"乡", akTown, 2}, {"村", akTown, 2}, {"社区", akTown, 2},
	{"大道", akRoad, 1}, {"大街", akRoad, 1}, {"路", akRoad, 1}, {"街", akRoad, 1}, {"巷", akRoad, 1},
	{"弄", akRoad, 1}, {"胡同", akRoad, 1}, {"道", akRoad, 2},
	{"小区", akEstate, 1}, {"花园", akEstate, 1}, {"公寓", akEstate, 1}, {"大厦", akEstate, 1},
	{"广场", akEstate, 1}, {"新村", akEstate, 1}, {"家园", akEstate, 1}, {"工业园", akEstate, 1},
	{"产业园", akEstate, 1}, {"大院", akEstate, 1}, {"大楼", akEstate, 1}, {"苑", akEstate, 2},
	{"园", akEstate, 2}, {"中心", akEstate, 2}, {"大学", akEstate, 1}, {"学院", akEstate, 1},
	{"医院", akEstate, 1}, {"宿舍", akEstate, 1}, {"楼", akEstate, 2},
}

// numberSuffixes follow a number: 12号, 3栋, 三组, 二期.
var numberSuffixes = []addrSuffix{
	{"号楼", akUnit, 0}, {"号院", akUnit, 0}, {"号", akHouse, 0},
	{"栋", akUnit, 0}, {"幢", akUnit, 0}, {"座", akUnit, 0}, {"单元", akUnit, 0}, {"室", akUnit, 0},
	{"层", akUnit, 0}, {"楼", akUnit, 0}, {"户", akUnit, 0},
	{"组", akUnit, 0}, {"队", akUnit, 0}, // a village group is a rural address's finest part
	{"弄", akRoad, 0}, {"区", akEstate, 0}, {"期", akEstate, 0}, // 100弄, 三区, 二期
}

// provinces are the province-level divisions by their short names. Written
// bare (广东广州市, 北京朝阳区) one counts only before a city or district;
// otherwise it is part of a name (北京东路, 江西路).
var provinces = []string{
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
	"福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
	"甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}

// addrStop holds the function words that never stand inside a place name:
// they end any name in progress.
func addrStop(r rune) bool {
	switch r {
	case '的', '是', '在', '了', '我', '您', '你', '他', '她', '它', '吧', '吗', '呢', '啊', '哦', '呀', '嘛',
		'也', '就', '还', '把', '给', '要', '到', '去', '说', '请', '寄', '收', '住', '址', '从', '往',
		'被', '让', '很', '能', '已', '或', '这', '那', '哪', '没', '不':
		return true
	}
	return false
}

// addrPart is one part of an address chain, as byte offsets into the text.
type addrPart struct {
	start, end int
	kind       addrKind
}

// maxAddrParts bounds one chain; a longer chain is cut (still reported).
const maxAddrParts = 16

// maxAddrName is the most runes a part's name may have.
const maxAddrName = 8

// addrScanner holds the chain being built. It lives on the stack.
type addrScanner struct {
	parts [maxAddrParts]addrPart
	n     int
}

func (s *addrScanner) add(p addrPart) {
	if s.n > 0 && s.parts[s.n-1].kind == akName { // a pending name joins the next part's span
		if p.kind.named() {
			p.start = s.parts[s.n-1].start
			s.n--
		}
	}
	if s.n < maxAddrParts {
		s.parts[s.n] = p
		s.n++
	}
}

// isHouseMark reports whether r ends a house-level part: 号, 栋, 幢, 座,
// 单(元), 室, 楼, 层, 户, 组, 队, in Simplified or Traditional.
func isHouseMark(r rune) bool {
	switch r {
	case '号', '號', '栋', '棟', '幢', '单', '單', '室', '楼', '樓', '层', '層', '座', '户', '组', '組', '队', '隊':
		return true
	}
	return false
}

// detectAddresses finds postal addresses; the buyer's or a third party's is
// privacy (with the address masked below the city as its rewrite), a shop's
// own (退货地址, 寄回, 仓库, 门店…) is allowed. [Checker.detect] calls it only
// when [Checker.detectNumbers] saw a house-level part.
func (c *Checker) detectAddresses(text string, found []Violation) []Violation {
	var s addrScanner
	chainEnd := -1 // end of the chain's last part; -1 when no chain
	flush := func() {
		found = c.judgeAddress(text, &s, found)
		s.n, chainEnd = 0, -1
	}
	nameStart := 0   // where the current name began
	nameRunes := 0   // runes in the current name
	provEnd := -1    // end of a bare province name at the start of the current name
	afterSpace := -1 // a single space right after the chain's last part ends here
	for i := 0; i < len(text); {
		step()
		r, size := decodeRune(text, i)
		f := lexicon.FoldRune(r)
		// A part starts here if a name is empty; check for a number first.
		if isASCIIDigit(f) || nameRunes == 0 && (isASCIILetter(f) || isHanDigit(r) || r == '十' || r == '百') {
			if end, kind, ok := addrNumber(text, i, s.n > 0 && s.parts[s.n-1].kind.house() && chainEnd == i); ok {
				if nameRunes > 0 { // 望京3号: the name before a number is kept as a plain name
					if chainEnd >= 0 && nameStart != chainEnd && nameStart != afterSpace {
						flush()
					}
					s.add(addrPart{nameStart, i, akName})
					chainEnd = i
				}
				if chainEnd >= 0 && i != chainEnd && i != afterSpace {
					flush()
				}
				s.add(addrPart{i, end, kind})
				chainEnd, afterSpace = end, -1
				i, nameStart, nameRunes, provEnd = end, end, 0, -1
				continue
			}
		}
		if nameRunes == 0 {
			if end, ok := addrProvince(text, i, f); ok {
				// A province name starts a name; whether it stands alone is
				// decided by what ends the name.
				provEnd = end
				nameStart = i
				nameRunes = utf8.RuneCountInString(text[i:end])
				i = end
				continue
			}
		}
		if suf, end, ok := addrNameSuffix(text, i, f); nameRunes >= 1 && ok {
			kind := suf.kind
			start := nameStart
			if provEnd >= 0 && provEnd == i && (suf.kind == akProvince || suf.kind == akCity) {
				kind = akProvince // 北京市, 广东省
			}
			if nameRunes >= suf.minName && nameRunes <= maxAddrName {
				if provEnd >= 0 && provEnd < i && (kind == akCity || kind == akDistrict) {
					// 广东广州市: the bare province is a part of its own.
					if chainEnd >= 0 && start != chainEnd && start != afterSpace {
						flush()
					}
					s.add(addrPart{start, provEnd, akProvince})
					chainEnd, start = provEnd, provEnd
				}
				if kind == akCity && s.n > 0 && chainEnd >= 0 && (start == chainEnd || start == afterSpace) && hasKind(&s, akCity) {
					kind = akDistrict // a county-level city under a city
				}
				if chainEnd >= 0 && start != chainEnd && start != afterSpace {
					flush()
				}
				s.add(addrPart{start, end, kind})
				chainEnd, afterSpace = end, -1
				i, nameStart, nameRunes, provEnd = end, end, 0, -1
				continue
			}
		}
		switch {
		case isHan(r) && !addrStop(f):
			if nameRunes == 0 {
				nameStart = i
			}
			nameRunes++
			if nameRunes > maxAddrName { // too long for a name: slide its start
				_, n := utf8.DecodeRuneInString(text[nameStart:])
				nameStart += n
				nameRunes--
				provEnd = -1
			}
		case (r == ' ' || r == '\u3000') && chainEnd == i:
			afterSpace = i + size // one space may separate two parts
			nameStart, nameRunes, provEnd = i+size, 0, -1
		default: // punctuation, a function word, a stray letter or number: the chain ends
			if chainEnd >= 0 {
				flush()
			}
			nameStart, nameRunes, provEnd = i+size, 0, -1
		}
		i += size
	}
	flush()
	return found
}

func hasKind(s *addrScanner, k addrKind) bool {
	for _, p := range s.parts[:s.n] {
		if p.kind == k {
			return true
		}
	}
	return false
}

// addrProvince matches a province's short name at text[i:].
// f is the folded rune at i.
func addrProvince(text string, i int, f rune) (int, bool) {
	switch f {
	case '北', '天', '上', '重', '河', '山', '辽', '吉', '黑', '江', '浙', '安', '福', '湖', '广', '海', '四',
		'贵', '云', '陕', '甘', '青', '台', '内', '西', '宁', '新', '香', '澳':
	default:
		return 0, false
	}
	for _, p := range provinces {
		if end, ok := foldedPrefix(text, i, p); ok {
			return end, true
		}
	}
	return 0, false
}

// addrNameSuffix matches a named part's suffix at text[i:].
// f is the folded rune at i.
func addrNameSuffix(text string, i int, f rune) (addrSuffix, int, bool) {
	switch f {
	case '特', '自', '省', '地', '盟', '市', '区', '县', '旗', '街', '镇', '乡', '村', '社', '大', '路', '巷',
		'弄', '胡', '道', '小', '花', '公', '广', '新', '家', '工', '产', '苑', '园', '中', '学', '医', '宿', '楼':
	default:
		return addrSuffix{}, 0, false
	}
	for _, s := range nameSuffixes {
		if end, ok := foldedPrefix(text, i, s.text); ok {
			return s, end, true
		}
	}
	return addrSuffix{}, 0, false
}

// addrNumber reads a house-level number at text[i:]: digits (Arabic,
// full-width or Chinese numerals, joined by '-'), with an optional letter
// (12A, A座), then a number suffix. After a unit (bare is true) a number of
// three or more digits with no suffix is a room (2单元801).
func addrNumber(text string, i int, bare bool) (int, addrKind, bool) {
	j := i
	digits, letters, han := 0, 0, 0
	for j < len(text) && digits <= 6 {
		step()
		r, n := utf8.DecodeRuneInString(text[j:])
		f := lexicon.FoldRune(r)
		switch {
		case isASCIIDigit(f):
			digits++
		case r == '十' || r == '百':
			digits++
			han++
		case r != '幺' && r != '洞' && isHanDigit(r):
			digits++
			han++
		case isASCIILetter(f) && letters == 0:
			letters++
		case (f == '-' || r == '—') && digits > 0 && j+n < len(text) && isASCIIDigit(lexicon.FoldRune(rune(text[j+n]))):
		default:
			goto done
		}
		j += n
	}
done:
	if digits == 0 && letters == 0 || digits > 6 || digits == 0 && j-i > 1 {
		return 0, 0, false
	}
	if han > 0 && (letters > 0 || han != digits) {
		return 0, 0, false
	}
	if digits > 0 && j+1 < len(text) && (text[j] == ' ') { // 478 号
		if r, _ := utf8.DecodeRuneInString(text[j+1:]); r == '号' || r == '號' {
			j++
		}
	}
	for _, s := range numberSuffixes {
		if end, ok := foldedPrefix(text, j, s.text); ok {
			if digits == 0 && s.kind != akUnit { // A座, B栋 only
				return 0, 0, false
			}
			if s.kind == akHouse && (prevIs(text, i, "月") || notHouseAfter(text, end)) {
				return 0, 0, false // 11月11号, 3号馆, 2号线, 5号柜: a date or a numbered place, not a house
			}
			return end, s.kind, true
		}
	}
	if bare && han == 0 && digits >= 3 && letters == 0 {
		if r, _ := utf8.DecodeRuneInString(text[j:]); j == len(text) || !isHan(r) || addrStop(r) || r == '室' {
			return j, akUnit, true
		}
	}
	return 0, 0, false
}

// isHanDigit reports whether r is a Chinese numeral digit (一, 三, 〇, 叁…; see [digitValue]).
func isHanDigit(r rune) bool {
	switch r {
	case '〇', '零', '洞', '一', '壹', '幺', '二', '贰', '两', '三', '叁', '四', '肆', '五', '伍',
		'六', '陆', '七', '柒', '八', '捌', '九', '玖':
		return true
	}
	return false
}

// notHouseAfter reports whether a word after N号 makes it a numbered place
// or thing rather than a house: 3号馆, 2号线, 1号店, 5号柜, 8号门, 6号仓.
func notHouseAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch lexicon.FoldRune(r) {
	case '馆', '线', '店', '柜', '门', '仓', '口', '厅', '窗', '台', '位', '车', '机', '床', '桌', '码', '色', '字', '电', '池', '箱', '件', '品', '款', '展', '站':
		return true
	}
	return false
}
func prevIs(text string, i int, s string) bool { return strings.HasSuffix(text[:i], s) }

func isASCIIDigit(r rune) bool  { return '0' <= r && r <= '9' }
func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// isHan reports whether r is a Han character: the CJK Unified Ideographs
// and their extensions and compatibility forms, and 〇 (what unicode.Han
// holds that matters here, without its table search).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0x20000 && r <= 0x3134F || r == '〇'
}

// foldedPrefix reports whether text[i:] starts with s once folded
// (s is already folded), and where the match ends.
func foldedPrefix(text string, i int, s string) (int, bool) {
	for _, want := range s {
		step()
		if i >= len(text) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != want && lexicon.FoldRune(r) != want {
			return 0, false
		}
		i += n
	}
	return i, true
}

// detectorSteps, when set (by tests), counts the steps the detectors'
// scans take, to prove their cost linear in the text without timing them.
var detectorSteps *int

func step() {
	if detectorSteps != nil {
		*detectorSteps++
	}
}

// judgeAddress decides whether the chain in s is an address and whose it is.
func (c *Checker) judgeAddress(text string, s *addrScanner, found []Violation) []Violation {
	parts := s.parts[:s.n]
	for len(parts) > 0 && parts[len(parts)-1].kind == akName {
		parts = parts[:len(parts)-1]
	}
	for len(parts) > 0 && parts[0].kind == akName {
		parts = parts[1:]
	}
	named, house := 0, 0
	for _, p := range parts {
		switch {
		case p.kind.named():
			named++
		case p.kind.house():
			house++
		}
	}
	if named == 0 || house == 0 || named+house < 3 || !c.enabled[Privacy] {
		return found
	}
	start, end := parts[0].start, parts[len(parts)-1].end
	if shopAddress(text, start, end) {
		return found
	}
	keep := start
	for _, p := range parts {
		if p.kind != akProvince && p.kind != akCity {
			break
		}
		keep = p.end
	}
	return append(found, Violation{
		Category: Privacy, Severity: Serious, Start: start, End: end, Term: "postal address",
		Rewrite: text[start:keep] + "****", Source: "detector",
	})
}

// shopAddress reports whether the address at text[start:end] is the shop's
// own: a return address (退货地址, 寄回, 请寄到), a warehouse, store or
// office, named before it in the same sentence, later than any word that
// makes it the buyer's (您家, 收货地址, 邻居…), or a warehouse named right after it.
func shopAddress(text string, start, end int) bool {
	before := sentenceBefore(text, start, 20)
	shop, buyer := lastOf(before, shopAddressWords), lastOf(before, buyerWords)
	if shop >= 0 && shop >= buyer {
		return true
	}
	after := strings.TrimLeft(sentenceAfter(text, end, 8), " \u3000")
	for _, w := range [...]string{"附近", "旁边", "对面", "门口", "周边"} {
		if strings.HasPrefix(after, w) {
			return true // a landmark (12号附近的驿站), not a home
		}
	}
	return buyer < 0 && lastOf(after, shopAfterWords) >= 0
}

// shopAfterWords, after an address no buyer word owns, make it the shop's
// (…1258号 售后仓, …88号是我们门店, …969号3号仓发货).
var shopAfterWords = []string{"售后", "仓", "门店", "店铺", "公司", "厂", "发货", "发出", "我们店", "我们的店", "本店", "实体店"}

// sentenceAfter returns up to n runes after pos, not reaching past a sentence end.
func sentenceAfter(text string, pos, n int) string {
	i := pos
	for k := 0; k < n && i < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n' || r == '；' || r == ';' || r == '，' || r == ',' {
			break
		}
		i += size
	}
	return text[pos:i]
}

// shopAddressWords make an address the shop's own.
var shopAddressWords = []string{
	"退货地址", "退回地址", "寄回地址", "售后地址", "退换地址", "换货地址", "寄回", "退回", "退货", "退换",
	"换货", "请寄到", "请寄至", "寄到我们", "寄给我们", "发货地", "发货仓", "发货地址", "仓库", "售后仓",
	"门店", "实体店", "本店", "店铺地址", "公司地址", "我们公司", "我司", "厂址", "工厂", "我们的地址",
	"我们地址", "我们在", "我们店", "总部", "我们厂", "本厂", "厂里", "厂家地址",
}

// returnWords put what follows in a return address given to the buyer.
var returnWords = []string{"退货地址", "退回地址", "寄回地址", "售后地址", "退换地址", "换货地址", "寄回", "退回", "退货请寄", "请寄到", "寄到我们", "寄给我们"}

// buyerWords make the data that follows the buyer's or a third party's.
// Words of people are written with what marks the data as theirs (客户的,
// 客户电话, not 客户服务热线; 他的, 他手机, not 其他).
var buyerWords = []string{
	"您的", "你的", "您家", "你家", "您在", "你在", "您住", "你住", "住在", "住址", "家住", "家在", "收货",
	"收件", "买家", "顾客的", "顾客电话", "顾客手机", "顾客地址", "那位顾客", "客户的", "客户电话", "客户手机",
	"客户地址", "用户的", "邻居", "同事", "朋友", "家人", "他的", "她的", "他手机", "她手机", "他电话", "她电话",
	"他号码", "她号码", "他家", "她家", "他住", "她住", "那位", "上一位", "寄到您", "寄给您", "送到您", "发到您",
	"您提供", "你提供", "您预留", "您登记", "您留",
	// What the buyer gave or did: 您之前留的电话, 您下单的手机号, 您填的….
	"您之前留", "你留", "您填", "你填", "您写", "你写", "您下单", "你下单", "您绑定", "您注册", "您发来", "你发来",
	"您发的", "你发的", "您给的", "你给的", "您告诉", "您刚才", "您当时", "您绑", "你绑",
	// A third person's: 她留的电话是…, 他登记的地址….
	"她留", "他留", "她登记", "他登记", "她填", "他填",
	// The buyer's people: 您老公王强 1890000…, 您填的紧急联系人….
	"您老公", "您老婆", "您先生", "您太太", "您爱人", "您家属", "您父亲", "您母亲", "您爸", "您妈", "您孩子",
	"您儿子", "您女儿", "联系人", "取件人", "本人电话",
	// The buyer's phone, called or named: 刚打您138…没人接, 您电话138….
	"打您", "您电话", "您手机", "您号码", "你电话", "你手机", "你号码",
}

// agentWords make a number the agent's or the shop's own contact.
var agentWords = []string{
	"我的", "加我", "打我", "找我", "联系我", "我号码", "我手机", "我电话", "我微信", "我们的", "联系我们",
	"本人", "客服电话", "售后电话", "店铺电话", "我们电话", "打这个", "拨打", "致电", "来电", "我这",
	"咨询电话", "热线",
	// An invitation to call: 您的快递到了，有问题联系138….
	"有问题联系", "有事联系", "随时联系", "可联系", "请联系", "直接联系", "欢迎联系", "有问题打", "有事打", "随时打",
	// Money sent to the shop's account: 转到我们对公账户就行，6222…, 转账到建行卡 6217….
	"对公", "转账到", "转账至", "汇款到", "汇款至", "收款账户", "收款卡", "转到我们", "打到我们",
}

// lastOf returns the byte offset just past the last occurrence in s of any
// of words, or -1.
func lastOf(s string, words []string) int {
	best := -1
	for _, w := range words {
		k := strings.LastIndex(s, w)
		if k > 0 && strings.HasSuffix(s[:k], "其") && (strings.HasPrefix(w, "他") || strings.HasPrefix(w, "她")) {
			k = strings.LastIndex(s[:k-len("其")], w) // 其他的 is "other", not "his"
		}
		if k >= 0 && k+len(w) > best {
			best = k + len(w)
		}
	}
	return best
}

// sentenceBefore returns up to n runes before pos, not reaching back past a
// sentence end.
func sentenceBefore(text string, pos, n int) string {
	i := pos
	for k := 0; k < n && i > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n' || r == '；' || r == ';' {
			break
		}
		i -= size
	}
	return text[i:pos]
}

// owner is whose a number, handle or address is.
type owner uint8

const (
	ownerUnknown owner = iota
	ownerBuyer         // the buyer's or a third party's
	ownerAgent         // the agent's or the shop's own
)

// ownerBefore decides whose the data at pos is from the words just before it
// in the same sentence: the nearest of a buyer word (您的, 收货人, 他) and an
// agent word (我的, 加我, 联系我们) wins.
func ownerBefore(text string, pos, n int) owner {
	before := sentenceBefore(text, pos, n)
	b, a := lastOf(before, buyerWords), lastOf(before, agentWords)
	switch {
	case b < 0 && a < 0:
		return ownerUnknown
	case b > a:
		return ownerBuyer
	}
	return ownerAgent
}
