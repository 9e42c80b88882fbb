package cart

import (
	"context"
	"strconv"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/storefront"
)

// A cart's lines keep the price they were given until the cart changes: every change of
// a line's quantity, and checkout, first brings every line up to date with the catalog
// (see refresh). A line whose price changed takes the new price; a line the store no
// longer sells, or no longer prices in the cart's currency, leaves the cart. When any
// line changed, that is saved and the change asked for is not made: CART_CHANGED lists
// what changed, so the shopper sees it before paying or changing more.

// Change is how one line differed from the catalog and what was done about it.
type Change struct {
	LineItemID int
	VariantID  int
	Title, Sku string
	// Unavailable: the store no longer sells the item (or prices it in the cart's
	// currency); the line was removed. Otherwise the unit price went from Old to New.
	Unavailable                bool
	OldUnitPrice, NewUnitPrice int64
}

// changes compares the cart's lines with the shelf.
func changes(c *ent.Cart, sh *shelf) []Change {
	var out []Change
	for _, it := range c.Edges.Items {
		ch := Change{LineItemID: it.ID, VariantID: it.VariantID, Title: it.Title, Sku: it.Sku, OldUnitPrice: it.UnitPrice}
		price, ok := currentPrice(c, sh.of(it.VariantID))
		switch {
		case !ok:
			ch.Unavailable = true
		case price != it.UnitPrice:
			ch.NewUnitPrice = price
		default:
			continue
		}
		out = append(out, ch)
	}
	return out
}

// currentPrice is the price the cart's shoppers pay for a variant today, if the store
// sells it: the cart region's own price, else the one in the cart's currency, less the
// discount of the company its customer buys for (b2b stores). A price above
// pricing.MaxAmount (written before that bound existed) sells nothing.
func currentPrice(c *ent.Cart, st *stock) (int64, bool) {
	if !st.sold {
		return 0, false
	}
	p, ok := pricing.Choose(st.prices, &c.RegionID, c.CurrencyCode)
	if !ok || p.Amount < 0 || p.Amount > pricing.MaxAmount {
		return 0, false
	}
	return pricing.Discounted(p.Amount, st.discountBps), true
}

// applyChanges writes changes through tx: lines take their new price or leave the cart,
// and c.Edges.Items follows.
func (s *Service) applyChanges(ctx context.Context, tx *ent.Tx, c *ent.Cart, chs []Change) error {
	now := s.now()
	for _, ch := range chs {
		line, err := cartLine(c, ch.LineItemID)
		if err != nil {
			return err
		}
		if ch.Unavailable {
			if err := removeLine(ctx, tx, c, line); err != nil {
				return err
			}
			continue
		}
		err = tx.LineItem.Update().Where(lineitem.ID(line.ID)).SetUnitPrice(ch.NewUnitPrice).SetUpdatedAt(now).Exec(sys(ctx))
		if err != nil {
			return err
		}
		line.UnitPrice, line.UpdatedAt = ch.NewUnitPrice, now
	}
	return nil
}

var errStoreClosed = storefront.Closed()

// cartChanged is the CART_CHANGED error listing chs, in the extension "lines": for each
// line its id, variant id, title and sku, and either change "PRICE" with its old and new
// unit price or change "UNAVAILABLE" (the line was removed) with its old unit price.
func cartChanged(chs []Change) error {
	lines := make([]map[string]any, len(chs))
	for i, ch := range chs {
		l := map[string]any{
			"lineItemId": strconv.Itoa(ch.LineItemID), "variantId": strconv.Itoa(ch.VariantID),
			"title": ch.Title, "sku": ch.Sku, "oldUnitPrice": ch.OldUnitPrice,
		}
		if ch.Unavailable {
			l["change"] = "UNAVAILABLE"
		} else {
			l["change"], l["newUnitPrice"] = "PRICE", ch.NewUnitPrice
		}
		lines[i] = l
	}
	return &apperr.Error{
		Code:    apperr.CartChanged,
		Message: "the cart changed: prices or availability are not what they were; it now holds the current ones",
		Details: map[string]any{"lines": lines},
	}
}

// ChangedLines returns the changes a CART_CHANGED error lists (for tests and callers in
// process).
func ChangedLines(err error) []map[string]any {
	if e, ok := apperr.As(err); ok && e.Code == apperr.CartChanged {
		lines, _ := e.Details["lines"].([]map[string]any)
		return lines
	}
	return nil
}

// variantsOf lists the variants of the cart's lines, and extra.
func variantsOf(c *ent.Cart, extra ...int) []int {
	ids := make([]int, 0, len(c.Edges.Items)+len(extra))
	for _, it := range c.Edges.Items {
		ids = append(ids, it.VariantID)
	}
	return append(ids, extra...)
}

// changeLines is change for a change of the cart's lines that depends on the catalog:
// the shelf of the cart's variants (and extra ones) is read once, under the cart's lock;
// a closed store refuses the change; lines that differ from the catalog are brought up
// to date and saved, and the change is not made (CART_CHANGED); otherwise fn makes it.
func (s *Service) changeLines(ctx context.Context, token int, extra []int,
	fn func(tx *ent.Tx, c *ent.Cart, sh *shelf) error) (*ent.Cart, error) {
	var chs []Change
	c, err := s.changeReading(ctx, token, &extra, func(tx *ent.Tx, c *ent.Cart) error {
		want := variantsOf(c, extra...)
		sh, err := shelfRead(c, want)
		if sh == nil && err == nil {
			sh, err = readShelf(sys(ctx), tx, c, want)
		}
		if err != nil {
			return err
		}
		if sh.status != storefront.Active {
			return errStoreClosed
		}
		if chs = changes(c, sh); len(chs) > 0 {
			return s.applyChanges(ctx, tx, c, chs)
		}
		if err := fn(tx, c, sh); err != nil {
			return err
		}
		return withinBounds(c)
	})
	switch {
	case err != nil:
		return nil, err
	case len(chs) > 0:
		return nil, cartChanged(chs)
	}
	return c, nil
}

// withinBounds refuses lines whose sum would pass MaxTotal.
func withinBounds(c *ent.Cart) error {
	lines := make([]Line, len(c.Edges.Items))
	for i, it := range c.Edges.Items {
		lines[i] = Line{UnitPrice: it.UnitPrice, Quantity: it.Quantity}
	}
	if _, ok := subtotal(lines); !ok {
		return ErrTooLarge
	}
	return nil
}

// Refresh checks a cart loaded for checkout (with its items) against its store and the
// catalog, in one read: STORE_CLOSED when the store no longer takes orders; CART_CHANGED
// when a line's price changed or its item is no longer sold, once the cart has been
// brought up to date (so the next checkout places it at the current prices); nil when
// the cart is as the catalog says. It answers, from the same read, the marketplace vendor
// of each line's product (variant id → vendor id; the tenant's own products are absent),
// so checkout splits an order by vendor at no extra round trip.
func (s *Service) Refresh(ctx context.Context, c *ent.Cart) (Vendors, error) {
	want := variantsOf(c)
	sh, err := shelfRead(c, want)
	if sh == nil && err == nil {
		sh, err = readShelf(sys(ctx), s.client, c, want)
	}
	if err != nil {
		return nil, err
	}
	if sh.status != storefront.Active {
		return nil, errStoreClosed
	}
	if len(changes(c, sh)) == 0 {
		return sh.vendors(), nil
	}
	// Bring it up to date under the cart's lock, as any change of its lines.
	_, err = s.changeLines(ctx, c.Token, nil, func(*ent.Tx, *ent.Cart, *shelf) error { return nil })
	if err == nil { // brought up to date meanwhile, by another request: still not as read
		err = cartChanged(changes(c, sh))
	}
	return nil, err
}

// Vendors maps a variant to the marketplace vendor of its product.
type Vendors map[int]int

// vendors is the shelf's Vendors; nil when no line is a vendor's (the common case).
func (sh *shelf) vendors() Vendors {
	var out Vendors
	for id, st := range sh.variants {
		if st.vendor != 0 {
			if out == nil {
				out = Vendors{}
			}
			out[id] = st.vendor
		}
	}
	return out
}
