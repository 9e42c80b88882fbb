package inventory

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/stocklocation"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/validate"
)

// CreateStockLocation creates a place a tenant keeps stock.
func (s *Service) CreateStockLocation(ctx context.Context, in StockLocationInput) (*ent.StockLocation, error) {
	name, err := validate.Name("name", in.Name)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.StockLocation, error) {
		// Reading the tenant first turns "not yours" into NOT_FOUND.
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		if in.VendorID != nil {
			if _, err := tx.Vendor.Get(ctx, *in.VendorID); err != nil {
				return nil, err
			}
		}
		return tx.StockLocation.Create().SetTenantID(in.TenantID).SetNillableVendorID(in.VendorID).SetName(name).Save(ctx)
	})
}

// StockLocations lists a tenant's stock locations (the tenant as storefront.Tenant
// decides).
func (s *Service) StockLocations(ctx context.Context, tenantID int) ([]*ent.StockLocation, error) {
	t, err := storefront.Tenant(ctx, s.client, &tenantID)
	if err != nil {
		return nil, err
	}
	return s.client.StockLocation.Query().Where(stocklocation.TenantID(t)).
		Order(ent.Asc(stocklocation.FieldID)).All(ctx)
}
