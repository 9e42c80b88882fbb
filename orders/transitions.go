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
)

func conflict(format string, args ...any) error { return apperr.New(apperr.Conflict, format, args...) }

// open refuses operations on an order that is canceled, completed or archived.
func open(o *ent.Order) error {
	if o.Status != order.StatusPending {
		return conflict("the order is %s", o.Status)
	}
	return nil
}

// fulfillable refuses to pack an order (or a part of it) before its payment is
// authorised or captured, unless it is on payment terms (paid after delivery).
func fulfillable(o *ent.Order) error {
	if o.PaymentStatus != order.PaymentStatusAuthorized && o.PaymentStatus != order.PaymentStatusCaptured && !invoiced(o) {
		return conflict("an order is fulfilled once its payment is authorized or captured; this one is %s", o.PaymentStatus)
	}
	return nil
}

// paid reports payment statuses in which money was taken (and some may remain).
func paid(s order.PaymentStatus) bool {
	return s == order.PaymentStatusCaptured || s == order.PaymentStatusPartiallyRefunded
}

// invoiced reports an order placed on payment terms and not paid yet (see payment.Invoice).
func invoiced(o *ent.Order) bool {
	return o.PaymentStatus == order.PaymentStatusNotPaid && o.PaymentDueAt != nil
}

// Capture takes the authorised payment in full, or records an invoiced order's payment
// as received. A delivered order is then completed.
func (s *Service) Capture(ctx context.Context, id int) (*ent.Order, error) {
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if err := open(o); err != nil {
			return nil, err
		}
		if o.PaymentStatus != order.PaymentStatusAuthorized && !invoiced(o) {
			return nil, conflict("only an authorized or invoiced payment can be captured; this one is %s", o.PaymentStatus)
		}
		p, err := s.provider(o)
		if err != nil {
			return nil, err
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) {
				u.SetPaymentStatus(order.PaymentStatusCaptured)
				if o.FulfillmentStatus == order.FulfillmentStatusDelivered {
					u.SetStatus(order.StatusCompleted)
				}
			},
			effects: func(ctx context.Context, _ *ent.Tx, o *ent.Order) error {
				// A vendor order canceled before capture counts as given back: not taken.
				return p.Capture(ctx, o.PaymentReference, o.Total-o.RefundedTotal)
			},
		}, nil
	})
}

// Refund gives back amount (minor units) of what was captured and not yet refunded.
func (s *Service) Refund(ctx context.Context, id int, amount int64) (*ent.Order, error) {
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if o.Status == order.StatusCanceled {
			return nil, conflict("the order is canceled: its payment was already settled")
		}
		if !paid(o.PaymentStatus) {
			return nil, conflict("only a captured payment can be refunded; this one is %s", o.PaymentStatus)
		}
		left := o.Total - o.RefundedTotal
		if amount <= 0 || amount > left {
			return nil, apperr.Invalid("amount", "amount must be between 1 and %d, what is captured and not yet refunded", left)
		}
		p, err := s.provider(o)
		if err != nil {
			return nil, err
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) {
				refunded := o.RefundedTotal + amount
				u.SetRefundedTotal(refunded).SetPaymentStatus(refundStatus(refunded, o.Total))
			},
			effects: func(ctx context.Context, _ *ent.Tx, o *ent.Order) error {
				return p.Refund(ctx, o.PaymentReference, amount)
			},
		}, nil
	})
}

func refundStatus(refunded, total int64) order.PaymentStatus {
	if refunded >= total {
		return order.PaymentStatusRefunded
	}
	return order.PaymentStatusPartiallyRefunded
}

// Cancel cancels an order not yet shipped: its stock is released, an authorised payment
// voided and a captured one refunded in what remains.
func (s *Service) Cancel(ctx context.Context, id int) (*ent.Order, error) {
	return s.change(ctx, id, s.cancellation)
}

// cancellation decides the cancel of order o, by Cancel or with its last part (see
// cancelEmptied).
func (s *Service) cancellation(o *ent.Order) (*transition, error) {
	if err := open(o); err != nil {
		return nil, err
	}
	if o.FulfillmentStatus == order.FulfillmentStatusShipped || o.FulfillmentStatus == order.FulfillmentStatusDelivered {
		return nil, conflict("the order was already %s and can no longer be canceled", o.FulfillmentStatus)
	}
	p, err := s.provider(o)
	if err != nil {
		return nil, err
	}
	var settle func(ctx context.Context, o *ent.Order) error
	payment := func(u *ent.OrderUpdateOne) {}
	switch {
	case o.PaymentStatus == order.PaymentStatusAuthorized:
		payment = func(u *ent.OrderUpdateOne) { u.SetPaymentStatus(order.PaymentStatusCanceled) }
		settle = func(ctx context.Context, o *ent.Order) error { return p.Void(ctx, o.PaymentReference) }
	case paid(o.PaymentStatus):
		left := o.Total - o.RefundedTotal
		payment = func(u *ent.OrderUpdateOne) {
			u.SetPaymentStatus(order.PaymentStatusRefunded).SetRefundedTotal(o.Total)
		}
		settle = func(ctx context.Context, o *ent.Order) error { return p.Refund(ctx, o.PaymentReference, left) }
	case o.PaymentStatus == order.PaymentStatusNotPaid:
		payment = func(u *ent.OrderUpdateOne) { u.SetPaymentStatus(order.PaymentStatusCanceled) }
	}
	return &transition{
		set: func(u *ent.OrderUpdateOne) {
			u.SetStatus(order.StatusCanceled).SetCanceledAt(time.Now())
			payment(u)
		},
		effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
			if err := inventory.Release(ctx, tx, o.ID); err != nil {
				return err
			}
			// Its vendor orders go with it (vendor_order.canceled for each).
			if err := tx.Suborder.Update().Where(suborder.OrderID(o.ID), suborder.StatusNEQ(suborder.StatusCanceled)).
				SetStatus(suborder.StatusCanceled).SetCanceledAt(time.Now()).Exec(ctx); err != nil {
				return err
			}
			if settle != nil {
				return settle(ctx, o)
			}
			return nil
		},
	}, nil
}

// CreateFulfillment records the order's shipment as packed: it needs a payment
// authorised or captured.
func (s *Service) CreateFulfillment(ctx context.Context, id int) (*ent.Order, error) {
	if split, err := s.splitOrder(ctx, id); err != nil || split {
		if err != nil {
			return nil, err
		}
		return s.stepTenantPart(ctx, id, order.FulfillmentStatusNotFulfilled, order.FulfillmentStatusFulfilled)
	}
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if err := open(o); err != nil {
			return nil, err
		}
		if err := fulfillable(o); err != nil {
			return nil, err
		}
		if o.FulfillmentStatus != order.FulfillmentStatusNotFulfilled {
			return nil, conflict("the order is already %s", o.FulfillmentStatus)
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) { u.SetFulfillmentStatus(order.FulfillmentStatusFulfilled) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
				return tx.Fulfillment.Create().SetTenantID(o.TenantID).SetOrderID(o.ID).Exec(ctx)
			},
		}, nil
	})
}

// MarkShipped sends a fulfilled order: its reserved stock leaves the shelves (the
// change of its fulfilment status raises order.shipped).
func (s *Service) MarkShipped(ctx context.Context, id int) (*ent.Order, error) {
	if split, err := s.splitOrder(ctx, id); err != nil || split {
		if err != nil {
			return nil, err
		}
		return s.stepTenantPart(ctx, id, order.FulfillmentStatusFulfilled, order.FulfillmentStatusShipped)
	}
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if err := open(o); err != nil {
			return nil, err
		}
		if o.FulfillmentStatus != order.FulfillmentStatusFulfilled {
			return nil, conflict("only a fulfilled order can be shipped; this one is %s", o.FulfillmentStatus)
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) { u.SetFulfillmentStatus(order.FulfillmentStatusShipped) },
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
				if err := inventory.Ship(ctx, tx, o.ID); err != nil {
					return err
				}
				return tx.Fulfillment.Update().Where(fulfillment.OrderID(o.ID), fulfillment.ShippedAtIsNil()).
					SetShippedAt(time.Now()).Exec(ctx)
			},
		}, nil
	})
}

// MarkDelivered records a shipped order as delivered; a paid order is then completed.
func (s *Service) MarkDelivered(ctx context.Context, id int) (*ent.Order, error) {
	if split, err := s.splitOrder(ctx, id); err != nil || split {
		if err != nil {
			return nil, err
		}
		return s.stepTenantPart(ctx, id, order.FulfillmentStatusShipped, order.FulfillmentStatusDelivered)
	}
	return s.change(ctx, id, func(o *ent.Order) (*transition, error) {
		if err := open(o); err != nil {
			return nil, err
		}
		if o.FulfillmentStatus != order.FulfillmentStatusShipped {
			return nil, conflict("only a shipped order can be delivered; this one is %s", o.FulfillmentStatus)
		}
		return &transition{
			set: func(u *ent.OrderUpdateOne) {
				u.SetFulfillmentStatus(order.FulfillmentStatusDelivered)
				if paid(o.PaymentStatus) {
					u.SetStatus(order.StatusCompleted)
				}
			},
			effects: func(ctx context.Context, tx *ent.Tx, o *ent.Order) error {
				return tx.Fulfillment.Update().Where(fulfillment.OrderID(o.ID), fulfillment.DeliveredAtIsNil()).
					SetDeliveredAt(time.Now()).Exec(ctx)
			},
		}, nil
	})
}
