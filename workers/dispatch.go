package workers

import (
	"context"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/outbox"
)

// Consumer handles a relayed event. A task carrying an event is retried as a whole when
// any consumer fails, so every consumer must be idempotent by event id (ev.ID): it may
// see the same event again after it succeeded. A consumer returning an error wrapping
// asynq.SkipRetry says the event will never succeed with it; the others still run.
type Consumer func(ctx context.Context, ev outbox.Event) error

// consumers are what every relayed event is handed to, in this order: webhooks last,
// since their requests take longest (a dashboard should not wait on a receiver).
func (d Deps) consumers() []Consumer {
	return []Consumer{
		d.publishLive,
		d.orderEmails,
		d.subscriptionEmails,
		d.recordCommissions,
		d.fanOutWebhooks,
	}
}

// dispatch is the one handler of every "event:" task: it decodes the envelope and hands
// it to each consumer. Every consumer runs even when an earlier one fails; the task is
// retried when one failed with a retryable error (and the consumers that succeeded
// see the event again, which their idempotency absorbs).
func (d Deps) dispatch(ctx context.Context, t *asynq.Task) error {
	ev, err := outbox.DecodeEvent(t.Type(), t.Payload())
	if err != nil {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry) // a malformed event never gets better
	}
	var errs []error
	for _, consume := range d.consumers() {
		err := consume(ctx, ev)
		switch {
		case err == nil:
		case errors.Is(err, asynq.SkipRetry):
			// Retrying would repeat the other consumers for nothing: logged, dropped.
			d.logger().ErrorContext(ctx, "event consumer gave up", "event", ev.ID, "topic", ev.Topic, "err", err)
		default:
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
