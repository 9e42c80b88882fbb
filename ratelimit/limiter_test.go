package ratelimit

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// On one instance the limit is exact: the burst, then one request per interval.
func TestLimitIsExactOnOneInstance(t *testing.T) {
	c := newClock()
	l := New(Config{Now: c.now})
	t.Cleanup(l.Close)
	limit := PerMinute(3)

	for i := range 3 {
		res := l.Allow("a", limit)
		require.True(t, res.Allowed, "request %d", i+1)
		assert.Equal(t, 2-i, res.Remaining)
	}
	res := l.Allow("a", limit)
	require.False(t, res.Allowed)
	assert.Equal(t, 0, res.Remaining)
	assert.Equal(t, 20*time.Second, res.RetryAfter, "one request drains every 20 s")
	assert.True(t, l.Allow("b", limit).Allowed, "another key has its own bucket")
	assert.True(t, l.Allow("", limit).Allowed, "no key, no limit")

	c.add(20*time.Second - time.Nanosecond)
	assert.False(t, l.Allow("a", limit).Allowed)
	c.add(time.Nanosecond)
	assert.True(t, l.Allow("a", limit).Allowed)
	assert.False(t, l.Allow("a", limit).Allowed)

	c.add(time.Hour)
	assert.Equal(t, 3, admit(l, "a", limit, 10), "a full burst again, no more")
}

// Two instances sharing a Redis: what one admits reaches the other at its next sync. In
// one interval each admits at most what it saw left; the excess is charged to the shared
// bucket and refused to both until paid back.
func TestSharedLimitHoldsWithinOneInterval(t *testing.T) {
	rdb, prefix := testRedis(t)
	ctx := context.Background()
	a := New(Config{Redis: rdb, Prefix: prefix})
	b := New(Config{Redis: rdb, Prefix: prefix})
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	limit := Limit{Rate: 10, Period: time.Hour, Burst: 10} // nothing drains during the test

	require.Equal(t, 4, admit(a, "k", limit, 4))
	require.NoError(t, a.Sync(ctx))
	require.Equal(t, 1, admit(b, "k", limit, 1))
	require.NoError(t, b.Sync(ctx))
	res := a.Allow("k", limit)
	assert.Equal(t, 5, res.Remaining, "A has not seen B's request yet")
	require.NoError(t, a.Sync(ctx))
	assert.Equal(t, 3, a.Allow("k", limit).Remaining, "A has: 7 used")
	require.NoError(t, a.Sync(ctx))

	// A knows 7 are used, B (synced before A's last two) 5. Within one interval (no sync)
	// each spends what it saw left.
	gotA, gotB := admit(a, "k", limit, 10), admit(b, "k", limit, 10)
	assert.Equal(t, 3, gotA)
	assert.Equal(t, 5, gotB)
	total := 7 + gotA + gotB
	assert.LessOrEqual(t, total, 10+gotB, "the limit plus what the other instance admitted within the interval")

	require.NoError(t, a.Sync(ctx))
	require.NoError(t, b.Sync(ctx))
	assert.False(t, a.Allow("k", limit).Allowed, "A still sees its own 10")
	require.NoError(t, a.Sync(ctx)) // A was asked: it syncs the key again
	ra, rb := a.Allow("k", limit), b.Allow("k", limit)
	assert.False(t, ra.Allowed)
	assert.False(t, rb.Allowed)
	// 15 used of 10: the excess of 5 is owed, so the next request waits 6 intervals, not 1.
	interval := time.Hour / 10
	for _, r := range []Result{ra, rb} {
		assert.Greater(t, r.RetryAfter, 5*interval, "the excess is charged to the shared bucket")
		assert.LessOrEqual(t, r.RetryAfter, 6*interval)
	}
}

// A key new to both instances at once: each may spend a whole burst before its first sync
// (the worst case of the tolerance); after that, both refuse it. The instances take
// requests concurrently, syncing between rounds as the background work would.
func TestSharedLimitNewKeyOnBothInstances(t *testing.T) {
	rdb, prefix := testRedis(t)
	ctx := context.Background()
	a := New(Config{Redis: rdb, Prefix: prefix})
	b := New(Config{Redis: rdb, Prefix: prefix})
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	limit := Limit{Rate: 20, Period: time.Hour, Burst: 20}

	total := 0
	for round := range 10 {
		var wg sync.WaitGroup
		var got [2]int
		for i, l := range []*Limiter{a, b} {
			wg.Go(func() { got[i] = admit(l, "k", limit, 15) })
		}
		wg.Wait()
		if round > 1 { // A's first sync came before B's burst reached Redis: one more round
			assert.Zero(t, got[0]+got[1], "round %d: both know the key is spent", round+1)
		}
		total += got[0] + got[1]
		require.NoError(t, a.Sync(ctx))
		require.NoError(t, b.Sync(ctx))
	}
	assert.GreaterOrEqual(t, total, 20, "the limit itself is admitted")
	assert.LessOrEqual(t, total, 20+20, "the limit plus one burst of the other instance")
}

// Buckets are bounded however many keys clients make up, and empty ones are dropped.
func TestIdleBucketsAreEvicted(t *testing.T) {
	c := newClock()
	l := New(Config{Now: c.now, MaxKeys: shards * 4})
	t.Cleanup(l.Close)
	limit := PerMinute(60)

	for i := range 10_000 {
		require.True(t, l.Allow("ip:"+strconv.Itoa(i), limit).Allowed)
	}
	assert.LessOrEqual(t, l.Keys(), shards*4, "memory is bounded")

	// A busy key survives a flood of new ones: a full shard evicts the emptiest buckets.
	assert.Equal(t, 60, admit(l, "busy", limit, 60))
	for i := range 10_000 {
		l.Allow("flood:"+strconv.Itoa(i), limit)
		c.add(time.Microsecond)
	}
	assert.False(t, l.Allow("busy", limit).Allowed, "the busy key kept its bucket")

	c.add(time.Minute)
	l.Sweep()
	assert.Zero(t, l.Keys(), "every bucket is empty a minute later")
}

// With Redis down the limiter goes on with its own buckets: nothing is refused for want
// of Redis, the limit still holds on this instance, and the failure is logged once per
// WarnEvery, not once per sync.
func TestRedisDownFailsOpenToLocalBuckets(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr(), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	var logs bytes.Buffer
	l := New(Config{Redis: rdb, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	t.Cleanup(l.Close)
	mr.Close()
	limit := PerMinute(3)

	assert.Equal(t, 3, admit(l, "k", limit, 5))
	err := l.Sync(context.Background())
	require.Error(t, err)
	for range 3 {
		l.shared.warn(err)
	}
	assert.Equal(t, 1, strings.Count(logs.String(), "Redis unavailable"), logs.String())

	// The counts were kept for Redis's return.
	require.NoError(t, mr.Restart())
	require.NoError(t, l.Sync(context.Background()))
	tat, err := mr.Get("k")
	require.NoError(t, err)
	assert.NotEmpty(t, tat, "the 3 requests admitted meanwhile reached Redis")
}

// The background work starts with the first request and stops with Close.
func TestBackgroundSync(t *testing.T) {
	rdb, prefix := testRedis(t)
	a := New(Config{Redis: rdb, Prefix: prefix, SyncEvery: time.Millisecond})
	b := New(Config{Redis: rdb, Prefix: prefix, SyncEvery: time.Millisecond})
	t.Cleanup(b.Close)
	limit := Limit{Rate: 5, Period: time.Hour, Burst: 5}
	require.Equal(t, 5, admit(a, "k", limit, 5))
	b.Allow("k", limit)
	require.Eventually(t, func() bool { return !b.Allow("k", limit).Allowed }, 5*time.Second, time.Millisecond)
	a.Close()
	a.Close()
	New(Config{Redis: rdb}).Close() // never started
}
