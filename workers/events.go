package workers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

// Task types of the events the workers consume (see outbox.Relay).
var (
	TaskOrderPlaced  = outbox.TaskType(outbox.OrderPlaced)
	TaskOrderShipped = outbox.TaskType(outbox.OrderShipped)
)

// onOrderPlaced sends the order confirmation.
func (d Deps) onOrderPlaced(ctx context.Context, t *asynq.Task) error {
	return d.notifyAboutOrder(ctx, t, notification.OrderConfirmation)
}

// onOrderShipped sends the shipping notice.
func (d Deps) onOrderShipped(ctx context.Context, t *asynq.Task) error {
	return d.notifyAboutOrder(ctx, t, notification.ShippingNotice)
}

func (d Deps) notifyAboutOrder(ctx context.Context, t *asynq.Task, compose func(notification.Order) notification.Message) error {
	ev, err := outbox.DecodeEvent(t.Type(), t.Payload())
	if err != nil {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry) // a malformed event never gets better
	}
	orderID, err := ev.OrderID()
	if err != nil {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry)
	}
	return d.notifyOnce(ctx, ev, func(ctx context.Context) (notification.Message, error) {
		o, err := d.loadOrder(ctx, orderID)
		if err != nil {
			return notification.Message{}, err
		}
		return compose(o), nil
	})
}

// loadOrder reads what an order email says, in the system context: the event carries
// only the order id, so the email shows the order as it is now.
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
