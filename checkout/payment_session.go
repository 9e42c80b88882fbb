package checkout

import (
	"context"
	"strconv"

	"github.com/dakkah/cityos/apperr"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/payment"
)

// CreatePaymentSession opens the payment session of the cart whose token is cartToken,
// for the cart's total now, with the named provider (the cart's own so far, else the
// default, when empty), and keeps it on the cart for checkout to verify. Called again
// after the total changed, it refreshes the session (see payment.SessionProvider), so
// the client secret it answers always pays the current total. Whoever may use the cart
// may open its session; the cart must be ready to complete, since its total depends on
// its shipping method and address.
func (s *Service) CreatePaymentSession(ctx context.Context, cartToken int, provider string) (*payment.Session, error) {
	c, err := s.loadCart(ctx, cartToken)
	if err != nil {
		return nil, err
	}
	if c.CompletedAt != nil {
		return nil, apperr.New(apperr.Conflict, "the cart is completed and can no longer change")
	}
	if c.HeldAt != nil { // its request or quote pays with the session it was made with
		return nil, apperr.New(apperr.Conflict, "the cart waits on an approval request or a quote and cannot change until it is decided")
	}
	p, err := s.plan(ctx, c)
	if err != nil {
		return nil, err
	}
	if provider == "" {
		provider = c.PaymentProvider
	}
	if provider == "" {
		provider = s.payments.Default
	}
	pr, ok := s.payments.Get(provider)
	if !ok {
		return nil, apperr.Invalid("provider", "payment provider %q is not offered", provider)
	}
	if _, charges := pr.(payment.SessionProvider); charges {
		// A company buyer's order on net_30 terms is invoiced: a card confirmed now would
		// be charged on top of the invoice, and its payment would belong to no order.
		if _, err := s.forCompany(ctx, c, p); err != nil {
			return nil, err
		}
		if onTerms(p) != nil {
			return nil, apperr.Invalid("provider", "the company pays on net_30 terms: its orders are invoiced, so complete the cart without a card payment")
		}
	}
	sess := payment.Session{Provider: provider, Amount: p.totals.Total, CurrencyCode: c.CurrencyCode, Status: payment.StatusReady}
	if sp, ok := pr.(payment.SessionProvider); ok {
		current := ""
		if c.PaymentProvider == provider {
			current = c.PaymentSessionID
		}
		sess, err = sp.OpenSession(ctx, payment.SessionRequest{
			Amount: p.totals.Total, CurrencyCode: c.CurrencyCode, Email: c.Email, Current: current,
			IdempotencyKey: "cart:" + strconv.Itoa(c.TenantID) + ":" + strconv.Itoa(c.ID),
			Metadata:       cartMetadata(c),
		})
		if err != nil {
			return nil, err
		}
	}
	// Written as the system once the caller's right to the cart is settled, as carts
	// are. The revision moves: a completeCart that checked the previous session (which
	// this call may cancel below) must not place its order on it.
	n, err := s.client.Cart.Update().Where(entcart.ID(c.ID), entcart.CompletedAtIsNil(), entcart.HeldAtIsNil()).
		SetPaymentProvider(provider).SetPaymentSessionID(sess.ID).SetPaymentAmount(sess.Amount).
		AddRevision(1).Save(sys(ctx))
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "the cart is completed and can no longer change")
	}
	if c.PaymentProvider != provider && c.PaymentSessionID != "" {
		// Another provider now: let the previous session's hold go, if it holds one. Best
		// effort: an unconfirmed session holds nothing, an unreleased hold expires.
		if old, ok := s.payments.Get(c.PaymentProvider); ok {
			_ = old.Void(context.WithoutCancel(ctx), c.PaymentSessionID)
		}
	}
	return &sess, nil
}
