package expiring

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestValuesAreKeptForTheirTTL(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	m := New[int, string](time.Second, 10, func() time.Time { return now })
	loads := 0
	load := func(v string) func() (string, error) {
		return func() (string, error) { loads++; return v, nil }
	}

	got, err := m.Get(1, load("a"))
	require.NoError(t, err)
	require.Equal(t, "a", got)
	now = now.Add(999 * time.Millisecond)
	got, _ = m.Get(1, load("b"))
	require.Equal(t, "a", got, "kept within the TTL")
	got, _ = m.Get(2, load("other"))
	require.Equal(t, "other", got, "each key its own")
	now = now.Add(time.Millisecond)
	got, _ = m.Get(1, load("b"))
	require.Equal(t, "b", got, "loaded again once the TTL has passed")

	m.Forget(1)
	got, _ = m.Get(1, load("c"))
	require.Equal(t, "c", got, "a forgotten key is loaded again at once")
	require.Equal(t, 4, loads)

	_, err = m.Get(3, func() (string, error) { return "", errors.New("down") })
	require.EqualError(t, err, "down")
	got, _ = m.Get(3, load("up"))
	require.Equal(t, "up", got, "a failed load is not kept")
}

func TestZeroTTLKeepsNothingAndAFullMapStartsOver(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { return now }
	none := New[int, int](0, 10, clock)
	n := 0
	inc := func() (int, error) { n++; return n, nil }
	a, _ := none.Get(1, inc)
	b, _ := none.Get(1, inc)
	require.Equal(t, []int{1, 2}, []int{a, b})

	small := New[int, int](time.Hour, 2, clock)
	_, _ = small.Get(1, func() (int, error) { return 1, nil })
	_, _ = small.Get(2, func() (int, error) { return 2, nil })
	_, _ = small.Get(3, func() (int, error) { return 3, nil }) // full: starts over
	v, _ := small.Get(1, func() (int, error) { return 10, nil })
	require.Equal(t, 10, v, "entries from before the start-over are gone")
	v, _ = small.Get(3, func() (int, error) { return 30, nil })
	require.Equal(t, 3, v, "the entry that started it over is kept")
}
