package corpus

//go:generate go run gen.go

import (
	"bytes"
	"sort"
	"strconv"

	"compress/gzip"
	_ "embed"
	"github.com/huashu/huashu/internal/segdict"
	"io"
	"math/rand"
	"strings"
	"sync"
)

//go:embed terms.txt.gz
var termsGz []byte

var (
	termsOnce sync.Once
	terms     []string
)

// Terms returns the first n (at most 100,000) words of the benchmark term
// list; Terms(1000) is a prefix of Terms(10000).
func Terms(n int) []string {
	termsOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(termsGz))
		if err != nil {
			panic("corpus: " + err.Error())
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			panic("corpus: " + err.Error())
		}
		terms = strings.Split(strings.TrimSpace(string(b)), "\n")
	})
	return terms[:min(n, len(terms))]
}

// Lines of a synthetic customer-service chat, written for these benchmarks.
var buyerLines = []string{
	"你好，请问这款还有货吗？",
	"我昨天下的单，什么时候发货啊",
	"快递三天了还没到，帮我查一下物流",
	"收到的东西坏了，外壳有裂缝",
	"尺码偏小，能换大一号的吗",
	"这个颜色和图片上的不太一样",
	"可以便宜一点吗？买两件有优惠吗",
	"发票怎么开？要公司抬头的",
	"退款申请提交了，多久能到账",
	"你们这服务太差了，我要投诉",
	"订单号{order}，麻烦看一下",
	"我要的是{product}，怎么发成别的了",
	"能不能今天发出？明天要用",
	"赠品没收到，说好的送{gift}呢",
	"包装破了，里面的{product}有划痕",
	"好的，谢谢👍",
	"在吗？？？",
	"能开{n}张发票吗",
	"你们的客服电话是多少",
	"活动价什么时候结束",
}

var agentLines = []string{
	"您好，欢迎光临，请问有什么可以帮您？",
	"非常抱歉让您久等了，我马上为您查询",
	"您的订单{order}已经发货，预计{n}天内送达",
	"给您带来不便非常抱歉，请您拍照发给我们，我们尽快处理",
	"这款{product}目前有现货，今天下单{time}前发出",
	"尺码问题可以为您办理换货，运费由我们承担",
	"退款已经为您申请，原路退回，一般{n}个工作日到账",
	"发票可以在订单详情页申请，填写公司抬头和税号即可",
	"赠品{gift}会和商品一起寄出，如有遗漏我们会补发",
	"我非常理解您的心情，这个问题我来帮您跟进",
	"物流信息显示包裹正在派送中，请您留意电话",
	"活动价截止到本月底，现在下单可以享受满减",
	"颜色因显示器不同可能略有差异，敬请谅解",
	"请您提供一下收货地址，我核对一下",
	"已经为您备注加急，仓库会优先处理",
	"如果收到后不满意，支持七天无理由退换",
	"感谢您的耐心，还有其他可以帮您的吗？",
	"稍后我会在{time}前回复您处理结果",
	"这个问题我已经反馈给主管，会尽快给您答复",
	"祝您生活愉快，再见😊",
}

// Evasions and violations sprinkled into the dirty shape.
var dirtyLines = []string{
	"亲，加 微 信 给你便宜点",
	"淘-宝上买更贵，这边最低价",
	"好评返现5元哦❤️",
	"你烦不烦啊，爱买不买",
	"加我ＱＱ 12345678 私聊",
	"这是全网最低价，史上最好",
	"別在淘寶買，我們這裡便宜",
	"V信：abc_123",
	"神 经 病吧你",
	"拼*多*多也有卖",
}

var (
	products = []string{"蓝牙耳机", "保温杯", "连衣裙", "扫地机器人", "电饭煲", "运动鞋", "充电宝", "床上四件套"}
	gifts    = []string{"手机壳", "收纳袋", "小样", "贴膜"}
	times    = []string{"下午四点", "今晚八点", "明天中午", "两小时内"}
)

// Shape is the form of a generated chat text.
type Shape int

// Shapes of chat text.
const (
	Clean       Shape = iota + 1 // ordinary Simplified chat
	Dirty                        // one line in four is a violation or evasion
	Traditional                  // Clean, with Han characters in Traditional form
	FullWidth                    // Clean, with ASCII in full-width form
)

// Chat returns about size bytes of synthetic chat, one message per line,
// the same for the same arguments.
func Chat(size int, shape Shape, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	for b.Len() < size {
		var line string
		switch {
		case shape == Dirty && r.Intn(4) == 0:
			line = dirtyLines[r.Intn(len(dirtyLines))]
		case r.Intn(2) == 0:
			line = buyerLines[r.Intn(len(buyerLines))]
		default:
			line = agentLines[r.Intn(len(agentLines))]
		}
		line = strings.NewReplacer(
			"{order}", orderNo(r), "{n}", string(rune('1'+r.Intn(7))),
			"{product}", products[r.Intn(len(products))], "{gift}", gifts[r.Intn(len(gifts))],
			"{time}", times[r.Intn(len(times))],
		).Replace(line)
		b.WriteString(line)
		// Free talk: words drawn by frequency from gse's dictionary, so that
		// the text has a realistic spread of characters, not only the lines above.
		for k := r.Intn(3); k > 0; k-- {
			b.WriteString("，")
			for w := 2 + r.Intn(4); w > 0; w-- {
				b.WriteString(word(r))
			}
		}
		b.WriteByte('\n')
	}
	s := b.String()
	switch shape {
	case Traditional:
		s = toTraditional(s)
	case FullWidth:
		s = ToFullWidth(s)
	}
	return s
}

func orderNo(r *rand.Rand) string {
	var b [12]byte
	for i := range b {
		b[i] = byte('0' + r.Intn(10))
	}
	return string(b[:])
}

// traditional maps a few hundred common Simplified characters to Traditional.
var traditional = map[rune]rune{}

func init() {
	pairs := "们們这這个個么麼货貨发發单單还還问問吗嗎为為您您欢歡迎迎临臨帮幫请請抱抱让讓马馬查查询詢订訂经經预預计計达達带帶来來处處理理现現尺尺换換运運费費请請款款经經账賬开開票票详詳页頁写寫税稅号號赠贈会會起起寄寄遗遺补補发發时時间間馈饋给給尽盡复復满滿减減显顯颜顏谅諒认認址址备備紧緊仓倉库庫优優无無于於谢謝耐耐愿願东東坏壞划劃层層边邊们們说說样樣图圖么麼贵貴电電话話结結束束惯慣对對买買卖賣这這里裡质質爱愛样樣专專门門长長后後区區实實点點钱錢价價动動过過进進较較总總头頭业業务務务務产產证證态態众眾网網线線车車与與两兩书書气氣热熱关關闭閉导導"
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		traditional[rs[i]] = rs[i+1]
	}
}

func toTraditional(s string) string {
	return strings.Map(func(r rune) rune {
		if t, ok := traditional[r]; ok {
			return t
		}
		return r
	}, s)
}

// ToFullWidth writes the printable ASCII of s in its full-width forms (Ａ for A).
func ToFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r - 0x21 + 0xFF01
		}
		return r
	}, s)
}

var (
	vocabOnce sync.Once
	vocab     []string
	vocabCum  []float64
)

// word returns a word of the segmentation dictionary, drawn by frequency.
func word(r *rand.Rand) string {
	vocabOnce.Do(func() {
		total := 0.0
		for _, line := range strings.Split(segdict.Words, "\n") {
			w, f, ok := strings.Cut(line, " ")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			v, err := strconv.ParseFloat(f, 64)
			if err != nil || v < 1 {
				continue
			}
			total += v
			vocab = append(vocab, w)
			vocabCum = append(vocabCum, total)
		}
	})
	x := r.Float64() * vocabCum[len(vocabCum)-1]
	return vocab[sort.SearchFloat64s(vocabCum, x)]
}
