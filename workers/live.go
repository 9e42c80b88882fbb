package workers

import (
	"context"

	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/outbox"
)

// publishLive hands ev to the API instances' GraphQL subscriptions (Redis pub/sub, see
// livefeed). A retried task publishes again: subscribers may see an event twice and
// de-duplicate by its id; Redis pub/sub keeps nothing, so a failure here is retried
// like any consumer's.
func (d Deps) publishLive(ctx context.Context, ev outbox.Event) error {
	return livefeed.Publish(ctx, d.Redis, d.LiveChannel, ev)
}
