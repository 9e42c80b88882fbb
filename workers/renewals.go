package workers

import (
	"context"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/ent/subscriptionrenewal"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/recurring"
	"github.com/dakkah/cityos/viewer"
)

// TaskRenewSubscriptions places the orders of the customers' subscriptions whose period
// has come (see recurring.Service.RenewDue). Two workers running it at once place each
// period once: the period's row and cart settle it, not the task's uniqueness.
const TaskRenewSubscriptions = "subscriptions:renew"

// renewEvery is how often due renewals run: an order is placed this late at most.
const renewEvery = "@every 1m"

// renewBatch bounds one run's work; a larger backlog goes on at the next run.
const renewBatch = 200

func (d Deps) renewSubscriptions(ctx context.Context, _ *asynq.Task) error {
	if d.Renewals == nil {
		return nil
	}
	n, err := d.Renewals.RenewDue(viewer.SystemContext(ctx, "renewals"), renewBatch)
	if n > 0 {
		d.logger().Info("subscription periods settled", "count", n)
	}
	if err != nil {
		return fmt.Errorf("renew subscriptions: %w", err)
	}
	return nil
}

// subscriptionEmails tells a customer its subscription was paused because its renewal
// failed on every retry, and why the last try failed (a pause the customer asked for
// sends nothing), once per event.
func (d Deps) subscriptionEmails(ctx context.Context, ev outbox.Event) error {
	if ev.Topic != outbox.SubscriptionPaused {
		return nil
	}
	return d.notifyOnce(ctx, ev, func(ctx context.Context) (notification.Message, error) {
		ctx = viewer.SystemContext(ctx, "notifications")
		sub, err := d.Client.Subscription.Query().Where(subscription.ID(ev.AggregateID)).Only(ctx)
		if ent.IsNotFound(err) {
			return notification.Message{}, fmt.Errorf("subscription %d: %w", ev.AggregateID, errors.Join(err, asynq.SkipRetry))
		}
		if err != nil || sub.FailedAttempts <= len(recurring.Backoff) {
			return notification.Message{}, err // no recipient: nothing to send
		}
		store, err := d.storeName(ctx, sub.StoreID)
		if err != nil {
			return notification.Message{}, err
		}
		item := "your item"
		if v, err := d.Client.ProductVariant.Query().Where(productvariant.ID(sub.VariantID)).Only(ctx); err == nil {
			item = v.Sku
		}
		reason := ""
		last, err := d.Client.SubscriptionRenewal.Query().Where(subscriptionrenewal.SubscriptionID(sub.ID),
			subscriptionrenewal.StatusEQ(subscriptionrenewal.StatusFailed)).Order(ent.Desc(subscriptionrenewal.FieldPeriodStart)).First(ctx)
		switch {
		case err == nil:
			reason = last.LastError
		case !ent.IsNotFound(err): // the renewal's row was not made: no reason recorded
			return notification.Message{}, err
		}
		return notification.RenewalFailed(sub.Email, store, item, sub.FailedAttempts, reason), nil
	})
}
