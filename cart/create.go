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
	st, err := s.shopStore(ctx, in.StoreID)
	if err != nil {
		return nil, err
	}
	// The new cart's store is open (shopStore checked): shop there.
	shop := *viewer.FromContext(ctx)
	shop.StoreID, shop.TenantID, shop.ShopOpen = st.ID, st.TenantID, true
	ctx = viewer.NewContext(ctx, &shop)
	v := &shop

	region, err := s.client.Region.Get(ctx, in.RegionID)
	if ent.IsNotFound(err) || (err == nil && region.TenantID != st.TenantID) {
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
	if v.Kind == viewer.User && contains(v.TenantsWithRole(viewer.RoleCustomer), st.TenantID) {
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
	var out *ent.Cart
	err = tenancy.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		c := tx.Cart.Create().SetTenantID(st.TenantID).SetStoreID(st.ID).SetToken(token).
			SetRegionID(region.ID).SetCurrencyCode(region.CurrencyCode).SetNillableCustomerID(customerID)
		if email != "" {
			c.SetEmail(email)
		}
		out, err = c.Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// shopStore is the store a new cart belongs to: the request's, or storeID when the
// request names none. It must be open for business.
func (s *Service) shopStore(ctx context.Context, storeID *int) (*ent.Store, error) {
	v := viewer.FromContext(ctx)
	id := v.StoreID
	switch {
	case storeID != nil && id != 0 && *storeID != id:
		return nil, apperr.Invalid("storeId", "storeId names another store than the one the request is for")
	case storeID != nil:
		id = *storeID
	case id == 0:
		return nil, apperr.Invalid("storeId", "name the store: storeId, X-Store-Host or a publishable key")
	}
	// A store's status is public (store resolution reports it); reading it is the service's.
	st, err := s.client.Store.Query().Where(store.ID(id)).WithTenant().Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, apperr.Invalid("storeId", "no such store")
	}
	if err != nil {
		return nil, err
	}
	if storefront.StatusOf(st, st.Edges.Tenant) != storefront.Active {
		return nil, apperr.Invalid("storeId", "the store is not open")
	}
	return st, nil
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
