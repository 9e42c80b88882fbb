package resolution

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/pubsub"
)

// newRedis is a bus over its own connection to mr, as another instance would have.
func newRedis(t *testing.T, mr *miniredis.Miniredis) pubsub.Bus {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return pubsub.NewRedis(rdb)
}

func TestBroadcastInvalidatesOtherInstances(t *testing.T) {
	mr := miniredis.RunT(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	dir := seeded() // one shared database behind two instances
	a := NewResolver(dir, "dakkah.com", WithTTL(time.Hour), WithBus(newRedis(t, mr)))
	b := NewResolver(dir, "dakkah.com", WithTTL(time.Hour))
	require.NoError(t, a.Listen(ctx, newRedis(t, mr)))
	require.NoError(t, b.Listen(ctx, newRedis(t, mr)))
	assert.Equal(t, 2, mr.PubSubNumSub(InvalidateChannel)[InvalidateChannel])

	for _, r := range []*Resolver{a, b} {
		_, ok := mustResolve(t, r, "newshop.dakkah.com", "/", "")
		require.False(t, ok)
	}
	dir.setStoreSub("newshop", 42)

	require.NoError(t, a.Broadcast(ctx))
	assert.Zero(t, a.cache.len(), "the broadcaster drops its own cache at once")
	require.Eventually(t, func() bool { return b.cache.len() == 0 },
		5*time.Second, 5*time.Millisecond, "the other instance never dropped its cache")

	m, ok := mustResolve(t, b, "newshop.dakkah.com", "/", "")
	require.True(t, ok)
	assert.Equal(t, Match{StoreID: 42, Strategy: Subdomain}, m)
}

func TestListenSetsBroadcastClient(t *testing.T) {
	mr := miniredis.RunT(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	a := NewResolver(seeded(), "dakkah.com")
	b := NewResolver(seeded(), "dakkah.com")
	require.NoError(t, a.Listen(ctx, newRedis(t, mr)))
	require.NoError(t, b.Listen(ctx, newRedis(t, mr)))

	mustResolve(t, b, "acme.dakkah.com", "/", "")
	require.NoError(t, a.Broadcast(ctx))
	require.Eventually(t, func() bool { return b.cache.len() == 0 }, 5*time.Second, 5*time.Millisecond)
}

// An instance alone listens on its in-memory bus: a broadcast reaches its listener.
func TestBroadcastOnTheLocalBus(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bus := pubsub.NewLocal()
	a := NewResolver(seeded(), "dakkah.com", WithTTL(time.Hour), WithBus(bus))
	b := NewResolver(seeded(), "dakkah.com", WithTTL(time.Hour))
	require.NoError(t, b.Listen(ctx, bus))

	mustResolve(t, b, "acme.dakkah.com", "/", "")
	require.NoError(t, a.Broadcast(ctx))
	require.Eventually(t, func() bool { return b.cache.len() == 0 }, 5*time.Second, 5*time.Millisecond)
}

func TestListenStopsWithContext(t *testing.T) {
	mr := miniredis.RunT(t)
	ctx, cancel := context.WithCancel(context.Background())

	r := NewResolver(seeded(), "dakkah.com")
	require.NoError(t, r.Listen(ctx, newRedis(t, mr)))
	require.Equal(t, 1, mr.PubSubNumSub(InvalidateChannel)[InvalidateChannel])

	cancel()
	require.Eventually(t, func() bool { return mr.PubSubNumSub(InvalidateChannel)[InvalidateChannel] == 0 },
		5*time.Second, 5*time.Millisecond)
}

func TestListenFailsWithoutRedis(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := newRedis(t, mr)
	mr.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r := NewResolver(seeded(), "dakkah.com")
	assert.Error(t, r.Listen(ctx, rdb))
}

func TestBroadcastReportsPublishError(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr(), MaxRetries: -1})
	defer rdb.Close()
	r := NewResolver(seeded(), "dakkah.com", WithBus(pubsub.NewRedis(rdb)))
	mustResolve(t, r, "acme.dakkah.com", "/", "")
	mr.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	assert.Error(t, r.Broadcast(ctx))
	assert.Zero(t, r.cache.len(), "the local cache is dropped even when publishing fails")
}
