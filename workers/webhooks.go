package workers

import (
	"context"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/webhooks"
)

// fanOutWebhooks is the event consumer that queues an event's webhook to every endpoint
// of its tenant that hears it (see webhooks.Service.FanOut; idempotent by event id).
func (d Deps) fanOutWebhooks(ctx context.Context, ev outbox.Event) error {
	if d.Webhooks == nil {
		return nil
	}
	return d.Webhooks.FanOut(ctx, ev)
}

// deliverWebhook makes one attempt. Its error is the platform's own trouble (the
// database, Redis): asynq retries the attempt. A receiver's failure is no error here;
// the delivery schedules its own retry (see webhooks.Service.Deliver).
func (d Deps) deliverWebhook(ctx context.Context, t *asynq.Task) error {
	a, err := webhooks.DecodeAttempt(t.Payload())
	if err != nil {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry)
	}
	_, err = d.Webhooks.Deliver(ctx, a)
	if errors.Is(err, webhooks.ErrWrongTenant) {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry)
	}
	return err
}

// pruneWebhookDeliveries deletes the attempts past their retention.
func (d Deps) pruneWebhookDeliveries(ctx context.Context, _ *asynq.Task) error {
	n, err := d.Webhooks.Prune(ctx)
	if n > 0 {
		d.logger().Info("webhook deliveries pruned", "deleted", n)
	}
	return err
}
