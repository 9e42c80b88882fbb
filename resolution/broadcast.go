package resolution

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/pubsub"
)

// InvalidateChannel is the channel every instance listens on.
const InvalidateChannel = "cityos:resolution:invalidate"

// Broadcast drops this instance's cache and tells every listening instance to drop
// theirs. Call it after committing a change to domains, subdomains or handles. Without a
// bus (WithBus or Listen) it only invalidates locally.
func (r *Resolver) Broadcast(ctx context.Context) error {
	r.Invalidate()
	bus := r.publisher.Load()
	if bus == nil {
		return nil
	}
	if err := (*bus).Publish(ctx, InvalidateChannel, []byte("invalidate")); err != nil {
		return fmt.Errorf("resolution: broadcast invalidation: %w", err)
	}
	return nil
}

// Listen subscribes to InvalidateChannel and calls Invalidate on every message until ctx
// ends. It returns once the subscription is confirmed, so a Broadcast issued after Listen
// returns is not missed. Pub/sub is fire-and-forget: a message lost while disconnected
// is covered by the TTL, and the bus's news of a gap (a resubscription after a reconnect)
// also arrives as a message, so it invalidates too.
func (r *Resolver) Listen(ctx context.Context, bus pubsub.Bus) error {
	if err := pubsub.Each(ctx, bus, InvalidateChannel, func(pubsub.Message) { r.Invalidate() }); err != nil {
		return fmt.Errorf("resolution: %w", err)
	}
	r.publisher.CompareAndSwap(nil, &bus)
	return nil
}
