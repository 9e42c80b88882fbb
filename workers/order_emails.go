package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

// orderEmails is the consumer that sends a shopper the order's e-mails: the
// confirmation on order.placed and the shipping notice on order.shipped, each at most
// once per event (see notifyOnce). The notice never goes out before the confirmation:
// when a worker catches up on a backlog it may take order.shipped first, and it then
// waits (is retried) until the confirmation is recorded as sent.
func (d Deps) orderEmails(ctx context.Context, ev outbox.Event) error {
	orderID := ev.AggregateID
	if orderID == 0 { // relayed before events named their aggregate: {"orderId": id}
		var legacy struct {
			OrderID int `json:"orderId"`
		}
		_ = json.Unmarshal(ev.Payload, &legacy)
		orderID = legacy.OrderID
	}
	var compose func(notification.Order) notification.Message
	switch ev.Topic {
	case outbox.OrderPlaced:
		compose = notification.OrderConfirmation
	case outbox.OrderShipped:
		compose = notification.ShippingNotice
		sent, err := d.confirmationSent(ctx, orderID)
		if err != nil {
			return err
		}
		if !sent {
			return fmt.Errorf("notifications: the shipping notice of order %d waits for its confirmation", orderID)
		}
	default:
		return nil
	}
	return d.notifyOnce(ctx, ev, func(ctx context.Context) (notification.Message, error) {
		o, err := d.loadOrder(ctx, orderID)
		if err != nil {
			return notification.Message{}, err
		}
		return compose(o), nil
	})
}

// confirmationSent reports whether the confirmation of order id has been dealt with:
// sent (or skipped for want of a recipient), or beyond waiting for: its order.placed is
// older than the record of sent messages, or not on record at all.
func (d Deps) confirmationSent(ctx context.Context, orderID int) (bool, error) {
	placed, err := d.Client.OutboxEvent.Query().
		Where(outboxevent.AggregateType("order"), outboxevent.AggregateID(orderID), outboxevent.Topic(outbox.OrderPlaced)).
		Order(outboxevent.ByID()).First(viewer.SystemContext(ctx, "notifications"))
	if ent.IsNotFound(err) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("notifications: order %d: %w", orderID, err)
	}
	if time.Since(placed.CreatedAt) > notifiedTTL {
		return true, nil
	}
	return d.notified(ctx, placed.ID)
}

// loadOrder reads what an order email says, in the system context: the email shows the
// order as it is now, with its lines and its number (given after the event was raised).
func (d Deps) loadOrder(ctx context.Context, id int) (notification.Order, error) {
	ctx = viewer.SystemContext(ctx, "notifications")
	o, err := d.Client.Order.Query().Where(order.ID(id)).
		WithItems(func(q *ent.OrderLineItemQuery) { q.Order(orderlineitem.ByID()) }).
		Only(ctx)
	if ent.IsNotFound(err) {
		return notification.Order{}, fmt.Errorf("order %d: %w", id, errors.Join(err, asynq.SkipRetry))
	}
	if err != nil {
		return notification.Order{}, fmt.Errorf("order %d: %w", id, err)
	}
	out := notification.Order{
		Email: o.Email, DisplayID: o.DisplayID, Currency: o.CurrencyCode,
		Subtotal: o.Subtotal, ShippingTotal: o.ShippingTotal, TaxTotal: o.TaxTotal, Total: o.Total,
		ShippingMethod: o.ShippingMethod,
	}
	if out.StoreName, err = d.storeName(ctx, o.StoreID); err != nil {
		return notification.Order{}, fmt.Errorf("order %d: store: %w", id, err)
	}
	for _, l := range o.Edges.Items {
		out.Lines = append(out.Lines, notification.OrderLine{Title: l.Title, SKU: l.Sku, Quantity: l.Quantity, Total: l.Total})
	}
	return out, nil
}

// storeNameTTL is how long an email may name a store by a name read earlier: every email
// names its store, a platform's stores are far fewer than its orders and seldom renamed,
// so a store renamed less than this ago may still be called by its old name.
const storeNameTTL = time.Minute

// storeName is the name of the store with id, read in ctx.
func (d Deps) storeName(ctx context.Context, id int) (string, error) {
	return d.storeNames.Get(id, func() (string, error) {
		st, err := d.Client.Store.Query().Where(store.ID(id)).Select(store.FieldName).Only(ctx)
		if err != nil {
			return "", err
		}
		return st.Name, nil
	})
}
