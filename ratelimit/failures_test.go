package ratelimit

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFailuresAlone(t *testing.T) {
	c := newClock()
	f := NewFailures(Config{Now: c.now}, 3)
	ctx := context.Background()
	for range 3 {
		_, blocked := f.Blocked(ctx, "ip")
		require.False(t, blocked)
		f.Fail(ctx, "ip")
	}
	retry, blocked := f.Blocked(ctx, "ip")
	require.True(t, blocked)
	assert.Equal(t, 20*time.Second, retry)
	_, blocked = f.Blocked(ctx, "other")
	assert.False(t, blocked)
	c.add(20 * time.Second)
	_, blocked = f.Blocked(ctx, "ip")
	assert.False(t, blocked, "one failure drained")

	assert.Nil(t, NewFailures(Config{}, 0), "a limit of 0 counts nothing")
	var none *Failures
	none.Fail(ctx, "ip")
	_, blocked = none.Blocked(ctx, "ip")
	assert.False(t, blocked)
}

// Two instances sharing a Redis: failures are counted there at once, so an address that
// failed on one is blocked on the other after at most one failure there.
func TestFailuresShared(t *testing.T) {
	rdb, prefix := testRedis(t)
	ctx := context.Background()
	a := NewFailures(Config{Redis: rdb, Prefix: prefix}, 3)
	b := NewFailures(Config{Redis: rdb, Prefix: prefix}, 3)

	for range 3 {
		a.Fail(ctx, "ip")
	}
	_, blocked := a.Blocked(ctx, "ip")
	require.True(t, blocked)
	_, blocked = b.Blocked(ctx, "ip")
	assert.False(t, blocked, "B knows of no failure of the address: it does not ask Redis")
	b.Fail(ctx, "ip") // the one lookup more
	retry, blocked := b.Blocked(ctx, "ip")
	assert.True(t, blocked)
	assert.Equal(t, 20*time.Second, retry)

	// An address that failed once on B but is not out of failures: B asks Redis, which
	// knows of A's failures.
	b.Fail(ctx, "ip2")
	_, blocked = b.Blocked(ctx, "ip2")
	assert.False(t, blocked)
	a.Fail(ctx, "ip2")
	a.Fail(ctx, "ip2")
	_, blocked = b.Blocked(ctx, "ip2")
	assert.True(t, blocked, "read from Redis: the address has failures in flight on B")
}

// Blocked answers from memory for a client that never failed, and for one known blocked.
func TestFailuresAskRedisOnlyWhenInDoubt(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	ctx := context.Background()
	f := NewFailures(Config{Redis: rdb}, 2)

	before := mr.CommandCount()
	for range 100 {
		_, blocked := f.Blocked(ctx, "good")
		require.False(t, blocked)
	}
	assert.Equal(t, before, mr.CommandCount(), "no Redis command for a client that never failed")

	f.Fail(ctx, "bad")
	f.Fail(ctx, "bad")
	before = mr.CommandCount()
	for range 100 {
		_, blocked := f.Blocked(ctx, "bad")
		require.True(t, blocked)
	}
	assert.Equal(t, before, mr.CommandCount(), "no Redis command for a client known blocked")

	mr.Close() // fails open
	_, blocked := f.Blocked(ctx, "good")
	assert.False(t, blocked)
}
