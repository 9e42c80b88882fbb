package inventory

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
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

// AvailableByVariant is Available for many variants in one query, by variant id; a
// variant without levels has no entry.
func (s *Service) AvailableByVariant(ctx context.Context, variantIDs []int) (map[int]int, error) {
	// Only what the sum needs: a grid reads 60 levels, and their timestamps and versions
	// cost more to decode than the quantities.
	levels, err := s.client.InventoryLevel.Query().Where(inventorylevel.VariantIDIn(variantIDs...)).
		Select(inventorylevel.FieldVariantID, inventorylevel.FieldStockedQuantity, inventorylevel.FieldReservedQuantity).
		All(ctx)
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
}
