package inventory

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
)

// SetStockLevel sets how many units of a variant a location holds, creating the level
// when the variant had none there. Reserved units stay reserved, so the stock cannot be
// set below them: the check and the write are one conditional UPDATE, which a
// concurrent reservation cannot slip between.
func (s *Service) SetStockLevel(ctx context.Context, variantID, locationID, stocked int) (*ent.InventoryLevel, error) {
	if stocked < 0 {
		return nil, apperr.Invalid("stockedQuantity", "stockedQuantity must not be negative")
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.InventoryLevel, error) {
		v, err := tx.ProductVariant.Get(ctx, variantID)
		if err != nil {
			return nil, err
		}
		loc, err := tx.StockLocation.Get(ctx, locationID)
		if err != nil {
			return nil, err
		}
		if loc.TenantID != v.TenantID {
			return nil, apperr.Invalid("locationId", "the stock location belongs to another tenant than the variant")
		}
		// Create the level if missing; an existing one (even one created concurrently) is left alone.
		err = tx.InventoryLevel.Create().SetTenantID(v.TenantID).SetVariantID(v.ID).SetLocationID(loc.ID).
			OnConflictColumns(inventorylevel.FieldVariantID, inventorylevel.FieldLocationID).Ignore().Exec(ctx)
		if err != nil {
			return nil, err
		}
		n, err := tx.InventoryLevel.Update().
			Where(inventorylevel.VariantID(v.ID), inventorylevel.LocationID(loc.ID), inventorylevel.ReservedQuantityLTE(stocked)).
			SetStockedQuantity(stocked).Save(ctx)
		if err != nil {
			return nil, err
		}
		l, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantID(v.ID), inventorylevel.LocationID(loc.ID)).Only(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, apperr.Invalid("stockedQuantity", "%d units are reserved at this location: the stock cannot be set below that", l.ReservedQuantity)
		}
		return l, nil
	})
}
