package main

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// shardFile names shard i of n: "flagged.jsonl" when n is 1, else
// "flagged-00003-of-00016.jsonl".
func shardFile(prefix, name, ext string, i, n int) string {
	if n == 1 {
		return prefix + name + ext
	}
	return fmt.Sprintf("%s%s-%05d-of-%05d%s", prefix, name, i, n, ext)
}

// writeLines writes a PCollection<string> as JSON Lines into n shard
// files, every shard written even when empty (so that a clean log leaves
// empty outputs, not missing ones). textio.Write sends everything to one
// worker; this spreads the writing over n.
func writeLines(s beam.Scope, prefix, name, ext string, n int, col beam.PCollection) {
	s = s.Scope("write " + name)
	filesystem.ValidateScheme(prefix + name)
	keyed := beam.ParDo(s, &shardFn{N: n}, col)
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i
	}
	// An empty line is the marker that makes each shard exist: no real
	// output line is empty.
	markers := beam.ParDo(s, shardMarker, beam.CreateList(s, ids))
	grouped := beam.GroupByKey(s, beam.Flatten(s, keyed, markers))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Name: name, Ext: ext, N: n}, grouped)
}

// shardFn keys a line by its shard.
type shardFn struct{ N int }

// ProcessElement keys line by the hash of its text.
func (f *shardFn) ProcessElement(line string) (int, string) {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int(h.Sum32() % uint32(max(f.N, 1))), line
}

func shardMarker(i int) (int, string) { return i, "" }

// writeShardFn writes one shard file.
type writeShardFn struct {
	Prefix, Name, Ext string
	N                 int
}

// ProcessElement writes the lines of shard i.
func (f *writeShardFn) ProcessElement(ctx context.Context, i int, lines func(*string) bool) (err error) {
	path := shardFile(f.Prefix, f.Name, f.Ext, i, f.N)
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("beam: %s: %w", path, err)
	}
	defer fs.Close()
	wc, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return fmt.Errorf("beam: %s: %w", path, err)
	}
	defer func() {
		if cerr := wc.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("beam: %s: %w", path, cerr)
		}
	}()
	w := bufio.NewWriterSize(wc, 1<<20)
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		w.WriteString(line)
		if err := w.WriteByte('\n'); err != nil {
			return fmt.Errorf("beam: %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("beam: %s: %w", path, err)
	}
	return nil
}
