package compliance

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/scripts"
)

// corpusTexts returns every reply of the test corpora: the development
// sets, the clean replies and the sweep, the families' positives and
// negatives, and the swept dictionary words in their sweep sentence.
func corpusTexts(t testing.TB) []string {
	var texts []string
	for _, set := range []string{"testdata/dev.json", "testdata/dev2.json"} {
		for _, c := range loadEval(t, set) {
			texts = append(texts, c.Text)
		}
	}
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	more, err := filepath.Glob("testdata/*/*.txt")
	require.NoError(t, err)
	for _, file := range append(files, more...) {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, line := range dataLines(string(raw)) {
			head, text, ok := strings.Cut(line, "\t")
			switch {
			case !ok:
				texts = append(texts, line)
			case filepath.Base(file) == "sweep_flagged.txt":
				texts = append(texts, head, "我们的"+head+"很不错")
			default:
				texts = append(texts, text)
			}
		}
	}
	require.Greater(t, len(texts), 3000)
	return texts
}

// gateTexts are texts at the edges of the detectors' gates: just too few
// digits, house marks after and away from a number, handles, links and
// document words, in every style the detectors read.
var gateTexts = []string{
	"1234", "12345", "一二三四", "一二三四五", "叁捌柒陆伍", "l38O", "l38OO", "①②③④⑤", "１２３４５",
	"号", "1号", "十号", "A栋", "Ａ座", "三单元", "l室", "｜号", "〇号", "一 号", "1 号",
	"a", "_", "-", ".", "@", "ａ", "＠", "：", ":", "a.com", "a:b", "vx：abc_123", "企鹅 12345678",
	"证", "护", "护照", "通行证E12345678", "护照 E12345678", "證", "\xff", "\xe5\x8f", "1\xff2345",
	"加扣：叁捌柒陆伍肆贰壹零", "她家住北京市朝阳区望京西园三区312号楼2单元801", "SN13912345678",
	"打这个 l58OO123456 找我", "KFR-35GW/WX-3020", "收货人：王五 13800138000", "您的邮箱 zhangsan@qq.com",
}

// TestDetectorGatesChangeNothing checks the gates against the detectors run
// on every text: on the corpora, on every platform, reports are identical.
func TestDetectorGatesChangeNothing(t *testing.T) {
	texts := append(corpusTexts(t), gateTexts...)
	for _, p := range scripts.Platforms() {
		c := mustNew(t, WithPlatform(p))
		for _, text := range texts {
			require.Equal(t, c.check(text, true), c.Check(text), "%s: %q", p, text)
		}
	}
	c := mustNew(t, WithPlatform(JD), WithoutCategories(OffPlatform))
	for _, text := range texts {
		require.Equal(t, c.check(text, true), c.Check(text), "without off_platform: %q", text)
	}
}

// TestDetectorGatesRandom compares gated and ungated detectors on random
// texts made of the runes the gates look at and their neighbours.
func TestDetectorGatesRandom(t *testing.T) {
	seed := uint64(rand.Int64())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 11))
	pool := []rune("0123456789０１lIO|o一二三四五六七八九十百零〇两幺叁号號栋室楼单元层座户组队证护照路市区省aZ_-.@:：，。 ＡＺ＠＿①②微信我您的\xff")
	c := mustNew(t, WithPlatform(JD))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			if r := pool[rng.IntN(len(pool))]; r == '\xff' {
				b.WriteByte(0xff)
			} else {
				b.WriteRune(r)
			}
		}
		text := b.String()
		require.Equal(t, c.detectGated(text, nil, allGates), c.detect(text, nil), "%q", text)
	}
}

// FuzzDetectorGates checks that the gates never change what the detectors find.
func FuzzDetectorGates(f *testing.F) {
	for _, s := range gateTexts {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		require.Equal(t, c.detectGated(text, nil, allGates), c.detect(text, nil), "%q", text)
	})
}

// TestHanGateRunes checks hanGateRunes against gateOf: every rune of the
// CJK block that a gate cares about is listed, and no other.
func TestHanGateRunes(t *testing.T) {
	for r := rune(hanFirst); r <= hanLast; r++ {
		listed := strings.ContainsRune(hanGateRunes, r)
		require.Equal(t, gateOf(r) != 0, listed, "%c (%U): gate bits %b; hanGateRunes must list exactly the runes with bits", r, r, gateOf(r))
	}
}
