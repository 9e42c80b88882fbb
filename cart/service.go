package cart

import (
	"context"
	"slices"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// Service runs cart operations. Carts are read and changed under the caller's context,
// where the cart policy decides who reaches which cart; line items are written in the
// service's system context once the cart has been loaded that way.
type Service struct {
	client  *ent.Client
	pricing *pricing.Service
	now     func() time.Time
}

// New returns a Service over client, pricing lines and reading regions and shipping
// options through prices.
func New(client *ent.Client, prices *pricing.Service) *Service {
	return &Service{client: client, pricing: prices, now: time.Now}
}

// sys is the named system context of the cart service.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "cart") }

var errCartNotFound = &apperr.Error{Code: apperr.NotFound, Field: "cartId", Message: "cart not found"}

// storeNamed refuses an anonymous caller whose request names no store: a guest reaches
// carts only through the store that holds them, so the request lacks something rather
// than being forbidden (signed-in customers and staff reach carts without a store).
func storeNamed(ctx context.Context) error {
	if v := viewer.FromContext(ctx); v.Kind == viewer.Anonymous && v.StoreID == 0 {
		return storefront.NoStore(false)
	}
	return nil
}

// Load returns the cart with the given token and its line items, as the caller may see
// it: NOT_FOUND when there is no such cart or the caller may not reach it.
func (s *Service) Load(ctx context.Context, token int) (*ent.Cart, error) {
	return s.load(ctx, token, false)
}

// LoadForCheckout is Load for a checkout: on PostgreSQL the cart's shelf, which Refresh
// checks it against, is read with it (see withShelf).
func (s *Service) LoadForCheckout(ctx context.Context, token int) (*ent.Cart, error) {
	return s.load(ctx, token, true)
}

func (s *Service) load(ctx context.Context, token int, shelf bool) (*ent.Cart, error) {
	if err := storeNamed(ctx); err != nil {
		return nil, err
	}
	q := s.client.Cart.Query().Where(cart.Token(token))
	withItems(q, s.client.Dialect())
	if shelf {
		withShelf(q, s.client.Dialect(), nil)
	}
	c, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errCartNotFound
	}
	if err != nil {
		return nil, err
	}
	return c, adoptItems(ctx, c, s.client.Dialect())
}

// Find is Load answering nil, not an error, for a cart the caller cannot reach: a
// query of a cart by its token tells no one whether some other cart exists.
func (s *Service) Find(ctx context.Context, token int) (*ent.Cart, error) {
	c, err := s.Load(ctx, token)
	if err == errCartNotFound {
		return nil, nil
	}
	return c, err
}

// change runs fn on the cart in a transaction and returns the cart as fn left it. The
// cart and its line items are loaded under the caller's context, where the policy decides
// whether the caller may change it, and the cart row is locked for the transaction (FOR
// UPDATE on PostgreSQL; SQLite's transactions write one at a time), so concurrent changes
// of one cart's lines take turns. A completed cart refuses every change. fn keeps
// c.Edges.Items up to date with the lines it writes and may change the cart's details on
// c; the cart is saved (see save) once it returns, so it need not be read again.
func (s *Service) change(ctx context.Context, token int, fn func(tx *ent.Tx, c *ent.Cart) error) (*ent.Cart, error) {
	return s.changeReading(ctx, token, nil, fn)
}

// changeReading is change whose locked read also reads the cart's shelf, for the
// variants of its lines and the extra ones, when shelf is not nil (see withShelf).
func (s *Service) changeReading(ctx context.Context, token int, shelf *[]int, fn func(tx *ent.Tx, c *ent.Cart) error) (*ent.Cart, error) {
	if err := storeNamed(ctx); err != nil {
		return nil, err
	}
	var out *ent.Cart
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		q := tx.Cart.Query().Where(cart.Token(token))
		withItemsLocked(q, tx.Dialect())
		if shelf != nil {
			withShelf(q, tx.Dialect(), *shelf)
		}
		c, err := q.Only(ctx)
		if err := usable(ctx, c, err); err != nil {
			return err
		}
		if err := adoptItems(ctx, c, tx.Dialect()); err != nil {
			return err
		}
		before := *c
		if err := fn(tx, c); err != nil {
			return err
		}
		if err := s.save(ctx, tx.Cart, &before, c); err != nil {
			return err
		}
		out = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, it := range out.Edges.Items {
		it.Unwrap()
	}
	out = out.Unwrap()
	remember(ctx, token, out)
	return out, nil
}

// changeDetails runs fn on the cart, without its line items, and saves the details fn
// changed on it (see save). It needs no transaction: each detail is a column of its own,
// so concurrent changes of different details do not undo each other, and the save is
// conditional, so a cart completed meanwhile refuses the change.
func (s *Service) changeDetails(ctx context.Context, token int, fn func(c *ent.Cart) error) (*ent.Cart, error) {
	if err := storeNamed(ctx); err != nil {
		return nil, err
	}
	c, ok := recall(ctx, token)
	if !ok {
		var err error
		c, err = s.client.Cart.Query().Where(cart.Token(token)).Only(ctx)
		if err := usable(ctx, c, err); err != nil {
			return nil, err
		}
	}
	if err := open(ctx, s.client.Store, c); err != nil {
		return nil, err
	}
	before := *c
	if err := fn(c); err != nil {
		return nil, err
	}
	if err := s.save(ctx, s.client.Cart, &before, c); err != nil {
		return nil, err
	}
	remember(ctx, token, c)
	return c, nil
}

// seenKey is where a request keeps the cart it changed last (see remember).
type seenKey struct{ token int }

// remember keeps the cart as this request left it, so that the request's next change of
// details (mutations sent together: add a line, set the address, pick the shipping)
// starts from it rather than reading the cart again. That is safe: the caller's right to
// the cart was decided when this request loaded it, a save writes only the details it
// changes, and its condition refuses a cart completed meanwhile. Copies are kept and
// handed out, so no response shares a value a later mutation changes.
func remember(ctx context.Context, token int, c *ent.Cart) {
	reqcache.Keep(ctx, seenKey{token}, snapshot(c))
}

// recall returns a copy of the cart this request changed last, if any.
func recall(ctx context.Context, token int) (*ent.Cart, bool) {
	c, ok := reqcache.Kept[*ent.Cart](ctx, seenKey{token})
	if !ok {
		return nil, false
	}
	return snapshot(c), true
}

func snapshot(c *ent.Cart) *ent.Cart {
	cp := *c
	cp.Edges.Items = slices.Clone(c.Edges.Items)
	return &cp
}

var errCartCompleted = apperr.New(apperr.Conflict, "the cart is completed and can no longer change")

// errCartHeld refuses a change of a cart an approval request or a quote holds.
var errCartHeld = apperr.New(apperr.Conflict, "the cart waits on an approval request or a quote and cannot change until it is decided")

// ErrStaffReadOnly refuses a change of a cart the caller reaches only as staff.
var ErrStaffReadOnly = apperr.New(apperr.Forbidden, "staff read shoppers' carts but never change them; a cart changes in its store's storefront or by its customer")

// usable passes on a cart just loaded for a change, or says why it cannot change.
func usable(ctx context.Context, c *ent.Cart, err error) error {
	switch {
	case ent.IsNotFound(err):
		return errCartNotFound
	case err != nil:
		return err
	case !access.MayChangeCart(viewer.FromContext(ctx), c):
		return ErrStaffReadOnly
	case c.CompletedAt != nil:
		return errCartCompleted
	case c.HeldAt != nil:
		return errCartHeld
	}
	return nil
}

// save writes the details c holds that differ from before, with a new updated_at and the
// next revision (see checkout), unless the cart was completed since it was loaded. It
// writes in the service's context, as the line items are: the caller's right to the cart
// was settled when the cart was loaded under their context.
func (s *Service) save(ctx context.Context, carts *ent.CartClient, before, c *ent.Cart) error {
	c.UpdatedAt, c.Revision = s.now(), before.Revision+1
	u := carts.Update().Where(cart.ID(c.ID), cart.CompletedAtIsNil(), cart.HeldAtIsNil()).
		SetUpdatedAt(c.UpdatedAt).AddRevision(1)
	if c.Email != before.Email {
		u.SetEmail(c.Email)
	}
	if c.ShippingAddress != before.ShippingAddress {
		u.SetShippingAddress(c.ShippingAddress)
	}
	if c.BillingAddress != before.BillingAddress {
		u.SetBillingAddress(c.BillingAddress)
	}
	if c.ShippingOptionID != before.ShippingOptionID {
		u.SetNillableShippingOptionID(c.ShippingOptionID)
	}
	n, err := u.Save(sys(ctx))
	if err == nil && n == 0 {
		err = errCartCompleted // or held meanwhile: either way the change is refused
	}
	return err
}

// shopIn returns ctx as seen by a shopper of the cart's store: the caller, browsing that
// store's storefront. The catalog policy then shows exactly what that store sells. The
// caller has found the store open (see readShelf), so nothing is looked up.
func shopIn(ctx context.Context, c *ent.Cart) context.Context {
	v := *viewer.FromContext(ctx)
	if v.StoreID == c.StoreID && v.ShopOpen {
		return ctx
	}
	v.StoreID, v.TenantID, v.ShopOpen = c.StoreID, c.TenantID, true
	return viewer.NewContext(ctx, &v)
}

// open refuses a change of a cart whose store is not taking orders. A request shopping in
// the cart's store had the store's status resolved with it (viewer.ShopOpen, dropped from
// the resolution cache on every change of a store or tenant); any other caller's cart
// store is looked up, in one statement.
func open(ctx context.Context, stores *ent.StoreClient, c *ent.Cart) error {
	v := viewer.FromContext(ctx)
	if v.StoreID == c.StoreID {
		if v.ShopOpen {
			return nil
		}
		return errStoreClosed
	}
	ok, err := stores.Query().Where(store.ID(c.StoreID), storefront.Open()).Exist(sys(ctx))
	switch {
	case err != nil:
		return err
	case !ok:
		return errStoreClosed
	}
	return nil
}
