package inventory

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/pricing/productpage"
)

// available sums stocked minus reserved over levels. A level that backorders reserved
// beyond its stock adds nothing rather than taking from the others: checkout reserves
// from each level what it has unreserved, so this is what a shopper can still buy (and
// what a cart may hold, see cart.unreservedUnits).
func available(levels []*ent.InventoryLevel) int {
	n := 0
	for _, l := range levels {
		n += max(l.StockedQuantity-l.ReservedQuantity, 0)
	}
	return n
}

// Available is how many units of a variant can be sold now: stocked minus reserved over
// all its locations. It is the sum whether or not the variant manages inventory (one
// that does not is never short of stock: Reserve takes nothing for it), and 0 for a
// variant without levels or one the caller may not see.
func (s *Service) Available(ctx context.Context, variantID int) (int, error) {
	levels, err := s.client.InventoryLevel.Query().Where(inventorylevel.VariantID(variantID)).All(ctx)
	if err != nil {
		return 0, err
	}
	return available(levels), nil
}

// AvailableQuantity is Available for a variant a GraphQL request shows: under a products
// page every variant of the page shares one query (see package productpage).
func (s *Service) AvailableQuantity(ctx context.Context, v *ent.ProductVariant) (int, error) {
	return productpage.ForVariant(ctx, "stock", v,
		func(ctx context.Context, sc productpage.Scope) (map[int]int, error) {
			q := s.client.InventoryLevel.Query()
			if len(sc.VariantIDs) > 0 {
				q.Where(inventorylevel.VariantIDIn(sc.VariantIDs...))
			} else {
				q.Where(inventorylevel.HasVariantWith(productvariant.ProductIDIn(sc.ProductIDs...)))
			}
			levels, err := q.All(ctx)
			if err != nil {
				return nil, err
			}
			byVariant := map[int][]*ent.InventoryLevel{}
			for _, l := range levels {
				byVariant[l.VariantID] = append(byVariant[l.VariantID], l)
			}
			out := make(map[int]int, len(byVariant))
			for id, ls := range byVariant {
				out[id] = available(ls)
			}
			return out, nil
		},
		func() (int, error) { return s.Available(ctx, v.ID) })
}
