// Package proptest gives huashu's gopter properties their parameters: a
// fixed seed that HUASHU_SEED overrides, logged so that a failure can be
// replayed. It is used by tests only and has no state.
package proptest

import (
	"os"
	"strconv"
	"testing"

	"github.com/leanovate/gopter"
)

// DefaultSeed is the seed properties run with unless HUASHU_SEED is set.
const DefaultSeed = 20261122

// Params returns gopter parameters with the seed and minTests successful
// tests (50 under -short).
func Params(t testing.TB, minTests int) *gopter.TestParameters {
	t.Helper()
	seed := int64(DefaultSeed)
	if s := os.Getenv("HUASHU_SEED"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("HUASHU_SEED: %v", err)
		}
		seed = v
	}
	t.Logf("gopter seed %d (set HUASHU_SEED to replay)", seed)
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = minTests
	if testing.Short() {
		p.MinSuccessfulTests = min(minTests, 50)
	}
	return p
}
