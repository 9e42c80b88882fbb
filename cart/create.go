package cart

import (
	"context"
	"slices"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/validate"
	"github.com/dakkah/cityos/viewer"
)

// Create opens a cart in the store the request shops in (or storeId, which names it the
// way the X-Store-Host header would), priced in the region's currency. A signed-in
// customer of the store's tenant becomes the cart's customer.
func (s *Service) Create(ctx context.Context, in CreateInput) (*ent.Cart, error) {
	storeID, tenantID, err := storefront.Shop(ctx, s.client, in.StoreID, true)
	if err != nil {
		return nil, err
	}
	// The new cart's store is open (shopStore checked): shop there.
	shop := *viewer.FromContext(ctx)
	shop.StoreID, shop.TenantID, shop.ShopOpen = storeID, tenantID, true
	ctx = viewer.NewContext(ctx, &shop)
	v := &shop

	// Regions are the tenant's reference data: any of its storefronts may use them.
	region, err := s.pricing.RegionOf(ctx, in.RegionID)
	if ent.IsNotFound(err) || (err == nil && region.TenantID != tenantID) {
		return nil, apperr.Invalid("regionId", "regionId is not a region of the store's tenant")
	}
	if err != nil {
		return nil, err
	}
	var email string
	if in.Email != nil && strings.TrimSpace(*in.Email) != "" {
		if email, err = validate.Email("email", *in.Email); err != nil {
			return nil, err
		}
	}
	var customerID *int
	if v.Kind == viewer.User && slices.Contains(v.TenantsWithRole(viewer.RoleCustomer), tenantID) {
		customerID = &v.UserID
		if email == "" {
			u, err := s.client.User.Get(ctx, v.UserID)
			if err != nil {
				return nil, err
			}
			email = u.Email
		}
	}
	token, err := NewToken()
	if err != nil {
		return nil, err
	}
	// One INSERT: atomic by itself, it needs no transaction of its own.
	c := s.client.Cart.Create().SetTenantID(tenantID).SetStoreID(storeID).SetToken(token).
		SetRegionID(region.ID).SetCurrencyCode(region.CurrencyCode).SetNillableCustomerID(customerID)
	if email != "" {
		c.SetEmail(email)
	}
	return c.Save(ctx)
}
