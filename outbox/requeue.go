package outbox

import (
	"context"
	"errors"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
)

// Requeue enqueues a published event's task again, as the relay built it, when Redis
// lost it (flushed, or an in-process Redis restarted), and reports whether it did: a
// task still there is left alone, its id conflicting, so requeueing an event that was
// not lost changes nothing. Used by the reconciler (package reconcile).
func Requeue(ctx context.Context, q *asynq.Client, ev *ent.OutboxEvent, opts ...asynq.Option) (bool, error) {
	err := enqueueOnce(ctx, q, ev, true, opts)
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return false, nil
	}
	return err == nil, err
}
