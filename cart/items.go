package cart

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/productvariant"
)

// MaxQuantity is the most units of one variant a cart line holds.
const MaxQuantity = 1000

var (
	errItemNotFound   = &apperr.Error{Code: apperr.NotFound, Field: "lineItemId", Message: "line item not found"}
	errVariantNotSold = &apperr.Error{Code: apperr.NotFound, Field: "variantId", Message: "variant not found in this store"}
)

// AddItem puts qty units of a variant in the cart, adding to its line when the variant is
// already there. The variant must be sold in the cart's store, as that store's shoppers
// see its catalog; a new line takes its price in the cart's region (or currency). Like
// every change of a line, it first brings the cart's lines up to date (see changeLines).
func (s *Service) AddItem(ctx context.Context, token, variantID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 1); err != nil {
		return nil, err
	}
	return s.changeLines(ctx, token, []int{variantID}, func(tx *ent.Tx, c *ent.Cart, sh *shelf) error {
		v, err := tx.ProductVariant.Query().Where(productvariant.ID(variantID)).Only(shopIn(ctx, c))
		if ent.IsNotFound(err) {
			return errVariantNotSold
		}
		if err != nil {
			return err
		}
		st := sh.of(v.ID)
		var line *ent.LineItem // the cart's line of the variant, among those loaded with it
		for _, it := range c.Edges.Items {
			if it.VariantID == v.ID {
				line = it
				break
			}
		}
		want := qty
		if line != nil {
			want += line.Quantity
		}
		if want > MaxQuantity {
			return apperr.Invalid("quantity", "a cart holds at most %d of one item", MaxQuantity)
		}
		if err := enough(st, want); err != nil {
			return err
		}
		if line != nil { // brought up to date: it has today's price
			return s.setQuantity(ctx, tx, line, want)
		}
		price, ok := currentPrice(c, st)
		switch {
		case !st.sold: // gone since the policy showed it
			return errVariantNotSold
		case !ok:
			return apperr.Invalid("variantId", "the variant has no price in %s", c.CurrencyCode)
		}
		created, err := tx.LineItem.Create().SetTenantID(c.TenantID).SetCartID(c.ID).SetVariantID(v.ID).
			SetTitle(LineTitle(st.productTitle, v)).SetSku(v.Sku).SetQuantity(qty).SetUnitPrice(price).Save(sys(ctx))
		if err != nil {
			return err
		}
		c.Edges.Items = append(c.Edges.Items, created) // the newest line, last by id
		return nil
	})
}

// setQuantity sets a line's quantity, in the database and on the loaded line.
func (s *Service) setQuantity(ctx context.Context, tx *ent.Tx, line *ent.LineItem, qty int) error {
	now := s.now()
	err := tx.LineItem.Update().Where(lineitem.ID(line.ID)).SetQuantity(qty).SetUpdatedAt(now).Exec(sys(ctx))
	if err != nil {
		return err
	}
	line.Quantity, line.UpdatedAt = qty, now
	return nil
}

// removeLine deletes a line, from the database and from the cart's loaded lines.
func removeLine(ctx context.Context, tx *ent.Tx, c *ent.Cart, line *ent.LineItem) error {
	if err := tx.LineItem.DeleteOne(line).Exec(sys(ctx)); err != nil {
		return err
	}
	items := make([]*ent.LineItem, 0, len(c.Edges.Items))
	for _, it := range c.Edges.Items {
		if it.ID != line.ID {
			items = append(items, it)
		}
	}
	c.Edges.Items = items
	return nil
}

// UpdateItem sets a line's quantity; 0 removes the line. Like every change of a line, it
// first brings the cart's lines up to date (see changeLines).
func (s *Service) UpdateItem(ctx context.Context, token, itemID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 0); err != nil {
		return nil, err
	}
	if qty == 0 {
		return s.RemoveItem(ctx, token, itemID)
	}
	return s.changeLines(ctx, token, nil, func(tx *ent.Tx, c *ent.Cart, sh *shelf) error {
		line, err := cartLine(c, itemID)
		if err != nil {
			return err
		}
		if qty > line.Quantity { // more units: they must be in stock
			if err := enough(sh.of(line.VariantID), qty); err != nil {
				return err
			}
		}
		return s.setQuantity(ctx, tx, line, qty)
	})
}

// RemoveItem takes a line out of the cart. Removing needs no price: the other lines are
// left as they are.
func (s *Service) RemoveItem(ctx context.Context, token, itemID int) (*ent.Cart, error) {
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		if err := open(ctx, tx.Store, c); err != nil {
			return err
		}
		line, err := cartLine(c, itemID)
		if err != nil {
			return err
		}
		return removeLine(ctx, tx, c, line)
	})
}

// cartLine finds a line of cart c among those loaded with it (as the caller sees them).
func cartLine(c *ent.Cart, itemID int) (*ent.LineItem, error) {
	for _, it := range c.Edges.Items {
		if it.ID == itemID {
			return it, nil
		}
	}
	return nil, errItemNotFound
}

func checkQuantity(qty, least int) error {
	if qty < least || qty > MaxQuantity {
		return apperr.Invalid("quantity", "quantity must be between %d and %d", least, MaxQuantity)
	}
	return nil
}

// enough refuses want units of a variant that tracks its inventory and does not allow
// backorders when fewer are unreserved (stocked minus reserved). Checkout reserves the
// units; this only keeps a shopper from filling a cart that cannot be bought.
func enough(st *stock, want int) error {
	if st.tracks() && want > st.unreserved {
		return apperr.Invalid("quantity", "only %d left", st.unreserved)
	}
	return nil
}

// LineTitle is how a line names what was bought: the product, and the variant when it is
// more than the default one.
func LineTitle(productTitle string, v *ent.ProductVariant) string {
	if v.Title != "" && v.Title != "Default" {
		return productTitle + " / " + v.Title
	}
	return productTitle
}
