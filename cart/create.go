package cart

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
)

// Create opens a cart in the store the request shops in (or storeId, which names it the
// way the X-Store-Host header would), priced in the region's currency. A signed-in
// customer of the store's tenant becomes the cart's customer.
func (s *Service) Create(ctx context.Context, in CreateInput) (*ent.Cart, error) {
	storeID, tenantID, err := s.shopStore(ctx, in.StoreID)
	if err != nil {
		return nil, err
	}
	// The new cart's store is open (shopStore checked): shop there.
	shop := *viewer.FromContext(ctx)
	shop.StoreID, shop.TenantID, shop.ShopOpen = storeID, tenantID, true
	ctx = viewer.NewContext(ctx, &shop)
	v := &shop

	region, err := s.client.Region.Get(ctx, in.RegionID)
	if ent.IsNotFound(err) || (err == nil && region.TenantID != tenantID) {
		return nil, apperr.Invalid("regionId", "regionId is not a region of the store's tenant")
	}
	if err != nil {
		return nil, err
	}
	var email string
	if in.Email != nil && strings.TrimSpace(*in.Email) != "" {
		if email, err = tenancy.Email("email", *in.Email); err != nil {
			return nil, err
		}
	}
	var customerID *int
	if v.Kind == viewer.User && contains(v.TenantsWithRole(viewer.RoleCustomer), tenantID) {
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

// shopStore is the store (and its tenant) a new cart belongs to: the request's, or storeID
// when the request names none. It must be open for business. The request's own store was
// resolved, with whether it is open, for the request: it is not looked up again.
func (s *Service) shopStore(ctx context.Context, named *int) (storeID, tenantID int, err error) {
	v := viewer.FromContext(ctx)
	id := v.StoreID
	switch {
	case named != nil && id != 0 && *named != id:
		return 0, 0, apperr.Invalid("storeId", "storeId names another store than the one the request is for")
	case named != nil:
		id = *named
	case id == 0:
		return 0, 0, apperr.Invalid("storeId", "name the store: storeId, X-Store-Host or a publishable key")
	}
	if id == v.StoreID && v.ShopOpen && v.TenantID != 0 {
		return v.StoreID, v.TenantID, nil
	}
	// A store's status is public (store resolution reports it); reading it is the service's.
	st, err := s.client.Store.Query().Where(store.ID(id)).WithTenant().Only(sys(ctx))
	if ent.IsNotFound(err) {
		return 0, 0, apperr.Invalid("storeId", "no such store")
	}
	if err != nil {
		return 0, 0, err
	}
	if storefront.StatusOf(st, st.Edges.Tenant) != storefront.Active {
		return 0, 0, apperr.Invalid("storeId", "the store is not open")
	}
	return st.ID, st.TenantID, nil
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
