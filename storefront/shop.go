package storefront

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/viewer"
)

// NoStore answers a request that had to name a store and did not. byArgument says the
// operation also takes the store as its storeId argument.
func NoStore(byArgument bool) error {
	if byArgument {
		return apperr.Invalid("storeId", "name the store: storeId, X-Store-Host or a publishable key")
	}
	return apperr.Invalid("storeId", "name the store: X-Publishable-Key or X-Store-Host")
}

// Closed answers an operation that needs an open store (carts, checkout, sign-ups) in
// a store that is inactive or in maintenance, or whose tenant is suspended or inactive.
// It does not say which: a tenant's status is its staff's business.
func Closed() error {
	return apperr.New(apperr.StoreClosed, "the store is not taking orders")
}

// Shop is the store a storefront operation acts in (carts, customer accounts), and its
// tenant: the store the request is for, or storeID when the request names none; a
// storeID naming another store is refused. With open, the store must be open for
// business. The request's own store was resolved, with whether it is open, for the
// request: it is not looked up again.
func Shop(ctx context.Context, client *ent.Client, storeID *int, open bool) (storeIDOut, tenantID int, err error) {
	v := viewer.FromContext(ctx)
	id := v.StoreID
	switch {
	case storeID != nil && id != 0 && *storeID != id:
		return 0, 0, apperr.Invalid("storeId", "storeId names another store than the one the request is for")
	case storeID != nil:
		id = *storeID
	case id == 0:
		return 0, 0, NoStore(true)
	}
	if id == v.StoreID && v.TenantID != 0 && (v.ShopOpen || !open) {
		return v.StoreID, v.TenantID, nil
	}
	// A store's status is public (store resolution reports it); reading it is ours.
	st, err := client.Store.Query().Where(store.ID(id)).WithTenant().Only(viewer.SystemContext(ctx, "storefront"))
	if ent.IsNotFound(err) {
		return 0, 0, apperr.Invalid("storeId", "no such store")
	}
	if err != nil {
		return 0, 0, err
	}
	if open && StatusOf(st, st.Edges.Tenant) != Active {
		return 0, 0, Closed()
	}
	return st.ID, st.TenantID, nil
}

// Tenant is the tenant a tenant-wide query reads (regions, categories, collections, stock
// locations), the one rule for all of them: the tenant of the store the request is for
// when it names one (a tenantID naming another tenant is refused); else tenantID, which
// must be a tenant the caller sees (NOT_FOUND otherwise, as for any row); else the
// tenant the caller's credentials name (a secret key's). Which of the tenant's rows the
// caller may read stays the privacy policy's to decide.
func Tenant(ctx context.Context, client *ent.Client, tenantID *int) (int, error) {
	v := viewer.FromContext(ctx)
	switch {
	case v.StoreID != 0:
		if tenantID != nil && *tenantID != v.TenantID {
			return 0, apperr.Invalid("tenantId", "the request is for a store of another tenant")
		}
		return v.TenantID, nil
	case tenantID != nil:
		if _, err := client.Tenant.Get(ctx, *tenantID); err != nil {
			return 0, err
		}
		return *tenantID, nil
	case v.TenantID != 0:
		return v.TenantID, nil
	}
	return 0, apperr.Invalid("tenantId", "name the tenant, or the store: X-Publishable-Key or X-Store-Host")
}
