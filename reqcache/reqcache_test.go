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
