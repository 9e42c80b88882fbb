package livefeed

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/pubsub"
)

// Publish sends ev to every instance's hub on channel. An event meant for one
// integration endpoint is not published. Publishing is at least once (a retried task
// publishes again): subscribers may receive an event twice, with the same id.
func Publish(ctx context.Context, bus pubsub.Bus, channel string, ev outbox.Event) error {
	if ev.TargetEndpointID != nil {
		return nil
	}
	if channel == "" {
		channel = DefaultChannel
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("livefeed: event %d: %w", ev.ID, err)
	}
	if err := bus.Publish(ctx, channel, body); err != nil {
		return fmt.Errorf("livefeed: publish event %d: %w", ev.ID, err)
	}
	return nil
}
