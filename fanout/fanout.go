// Package fanout tells every instance listening on a Redis channel that something
// changed, so that each drops what it cached of it. Redis pub/sub keeps nothing: an
// instance disconnected when a message is sent never gets it, so whatever is dropped
// this way must also expire on its own (a TTL). go-redis's resubscription after a
// reconnect arrives as a message too, so a listener counts it as a change.
package fanout

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Send tells the listeners of channel that something changed.
func Send(ctx context.Context, rdb *redis.Client, channel string) error {
	if err := rdb.Publish(ctx, channel, "changed").Err(); err != nil {
		return fmt.Errorf("fanout: send on %s: %w", channel, err)
	}
	return nil
}

// Listen calls changed for every message on channel until ctx ends. It returns once the
// subscription is confirmed, so a Send issued after Listen returns is not missed.
func Listen(ctx context.Context, rdb *redis.Client, channel string, changed func()) error {
	ps := rdb.Subscribe(ctx, channel)
	if _, err := ps.Receive(ctx); err != nil {
		_ = ps.Close()
		return fmt.Errorf("fanout: subscribe to %s: %w", channel, err)
	}
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
				changed()
			}
		}
	}()
	return nil
}
