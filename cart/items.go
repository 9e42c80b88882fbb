package cart

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/pricing"
)

// MaxQuantity is the most units of one variant a cart line holds.
const MaxQuantity = 1000

var (
	errItemNotFound   = &apperr.Error{Code: apperr.NotFound, Field: "lineItemId", Message: "line item not found"}
	errVariantNotSold = &apperr.Error{Code: apperr.NotFound, Field: "variantId", Message: "variant not found in this store"}
)

// AddItem puts qty units of a variant in the cart, adding to its line when the variant is
// already there. The variant must be sold in the cart's store, as that store's shoppers
// see its catalog; its price in the cart's region (or currency) is kept on the line.
func (s *Service) AddItem(ctx context.Context, token, variantID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 1); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		shop, err := s.shopIn(ctx, tx, c)
		if err != nil {
			return err
		}
		v, err := tx.ProductVariant.Query().Where(productvariant.ID(variantID)).Only(shop)
		if ent.IsNotFound(err) {
			return errVariantNotSold
		}
		if err != nil {
			return err
		}
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
		if line != nil {
			if err := checkStock(sys(ctx), tx, v, want); err != nil {
				return err
			}
			return s.setQuantity(ctx, tx, line, want)
		}
		// The store sells the variant: what a line of it is made of (its product's title,
		// its stock and prices) is read in the service's context, in one statement.
		src, err := readLineSource(sys(ctx), tx, v.ID, c.RegionID, c.CurrencyCode)
		if err != nil {
			return err
		}
		if err := enough(v, want, src.unreserved); err != nil {
			return err
		}
		// The price the store's shoppers see for the cart's region, else in its currency.
		p, ok := pricing.Choose(src.prices, &c.RegionID, c.CurrencyCode)
		if !ok {
			return apperr.Invalid("variantId", "the variant has no price in %s", c.CurrencyCode)
		}
		created, err := tx.LineItem.Create().SetTenantID(c.TenantID).SetCartID(c.ID).SetVariantID(v.ID).
			SetTitle(title(src.productTitle, v)).SetSku(v.Sku).SetQuantity(qty).SetUnitPrice(p.Amount).Save(sys(ctx))
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

// UpdateItem sets a line's quantity; 0 removes the line. The unit price stays the one
// the line was added with.
func (s *Service) UpdateItem(ctx context.Context, token, itemID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 0); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		line, err := cartLine(c, itemID)
		if err != nil {
			return err
		}
		if qty == 0 {
			return removeLine(ctx, tx, c, line)
		}
		if qty > line.Quantity { // more units: the variant must still be sold, and in stock
			shop, err := s.shopIn(ctx, tx, c)
			if err != nil {
				return err
			}
			v, err := tx.ProductVariant.Get(shop, line.VariantID)
			if ent.IsNotFound(err) {
				return &apperr.Error{Code: apperr.NotFound, Field: "lineItemId", Message: "the item is no longer sold in this store"}
			}
			if err != nil {
				return err
			}
			if err := checkStock(sys(ctx), tx, v, qty); err != nil {
				return err
			}
		}
		return s.setQuantity(ctx, tx, line, qty)
	})
}

// RemoveItem takes a line out of the cart.
func (s *Service) RemoveItem(ctx context.Context, token, itemID int) (*ent.Cart, error) {
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
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

// checkStock refuses more units than are available (stocked minus reserved) of a variant
// that tracks its inventory and does not allow backorders. Checkout reserves the units;
// this only keeps a shopper from filling a cart that cannot be bought.
func checkStock(ctx context.Context, tx *ent.Tx, v *ent.ProductVariant, want int) error {
	if !tracksStock(v) {
		return nil
	}
	n, err := unreserved(ctx, tx, v.ID)
	if err != nil {
		return err
	}
	return enough(v, want, n)
}

// tracksStock says whether a cart may hold no more of v than is in stock.
func tracksStock(v *ent.ProductVariant) bool { return v.ManageInventory && !v.AllowBackorder }

// enough refuses want units of v when only available are unreserved (see checkStock).
func enough(v *ent.ProductVariant, want, available int) error {
	if tracksStock(v) && want > available {
		return apperr.Invalid("quantity", "only %d left", available)
	}
	return nil
}

// title is how a line names what was bought: the product, and the variant when it is
// more than the default one.
func title(productTitle string, v *ent.ProductVariant) string {
	if v.Title != "" && v.Title != "Default" {
		return productTitle + " / " + v.Title
	}
	return productTitle
}
