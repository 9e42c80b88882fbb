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
		// The level is read, then created with its stock or updated: an insert that
		// ignored a conflict would be recorded in the audit log as a creation that did
		// not happen. Two staff creating the same level at once: one gets CONFLICT.
		l, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantID(v.ID), inventorylevel.LocationID(loc.ID)).Only(ctx)
		if ent.IsNotFound(err) {
			l, err = tx.InventoryLevel.Create().SetTenantID(v.TenantID).SetVariantID(v.ID).SetLocationID(loc.ID).
				SetStockedQuantity(stocked).Save(ctx)
			if ent.IsConstraintError(err) {
				return nil, apperr.New(apperr.Conflict, "the stock level was created meanwhile: read it and try again")
			}
			return l, err
		}
		if err != nil {
			return nil, err
		}
		updated, err := tx.InventoryLevel.UpdateOne(l).Where(inventorylevel.ReservedQuantityLTE(stocked)).
			SetStockedQuantity(stocked).Save(ctx)
		if ent.IsNotFound(err) {
			if l, err = tx.InventoryLevel.Get(ctx, l.ID); err != nil {
				return nil, err
			}
			return nil, apperr.Invalid("stockedQuantity", "%d units are reserved at this location: the stock cannot be set below that", l.ReservedQuantity)
		}
		return updated, err
	})
}
