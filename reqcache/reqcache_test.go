package reqcache

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLoadComputesOncePerRequest(t *testing.T) {
	ctx := New(context.Background())
	var calls atomic.Int32
	load := func() (int, error) { calls.Add(1); return 42, nil }
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := Load(ctx, "k", load)
			require.NoError(t, err)
			require.Equal(t, 42, v)
		}()
	}
	wg.Wait()
	require.EqualValues(t, 1, calls.Load())

	other := New(context.Background())
	_, _ = Load(other, "k", load)
	require.EqualValues(t, 2, calls.Load(), "another request computes its own")

	_, _ = Load(context.Background(), "k", load)
	_, _ = Load(context.Background(), "k", load)
	require.EqualValues(t, 4, calls.Load(), "without a cache every call loads")

	_, err := Load(ctx, "bad", func() (int, error) { return 0, errors.New("boom") })
	require.EqualError(t, err, "boom")
}

func TestKeptIsTheLatestKeptValueOfTheRequest(t *testing.T) {
	ctx := New(context.Background())
	_, ok := Kept[int](ctx, "cart")
	require.False(t, ok, "nothing kept yet")
	Keep(ctx, "cart", 1)
	Keep(ctx, "cart", 2)
	v, ok := Kept[int](ctx, "cart")
	require.True(t, ok)
	require.Equal(t, 2, v, "the latest value")
	_, ok = Kept[string](ctx, "cart")
	require.False(t, ok, "a value of another type is not handed out")
	_, ok = Kept[int](New(context.Background()), "cart")
	require.False(t, ok, "another request keeps its own")

	bare := context.Background()
	Keep(bare, "cart", 3)
	_, ok = Kept[int](bare, "cart")
	require.False(t, ok, "without a cache nothing is kept")
}
