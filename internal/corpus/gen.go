//go:build ignore

// gen.go writes terms.txt.gz: 100,000 distinct Han words sampled from gse's
// Simplified Chinese dictionary (github.com/go-ego/gse data/dict/zh/s_1.txt,
// Apache-2.0), in a fixed pseudo-random order, so that the first 1,000 and
// 10,000 are the smaller benchmark lexicons. Words are 2 to 6 characters and
// distinct after lexicon folding (淘宝 and 淘寶 are one term).
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"log"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huashu/huashu/lexicon"
)

func main() {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(filepath.Join(strings.TrimSpace(string(out)), "data/dict/zh/s_1.txt"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var words []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), " ")
		n := utf8.RuneCountInString(w)
		if n < 2 || n > 6 || strings.ContainsFunc(w, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
			continue
		}
		k := lexicon.Normalize(w).Text
		if seen[k] {
			continue
		}
		seen[k] = true
		words = append(words, w)
	}
	r := rand.New(rand.NewSource(20261122))
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	words = words[:100000]
	o, err := os.Create("terms.txt.gz")
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	fmt.Fprintln(zw, strings.Join(words, "\n"))
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := o.Close(); err != nil {
		log.Fatal(err)
	}
}
