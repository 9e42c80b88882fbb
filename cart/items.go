package cart

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/productvariant"
)

// MaxQuantity is the most units of one variant a cart line holds.
const MaxQuantity = 1000

var errItemNotFound = &apperr.Error{Code: apperr.NotFound, Field: "lineItemId", Message: "line item not found"}

// AddItem puts qty units of a variant in the cart, adding to its line when the variant is
// already there. The variant must be sold in the cart's store, as that store's shoppers
// see its catalog; its price in the cart's region (or currency) is kept on the line.
func (s *Service) AddItem(ctx context.Context, token, variantID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 1); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		shop, err := s.shopIn(ctx, c)
		if err != nil {
			return err
		}
		v, err := tx.ProductVariant.Query().Where(productvariant.ID(variantID)).WithProduct().Only(shop)
		if ent.IsNotFound(err) {
			return &apperr.Error{Code: apperr.NotFound, Field: "variantId", Message: "variant not found in this store"}
		}
		if err != nil {
			return err
		}
		line, err := tx.LineItem.Query().Where(lineitem.CartID(c.ID), lineitem.VariantID(v.ID)).First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return err
		}
		want := qty
		if line != nil {
			want += line.Quantity
		}
		if want > MaxQuantity {
			return apperr.Invalid("quantity", "a cart holds at most %d of one item", MaxQuantity)
		}
		if err := checkStock(shop, tx, v, want); err != nil {
			return err
		}
		if line != nil {
			return tx.LineItem.UpdateOne(line).SetQuantity(want).Exec(sys(ctx))
		}
		// The price the store's shoppers see for the cart's region, else in its currency.
		p, ok, err := s.pricing.PriceFor(shop, v.ID, &c.RegionID, c.CurrencyCode)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.Invalid("variantId", "the variant has no price in %s", c.CurrencyCode)
		}
		return tx.LineItem.Create().SetTenantID(c.TenantID).SetCartID(c.ID).SetVariantID(v.ID).
			SetTitle(title(v)).SetSku(v.Sku).SetQuantity(qty).SetUnitPrice(p.Amount).Exec(sys(ctx))
	})
}

// UpdateItem sets a line's quantity; 0 removes the line. The unit price stays the one
// the line was added with.
func (s *Service) UpdateItem(ctx context.Context, token, itemID, qty int) (*ent.Cart, error) {
	if err := checkQuantity(qty, 0); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		line, err := cartLine(ctx, tx, c, itemID)
		if err != nil {
			return err
		}
		if qty == 0 {
			return tx.LineItem.DeleteOne(line).Exec(sys(ctx))
		}
		if qty > line.Quantity { // more units: the variant must still be sold, and in stock
			shop, err := s.shopIn(ctx, c)
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
			if err := checkStock(shop, tx, v, qty); err != nil {
				return err
			}
		}
		return tx.LineItem.UpdateOne(line).SetQuantity(qty).Exec(sys(ctx))
	})
}

// RemoveItem takes a line out of the cart.
func (s *Service) RemoveItem(ctx context.Context, token, itemID int) (*ent.Cart, error) {
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart) error {
		line, err := cartLine(ctx, tx, c, itemID)
		if err != nil {
			return err
		}
		return tx.LineItem.DeleteOne(line).Exec(sys(ctx))
	})
}

// cartLine loads a line of cart c, as the caller sees it.
func cartLine(ctx context.Context, tx *ent.Tx, c *ent.Cart, itemID int) (*ent.LineItem, error) {
	line, err := tx.LineItem.Query().Where(lineitem.ID(itemID), lineitem.CartID(c.ID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errItemNotFound
	}
	return line, err
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
	if !v.ManageInventory || v.AllowBackorder {
		return nil
	}
	levels, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantID(v.ID)).All(ctx)
	if err != nil {
		return err
	}
	available := 0
	for _, l := range levels {
		available += max(l.StockedQuantity-l.ReservedQuantity, 0)
	}
	if want > available {
		return apperr.Invalid("quantity", "only %d left", available)
	}
	return nil
}

// title is how a line names what was bought: the product, and the variant when it is
// more than the default one.
func title(v *ent.ProductVariant) string {
	t := v.Title
	if p := v.Edges.Product; p != nil {
		t = p.Title
		if v.Title != "" && v.Title != "Default" {
			t += " / " + v.Title
		}
	}
	return t
}
