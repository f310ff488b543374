// Command table measures huashu's matcher and its peers side by side (scan
// throughput on 1 MB of chat text, build time and retained heap, for 1k, 10k
// and 100k terms) and prints a Markdown table; with -readme it also replaces
// the table between the bench markers in that file.
//
//	cd bench && go run ./cmd/table -readme ../README.md
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/huashu/huashu/bench"
	"github.com/huashu/huashu/internal/corpus"
	"github.com/huashu/huashu/internal/heapmeter"
)

const (
	startMarker = "<!-- bench:start -->"
	endMarker   = "<!-- bench:end -->"
)

func main() {
	readme := flag.String("readme", "", "README file whose bench table to replace")
	flag.Parse()
	table, err := measure()
	if err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	fmt.Print(table)
	if *readme != "" {
		if err := splice(*readme, table); err != nil {
			fmt.Fprintln(os.Stderr, "table:", err)
			os.Exit(1)
		}
	}
}

func measure() (string, error) {
	text := corpus.Chat(1<<20, corpus.Clean, 1)
	var b strings.Builder
	fmt.Fprintf(&b, "Median of three runs, measured %s on %s/%s, %d CPUs, %s, 1 MB of synthetic chat text (`internal/corpus`), terms sampled from gse's dictionary. huashu folds and skips noise while scanning; the peers scan raw bytes or runes.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	b.WriteString("| terms | library | scan MB/s | huashu ÷ peer | build | build heap | matches |\n")
	b.WriteString("|---:|---|---:|---:|---:|---:|---:|\n")
	for _, size := range []int{1000, 10000, 100000} {
		terms := corpus.Terms(size)
		var huashu float64
		for _, e := range bench.Engines {
			scan, err := e.Build(terms)
			if err != nil {
				return "", err
			}
			matches := 0
			var runs []float64
			for k := 0; k < 3; k++ { // the median of three runs
				r := testing.Benchmark(func(tb *testing.B) {
					tb.SetBytes(int64(len(text)))
					for tb.Loop() {
						matches = scan(text)
					}
				})
				runs = append(runs, float64(r.Bytes)*float64(r.N)/1e6/r.T.Seconds())
			}
			slices.Sort(runs)
			mbs := runs[1]
			if e.Name == "huashu" {
				huashu = mbs
			}
			start := time.Now()
			heap := heapmeter.Retained(func() any { s, _ := e.Build(terms); return s })
			build := time.Since(start)
			ratio := "—"
			if e.Name != "huashu" {
				ratio = fmt.Sprintf("%.1f×", huashu/mbs)
			}
			fmt.Fprintf(&b, "| %dk | %s | %.0f | %s | %s | %.1f MB | %d |\n", size/1000, e.Name, mbs, ratio, build.Round(time.Millisecond), float64(heap)/1e6, matches)
		}
	}
	return b.String(), nil
}

func splice(path, table string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(data)
	i, j := strings.Index(s, startMarker), strings.Index(s, endMarker)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %s ... %s markers", path, startMarker, endMarker)
	}
	s = s[:i+len(startMarker)] + "\n" + table + s[j:]
	return os.WriteFile(path, []byte(s), 0o644)
}
