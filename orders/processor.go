package orders

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/txn"
)

// What the payment processor reports (its webhooks) is applied in the system context,
// found by the order's payment reference. Each update is conditional on the state it
// moves from, so a report delivered twice, late or out of order changes nothing more.

// byReference finds the order of a processor reference; nil when none is ours.
func (s *Service) byReference(ctx context.Context, provider, reference string) (*ent.Order, error) {
	if reference == "" {
		return nil, nil
	}
	o, err := s.client.Order.Query().
		Where(order.PaymentProvider(provider), order.PaymentReference(reference)).
		First(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return o, err
}

// PaymentCaptured records that the processor captured the payment (e.g. from its
// dashboard): an authorized payment becomes captured.
func (s *Service) PaymentCaptured(ctx context.Context, provider, reference string) error {
	o, err := s.byReference(ctx, provider, reference)
	if o == nil || err != nil {
		return err
	}
	return s.apply(ctx, func(u *ent.OrderUpdate) {
		u.Where(order.ID(o.ID), order.PaymentStatusEQ(order.PaymentStatusAuthorized)).
			SetPaymentStatus(order.PaymentStatusCaptured)
		if o.Status == order.StatusPending && o.FulfillmentStatus == order.FulfillmentStatusDelivered {
			u.SetStatus(order.StatusCompleted)
		}
	})
}

// PaymentCanceled records that the processor let the authorisation go (voided or
// expired): a payment not yet captured becomes canceled.
func (s *Service) PaymentCanceled(ctx context.Context, provider, reference string) error {
	o, err := s.byReference(ctx, provider, reference)
	if o == nil || err != nil {
		return err
	}
	return s.apply(ctx, func(u *ent.OrderUpdate) {
		u.Where(order.ID(o.ID), order.PaymentStatusIn(order.PaymentStatusAuthorized, order.PaymentStatusNotPaid)).
			SetPaymentStatus(order.PaymentStatusCanceled)
	})
}

// PaymentRefunded records the processor's running total of refunds for the payment.
// Only an increase applies; the order's refunded total never exceeds its total.
func (s *Service) PaymentRefunded(ctx context.Context, provider, reference string, refundedTotal int64) error {
	o, err := s.byReference(ctx, provider, reference)
	if o == nil || err != nil {
		return err
	}
	refunded := min(refundedTotal, o.Total)
	if refunded <= 0 {
		return nil
	}
	return s.apply(ctx, func(u *ent.OrderUpdate) {
		u.Where(order.ID(o.ID), order.RefundedTotalLT(refunded),
			order.PaymentStatusIn(order.PaymentStatusCaptured, order.PaymentStatusPartiallyRefunded)).
			SetRefundedTotal(refunded).SetPaymentStatus(refundStatus(refunded, o.Total))
	})
}

// apply runs one conditional update of an order in a transaction of its own, so the
// audit record of the change commits with it.
func (s *Service) apply(ctx context.Context, build func(u *ent.OrderUpdate)) error {
	ctx = sys(ctx)
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		u := tx.Order.Update()
		build(u)
		return u.Exec(ctx)
	})
}
