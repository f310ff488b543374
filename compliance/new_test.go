package compliance

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// New's doc: no WithPlatform means Generic; a zero or unknown platform given
// with WithPlatform fails.
func TestNewPlatformDefault(t *testing.T) {
	c, err := New()
	require.NoError(t, err)
	require.Equal(t, Generic, c.Platform())
	for _, p := range []Platform{0, Platform(99), Platform(-1)} {
		_, err := New(WithPlatform(p))
		require.ErrorIs(t, err, ErrUnknown, "%d", int(p))
	}
}
