package checkout

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
)

// charge is how the order of a cart is paid: authorised by the server as the order is
// placed (manual), or already authorised by the shopper's browser through the cart's
// payment session, which was verified with the processor before anything was written.
type charge struct {
	provider   payment.Provider
	authorizer payment.Authorizer // nil when the session already holds the payment
	reference  string             // the session's id, when paid through one
	status     order.PaymentStatus
	// due is how long after the order is placed it is to be paid: on payment terms
	// (Invoice), else 0.
	due time.Duration
}

// Net30 is how long an order on a company's net_30 terms has to be paid.
const Net30 = 30 * 24 * time.Hour

// onTerms is how an order of a company buyer on net_30 terms is paid: by invoice, not at
// checkout. It is nil for every other order.
func onTerms(p *plan) *charge {
	if p.buyer == nil || p.buyer.company.PaymentTerms != company.PaymentTermsNet30 {
		return nil
	}
	return &charge{provider: payment.Invoice{}, authorizer: payment.Invoice{}, status: order.PaymentStatusNotPaid, due: Net30}
}

// charge decides how the cart is paid: by invoice for a company buyer on payment terms
// (no session is needed nor used), through its payment session when it has one, else
// with the default provider, which must then authorise on its own (a provider paid
// through the browser needs a session: createPaymentSession). A session is read back
// from its processor and must pay exactly the plan's total, in the cart's currency, for
// this cart; otherwise the error says what the client has to do and nothing is placed.
func (s *Service) charge(ctx context.Context, c *ent.Cart, p *plan) (*charge, error) {
	if ch := onTerms(p); ch != nil {
		return ch, nil
	}
	name := c.PaymentProvider
	if name == "" {
		name = s.payments.Default
	}
	provider, ok := s.payments.Get(name)
	if !ok {
		return nil, fmt.Errorf("payment provider %q is not configured for carts", name)
	}
	if sp, ok := provider.(payment.SessionProvider); ok {
		if c.PaymentSessionID == "" {
			return nil, apperr.Invalid("payment", "the cart has no payment session: open one with createPaymentSession and confirm it")
		}
		sess, err := sp.Session(ctx, c.PaymentSessionID)
		if err != nil {
			return nil, err
		}
		want := payment.Expect{Amount: p.totals.Total, CurrencyCode: c.CurrencyCode, CartID: c.ID}
		if err := sess.Verify(want); err != nil {
			return nil, err
		}
		status := order.PaymentStatusAuthorized
		if sess.Captured() {
			status = order.PaymentStatusCaptured
		}
		return &charge{provider: provider, reference: sess.ID, status: status}, nil
	}
	a, ok := provider.(payment.Authorizer)
	if !ok {
		return nil, fmt.Errorf("payment provider %q neither authorises nor opens sessions", name)
	}
	return &charge{provider: provider, authorizer: a, status: order.PaymentStatusAuthorized}, nil
}

// authorize returns the reference and status of the order's payment: the session's, or
// a new authorisation under a processor idempotency key of the cart and checkout key
// (scoped as the checkout key is), so a retried checkout finds the authorisation it made.
func (ch *charge) authorize(ctx context.Context, c *ent.Cart, p *plan, key string) (string, error) {
	if ch.authorizer == nil {
		return ch.reference, nil
	}
	return ch.authorizer.Authorize(ctx, payment.AuthorizeRequest{
		Amount: p.totals.Total, CurrencyCode: c.CurrencyCode, Email: c.Email,
		IdempotencyKey: "cart-" + strconv.Itoa(c.ID) + ":" + key,
		Metadata:       cartMetadata(c),
	})
}

// decided says the payment's outcome is known before the order is written: a session
// the shopper paid, or a provider that authorises here (payment.Local). Such an order is
// written with its payment status and reference; any other is authorised once its stock
// is held (a processor's idempotency key must not name a payment voided for want of
// stock), then updated.
func (ch *charge) decided() bool {
	if ch.authorizer == nil {
		return true
	}
	_, local := ch.authorizer.(payment.Local)
	return local
}

// release lets go an authorisation made for an order whose transaction then failed. A
// session's payment is the shopper's and stays: the cart can still be completed with it,
// and a new session for another total cancels it (see payment.Stripe.OpenSession).
func (ch *charge) release(ctx context.Context, reference string) {
	if ch.authorizer != nil && reference != "" {
		_ = ch.authorizer.Void(context.WithoutCancel(ctx), reference)
	}
}

// cartMetadata is what the processor keeps with a cart's payment, to find it again.
func cartMetadata(c *ent.Cart) map[string]string {
	return map[string]string{
		"tenant_id": strconv.Itoa(c.TenantID), "store_id": strconv.Itoa(c.StoreID), "cart_id": strconv.Itoa(c.ID),
	}
}
