package resolution

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/fanout"
)

// InvalidateChannel is the Redis channel every instance listens on.
const InvalidateChannel = "cityos:resolution:invalidate"

// Broadcast drops this instance's cache and tells every listening instance to drop
// theirs. Call it after committing a change to domains, subdomains or handles. Without a
// Redis client (WithRedis or Listen) it only invalidates locally, which is all a single
// instance needs.
func (r *Resolver) Broadcast(ctx context.Context) error {
	r.Invalidate()
	rdb := r.publisher.Load()
	if rdb == nil {
		return nil
	}
	return fanout.Send(ctx, rdb, InvalidateChannel)
}

// Listen calls Invalidate on every message of InvalidateChannel until ctx ends; it
// returns once subscribed (see package fanout). A message lost while disconnected is
// covered by the TTL.
func (r *Resolver) Listen(ctx context.Context, rdb *redis.Client) error {
	if err := fanout.Listen(ctx, rdb, InvalidateChannel, r.Invalidate); err != nil {
		return err
	}
	r.publisher.CompareAndSwap(nil, rdb)
	return nil
}
