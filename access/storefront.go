package access

import (
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/viewer"
)

// A request made for a storefront (a publishable key, or a store named by X-Store-Host)
// carries its store in the viewer. Whoever the caller is, such a request sees the
// catalog as that store's shoppers do: published products in the store's channels.

// shopping reports whether the request is for a storefront.
func shopping(v *viewer.Viewer) bool { return v.StoreID != 0 }

// sellableProducts is the catalog of the viewer's store: published products in its
// enabled channels — and nothing at all while the store is not active or its tenant not
// operating (the request's store context says which), whatever key or host named it.
func sellableProducts(v *viewer.Viewer) predicate.Product {
	if !v.ShopOpen {
		return product.IDIn()
	}
	return SellableIn(v.TenantID, v.StoreID)
}

// SellableIn are the products a store sells: published, in its enabled channels, and
// either the tenant's own or a vendor's approved product while the vendor is active (a
// suspended vendor's products leave every store at once).
func SellableIn(tenantID, storeID int) predicate.Product {
	return product.And(
		product.TenantID(tenantID),
		product.StatusEQ(product.StatusPublished),
		product.HasSalesChannelsWith(saleschannel.StoreID(storeID), saleschannel.IsDisabled(false)),
		product.Or(product.VendorIDIsNil(), product.And(
			product.ReviewStatusEQ(product.ReviewStatusApproved),
			product.HasVendorWith(vendor.StatusEQ(vendor.StatusActive)),
		)),
	)
}

// catalogTenants are the tenants whose catalog the viewer reads as staff: admins and
// managers read their tenant's whole catalog (managers assign it to their stores).
func catalogTenants(v *viewer.Viewer) []int { return v.StaffTenants() }

// referenceTenants are the tenants whose reference data (regions, shipping options,
// categories, collections) the viewer may read: its staff tenants, its customer
// tenants and the tenant of the store it shops in.
func referenceTenants(v *viewer.Viewer) []int {
	ids := append(v.StaffTenants(), v.TenantsWithRole(viewer.RoleCustomer)...)
	if v.TenantID != 0 {
		ids = append(ids, v.TenantID)
	}
	return ids
}
