package workers

import (
	"context"

	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/pubsub"
)

// publishLive hands ev to the API instances' GraphQL subscriptions (pub/sub, see
// livefeed). A retried task publishes again: subscribers may see an event twice and
// de-duplicate by its id; pub/sub keeps nothing, so a failure here is retried like any
// consumer's.
func (d Deps) publishLive(ctx context.Context, ev outbox.Event) error {
	bus := d.Bus
	if bus == nil {
		bus = pubsub.NewRedis(d.Redis)
	}
	return livefeed.Publish(ctx, bus, d.LiveChannel, ev)
}
