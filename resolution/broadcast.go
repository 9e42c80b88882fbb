package resolution

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
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
	if err := rdb.Publish(ctx, InvalidateChannel, "invalidate").Err(); err != nil {
		return fmt.Errorf("resolution: broadcast invalidation: %w", err)
	}
	return nil
}

// Listen subscribes to InvalidateChannel and calls Invalidate on every message until ctx
// ends. It returns once the subscription is confirmed, so a Broadcast issued after Listen
// returns is not missed. Redis pub/sub is fire-and-forget: a message lost while
// disconnected is covered by the TTL, and go-redis's resubscription after a reconnect
// also arrives as a message, so it invalidates too.
func (r *Resolver) Listen(ctx context.Context, rdb *redis.Client) error {
	ps := rdb.Subscribe(ctx, InvalidateChannel)
	if _, err := ps.Receive(ctx); err != nil {
		_ = ps.Close()
		return fmt.Errorf("resolution: subscribe to %s: %w", InvalidateChannel, err)
	}
	r.publisher.CompareAndSwap(nil, rdb)
	msgs := ps.ChannelWithSubscriptions()
	go func() {
		defer ps.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case _, open := <-msgs:
				if !open {
					return
				}
				r.Invalidate()
			}
		}
	}()
	return nil
}
