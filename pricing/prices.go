package pricing

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/txn"
)

// SetPrice sets a variant's price in a currency, for one region or (without a region)
// for every region in that currency: it creates the price or replaces its amount. A
// region's price must be in the region's currency.
func (s *Service) SetPrice(ctx context.Context, in SetPriceInput) (*ent.Price, error) {
	currency, err := CurrencyCode("currencyCode", in.CurrencyCode)
	if err != nil {
		return nil, err
	}
	amount, err := Amount("amount", in.Amount)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Price, error) {
		// The variant's row lock serialises concurrent setPrice calls for it, so two of
		// them cannot both create the price.
		v, err := tx.ProductVariant.Query().Where(productvariant.ID(in.VariantID), txn.LockedOnPostgres).Only(ctx)
		if err != nil {
			return nil, err
		}
		same := []predicate.Price{price.VariantID(v.ID), price.CurrencyCode(currency), price.RegionIDIsNil()}
		if in.RegionID != nil {
			r, err := tx.Region.Get(ctx, *in.RegionID)
			if err != nil {
				return nil, err
			}
			if r.TenantID != v.TenantID {
				return nil, apperr.Invalid("regionId", "the region belongs to another tenant than the variant")
			}
			if r.CurrencyCode != currency {
				return nil, apperr.Invalid("currencyCode", "the region's prices are in %s", r.CurrencyCode)
			}
			same[2] = price.RegionID(r.ID)
		}
		existing, err := tx.Price.Query().Where(same...).Order(ent.Asc(price.FieldID)).First(ctx)
		switch {
		case err == nil:
			return tx.Price.UpdateOne(existing).SetAmount(amount).Save(ctx)
		case !ent.IsNotFound(err):
			return nil, err
		}
		return tx.Price.Create().SetTenantID(v.TenantID).SetVariantID(v.ID).SetCurrencyCode(currency).
			SetAmount(amount).SetNillableRegionID(in.RegionID).Save(ctx)
	})
}

// DeletePrice deletes a price.
func (s *Service) DeletePrice(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Price.Get(ctx, id); err != nil {
			return err
		}
		return tx.Price.DeleteOneID(id).Exec(ctx)
	})
}
