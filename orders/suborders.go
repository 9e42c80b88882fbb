package orders

import (
	"context"
	"errors"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/txn"
)

// A vendor order (Suborder) is changed as an order is (see change): read under the
// caller's context (one it cannot see is not found), decided, then updated under the
// caller's context — so the Suborder policy says who may: the vendor's own admins and
// staff (not while the vendor is suspended), the tenant's admins and the store's
// managers — and only while it is still as read. Its order is read and written in the
// system context: a vendor never sees the order, only its part of it.

// subStep is one decided change of a vendor order.
type subStep struct {
	set     func(u *ent.SuborderUpdateOne)
	effects func(ctx context.Context, tx *ent.Tx, o *ent.Order, so *ent.Suborder) error
}

func (s *Service) changeSuborder(ctx context.Context, id int, decide func(o *ent.Order, so *ent.Suborder) (*subStep, error)) (*ent.Suborder, error) {
	for range attempts {
		so, err := s.changeSuborderOnce(ctx, id, decide)
		if !errors.Is(err, errMoved) {
			return so, err
		}
	}
	return nil, apperr.New(apperr.Conflict, "the vendor order changed meanwhile: read it again and retry")
}

func (s *Service) changeSuborderOnce(ctx context.Context, id int, decide func(o *ent.Order, so *ent.Suborder) (*subStep, error)) (*ent.Suborder, error) {
	var out *ent.Suborder
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		so, err := tx.Suborder.Query().Where(suborder.ID(id)).Only(ctx)
		if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) {
			return apperr.New(apperr.NotFound, "vendor order not found")
		}
		if err != nil {
			return err
		}
		o, err := tx.Order.Get(sys(ctx), so.OrderID)
		if err != nil {
			return err
		}
		step, err := decide(o, so)
		if err != nil {
			return err
		}
		u := tx.Suborder.UpdateOne(so).Where(suborder.StatusEQ(so.Status),
			suborder.FulfillmentStatusEQ(so.FulfillmentStatus), suborder.RefundedTotalEQ(so.RefundedTotal))
		step.set(u)
		updated, err := u.Save(ctx)
		switch {
		case ent.IsNotFound(err):
			return errMoved
		case err != nil:
			return err
		}
		if step.effects != nil {
			if err := step.effects(sys(ctx), tx, o, updated); err != nil {
				return err
			}
		}
		if err := syncFulfillment(sys(ctx), tx, o); err != nil {
			return err
		}
		out = updated
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// openPart refuses a change of a vendor order of an order no longer open, or canceled.
func openPart(o *ent.Order, so *ent.Suborder) error {
	if err := open(o); err != nil {
		return err
	}
	if so.Status != suborder.StatusPending {
		return conflict("the vendor order is %s", so.Status)
	}
	return nil
}

// orderUpdate is a conditional update of o (system context) that applies only while o
// is as read, so a concurrent change of the order is retried as a whole.
func orderUpdate(ctx context.Context, tx *ent.Tx, o *ent.Order, set func(u *ent.OrderUpdate)) error {
	u := tx.Order.Update().Where(order.ID(o.ID), order.RefundedTotalEQ(o.RefundedTotal), order.PaymentStatusEQ(o.PaymentStatus), order.StatusEQ(o.Status))
	set(u)
	n, err := u.Save(ctx)
	if err == nil && n == 0 {
		return errMoved
	}
	return err
}

// ShipTo is the address a vendor order ships to: its order's shipping address, read in
// the system context for a caller who could read the vendor order (so was allowed it).
func (s *Service) ShipTo(ctx context.Context, so *ent.Suborder) (*address.Address, error) {
	o, err := s.client.Order.Query().Where(order.ID(so.OrderID)).Select(order.FieldShippingAddress).Only(sys(ctx))
	if err != nil {
		return nil, err
	}
	return o.ShippingAddress, nil
}
