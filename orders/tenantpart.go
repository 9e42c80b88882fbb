package orders

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/fulfillment"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/inventory"
)

// On a split order, the order's own fulfilment operations (createFulfillment,
// markShipped, markDelivered) move the tenant part only: its lines are the tenant's to
// ship; each vendor ships its own (see suborders.go). The order's status then follows
// its parts.

// splitOrder reports whether order id has vendor orders (read in the system context; the
// operation itself reads the order under the caller's).
func (s *Service) splitOrder(ctx context.Context, id int) (bool, error) {
	return s.client.Order.Query().Where(order.ID(id), order.HasSuborders()).Exist(sys(ctx))
}

// stepTenantPart moves the tenant part of a split order from one status to the next.
func (s *Service) stepTenantPart(ctx context.Context, id int, from, to order.FulfillmentStatus) (*ent.Order, error) {
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if err := open(o); err != nil {
			return nil, err
		}
		if to == order.FulfillmentStatusFulfilled {
			if err := fulfillable(o); err != nil {
				return nil, err
			}
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) { u.SetUpdatedAt(time.Now()) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
				now, ok, err := tenantPart(ctx, tx, o.ID)
				switch {
				case err != nil:
					return err
				case !ok:
					return conflict("the order holds no lines of the tenant's: each vendor fulfils its own vendor order")
				case now != from:
					return conflict("the order's own lines are %s, not %s", now, from)
				}
				if err := tenantStep(ctx, tx, o, to); err != nil {
					return err
				}
				return syncFulfillment(ctx, tx, o)
			},
		}, nil
	})
}

// tenantStep writes the tenant part's fulfilment as to.
func tenantStep(ctx context.Context, tx *ent.Tx, o *ent.Order, to order.FulfillmentStatus) error {
	orderID := o.ID
	own := tx.Fulfillment.Update().Where(fulfillment.OrderID(orderID), fulfillment.SuborderIDIsNil())
	switch to {
	case order.FulfillmentStatusFulfilled:
		return tx.Fulfillment.Create().SetTenantID(o.TenantID).SetOrderID(orderID).Exec(ctx)
	case order.FulfillmentStatusShipped:
		variants, err := partVariants(ctx, tx, orderID, nil)
		if err != nil {
			return err
		}
		if err := inventory.ShipVariants(ctx, tx, orderID, variants); err != nil {
			return err
		}
		return own.SetShippedAt(time.Now()).Exec(ctx)
	}
	return own.SetDeliveredAt(time.Now()).Exec(ctx)
}
