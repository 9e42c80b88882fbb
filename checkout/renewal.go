package checkout

import (
	"context"
	"errors"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
)

// Renewal is the order a recurring subscription places for one period, from a cart the
// subscription made for it (see package recurring).
type Renewal struct {
	CartID int
	// Key is the order's idempotency key, derived from the subscription and its period.
	Key string
	// LockedUnitPrice, when set, prices every line instead of the store's price list.
	LockedUnitPrice *int64
	// PaymentMethod is the saved method the cart's provider charges (Stripe: pm_…);
	// "" for a provider that authorises on its own (manual).
	PaymentMethod string
	// Claim moves the period to placed in the order's transaction, or fails when another
	// worker got there first; Link points the period at the order.
	Claim func(context.Context, *ent.Tx) error
	Link  func(context.Context, *ent.Tx, int) error
}

// PlaceRenewal places the order of a subscription's period as a checkout of its cart
// would (the store open, the variant sold, stock reserved, paid with the cart's
// provider), at the price list's prices unless the subscription locked its price. The
// cart completes once: a second worker placing the same period answers the order of the
// first.
func (s *Service) PlaceRenewal(ctx context.Context, r Renewal) (*ent.Order, error) {
	c, p, err := s.renewalPlan(ctx, r)
	if err != nil {
		return nil, err
	}
	if c.CompletedAt != nil { // placed by another worker
		return s.renewalOrder(ctx, c.ID)
	}
	if r.LockedUnitPrice != nil {
		if err := s.lockPrices(sys(ctx), c, p, *r.LockedUnitPrice); err != nil {
			return nil, err
		}
	}
	pay, err := s.renewalCharge(ctx, c, p, r.PaymentMethod)
	if err != nil {
		return nil, err
	}
	o, err := s.placeCharged(ctx, c, p, r.Key, pay, r.Claim, r.Link)
	if errors.Is(err, errCartMoved) || errors.Is(err, errTwin) {
		return s.renewalOrder(ctx, c.ID)
	}
	return o, err
}

// renewalPlan reads the renewal's cart and plans its order. The cart's line was priced
// when the cart was made: a price changed since is brought up to date by plan, which
// then answers CART_CHANGED, and the cart is read and planned once more. A completed
// cart is answered with a nil plan.
func (s *Service) renewalPlan(ctx context.Context, r Renewal) (*ent.Cart, *plan, error) {
	for try := 0; ; try++ {
		c, err := s.client.Cart.Query().Where(entcart.ID(r.CartID)).WithItems().Only(sys(ctx))
		if err != nil || c.CompletedAt != nil {
			return c, nil, err
		}
		p, err := s.plan(sys(ctx), c)
		if try == 0 && apperr.CodeOf(err) == apperr.CartChanged {
			continue
		}
		return c, p, err
	}
}

// renewalCharge is how a renewal is paid: with the saved method when there is one, by
// the cart's provider authorising off-session, else as a checkout of the cart is.
func (s *Service) renewalCharge(ctx context.Context, c *ent.Cart, p *plan, method string) (*charge, error) {
	if method == "" {
		return s.charge(ctx, c, p)
	}
	provider, err := s.payments.Provider(c.PaymentProvider)
	if err != nil {
		return nil, err
	}
	saver, ok := provider.(payment.SavedMethodCharger)
	if !ok {
		return nil, apperr.Invalid("paymentMethod", "%s charges no saved payment method", c.PaymentProvider)
	}
	return &charge{provider: provider, authorizer: payment.Saved(saver, method), status: order.PaymentStatusAuthorized}, nil
}

// lockPrices prices plan p's lines at unit and computes its totals again, with the same
// shipping and region tax.
func (s *Service) lockPrices(ctx context.Context, c *ent.Cart, p *plan, unit int64) error {
	region, err := s.carts.Region(ctx, c)
	if err != nil {
		return err
	}
	lines := make([]cart.Line, len(p.items))
	for i, it := range p.items {
		it.UnitPrice = unit
		lines[i] = cart.Line{UnitPrice: unit, Quantity: it.Quantity}
	}
	p.totals, err = cart.Compute(lines, p.shipping.Amount, region.TaxRateBps, region.TaxInclusive)
	if err != nil {
		return apperr.Invalid("quantity", "the renewal's total passes %d, the most an order may be", cart.MaxTotal)
	}
	if p.parts != nil { // a vendor's product: its vendor order is split from the new totals
		vendors := cart.Vendors{}
		for _, pt := range p.parts {
			for _, i := range pt.lines {
				vendors[p.items[i].VariantID] = pt.vendorID
			}
		}
		p.parts = split(p.items, vendors, p.totals, region.TaxInclusive, p.terms.ShippingPerVendor)
	}
	return nil
}

// renewalOrder is the order placed from renewal cart id, by whichever worker placed it.
func (s *Service) renewalOrder(ctx context.Context, cartID int) (*ent.Order, error) {
	o, err := s.client.Order.Query().Where(order.CartID(cartID)).Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.Conflict, "the renewal's cart was completed without an order")
	}
	return o, err
}
