package pricing

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/region"
	"github.com/dakkah/cityos/ent/shippingoption"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/validate"
)

type regionFields struct {
	name      string
	currency  string
	countries []string
	bps       int
}

func validRegion(in RegionInput) (regionFields, error) {
	var f regionFields
	var err error
	if f.name, err = validate.Name("name", in.Name); err != nil {
		return f, err
	}
	if f.currency, err = CurrencyCode("currencyCode", in.CurrencyCode); err != nil {
		return f, err
	}
	if f.countries, err = countries("countries", in.Countries); err != nil {
		return f, err
	}
	f.bps, err = TaxRateBps("taxRate", in.TaxRate)
	return f, err
}

// Regions lists a tenant's regions: those of the request's store's tenant, or of
// tenantID (see storefront.Tenant).
func (s *Service) Regions(ctx context.Context, tenantID *int) ([]*ent.Region, error) {
	t, err := storefront.Tenant(ctx, s.client, tenantID)
	if err != nil {
		return nil, err
	}
	return s.client.Region.Query().Where(region.TenantID(t)).Order(ent.Asc(region.FieldID)).All(ctx)
}

// CreateRegion creates a region of a tenant.
func (s *Service) CreateRegion(ctx context.Context, in RegionInput) (*ent.Region, error) {
	f, err := validRegion(in)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Region, error) {
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		return tx.Region.Create().SetTenantID(in.TenantID).SetName(f.name).SetCurrencyCode(f.currency).
			SetCountries(f.countries).SetTaxRateBps(f.bps).SetTaxInclusive(in.TaxInclusive).Save(ctx)
	})
}

// UpdateRegion replaces a region's settings. Its tenant never changes, and its currency
// only while no price or shipping option is expressed in it.
func (s *Service) UpdateRegion(ctx context.Context, id int, in RegionInput) (*ent.Region, error) {
	f, err := validRegion(in)
	if err != nil {
		return nil, err
	}
	r, err := change(ctx, s, func(tx *ent.Tx) (*ent.Region, error) {
		r, err := tx.Region.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if in.TenantID != r.TenantID {
			return nil, apperr.Invalid("tenantId", "a region cannot move to another tenant")
		}
		if f.currency != r.CurrencyCode {
			if err := currencyUnused(ctx, tx, r); err != nil {
				return nil, err
			}
		}
		return tx.Region.UpdateOneID(id).SetName(f.name).SetCurrencyCode(f.currency).
			SetCountries(f.countries).SetTaxRateBps(f.bps).SetTaxInclusive(in.TaxInclusive).Save(ctx)
	})
	s.refs.regions.Forget(id) // also after a failure: the kept row may be the stale one
	return r, err
}

// currencyUnused refuses to change the currency of a region that has prices or shipping
// options: their amounts are minor units of the old currency.
func currencyUnused(ctx context.Context, tx *ent.Tx, r *ent.Region) error {
	priced, err := tx.Price.Query().Where(price.RegionID(r.ID)).Exist(ctx)
	if err != nil {
		return err
	}
	shipped, err := tx.ShippingOption.Query().Where(shippingoption.RegionID(r.ID)).Exist(ctx)
	if err != nil {
		return err
	}
	if priced || shipped {
		return &apperr.Error{Code: apperr.Conflict, Field: "currencyCode",
			Message: "the region has prices or shipping options in " + r.CurrencyCode + ": remove them before changing its currency"}
	}
	return nil
}
