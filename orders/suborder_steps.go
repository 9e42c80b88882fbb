package orders

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/fulfillment"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/viewer"
)

// FulfillSuborder records a vendor order as packed (a fulfilment of its own); the order
// needs a payment authorised or captured. Raises vendor_order.fulfilled.
func (s *Service) FulfillSuborder(ctx context.Context, id int) (*ent.Suborder, error) {
	return s.changeSuborder(ctx, id, func(o *ent.Order, so *ent.Suborder) (*subStep, error) {
		if err := openPart(o, so); err != nil {
			return nil, err
		}
		if err := fulfillable(o); err != nil {
			return nil, err
		}
		if so.FulfillmentStatus != suborder.FulfillmentStatusNotFulfilled {
			return nil, conflict("the vendor order is already %s", so.FulfillmentStatus)
		}
		return &subStep{
			set: func(u *ent.SuborderUpdateOne) { u.SetFulfillmentStatus(suborder.FulfillmentStatusFulfilled) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order, so *ent.Suborder) error {
				return tx.Fulfillment.Create().SetTenantID(so.TenantID).SetOrderID(o.ID).SetSuborderID(so.ID).Exec(ctx)
			},
		}, nil
	})
}

// ShipSuborder sends a fulfilled vendor order: the vendor's reserved stock leaves the
// shelves. Raises vendor_order.shipped.
func (s *Service) ShipSuborder(ctx context.Context, id int) (*ent.Suborder, error) {
	return s.changeSuborder(ctx, id, func(o *ent.Order, so *ent.Suborder) (*subStep, error) {
		if err := openPart(o, so); err != nil {
			return nil, err
		}
		if so.FulfillmentStatus != suborder.FulfillmentStatusFulfilled {
			return nil, conflict("only a fulfilled vendor order can be shipped; this one is %s", so.FulfillmentStatus)
		}
		return &subStep{
			set: func(u *ent.SuborderUpdateOne) { u.SetFulfillmentStatus(suborder.FulfillmentStatusShipped) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order, so *ent.Suborder) error {
				variants, err := partVariants(ctx, tx, o.ID, &so.ID)
				if err != nil {
					return err
				}
				if err := inventory.ShipVariants(ctx, tx, o.ID, variants); err != nil {
					return err
				}
				return tx.Fulfillment.Update().Where(fulfillment.SuborderID(so.ID), fulfillment.ShippedAtIsNil()).
					SetShippedAt(time.Now()).Exec(ctx)
			},
		}, nil
	})
}

// DeliverSuborder records a shipped vendor order as delivered. Raises
// vendor_order.delivered; the order is delivered (and, paid, completed) with its last part.
func (s *Service) DeliverSuborder(ctx context.Context, id int) (*ent.Suborder, error) {
	return s.changeSuborder(ctx, id, func(o *ent.Order, so *ent.Suborder) (*subStep, error) {
		if err := openPart(o, so); err != nil {
			return nil, err
		}
		if so.FulfillmentStatus != suborder.FulfillmentStatusShipped {
			return nil, conflict("only a shipped vendor order can be delivered; this one is %s", so.FulfillmentStatus)
		}
		return &subStep{
			set: func(u *ent.SuborderUpdateOne) { u.SetFulfillmentStatus(suborder.FulfillmentStatusDelivered) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order, so *ent.Suborder) error {
				return tx.Fulfillment.Update().Where(fulfillment.SuborderID(so.ID), fulfillment.DeliveredAtIsNil()).
					SetDeliveredAt(time.Now()).Exec(ctx)
			},
		}, nil
	})
}

// RefundSuborder gives back amount (minor units) of a vendor order, through its order's
// payment: at most what is left of the vendor order and of the order's captured payment.
// The vendor order's and the order's refunded totals grow by amount (vendor_order.refunded
// carries the vendor order's running refunded_total). The tenant's staff refund; a
// vendor's own people may not give the tenant's money back.
func (s *Service) RefundSuborder(ctx context.Context, id int, amount int64) (*ent.Suborder, error) {
	return s.changeSuborder(ctx, id, func(o *ent.Order, so *ent.Suborder) (*subStep, error) {
		if err := tenantStaff(ctx, o); err != nil {
			return nil, err
		}
		if o.Status == order.StatusCanceled || so.Status == suborder.StatusCanceled {
			return nil, conflict("the order or vendor order is canceled: its payment was already settled")
		}
		if !paid(o.PaymentStatus) {
			return nil, conflict("only a captured payment can be refunded; this one is %s", o.PaymentStatus)
		}
		left := min(so.Total-so.RefundedTotal, o.Total-o.RefundedTotal)
		if amount <= 0 || amount > left {
			return nil, apperr.Invalid("amount", "amount must be between 1 and %d, what is left of the vendor order", left)
		}
		p, err := s.provider(o)
		if err != nil {
			return nil, err
		}
		return &subStep{
			set: func(u *ent.SuborderUpdateOne) { u.SetRefundedTotal(so.RefundedTotal + amount) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order, _ *ent.Suborder) error {
				refunded := o.RefundedTotal + amount
				err := orderUpdate(ctx, tx, o, func(u *ent.OrderUpdate) {
					u.SetRefundedTotal(refunded).SetPaymentStatus(refundStatus(refunded, o.Total))
				})
				if err != nil {
					return err
				}
				return p.Refund(ctx, o.PaymentReference, amount) // last: nothing after it can fail
			},
		}, nil
	})
}

// CancelSuborder cancels a vendor order not yet shipped: the vendor's reserved stock is
// released and what is left of it given back — refunded when the payment was captured,
// else counted as given back so that capture takes only the rest. The order's other parts
// are untouched; with the last of its parts, the order is canceled (cancelEmptied). The
// tenant's staff cancel, and so may the vendor's own admins (a part it cannot deliver),
// not its staff. Raises vendor_order.canceled.
func (s *Service) CancelSuborder(ctx context.Context, id int) (*ent.Suborder, error) {
	return s.changeSuborder(ctx, id, func(o *ent.Order, so *ent.Suborder) (*subStep, error) {
		v := viewer.FromContext(ctx)
		if tenantStaff(ctx, o) != nil && !holds(v, so.VendorID, viewer.RoleVendorAdmin) {
			return nil, apperr.New(apperr.Forbidden, "only the tenant's staff or the vendor's admins cancel a vendor order")
		}
		if err := openPart(o, so); err != nil {
			return nil, err
		}
		if so.FulfillmentStatus == suborder.FulfillmentStatusShipped || so.FulfillmentStatus == suborder.FulfillmentStatusDelivered {
			return nil, conflict("the vendor order was already %s and can no longer be canceled", so.FulfillmentStatus)
		}
		p, err := s.provider(o)
		if err != nil {
			return nil, err
		}
		left := min(so.Total-so.RefundedTotal, o.Total-o.RefundedTotal)
		return &subStep{
			set: func(u *ent.SuborderUpdateOne) {
				u.SetStatus(suborder.StatusCanceled).SetCanceledAt(time.Now()).SetRefundedTotal(so.RefundedTotal + left)
			},
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order, so *ent.Suborder) error {
				variants, err := partVariants(ctx, tx, o.ID, &so.ID)
				if err != nil {
					return err
				}
				if err := inventory.ReleaseVariants(ctx, tx, o.ID, variants); err != nil {
					return err
				}
				if emptied, err := s.cancelEmptied(ctx, tx, o); err != nil || emptied {
					return err
				}
				if left == 0 {
					return nil
				}
				refunded := o.RefundedTotal + left
				err = orderUpdate(ctx, tx, o, func(u *ent.OrderUpdate) {
					u.SetRefundedTotal(refunded)
					if paid(o.PaymentStatus) {
						u.SetPaymentStatus(refundStatus(refunded, o.Total))
					}
				})
				if err != nil || !paid(o.PaymentStatus) {
					return err
				}
				return p.Refund(ctx, o.PaymentReference, left)
			},
		}, nil
	})
}

// tenantStaff allows the tenant's admins and the order's store's managers.
func tenantStaff(ctx context.Context, o *ent.Order) error {
	v := viewer.FromContext(ctx)
	if v.IsSuperAdmin() || v.IsTenantAdmin(o.TenantID) || v.ManagesStore(o.StoreID) {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the tenant's staff give money back")
}

// holds reports whether v holds role in vendor vendorID.
func holds(v *viewer.Viewer, vendorID int, role viewer.Role) bool {
	for _, id := range v.VendorsWithRole(role) {
		if id == vendorID {
			return true
		}
	}
	return false
}
