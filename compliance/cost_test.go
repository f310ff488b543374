package compliance

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/lexicon"
)

// dropCoveredNaive is the definition dropCovered implements, pair by pair.
func dropCoveredNaive(vs []Violation) []Violation {
	var out []Violation
	for i, v := range vs {
		covered := false
		for j, w := range vs {
			if i != j && w.Category == v.Category && w.Start <= v.Start && v.End <= w.End && (w.End-w.Start > v.End-v.Start || j < i) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, v)
		}
	}
	return out
}

// dropAllowedNaive is the definition dropAllowed implements.
func dropAllowedNaive(found []Violation, allowed []lexicon.Match) []Violation {
	var out []Violation
	for _, v := range found {
		inside := false
		for _, a := range allowed {
			inside = inside || a.Start <= v.Start && v.End <= a.End
		}
		if !inside {
			out = append(out, v)
		}
	}
	return out
}

// randomSpans returns n violations over a text of about 4n bytes, sorted
// stably by Start, with nested, overlapping and equal spans in 3 categories.
func randomSpans(rng *rand.Rand, n int) []Violation {
	vs := make([]Violation, n)
	for i := range vs {
		start := rng.IntN(4*n + 1)
		vs[i] = Violation{Category: Category(1 + rng.IntN(3)), Start: start, End: start + 1 + rng.IntN(8), Term: string(rune('a' + i%26))}
	}
	slices.SortStableFunc(vs, func(a, b Violation) int { return a.Start - b.Start })
	return vs
}

func TestDropCoveredMatchesDefinition(t *testing.T) {
	seed := uint64(rand.Int64())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	for range 4000 {
		vs := randomSpans(rng, rng.IntN(40)) // both below and above smallCover
		want := dropCoveredNaive(slices.Clone(vs))
		got := dropCovered(slices.Clone(vs), nil)
		require.Equal(t, len(want), len(got), "%+v", vs)
		if len(want) > 0 {
			require.Equal(t, want, got)
		}
	}
}

func TestDropAllowedMatchesDefinition(t *testing.T) {
	seed := uint64(rand.Int64())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 8))
	for range 2000 {
		vs := randomSpans(rng, rng.IntN(30))
		var allowed []lexicon.Match
		for _, a := range randomSpans(rng, rng.IntN(10)) {
			allowed = append(allowed, lexicon.Match{Start: a.Start, End: a.Start + rng.IntN(20)})
		}
		rng.Shuffle(len(allowed), func(i, j int) { allowed[i], allowed[j] = allowed[j], allowed[i] })
		want := dropAllowedNaive(slices.Clone(vs), allowed)
		got := dropAllowed(slices.Clone(vs), allowed, nil)
		require.Equal(t, len(want), len(got))
		if len(want) > 0 {
			require.Equal(t, want, got)
		}
	}
}

// TestFilterCostIsLinearithmic counts the comparisons dropCovered and
// dropAllowed make for n hits at several sizes: each stays within
// 4·n·log2(n) (the pairwise version made up to n² comparisons: 2.6e8 at
// n = 16000, against a bound of 8.9e5).
func TestFilterCostIsLinearithmic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1000, 4000, 16000} {
		var covered, allowed int
		vs := randomSpans(rng, n)
		_ = dropCovered(slices.Clone(vs), &covered)
		var as []lexicon.Match
		for _, a := range randomSpans(rng, n) {
			as = append(as, lexicon.Match{Start: a.Start, End: a.End + 4})
		}
		rng.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		_ = dropAllowed(vs, as, &allowed)
		bound := 4 * float64(n) * math.Log2(float64(n))
		t.Logf("n=%d: dropCovered %d, dropAllowed %d comparisons (bound %.0f)", n, covered, allowed, bound)
		require.Less(t, float64(covered), bound)
		require.Less(t, float64(allowed), bound)
	}
}

// TestCheckDenseText is the hostile case from issue 7: a text that is all
// links. Every one is found, the report lists the first
// defaultMaxViolations and says it was cut, and the overall severity counts
// them all.
func TestCheckDenseText(t *testing.T) {
	c := mustNew(t, WithPlatform(JD))
	text := strings.Repeat("a.com ", 5000)
	rep := c.Check(text)
	require.True(t, rep.Truncated)
	require.Len(t, rep.Violations, defaultMaxViolations)
	require.Equal(t, Serious, rep.Severity, "minor links, raised one level for co-occurring")
	for i, v := range rep.Violations {
		require.Equal(t, 6*i, v.Start)
		require.Equal(t, "a.com", v.Text)
	}

	rep = mustNew(t, WithPlatform(JD), WithMaxViolations(3)).Check("亲，加 微 信，淘宝更便宜，a.com")
	require.True(t, rep.Truncated)
	require.Len(t, rep.Violations, 3)
	rep = mustNew(t, WithPlatform(JD), WithMaxViolations(3)).Check("亲，加 微 信")
	require.False(t, rep.Truncated)
	require.NotContains(t, string(must(json.Marshal(rep))), "truncated")
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// BenchmarkCheckDense measures Check on text that is all links ("a.com "
// repeated: one hit per 6 bytes) at two sizes, 16× apart. On the 2-core
// machine of the README: 11 ms and 310 ms (×28; allocation and GC of 175k
// violations grow faster than n), where the pairwise dropCovered took about
// 2.5 minutes for the 1 MB text.
func BenchmarkCheckDense(b *testing.B) {
	c := mustNew(b, WithPlatform(JD))
	for _, size := range []struct {
		name string
		n    int
	}{{"8KB", 8 << 10}, {"64KB", 64 << 10}, {"1MB", 1 << 20}} {
		text := strings.Repeat("a.com ", size.n/6)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Check(text)
			}
		})
	}
}

func TestSortByStartIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		vs := randomSpans(rng, rng.IntN(50))
		rng.Shuffle(len(vs), func(i, j int) { vs[i], vs[j] = vs[j], vs[i] })
		want := slices.Clone(vs)
		slices.SortStableFunc(want, func(a, b Violation) int { return a.Start - b.Start })
		require.Equal(t, want, sortByStart(vs))
	}
}
