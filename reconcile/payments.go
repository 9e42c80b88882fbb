package reconcile

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
)

// payments compares recent open orders' payment states with their processors (those
// that can be asked: session providers such as Stripe; the manual provider has no state
// of its own). Where the processor moved money the order does not show (a capture or a
// void made in its dashboard, whose webhook was lost), the order is brought in line by
// the same conditional update the processor's webhook makes (orders.Service), with its
// event. Any other disagreement is reported, not repaired: whether to capture, refund or
// cancel is a decision for the tenant's staff, who see it in the run's report.
func (r *Reconciler) payments(ctx context.Context, add func(int, string, int), _ *Result) error {
	if r.Payments == nil {
		return nil
	}
	orders, err := r.Client.Order.Query().Where(
		order.PaymentStatusIn(order.PaymentStatusNotPaid, order.PaymentStatusAuthorized),
		order.StatusNEQ(order.StatusCanceled), order.PaymentReferenceNEQ(""),
		order.CreatedAtGTE(time.Now().Add(-PaymentLookback))).All(ctx)
	if err != nil {
		return err
	}
	for _, o := range orders {
		p, ok := r.Payments.Get(o.PaymentProvider)
		if !ok {
			continue
		}
		sp, ok := p.(payment.SessionProvider)
		if !ok {
			continue
		}
		s, err := sp.Session(ctx, o.PaymentReference)
		if err != nil {
			add(o.TenantID, FoundNotFixed+"payment_unreadable", o.ID)
			continue
		}
		if agrees(o.PaymentStatus, s.Status) {
			continue
		}
		repair, err := r.alignPayment(ctx, o, s.Status)
		if err != nil {
			return err
		}
		add(o.TenantID, repair, o.ID)
	}
	return nil
}

// alignPayment applies what the processor did to order o, and names the repair: a
// capture of an authorized payment, a void of an open one; anything else is left to
// people.
func (r *Reconciler) alignPayment(ctx context.Context, o *ent.Order, session string) (string, error) {
	if r.Orders == nil {
		return FoundNotFixed + "payment_mismatch", nil
	}
	switch {
	case session == payment.StatusSucceeded && o.PaymentStatus == order.PaymentStatusAuthorized:
		return "payments_captured", r.Orders.PaymentCaptured(ctx, o.PaymentProvider, o.PaymentReference)
	case session == payment.StatusCanceled:
		return "payments_canceled", r.Orders.PaymentCanceled(ctx, o.PaymentProvider, o.PaymentReference)
	}
	return FoundNotFixed + "payment_mismatch", nil
}

// agrees reports whether an order's payment status matches its processor's session.
func agrees(st order.PaymentStatus, session string) bool {
	switch st {
	case order.PaymentStatusAuthorized:
		return session == payment.StatusRequiresCapture
	case order.PaymentStatusNotPaid:
		return session != payment.StatusRequiresCapture && session != payment.StatusSucceeded
	}
	return true
}
