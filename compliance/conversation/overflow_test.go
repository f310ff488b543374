package conversation

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/huashu/huashu/compliance"
)

// Issue 7: response-time sums overflowed on extreme timestamps ("average": -1e-9).
func TestResponseAverageOnExtremeTimestamps(t *testing.T) {
	c := mustNew(t, compliance.WithPlatform(compliance.JD))
	far := time.Date(9999, 1, 1, 4, 0, 0, 0, time.UTC) // 12:00 in China, within JD service hours
	early := time.Date(1, 1, 1, 4, 0, 0, 0, time.UTC)
	rep := Audit(c, []Turn{
		{Role: Buyer, At: early, Text: "在吗"},
		{Role: Buyer, At: early, Text: "在吗"},
		{Role: Buyer, At: early, Text: "在吗"},
		{Role: Agent, At: far, Text: "在的"},
	})
	m := rep.Response
	require.Equal(t, 3, m.Answered)
	require.Positive(t, time.Duration(m.Average))
	require.Equal(t, time.Duration(1<<63-1024), time.Duration(m.Average), "each wait saturates at the largest Duration; so does their mean")
	b, err := m.Average.MarshalJSON()
	require.NoError(t, err)
	require.NotContains(t, string(b), "-")
}
