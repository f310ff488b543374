//go:build ignore

// gen.go writes tables.go, the Mandarin reading table of package pinyin, from
// the Unicode Han Database (Unihan, UAX #38; Unicode licence, see
// UNICODE-LICENSE) and the repository's segmentation dictionary.
//
// Run it with `go generate ./internal/pinyin` from the repository root. By
// default it reads Debian's unicode-data package (`apt-get install
// unicode-data`): /usr/share/unicode/Unihan_Readings.txt.bz2 and
// Unihan_OtherMappings.txt.bz2; -unihan DIR reads them from elsewhere (plain
// .txt files are accepted too).
//
// What it keeps:
//
//   - Characters: the 8,105 characters of the 通用规范汉字表 (Table of General
//     Standard Chinese Characters, 2013), taken from the kTGH field. The 3,500
//     of level 1 (kTGH index ≤ 3500, the 常用字) are the "common" characters that
//     homophone lists are drawn from.
//   - Readings of a character, toneless (tone marks dropped, ü written v,
//     ê written e): the kMandarin reading first (its first value, the
//     mainland one), then the other kHanyuPinlu readings by their corpus count,
//     then the other kTGHZ2013 readings in source order.
//   - Common readings: the kMandarin reading, and a kHanyuPinlu reading whose
//     count is at least 5% of the character's total (长 zhang and
//     chang, 行 xing and hang; not 了 liao). The others are rare: Readings
//     returns them, homophone lists ignore them.
//   - Tones: after each reading, every tone (1–4, 5 for neutral) with which
//     kMandarin, kHanyuPinlu or kTGHZ2013 gives that toneless reading; they
//     rank same-tone homophones first.
//   - Order of characters: by frequency, the sum of the counts of the words of
//     ../segdict/words.txt (gse's dictionary) that contain the character, ties
//     by kTGH index. Level 1 first, then levels 2 and 3.
//   - Syllables: every toneless reading of kMandarin, kHanyuPinyin,
//     kHanyuPinlu, kXHC1983 and kTGHZ2013 over the whole file.
package main

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	commonLevel = 3500 // kTGH indexes 1..3500 are level 1
	minShare    = 20   // a Pinlu reading is common at ≥ 1/minShare (5%) of the count
)

func main() {
	dir := flag.String("unihan", "/usr/share/unicode", "directory holding Unihan_Readings.txt[.bz2] and Unihan_OtherMappings.txt[.bz2]")
	out := flag.String("o", "tables.go", "output file")
	flag.Parse()

	readings, version := readFields(*dir, "Unihan_Readings.txt")
	other, otherVersion := readFields(*dir, "Unihan_OtherMappings.txt")
	if version != otherVersion {
		log.Fatalf("Unihan files of different versions: %s and %s", version, otherVersion)
	}

	tgh := map[rune]int{}
	for r, f := range other {
		v, ok := f["kTGH"]
		if !ok {
			continue
		}
		_, idx, ok := strings.Cut(v, ":")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil {
			log.Fatalf("U+%04X: bad kTGH %q", r, v)
		}
		tgh[r] = n
	}

	// Syllable inventory over the whole file.
	sylls := map[string]bool{}
	for r, f := range readings {
		for _, key := range []string{"kMandarin", "kHanyuPinyin", "kHanyuPinlu", "kXHC1983", "kTGHZ2013"} {
			if v, ok := f[key]; ok {
				for _, s := range fieldReadings(key, v) {
					sylls[toneless(r, s)] = true
				}
			}
		}
	}

	freq := wordFrequencies("../segdict/words.txt")

	type entry struct {
		r              rune
		index          int
		freq           int64
		common, others []string
		tones          map[string]int // toneless reading → bit t-1 for tone t
	}
	var entries []entry
	for r, idx := range tgh {
		f := readings[r]
		mandarin := f["kMandarin"]
		if mandarin == "" {
			log.Fatalf("U+%04X %c: in kTGH without kMandarin", r, r)
		}
		first := toneless(r, strings.Fields(mandarin)[0])
		e := entry{r: r, index: idx, freq: freq[r], common: []string{first}, tones: map[string]int{}}
		e.tones[first] |= 1 << (tone(r, strings.Fields(mandarin)[0]) - 1)
		seen := map[string]bool{first: true}
		// kHanyuPinlu: "xíng(2943) háng(218)".
		type counted struct {
			s string
			n int
		}
		var pinlu []counted
		total := 0
		for _, item := range strings.Fields(f["kHanyuPinlu"]) {
			s, n, ok := strings.Cut(strings.TrimSuffix(item, ")"), "(")
			c, err := strconv.Atoi(n)
			if !ok || err != nil {
				log.Fatalf("U+%04X: bad kHanyuPinlu %q", r, f["kHanyuPinlu"])
			}
			total += c
			// The same toneless reading may appear with two tones.
			t := toneless(r, s)
			e.tones[t] |= 1 << (tone(r, s) - 1)
			merged := false
			for i := range pinlu {
				if pinlu[i].s == t {
					pinlu[i].n += c
					merged = true
				}
			}
			if !merged {
				pinlu = append(pinlu, counted{t, c})
			}
		}
		sort.SliceStable(pinlu, func(i, j int) bool { return pinlu[i].n > pinlu[j].n })
		for _, p := range pinlu {
			if seen[p.s] {
				continue
			}
			seen[p.s] = true
			if p.n*minShare >= total {
				e.common = append(e.common, p.s)
			} else {
				e.others = append(e.others, p.s)
			}
		}
		for _, s := range fieldReadings("kTGHZ2013", f["kTGHZ2013"]) {
			t := toneless(r, s)
			e.tones[t] |= 1 << (tone(r, s) - 1)
			if !seen[t] {
				seen[t] = true
				e.others = append(e.others, t)
			}
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if (a.index <= commonLevel) != (b.index <= commonLevel) {
			return a.index <= commonLevel
		}
		if a.freq != b.freq {
			return a.freq > b.freq
		}
		return a.index < b.index
	})

	var data strings.Builder
	common := 0
	for i, e := range entries {
		if e.index <= commonLevel {
			common++
		}
		if i > 0 && i%16 == 0 {
			data.WriteString("\" +\n\t\"")
		}
		data.WriteRune(e.r)
		data.WriteString(withTones(e.common, e.tones))
		if len(e.others) > 0 {
			data.WriteString(";" + withTones(e.others, e.tones))
		}
	}
	if common != commonLevel {
		log.Fatalf("%d level-1 characters, want %d", common, commonLevel)
	}
	var syllList []string
	for s := range sylls {
		syllList = append(syllList, s)
	}
	sort.Strings(syllList)
	var sylData strings.Builder
	for i, s := range syllList {
		if i > 0 {
			if i%20 == 0 {
				sylData.WriteString("\" +\n\t\"")
			}
			sylData.WriteByte(' ')
		}
		sylData.WriteString(s)
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, `// Code generated by gen.go; DO NOT EDIT.

// Source: Unicode %s Unihan database (Unihan_Readings.txt: kMandarin,
// kHanyuPinlu, kTGHZ2013 and, for the syllable inventory, kHanyuPinyin and
// kXHC1983; Unihan_OtherMappings.txt: kTGH), Unicode licence (UNICODE-LICENSE).
// Character order: frequency in internal/segdict/words.txt.
// %d characters (%d of level 1), %d syllables.

package pinyin

// UnihanVersion is the Unicode version of the Unihan data the table was
// generated from.
const UnihanVersion = %q

// commonChars is the number of level-1 characters at the head of charData.
const commonChars = %d

// syllableData lists every toneless Mandarin syllable Unihan attests, sorted,
// separated by spaces.
const syllableData = "%s"

// charData lists the characters of the 通用规范汉字表, level 1 first, each part
// by frequency. Each character is followed by its common readings, separated
// by commas, then, after a semicolon, by its rare readings. Each reading is
// followed by the tones (1 to 4, 5 for neutral) the character is read with in
// any of the three fields.
const charData = "%s"
`, version, len(entries), common, len(syllList), version, common, sylData.String(), data.String())
	src, err := format.Source(buf.Bytes())
	if err != nil {
		log.Fatalf("format: %v", err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes, %d characters, %d syllables", *out, len(src), len(entries), len(syllList))
}

var versionRE = regexp.MustCompile(`^# Unicode version: (\S+)`)

// readFields reads a Unihan file as rune → field → value, and its version.
func readFields(dir, name string) (map[rune]map[string]string, string) {
	var rd io.Reader
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if err != nil {
		path += ".bz2"
		f, err = os.Open(path)
		if err != nil {
			log.Fatalf("%v (install Debian's unicode-data or pass -unihan)", err)
		}
		rd = bzip2.NewReader(f)
	} else {
		rd = f
	}
	defer f.Close()
	fields := map[rune]map[string]string{}
	version := ""
	sc := bufio.NewScanner(rd)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := versionRE.FindStringSubmatch(line); m != nil {
			version = m[1]
		}
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 || !strings.HasPrefix(parts[0], "U+") {
			log.Fatalf("%s: bad line %q", path, line)
		}
		cp, err := strconv.ParseUint(parts[0][2:], 16, 32)
		if err != nil {
			log.Fatalf("%s: bad line %q", path, line)
		}
		r := rune(cp)
		if fields[r] == nil {
			fields[r] = map[string]string{}
		}
		fields[r][parts[1]] = parts[2]
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if version == "" {
		log.Fatalf("%s: no version line", path)
	}
	return fields, version
}

// fieldReadings returns the toned readings of one field value.
func fieldReadings(key, v string) []string {
	var out []string
	switch key {
	case "kMandarin":
		return strings.Fields(v)
	case "kHanyuPinlu":
		for _, item := range strings.Fields(v) {
			s, _, _ := strings.Cut(item, "(")
			out = append(out, s)
		}
	default: // kHanyuPinyin, kXHC1983, kTGHZ2013: "loc,loc:r1,r2 loc:r3"
		for _, item := range strings.Fields(v) {
			_, rs, ok := strings.Cut(item, ":")
			if !ok {
				log.Fatalf("bad %s value %q", key, v)
			}
			out = append(out, strings.Split(rs, ",")...)
		}
	}
	return out
}

// withTones joins readings with commas, each followed by the digits of its
// tones: "xing2,hang2".
func withTones(readings []string, tones map[string]int) string {
	var b strings.Builder
	for i, s := range readings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s)
		for t := 1; t <= 5; t++ {
			if tones[s]&(1<<(t-1)) != 0 {
				b.WriteByte(byte('0' + t))
			}
		}
	}
	return b.String()
}

// tone returns the tone of a toned reading: 1 to 4 by its mark (ā á ǎ à),
// 5 for none (the neutral tone).
func tone(r rune, s string) int {
	t := 5
	for _, c := range norm.NFD.String(s) {
		n := strings.IndexRune("\u0304\u0301\u030C\u0300", c)
		if n >= 0 {
			if t != 5 {
				log.Fatalf("U+%04X: two tone marks in %q", r, s)
			}
			t = n/2 + 1 // each mark is two bytes in UTF-8
		}
	}
	return t
}

// toneless drops tone marks and writes ü as v and ê as e.
func toneless(r rune, s string) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(s) {
		switch {
		case c == '\u0308': // diaeresis: u → v
			str := b.String()
			if !strings.HasSuffix(str, "u") {
				log.Fatalf("U+%04X: diaeresis not on u in %q", r, s)
			}
			b.Reset()
			b.WriteString(str[:len(str)-1] + "v")
		case unicode.Is(unicode.Mn, c):
		case c >= 'a' && c <= 'z':
			b.WriteRune(c)
		default:
			log.Fatalf("U+%04X: unexpected %q in reading %q", r, c, s)
		}
	}
	if b.Len() == 0 || !utf8.ValidString(b.String()) {
		log.Fatalf("U+%04X: empty reading %q", r, s)
	}
	return b.String()
}

// wordFrequencies sums, for each character, the counts of the words that
// contain it (once per occurrence).
func wordFrequencies(path string) map[rune]int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	freq := map[rune]int64{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, n, ok := strings.Cut(line, " ")
		c, err := strconv.ParseInt(n, 10, 64)
		if !ok || err != nil {
			log.Fatalf("%s: bad line %q", path, line)
		}
		for _, r := range w {
			freq[r] += c
		}
	}
	return freq
}
