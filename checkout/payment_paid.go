package checkout

import (
	"context"

	"github.com/dakkah/cityos/ent"
	entcart "github.com/dakkah/cityos/ent/cart"
)

// PaidKey is the idempotency key of an order placed on the processor's notice that the
// shopper paid through session id (see CompletePaid): one key per session, so however
// often the notice comes, and whether or not the shopper completes the cart too, one
// order is placed.
func PaidKey(sessionID string) string { return "payment:" + sessionID }

// CompletePaid places the order of the cart paid through the provider's session id, on
// the processor's notice that the shopper paid: the shopper may have closed the tab
// before completing the cart. It completes the cart as the system, as Complete does, so
// the session is read back from the processor and verified; the notice alone places
// nothing. A cart already completed, by its shopper or by an earlier notice, answers its
// order; a session no cart has, nil.
func (s *Service) CompletePaid(ctx context.Context, provider, sessionID string) (*ent.Order, error) {
	ctx = sys(ctx)
	c, err := s.client.Cart.Query().
		Where(entcart.PaymentProvider(provider), entcart.PaymentSessionID(sessionID)).
		Order(ent.Asc(entcart.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return s.Complete(ctx, c.Token, PaidKey(sessionID), Edges{})
}

// paidThroughSession reports the order o of cart c was paid through the cart's session.
// Such an order is the cart's whichever key placed it: the shopper's completeCart or
// the processor's notice (CompletePaid), whichever came first.
func paidThroughSession(c *ent.Cart, o *ent.Order) bool {
	return c.PaymentSessionID != "" && o.CartID != nil && *o.CartID == c.ID && o.PaymentReference == c.PaymentSessionID
}
