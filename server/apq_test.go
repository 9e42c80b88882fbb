package server

import (
	"context"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

func TestPersistedQueriesAreSharedBetweenInstances(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	ctx := context.Background()
	one, two := newPersistedQueries(rdb), newPersistedQueries(rdb)

	_, ok := two.Get(ctx, "abc")
	require.False(t, ok, "nothing registered yet")

	one.Add(ctx, "abc", "{ me { id } }")
	q, ok := two.Get(ctx, "abc")
	require.True(t, ok, "a hash registered on one instance is known to the other")
	require.Equal(t, "{ me { id } }", q)

	mr.Close() // Redis gone: the instance that has it locally still answers, the miss is just a miss
	q, ok = two.Get(ctx, "abc")
	require.True(t, ok)
	require.Equal(t, "{ me { id } }", q)
	_, ok = two.Get(ctx, "other")
	require.False(t, ok)
}
