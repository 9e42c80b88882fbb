package checkout

import (
	"context"
	"strconv"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/approvalrequest"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/snapshot"
	"github.com/dakkah/cityos/txn"
)

// holdForApproval turns a checkout that needs a company admin's approval into an approval
// request, in one transaction: the cart is held (it can no longer change nor be checked
// out), its lines and totals are frozen in the request and its units reserved for it. It
// answers AWAITING_APPROVAL naming the request; errCartMoved when the cart changed since
// it was read.
func (s *Service) holdForApproval(ctx context.Context, c *ent.Cart, p *plan, key string, reasons []string) error {
	now := s.now()
	var req *ent.ApprovalRequest
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		if err := holdCart(ctx, tx, c, now); err != nil {
			return err
		}
		provider := c.PaymentProvider
		if provider == "" {
			provider = s.payments.Default
		}
		var err error
		req, err = tx.ApprovalRequest.Create().SetCreatedAt(now).SetUpdatedAt(now).
			SetTenantID(c.TenantID).SetStoreID(c.StoreID).SetCompanyID(p.buyer.company.ID).
			SetCustomerID(*c.CustomerID).SetCartID(c.ID).SetIdempotencyKey(key).SetReasons(reasons).
			SetCurrencyCode(c.CurrencyCode).SetSubtotal(p.totals.Subtotal).SetShippingTotal(p.totals.Shipping).
			SetTaxTotal(p.totals.Tax).SetTotal(p.totals.Total).SetLines(frozenLines(p)).SetTerms(p.terms).
			SetPaymentProvider(provider).SetPaymentSession(c.PaymentSessionID).
			SetExpiresAt(now.Add(s.approvalTTL)).Save(ctx)
		if err != nil {
			return err
		}
		return inventory.ReserveAll(ctx, tx, inventory.ForApproval(req.ID), wants(p))
	})
	if err != nil {
		return err
	}
	return awaitingApproval(req)
}

// holdCart holds cart c as it was read: still open, at the revision read, held by none.
func holdCart(ctx context.Context, tx *ent.Tx, c *ent.Cart, now time.Time) error {
	n, err := tx.Cart.Update().
		Where(entcart.ID(c.ID), entcart.CompletedAtIsNil(), entcart.HeldAtIsNil(), entcart.Revision(c.Revision)).
		SetHeldAt(now).SetUpdatedAt(now).AddRevision(1).Save(ctx)
	if err == nil && n == 0 {
		err = errCartMoved
	}
	return err
}

// unholdCart lets a held cart change again: its request or quote will not become an order.
func unholdCart(ctx context.Context, tx *ent.Tx, cartID int, now time.Time) error {
	return tx.Cart.Update().Where(entcart.ID(cartID), entcart.CompletedAtIsNil()).
		ClearHeldAt().SetUpdatedAt(now).AddRevision(1).Exec(ctx)
}

// frozenLines are the plan's lines as an approval request keeps them.
func frozenLines(p *plan) []snapshot.Line {
	vendorOf := map[int]int{}
	for _, pt := range p.parts {
		for _, i := range pt.lines {
			vendorOf[i] = pt.vendorID
		}
	}
	out := make([]snapshot.Line, len(p.items))
	for i, it := range p.items {
		out[i] = snapshot.Line{ID: i + 1, VariantID: it.VariantID, Title: it.Title, Sku: it.Sku,
			Quantity: it.Quantity, UnitPrice: it.UnitPrice}
		if v := vendorOf[i]; v != 0 {
			out[i].VendorID = &v
		}
	}
	return out
}

// awaitingApproval is the answer to a checkout that waits on request r.
func awaitingApproval(r *ent.ApprovalRequest) error {
	return &apperr.Error{
		Code:    apperr.AwaitingApproval,
		Message: "the order needs a company admin's approval: the cart is held until the request is decided",
		Details: map[string]any{"approvalRequestId": strconv.Itoa(r.ID), "reasons": r.Reasons},
	}
}

// whileHeld answers a checkout of a held cart: a retry of the checkout that made its
// approval request gets the same answer; anything else is told, as a CONFLICT, why the
// cart waits.
func (s *Service) whileHeld(ctx context.Context, c *ent.Cart, key string) error {
	r, err := s.client.ApprovalRequest.Query().
		Where(approvalrequest.CartID(c.ID), approvalrequest.StatusEQ(approvalrequest.StatusPending)).
		Order(ent.Desc(approvalrequest.FieldID)).First(sys(ctx))
	switch {
	case err == nil && r.IdempotencyKey == key:
		return awaitingApproval(r)
	case err == nil:
		return apperr.New(apperr.Conflict, "the cart waits for approval (request %d) and cannot be checked out again", r.ID)
	case !ent.IsNotFound(err):
		return err
	}
	q, err := s.client.Quote.Query().Where(quote.CartID(c.ID)).Order(ent.Desc(quote.FieldID)).First(sys(ctx))
	if err == nil {
		return apperr.New(apperr.Conflict, "the cart is held by quote %d: accept or decline it first", q.ID)
	}
	if !ent.IsNotFound(err) {
		return err
	}
	return apperr.New(apperr.Conflict, "the cart is on hold and cannot be checked out")
}
