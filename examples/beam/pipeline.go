package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/huashu/huashu/compliance"
)

func init() {
	// Registration lets every runner find the functions and types by name
	// in the worker binary, and gives the SDK's generated fast callers.
	beam.RegisterType(reflect.TypeOf(turnRec{}))
	beam.RegisterType(reflect.TypeOf(badLine{}))
	beam.RegisterCoder(reflect.TypeOf(summary{}), encodeSummary, decodeSummary)
	beam.RegisterCoder(reflect.TypeOf(agentDay{}), encodeAgentDay, decodeAgentDay)
	register.DoFn5x1[context.Context, fileio.ReadableFile, func(string, turnRec), func(badLine), func(summary), error](&readFn{})
	register.Emitter2[string, turnRec]()
	register.Emitter1[badLine]()
	register.Emitter1[summary]()
	register.DoFn6x1[string, func(*turnRec) bool, func(string), func(string), func(string, agentDay), func(summary), error](&auditFn{})
	register.Iter1[turnRec]()
	register.Emitter1[string]()
	register.Emitter2[string, agentDay]()
	register.Function2x1(mergeSummaries)
	register.Function2x1(mergeAgentDays)
	register.Function2x2(formatScore)
	register.Function1x2(formatBadLine)
	register.DoFn4x1[summary, func(*string, *agentDay) bool, func(string), func(string), error](&formatSummaryFn{})
	register.Iter2[string, agentDay]()
	register.DoFn1x2[string, int, string](&shardFn{})
	register.Function1x2(shardMarker)
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// Options are the pipeline's inputs, outputs and rules.
type Options struct {
	// Inputs are file patterns on any registered Beam filesystem
	// ("logs/*.jsonl", "gs://bucket/2026-03-15/*.jsonl.gz"). A pattern
	// with a wildcard may match nothing; a plain path must exist.
	Inputs []string
	// Output is the prefix of the output files: a directory with a
	// trailing slash ("out/", "gs://bucket/audit/2026-03-15/") or a file
	// name prefix ("out/run1-").
	Output string
	// Shards is how many files each JSON Lines output is written to.
	Shards int
	Config
}

// Output file names, after Options.Output.
const (
	summaryName  = "summary"  // .txt: examples/audit's layout; .json: the same counts
	flaggedName  = "flagged"  // .jsonl: one flagged agent turn a line
	findingsName = "findings" // .jsonl: one conversation finding a line
	scoresName   = "scores"   // .jsonl: one agent and day a line
	errorsName   = "errors"   // .jsonl: one skipped input line a line
)

// build constructs the pipeline. It fails on options no worker could run.
func build(o Options) (*beam.Pipeline, error) {
	if len(o.Inputs) == 0 {
		return nil, errors.New("beam: no input: give -input PATTERN")
	}
	if o.Output == "" {
		return nil, errors.New("beam: no output: give -output PREFIX")
	}
	if o.Shards < 1 || o.Shards > 10000 {
		return nil, fmt.Errorf("beam: -shards %d: want 1 to 10000", o.Shards)
	}
	plat, err := compliance.ParsePlatform(o.Platform)
	if err != nil {
		return nil, err
	}
	o.Platform = plat.String()
	if o.Now == 0 {
		o.Now = time.Now().Unix()
	}
	p, s := beam.NewPipelineWithRoot()

	var matched []beam.PCollection
	for _, in := range o.Inputs {
		matched = append(matched, fileio.MatchFiles(s, in))
	}
	files := fileio.ReadMatches(s, beam.Flatten(s, matched...), fileio.ReadDirectorySkip())
	turns, bad, fileSums := beam.ParDo3(s.Scope("read"), &readFn{}, files)

	byConv := beam.GroupByKey(s.Scope("group by conversation"), turns)
	outs := beam.ParDoN(s.Scope("audit"), &auditFn{Config: o.Config}, byConv)
	flagged, findings, scores, convSums := outs[0], outs[1], outs[2], outs[3]

	dayScores := beam.CombinePerKey(s.Scope("scores"), mergeAgentDays, scores)
	scoreLines := beam.ParDo(s.Scope("scores"), formatScore, dayScores)
	badLines := beam.ParDo(s.Scope("errors"), formatBadLine, bad)
	// The empty summary makes the combine produce a value on an empty input.
	total := beam.Combine(s.Scope("summary"), mergeSummaries, beam.Flatten(s, fileSums, convSums, beam.Create(s, newSummary())))
	// The agents' days are few (agents × days): the summary reads them whole.
	text, js := beam.ParDo2(s.Scope("summary"), &formatSummaryFn{Source: strings.Join(o.Inputs, ", "), Platform: o.Platform}, total, beam.SideInput{Input: dayScores})

	writeLines(s, o.Output, flaggedName, ".jsonl", o.Shards, flagged)
	writeLines(s, o.Output, findingsName, ".jsonl", o.Shards, findings)
	writeLines(s, o.Output, scoresName, ".jsonl", o.Shards, scoreLines)
	writeLines(s, o.Output, errorsName, ".jsonl", 1, badLines)
	writeLines(s, o.Output, summaryName, ".txt", 1, text)
	writeLines(s, o.Output, summaryName, ".json", 1, js)
	return p, nil
}

func formatBadLine(b badLine) (string, error) {
	out, err := json.Marshal(b)
	return string(out), err
}

// formatSummaryFn writes the run's summary as text and as JSON.
type formatSummaryFn struct {
	Source, Platform string
}

// ProcessElement formats sum, with the agents' quality scores from the
// per-agent per-day totals.
func (f *formatSummaryFn) ProcessElement(sum summary, days func(*string, *agentDay) bool, text, js func(string)) error {
	var all []agentDay
	var key string
	var d agentDay
	for days(&key, &d) {
		all = append(all, d)
	}
	scores := agentScores(all)
	var b strings.Builder
	if err := writeSummary(&b, f.Source, f.Platform, sum, scores); err != nil {
		return err
	}
	text(strings.TrimSuffix(b.String(), "\n")) // the writer ends every element with one
	out, err := json.Marshal(toJSON(f.Source, f.Platform, sum, scores))
	if err != nil {
		return fmt.Errorf("beam: %w", err)
	}
	js(string(out))
	return nil
}
