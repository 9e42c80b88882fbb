package orders

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/fulfillment"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/suborder"
)

// A marketplace order has parts: its vendor orders (Suborder) and, when it holds the
// tenant's own products, the tenant part (its lines without a vendor order, shipped by
// the fulfilment without one). The order's fulfilment status is derived from its parts:
// the least advanced of them (not_fulfilled < fulfilled < shipped < delivered), canceled
// vendor orders left out. An order without vendor orders is its own one part.

var progress = map[order.FulfillmentStatus]int{
	order.FulfillmentStatusNotFulfilled: 0, order.FulfillmentStatusFulfilled: 1,
	order.FulfillmentStatusShipped: 2, order.FulfillmentStatusDelivered: 3,
}

// partVariants lists the variants of a part's lines: the vendor order's, or (nil
// suborderID) the tenant part's.
func partVariants(ctx context.Context, tx *ent.Tx, orderID int, suborderID *int) ([]int, error) {
	q := tx.OrderLineItem.Query().Where(orderlineitem.OrderID(orderID), orderlineitem.VariantIDNotNil())
	if suborderID != nil {
		q.Where(orderlineitem.SuborderID(*suborderID))
	} else {
		q.Where(orderlineitem.SuborderIDIsNil())
	}
	var ids []int
	err := q.Select(orderlineitem.FieldVariantID).Scan(ctx, &ids)
	if ids == nil {
		ids = []int{}
	}
	return ids, err
}

// isSplit reports whether the order has vendor orders.
func isSplit(ctx context.Context, tx *ent.Tx, orderID int) (bool, error) {
	return tx.Suborder.Query().Where(suborder.OrderID(orderID)).Exist(ctx)
}

// tenantPart is the status of the tenant part: from its fulfilment, if any; ok is false
// when the order has no lines of the tenant's.
func tenantPart(ctx context.Context, tx *ent.Tx, orderID int) (s order.FulfillmentStatus, ok bool, err error) {
	own, err := tx.OrderLineItem.Query().Where(orderlineitem.OrderID(orderID), orderlineitem.SuborderIDIsNil()).Exist(ctx)
	if err != nil || !own {
		return "", false, err
	}
	f, err := tx.Fulfillment.Query().Where(fulfillment.OrderID(orderID), fulfillment.SuborderIDIsNil()).First(ctx)
	switch {
	case ent.IsNotFound(err):
		return order.FulfillmentStatusNotFulfilled, true, nil
	case err != nil:
		return "", false, err
	case f.DeliveredAt != nil:
		return order.FulfillmentStatusDelivered, true, nil
	case f.ShippedAt != nil:
		return order.FulfillmentStatusShipped, true, nil
	}
	return order.FulfillmentStatusFulfilled, true, nil
}

// derive is the fulfilment status of a split order, from its parts; ok is false when no
// part is left (every vendor order canceled, no tenant lines).
func derive(ctx context.Context, tx *ent.Tx, orderID int) (order.FulfillmentStatus, bool, error) {
	least, ok, err := tenantPart(ctx, tx, orderID)
	if err != nil {
		return "", false, err
	}
	subs, err := tx.Suborder.Query().Where(suborder.OrderID(orderID), suborder.StatusNEQ(suborder.StatusCanceled)).
		Select(suborder.FieldFulfillmentStatus).All(ctx)
	if err != nil {
		return "", false, err
	}
	for _, s := range subs {
		st := order.FulfillmentStatus(s.FulfillmentStatus)
		if !ok || progress[st] < progress[least] {
			least, ok = st, true
		}
	}
	return least, ok, nil
}

// cancelEmptied cancels order o (as read before its part was canceled in tx) when no part
// is left: every vendor order canceled, no lines of the tenant's. It is canceled as Cancel
// cancels it, in one update (order.canceled) that settles all the payment has left, this
// part's share with it, so the caller settles nothing more (emptied).
func (s *Service) cancelEmptied(ctx context.Context, tx *ent.Tx, o *ent.Order) (emptied bool, err error) {
	if _, left, err := derive(ctx, tx, o.ID); err != nil || left {
		return false, err
	}
	t, err := s.cancellation(o)
	if err != nil {
		return false, err
	}
	_, err = apply(ctx, tx, o, t)
	return err == nil, err
}

// syncFulfillment sets the order's fulfilment status to what its parts make it (system
// context), completing a delivered, paid order; o is the order as last written.
func syncFulfillment(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
	st, ok, err := derive(ctx, tx, o.ID)
	if err != nil || !ok || st == o.FulfillmentStatus {
		return err
	}
	u := tx.Order.UpdateOneID(o.ID).SetFulfillmentStatus(st)
	if st == order.FulfillmentStatusDelivered && paid(o.PaymentStatus) && o.Status == order.StatusPending {
		u.SetStatus(order.StatusCompleted)
	}
	return u.Exec(ctx)
}
