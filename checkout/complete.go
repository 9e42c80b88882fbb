package checkout

import (
	"context"
	"errors"
	"fmt"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// MaxIdempotencyKey is the longest idempotency key a client may send.
const MaxIdempotencyKey = 200

var (
	// errCartMoved: the conditional update found the cart completed, or changed, since it
	// was read.
	errCartMoved = errors.New("checkout: cart completed or changed meanwhile")
	// errTwin: a concurrent checkout of the same cart inserted its order first.
	errTwin = errors.New("checkout: the cart's order was placed meanwhile")
)

// attempts bounds how often Complete reads a cart again that changed while it was being
// completed.
const attempts = 3

// Complete places the order for the cart whose token is cartToken. The same key always
// answers the same order: a retry, or twenty concurrent calls, place one. The cart is
// read under the caller's context, so only whoever may use the cart completes it, and
// completed only as it was read: a cart changed meanwhile (a line added a moment before)
// is read again, so the order holds exactly what the cart held.
func (s *Service) Complete(ctx context.Context, cartToken int, key string, edges Edges) (*ent.Order, error) {
	if key == "" {
		return nil, apperr.Invalid("idempotencyKey", "idempotencyKey is required")
	}
	if len(key) > MaxIdempotencyKey {
		return nil, apperr.Invalid("idempotencyKey", "idempotencyKey is longer than %d characters", MaxIdempotencyKey)
	}
	var n number
	for range attempts {
		o, err := s.attempt(ctx, cartToken, key, edges, &n)
		if !errors.Is(err, errCartMoved) {
			return o, err
		}
	}
	return nil, apperr.New(apperr.Conflict, "the cart kept changing while it was being completed; try again")
}

// number is the order number a Complete took for its cart's store (see nextNumber): a
// try that rolled back placed no order with it, so the next try reuses it.
type number struct{ storeID, value int }

// attempt is one try of Complete, answering errCartMoved when the cart changed between
// its reading and its completion. It takes the order's number, unless n holds one of the
// cart's store, just before the transaction that places the order with it.
func (s *Service) attempt(ctx context.Context, cartToken int, key string, edges Edges, n *number) (*ent.Order, error) {
	c, err := s.loadCart(ctx, cartToken)
	if err != nil {
		return nil, err
	}
	if c.CompletedAt != nil { // a retry, or another key for a completed cart
		return s.afterRace(ctx, c, key, edges)
	}
	if c.HeldAt != nil { // waiting on an approval request or a quote
		return nil, s.whileHeld(ctx, c, key)
	}
	p, err := s.plan(ctx, c)
	if err != nil {
		return nil, err
	}
	reasons, err := s.forCompany(ctx, c, p)
	if err != nil {
		return nil, err
	}
	pay, err := s.charge(ctx, c, p)
	if err != nil {
		return nil, err
	}
	if len(reasons) > 0 {
		return nil, s.holdForApproval(ctx, c, p, key, reasons)
	}
	var (
		placed    *ent.Order
		reference string
	)
	if s.beforePlace != nil {
		s.beforePlace()
	}
	if n.value == 0 || n.storeID != c.StoreID {
		next, err := s.nextNumber(sys(ctx), c.StoreID)
		if err != nil {
			return nil, err
		}
		*n = number{storeID: c.StoreID, value: next}
	}
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		placed, err = s.place(sys(ctx), tx, c, p, n.value, key, pay, &reference)
		return err
	})
	var over overLimit
	switch {
	case errors.As(err, &over): // a checkout of the same buyer placed meanwhile used up its limit
		return nil, s.holdForApproval(ctx, c, p, key, over.reasons)
	case errors.Is(err, errCartMoved):
		return nil, err // read again: completed by a twin (then replayed), or changed
	case errors.Is(err, errTwin):
		return s.afterRace(ctx, c, key, edges)
	case err != nil:
		// Authorised, then the transaction failed: let the hold go. A retry with the
		// same key authorises again under the same processor idempotency key.
		pay.release(ctx, reference)
		return nil, err
	}
	if s.afterPlace != nil {
		s.afterPlace()
	}
	if edges.none() { // the order as written: every column was set here
		return placed.Unwrap(), nil
	}
	return s.read(ctx, placed.ID, edges)
}

// loadCart reads the cart the caller may use, with its items (see cart.Service.Load). A
// cart the caller cannot see is reported as missing.
func (s *Service) loadCart(ctx context.Context, token int) (*ent.Cart, error) {
	c, err := s.carts.LoadForCheckout(ctx, token)
	if errors.Is(err, privacy.Deny) || apperr.CodeOf(err) == apperr.NotFound {
		return nil, apperr.New(apperr.NotFound, "cart not found")
	}
	if err == nil && !access.MayChangeCart(viewer.FromContext(ctx), c) {
		return nil, cart.ErrStaffReadOnly
	}
	return c, err
}

// An idempotency key is scoped to its cart: it tells a retry of a cart's checkout from
// another attempt at it, and never reaches another cart, so one shopper's key cannot
// block another's checkout, in the same store or a sibling one. The order's unique cart
// makes one order per cart.

// afterRace settles a checkout of a cart completed meanwhile (by a retry, a twin that won
// the race, or the payment notice): the cart's order when it was placed with the same key
// or paid through the cart's payment session (see paidThroughSession), else a conflict.
func (s *Service) afterRace(ctx context.Context, c *ent.Cart, key string, edges Edges) (*ent.Order, error) {
	o, err := s.client.Order.Query().Where(order.CartID(c.ID)).Only(sys(ctx))
	switch {
	case err == nil && (o.IdempotencyKey == key || paidThroughSession(c, o)):
		return s.read(ctx, o.ID, edges)
	case err == nil:
		return nil, apperr.New(apperr.Conflict, "the cart was already completed with another idempotency key")
	case !ent.IsNotFound(err):
		return nil, err
	}
	return nil, apperr.New(apperr.Conflict, "the cart was already completed")
}

// place writes the order through tx (system context): the cart is marked completed
// first, with a conditional update (still open, still at the revision read), so of two
// concurrent checkouts of one cart exactly one goes on, and a cart changed since it was
// read is not completed; every later step rolls back with it. The order is written with
// its number, taken before the transaction (see nextNumber), and, when the payment is
// decided before it is written (see charge.decided), with its payment status: then no
// statement changes it after its insert. reference receives the payment reference as
// soon as the payment is authorised.
func (s *Service) place(ctx context.Context, tx *ent.Tx, c *ent.Cart, p *plan, displayID int, key string, pay *charge, reference *string) (*ent.Order, error) {
	now := s.now()
	claim := tx.Cart.Update().Where(entcart.ID(c.ID), entcart.CompletedAtIsNil(), entcart.Revision(c.Revision))
	if !p.held { // else the request or quote holds the cart, and is what completes it
		claim.Where(entcart.HeldAtIsNil())
	}
	n, err := claim.SetCompletedAt(now).Save(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errCartMoved
	}
	if p.buyer != nil && !p.approved {
		if err := s.withinLimit(ctx, tx, p); err != nil {
			return nil, err
		}
	}
	create := tx.Order.Create().SetCreatedAt(now).SetUpdatedAt(now).
		SetTenantID(c.TenantID).SetStoreID(c.StoreID).SetDisplayID(displayID).SetCartID(c.ID).
		SetIdempotencyKey(key).SetNillableCustomerID(c.CustomerID).SetEmail(c.Email).
		SetCurrencyCode(c.CurrencyCode).SetSubtotal(p.totals.Subtotal).SetShippingTotal(p.totals.Shipping).
		SetTaxTotal(p.totals.Tax).SetTotal(p.totals.Total).SetPaymentProvider(pay.provider.Name()).
		SetShippingMethod(p.shipping.Name).SetShippingAddress(c.ShippingAddress)
	if p.buyer != nil {
		create.SetCompanyID(p.buyer.company.ID)
	}
	if pay.due > 0 {
		create.SetPaymentDueAt(now.Add(pay.due))
	}
	if c.BillingAddress != nil {
		create.SetBillingAddress(c.BillingAddress)
	}
	if pay.decided() {
		ref, err := pay.authorize(ctx, c, p, key)
		if err != nil {
			return nil, err
		}
		*reference = ref
		create.SetPaymentStatus(pay.status).SetPaymentReference(ref)
	}
	o, err := create.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, fmt.Errorf("%w: %v", errTwin, err)
	}
	if err != nil {
		return nil, err
	}
	lines := make([]*ent.OrderLineItemCreate, len(p.items))
	for i, it := range p.items {
		lines[i] = tx.OrderLineItem.Create().SetTenantID(c.TenantID).SetOrderID(o.ID).SetVariantID(it.VariantID).
			SetTitle(it.Title).SetSku(it.Sku).SetQuantity(it.Quantity).SetUnitPrice(it.UnitPrice).
			SetTotal(it.UnitPrice * int64(it.Quantity))
	}
	if err := writeSuborders(ctx, tx, o, p, lines); err != nil {
		return nil, err
	}
	if err := tx.OrderLineItem.CreateBulk(lines...).Exec(ctx); err != nil {
		return nil, err
	}
	// Stock before payment: a checkout that cannot have the units never authorises (a
	// retry reuses the processor's idempotency key, which must not name a voided payment).
	if err := s.stock(ctx, tx, p, o.ID); err != nil {
		return nil, err
	}
	if pay.decided() {
		return o, nil
	}
	ref, err := pay.authorize(ctx, c, p, key)
	if err != nil {
		return nil, err
	}
	*reference = ref
	// A bulk update by id: UpdateOne would read the order back, and the caller has it.
	o.PaymentStatus, o.PaymentReference, o.UpdatedAt, o.Version = pay.status, ref, s.now(), o.Version+1
	err = tx.Order.Update().Where(order.ID(o.ID)).SetUpdatedAt(o.UpdatedAt).
		SetPaymentStatus(o.PaymentStatus).SetPaymentReference(ref).Exec(ctx)
	return o, err
}

// stock holds the order's units: reserved now, or moved from the approval request that
// held them.
func (s *Service) stock(ctx context.Context, tx *ent.Tx, p *plan, orderID int) error {
	if p.approval != nil {
		return inventory.Transfer(ctx, tx, p.approval.ID, orderID)
	}
	return inventory.ReserveAll(ctx, tx, inventory.ForOrder(orderID), wants(p))
}

// wants are the plan's units, in variant order, so concurrent checkouts lock levels alike.
func wants(p *plan) []inventory.Want {
	out := make([]inventory.Want, len(p.items))
	for i, it := range p.items {
		out[i] = inventory.Want{VariantID: it.VariantID, Quantity: it.Quantity}
	}
	return out
}
