package resolution

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newCachedResolver(t *testing.T, opts ...Option) (*Resolver, *fakeDir, *fakeClock) {
	t.Helper()
	dir := seeded()
	clock := &fakeClock{now: time.Unix(1_700_000_000, 0)}
	r := NewResolver(dir, "dakkah.com", append([]Option{WithClock(clock.Now)}, opts...)...)
	return r, dir, clock
}

func mustResolve(t *testing.T, r *Resolver, host, path, hint string) (Match, bool) {
	t.Helper()
	m, ok, err := r.Resolve(context.Background(), host, path, hint)
	require.NoError(t, err)
	return m, ok
}

func TestCacheHitSkipsDirectory(t *testing.T) {
	r, dir, _ := newCachedResolver(t)

	m, ok := mustResolve(t, r, "acme.dakkah.com", "/", "")
	require.True(t, ok)
	calls := dir.callCount()
	require.NotZero(t, calls)

	// Same answer, no lookups, for equivalent spellings of the same request.
	for _, host := range []string{"acme.dakkah.com", "ACME.dakkah.com:443", "acme.dakkah.com."} {
		m2, ok2 := mustResolve(t, r, host, "/", "")
		assert.Equal(t, m, m2)
		assert.True(t, ok2)
	}
	assert.Equal(t, calls, dir.callCount())
}

func TestCacheNegativeAnswers(t *testing.T) {
	r, dir, _ := newCachedResolver(t)

	_, ok := mustResolve(t, r, "nobody.dakkah.com", "/", "")
	require.False(t, ok)
	calls := dir.callCount()

	_, ok = mustResolve(t, r, "nobody.dakkah.com", "/", "")
	assert.False(t, ok)
	assert.Equal(t, calls, dir.callCount(), "a miss is cached too")
}

func TestCacheKeyedByPathAndHint(t *testing.T) {
	r, _, _ := newCachedResolver(t)

	m, _ := mustResolve(t, r, "mall.dakkah.com", "/stores/shoes", "")
	assert.Equal(t, 4, m.StoreID)
	m, _ = mustResolve(t, r, "mall.dakkah.com", "/stores/hats", "")
	assert.Equal(t, 5, m.StoreID)
	_, ok := mustResolve(t, r, "mall.dakkah.com", "/", "")
	assert.False(t, ok)
	m, _ = mustResolve(t, r, "mall.dakkah.com", "/", "acme")
	assert.Equal(t, Match{StoreID: 1, Strategy: Hint}, m)
	m, _ = mustResolve(t, r, "mall.dakkah.com", "/", "beta")
	assert.Equal(t, Match{StoreID: 3, Strategy: Hint}, m)
}

func TestCacheExpiresAfterTTL(t *testing.T) {
	r, dir, clock := newCachedResolver(t)

	m, ok := mustResolve(t, r, "newshop.dakkah.com", "/", "")
	require.False(t, ok)
	dir.setStoreSub("newshop", 42)
	calls := dir.callCount()

	clock.Advance(DefaultTTL - time.Millisecond)
	_, ok = mustResolve(t, r, "newshop.dakkah.com", "/", "")
	assert.False(t, ok, "still cached just before the TTL")
	assert.Equal(t, calls, dir.callCount())

	clock.Advance(time.Millisecond)
	m, ok = mustResolve(t, r, "newshop.dakkah.com", "/", "")
	assert.True(t, ok, "looked up again at the TTL")
	assert.Equal(t, Match{StoreID: 42, Strategy: Subdomain}, m)
	assert.Greater(t, dir.callCount(), calls)
}

func TestCacheCustomTTL(t *testing.T) {
	r, dir, clock := newCachedResolver(t, WithTTL(10*time.Second))
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	calls := dir.callCount()
	clock.Advance(5 * time.Second)
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	assert.Equal(t, calls, dir.callCount())
	clock.Advance(5 * time.Second)
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	assert.Greater(t, dir.callCount(), calls)
}

func TestCacheDisabled(t *testing.T) {
	r, dir, _ := newCachedResolver(t, WithTTL(0))
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	calls := dir.callCount()
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	assert.Equal(t, 2*calls, dir.callCount())
	assert.Zero(t, r.cache.len())
}

func TestInvalidateClearsCache(t *testing.T) {
	r, dir, _ := newCachedResolver(t)

	_, ok := mustResolve(t, r, "newshop.dakkah.com", "/", "")
	require.False(t, ok)
	dir.setStoreSub("newshop", 42)

	r.Invalidate()
	assert.Zero(t, r.cache.len())
	m, ok := mustResolve(t, r, "newshop.dakkah.com", "/", "")
	require.True(t, ok)
	assert.Equal(t, 42, m.StoreID)
}

func TestBroadcastWithoutRedisInvalidatesLocally(t *testing.T) {
	r, _, _ := newCachedResolver(t)
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	require.NoError(t, r.Broadcast(context.Background()))
	assert.Zero(t, r.cache.len())
}

func TestCacheIsBounded(t *testing.T) {
	r, dir, _ := newCachedResolver(t, WithMaxEntries(3))

	mustResolve(t, r, "a.example.com", "/", "")
	mustResolve(t, r, "b.example.com", "/", "")
	mustResolve(t, r, "c.example.com", "/", "")
	mustResolve(t, r, "a.example.com", "/", "") // a is now most recently used
	mustResolve(t, r, "d.example.com", "/", "") // evicts b
	assert.Equal(t, 3, r.cache.len())

	calls := dir.callCount()
	mustResolve(t, r, "a.example.com", "/", "")
	assert.Equal(t, calls, dir.callCount(), "recently used entry kept")
	mustResolve(t, r, "b.example.com", "/", "")
	assert.Greater(t, dir.callCount(), calls, "least recently used entry evicted")

	for i := range 100 {
		mustResolve(t, r, fmt.Sprintf("h%d.example.com", i), "/", "")
	}
	assert.Equal(t, 3, r.cache.len())
}

func TestJunkHostsShareOneEntry(t *testing.T) {
	r, _, _ := newCachedResolver(t)
	for _, host := range []string{"[::1]:1", "[::2]:2", "a_b", "::1", "", "x..y"} {
		mustResolve(t, r, host, "/stores/acme", "")
	}
	assert.Equal(t, 1, r.cache.len())
}

// A lookup that started before Invalidate may have read old data; it must not be cached.
func TestInvalidateDuringLookupDoesNotCacheStaleAnswer(t *testing.T) {
	r, dir, _ := newCachedResolver(t)
	gate := make(chan struct{})
	dir.mu.Lock()
	dir.gate = gate
	dir.mu.Unlock()

	done := make(chan struct{})
	go func() {
		defer close(done)
		_, ok, err := r.Resolve(context.Background(), "acme.dakkah.com", "/", "")
		assert.NoError(t, err)
		assert.True(t, ok)
	}()
	require.Eventually(t, func() bool { return dir.callCount() > 0 }, 5*time.Second, time.Millisecond)
	r.Invalidate()
	close(gate)
	<-done

	assert.Zero(t, r.cache.len(), "answer from before the invalidation was stored")
}

func TestContextCancelledWhileWaiting(t *testing.T) {
	r, dir, _ := newCachedResolver(t)
	dir.mu.Lock()
	dir.gate = make(chan struct{}) // never opens
	dir.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, ok, err := r.Resolve(ctx, "acme.dakkah.com", "/", "")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.False(t, ok)
	assert.Zero(t, r.cache.len())
}
