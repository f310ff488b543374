// Command beam audits chat logs with huashu on Apache Beam: on the
// embedded local runner (prism, the default) on one machine, or on Flink,
// Spark or Google Dataflow at scale, with the same code.
//
// It reads chat logs in JSON Lines (the format of examples/audit, one turn
// a line) from any Beam filesystem: local files and patterns, gs:// and
// s3://, gzip-compressed when the name ends in .gz. It checks every agent
// turn, groups the turns by conversation across all files, orders them by
// time, runs the conversation audit, and writes under -output:
//
//	flagged.jsonl   every flagged agent turn: file, line, report, a suggested rewrite
//	findings.jsonl  every conversation finding, with the lines of its evidence
//	scores.jsonl    per agent and day (China time): the quality score (质检评分), conversations, turns, flagged, points
//	errors.jsonl    every skipped input line with its file, line number and reason
//	summary.txt     examples/audit's summary of the same counts, with its quality scores
//	summary.json    the same, for machines
//
// Every worker builds one checker (in DoFn Setup, shared by the worker's
// threads) from the platform and the -lexicon files, which must be on a
// path every worker can read.
//
//	go run . -input 'chats/*.jsonl' -output out/ -platform jd
//	go run . -input 'gs://logs/2026-03-15/*.jsonl.gz' -output gs://audits/2026-03-15/ \
//	    -runner dataflow -project P -region R -staging_location gs://B/staging
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	// Filesystems for -input, -output and -lexicon. beamx registers the
	// local and gs:// ones; s3:// is registered here (AWS credentials come
	// from the usual environment on each worker).
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() { os.Exit(run()) }

func run() int {
	var o Options
	var inputs, lexicons listFlag
	flag.Var(&inputs, "input", "chat logs: a file or pattern on any Beam filesystem (repeatable)")
	flag.StringVar(&o.Output, "output", "beam-out/", "prefix of the output files (a directory with a trailing /, or gs://, s3://)")
	flag.StringVar(&o.Platform, "platform", "generic", "platform rules: generic, jd, taobao, doudian, pdd")
	flag.Var(&lexicons, "lexicon", "add a lexicon file, on a path every worker can read (repeatable)")
	flag.IntVar(&o.Shards, "shards", 1, "files per JSON Lines output (flagged, findings, scores)")
	flag.BoolVar(&o.Suggest, "suggest", true, "add a suggested rewrite to each flagged turn")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of this process to the file (with the local runner: the whole pipeline)")
	flag.Parse()
	// On a worker, Init runs the worker harness and never returns.
	beam.Init()
	o.Inputs, o.Lexicons = inputs, lexicons

	ctx := context.Background()
	p, err := build(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	// Read the rule files once here too, so that a bad file fails now
	// rather than on every worker of a cluster; a local runner in this
	// process reuses the checker.
	if _, err := sharedChecker(ctx, o.Config); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "beam:", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "beam:", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		return 1
	}
	elapsed := time.Since(start)
	if flagSet("dry_run") || flagSet("async") {
		fmt.Printf("pipeline: submitted, not waited for; outputs will be under %s\n", o.Output)
		return 0
	}
	text, err := readSmallFile(ctx, o.Output+summaryName+".txt", 64<<20)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var sum summaryJSON
	if js, err := readSmallFile(ctx, o.Output+summaryName+".json", 64<<20); err == nil {
		_ = json.Unmarshal([]byte(js), &sum)
	}
	fmt.Print(text)
	fmt.Printf("pipeline: %.1f MB in %s (%.1f MB/s, including start-up); outputs under %s\n",
		float64(sum.Bytes)/1e6, elapsed.Round(time.Millisecond), float64(sum.Bytes)/1e6/max(elapsed.Seconds(), 1e-9), o.Output)
	return 0
}

// flagSet reports whether a boolean runner flag (Dataflow's -dry_run,
// -async) is on: then the run returns before the outputs exist.
func flagSet(name string) bool {
	f := flag.Lookup(name)
	return f != nil && f.Value.String() == "true"
}
