package outbox

import (
	"context"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
)

// Requeue enqueues a published event's task again, as the relay built it: Redis lost it
// (flushed, or an in-process Redis restarted). A task still there is left alone, its id
// conflicting, so requeueing an event that was not lost changes nothing. Used by the
// reconciler (package reconcile).
func Requeue(ctx context.Context, q *asynq.Client, ev *ent.OutboxEvent, opts ...asynq.Option) error {
	return enqueue(ctx, q, ev, opts)
}
