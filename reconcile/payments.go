package reconcile

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
)

// payments compares recent open orders' payment states with their processors (those
// that can be asked: session providers such as Stripe; the manual provider has no state
// of its own). A disagreement is reported, not repaired: whether to capture, refund or
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
		if !agrees(o.PaymentStatus, s.Status) {
			add(o.TenantID, FoundNotFixed+"payment_mismatch", o.ID)
		}
	}
	return nil
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
