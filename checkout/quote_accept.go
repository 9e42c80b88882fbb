package checkout

import (
	"context"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// AcceptQuote places the order of an answered quote at its quoted prices, once: the
// buyer, or its company's admins. Accepting again answers the same order. The order uses
// the held cart's address, shipping and payment; stock is reserved now. For a company's
// buyer the order counts toward its limit, and one that would need approval is accepted
// by a company admin instead.
func (s *Service) AcceptQuote(ctx context.Context, id int) (*ent.Order, error) {
	q, err := s.quoteFor(ctx, id)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	if err := access.MayActForBuyer(v, q.TenantID, q.CustomerID, companyOf(q)); err != nil {
		return nil, err
	}
	switch {
	case q.Status == quote.StatusAccepted && q.OrderID != nil:
		return s.read(ctx, *q.OrderID, Edges{})
	case q.Status != quote.StatusResponded:
		return nil, apperr.New(apperr.Conflict, "only an answered quote is accepted; this one is %s", q.Status)
	case !s.now().Before(q.ExpiresAt):
		return nil, apperr.New(apperr.Conflict, "the quote expired")
	}
	c, err := s.client.Cart.Get(sys(ctx), q.CartID)
	if err != nil {
		return nil, err
	}
	p, err := s.quotedPlan(ctx, c, q)
	if err != nil {
		return nil, err
	}
	if err := s.quoteWithinLimit(ctx, v, q, p); err != nil {
		return nil, err
	}
	o, err := s.placeHeld(ctx, c, p, "quote-"+strconv.Itoa(q.ID),
		func(ctx context.Context, tx *ent.Tx) error {
			n, err := tx.Quote.Update().Where(quote.ID(q.ID), quote.Version(q.Version), quote.StatusEQ(quote.StatusResponded)).
				SetStatus(quote.StatusAccepted).SetUpdatedAt(s.now()).Save(ctx)
			if err == nil && n == 0 {
				err = errQuoteMoved
			}
			return err
		},
		func(ctx context.Context, tx *ent.Tx, orderID int) error {
			return tx.Quote.UpdateOneID(q.ID).SetOrderID(orderID).Exec(ctx)
		})
	var over overLimit
	switch {
	case errors.As(err, &over): // another order of the buyer's used up its limit meanwhile
		return nil, needsAdmin(over.reasons)
	case errors.Is(err, errQuoteMoved), errors.Is(err, errCartMoved):
		q, err := s.client.Quote.Get(sys(ctx), q.ID)
		if err == nil && q.Status == quote.StatusAccepted && q.OrderID != nil {
			return s.read(ctx, *q.OrderID, Edges{})
		}
		return nil, apperr.New(apperr.Conflict, "the quote changed meanwhile: read it again")
	}
	return o, err
}

// quotedPlan is the order of quote q: its lines at their quoted prices, with the held
// cart c's shipping and its region's tax as they are now.
func (s *Service) quotedPlan(ctx context.Context, c *ent.Cart, q *ent.Quote) (*plan, error) {
	region, err := s.carts.Region(ctx, c)
	if err != nil {
		return nil, err
	}
	so, err := s.carts.ShippingMethod(ctx, c)
	if err != nil {
		return nil, err
	}
	if so == nil {
		return nil, apperr.Invalid("shippingMethod", "the cart has no shipping method")
	}
	items := make([]*ent.LineItem, len(q.Lines))
	lines := make([]cart.Line, len(q.Lines))
	var vendors cart.Vendors
	for i, l := range q.Lines {
		items[i] = &ent.LineItem{VariantID: l.VariantID, Title: l.Title, Sku: l.Sku, Quantity: l.Quantity, UnitPrice: l.Price()}
		lines[i] = cart.Line{UnitPrice: l.Price(), Quantity: l.Quantity}
		if l.VendorID != nil {
			if vendors == nil {
				vendors = cart.Vendors{}
			}
			vendors[l.VariantID] = *l.VendorID
		}
	}
	totals, err := cart.Compute(lines, so.Amount, region.TaxRateBps, region.TaxInclusive)
	if err != nil {
		return nil, apperr.Invalid("prices", "the quote's total passes %d, the most an order may be", cart.MaxTotal)
	}
	p := &plan{items: items, shipping: so, totals: totals, held: true}
	p.terms.TaxInclusive = region.TaxInclusive
	p.parts = split(items, vendors, totals, region.TaxInclusive, false)
	return p, nil
}

// quoteWithinLimit: a company buyer's accepted quote is the company's order, counted in
// the buyer's limit; one its rules would hold for approval only a company admin accepts.
// A buyer who is no longer an active employee of the quote's company cannot have it
// accepted: the order would be the company's.
func (s *Service) quoteWithinLimit(ctx context.Context, v *viewer.Viewer, q *ent.Quote, p *plan) error {
	if q.CompanyID == nil {
		return nil
	}
	b, err := s.employment(ctx, q.TenantID, q.CustomerID, q.CompanyID)
	if err != nil {
		return err
	}
	if b == nil {
		return apperr.New(apperr.Forbidden, "the quote's buyer is no longer an active employee of its company: the quote cannot be accepted")
	}
	reasons, err := s.reasons(ctx, b, q.CurrencyCode, p.totals.Total)
	if err != nil {
		return err
	}
	p.buyer = b
	if v.Kind != viewer.User || v.UserID != q.CustomerID {
		p.approved = true // a company admin accepts for the company
		return nil
	}
	if len(reasons) > 0 {
		return needsAdmin(reasons)
	}
	return nil
}

// needsAdmin refuses a buyer's acceptance its company's rules would hold for approval.
func needsAdmin(reasons []string) error {
	return apperr.New(apperr.Forbidden, "the order needs a company admin's approval (%v): a company admin accepts this quote", reasons)
}

// DeclineQuote turns an open quote down (the buyer, or its company's admins), with an
// optional reason: the cart is the buyer's to change again.
func (s *Service) DeclineQuote(ctx context.Context, id int, reason *string) (*ent.Quote, error) {
	if reason != nil && utf8.RuneCountInString(*reason) > 1000 {
		return nil, apperr.Invalid("reason", "a reason is at most 1000 characters")
	}
	q, err := s.quoteFor(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := access.MayActForBuyer(viewer.FromContext(ctx), q.TenantID, q.CustomerID, companyOf(q)); err != nil {
		return nil, err
	}
	if q.Status != quote.StatusRequested && q.Status != quote.StatusResponded {
		return nil, apperr.New(apperr.Conflict, "the quote was %s", q.Status)
	}
	if err := s.endQuote(ctx, q, quote.StatusDeclined, reason); err != nil {
		return nil, err
	}
	return s.client.Quote.Get(sys(ctx), q.ID)
}

// endQuote ends open quote q without an order (declined, expired) and lets its cart go.
func (s *Service) endQuote(ctx context.Context, q *ent.Quote, status quote.Status, reason *string) error {
	now := s.now()
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		n, err := tx.Quote.Update().
			Where(quote.ID(q.ID), quote.StatusIn(quote.StatusRequested, quote.StatusResponded)).
			SetStatus(status).SetNillableDeclineReason(reason).SetUpdatedAt(now).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "the quote changed meanwhile: read it again")
		}
		return unholdCart(ctx, tx, q.CartID, now)
	})
}

// ExpireQuotes ends the open quotes whose time is up, at most batch of them, and answers
// how many it expired.
func (s *Service) ExpireQuotes(ctx context.Context, batch int) (int, error) {
	due, err := s.client.Quote.Query().
		Where(quote.StatusIn(quote.StatusRequested, quote.StatusResponded), quote.ExpiresAtLTE(s.now())).
		Order(ent.Asc(quote.FieldExpiresAt)).Limit(batch).All(sys(ctx))
	if err != nil {
		return 0, err
	}
	return expireEach(due, func(q *ent.Quote) error { return s.endQuote(ctx, q, quote.StatusExpired, nil) })
}
