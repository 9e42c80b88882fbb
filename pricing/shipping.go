package pricing

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// CreateShippingOption creates a flat-rate shipping option of a region, priced in the
// region's currency.
func (s *Service) CreateShippingOption(ctx context.Context, in ShippingOptionInput) (*ent.ShippingOption, error) {
	name, err := validate.Name("name", in.Name)
	if err != nil {
		return nil, err
	}
	amount, err := Amount("amount", in.Amount)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.ShippingOption, error) {
		r, err := tx.Region.Get(ctx, in.RegionID)
		if err != nil {
			return nil, err
		}
		return tx.ShippingOption.Create().SetTenantID(r.TenantID).SetRegionID(r.ID).SetName(name).SetAmount(amount).Save(ctx)
	})
}

// DeleteShippingOption deletes a shipping option; carts that had chosen it choose again.
func (s *Service) DeleteShippingOption(ctx context.Context, id int) error {
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.ShippingOption.Get(ctx, id); err != nil {
			return err
		}
		return tx.ShippingOption.DeleteOneID(id).Exec(ctx)
	})
	if err == nil {
		s.refs.options.Forget(id)
	}
	return err
}
