package ratelimit

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestKnownAlone(t *testing.T) {
	c := newClock()
	k := NewKnown(Config{Now: c.now, MaxKeys: 2}, time.Hour)
	ctx := context.Background()
	assert.False(t, k.Has(ctx, "owner@home"))
	k.Remember(ctx, "owner@home")
	assert.True(t, k.Has(ctx, "owner@home"))
	assert.False(t, k.Has(ctx, "owner@elsewhere"))
	c.add(time.Hour)
	assert.False(t, k.Has(ctx, "owner@home"), "forgotten after its TTL")

	k.Remember(ctx, "a")
	k.Remember(ctx, "b")
	k.Remember(ctx, "c") // full: starts over
	assert.False(t, k.Has(ctx, "a"))
	assert.True(t, k.Has(ctx, "c"))

	var none *Known
	none.Remember(ctx, "a")
	assert.False(t, none.Has(ctx, "a"))
}

// Instances sharing a Redis know what any of them remembered; a Redis that cannot
// answer knows nothing.
func TestKnownShared(t *testing.T) {
	rdb, prefix := testRedis(t)
	one := NewKnown(Config{Redis: rdb, Prefix: prefix}, time.Hour)
	two := NewKnown(Config{Redis: rdb, Prefix: prefix}, time.Hour)
	ctx := context.Background()
	one.Remember(ctx, "owner@home")
	assert.True(t, two.Has(ctx, "owner@home"))
	assert.False(t, two.Has(ctx, "owner@elsewhere"))
	ttl, err := rdb.TTL(ctx, prefix+"owner@home").Result()
	assert.NoError(t, err)
	assert.InDelta(t, time.Hour.Seconds(), ttl.Seconds(), 5, "kept for its TTL")

	_ = rdb.Close()
	assert.False(t, two.Has(ctx, "owner@home"), "Redis down: nobody is known")
}
