package access

import (
	"slices"

	"github.com/dakkah/cityos/viewer"
)

// Field-level rules for the few fields that are private on otherwise visible rows: a
// store's public face is visible to anyone, its staff data is not.

// CanSeeTenantBilling: billing details are for the platform and the tenant's admins.
func CanSeeTenantBilling(v *viewer.Viewer, tenantID int) bool {
	return v.IsSuperAdmin() || v.IsTenantAdmin(tenantID)
}

// CanSeeTenantPrivate: a tenant's metadata, status, tier and country are for the platform
// and the tenant's staff; everyone else sees its handle and name only.
func CanSeeTenantPrivate(v *viewer.Viewer, tenantID int) bool {
	return v.IsSuperAdmin() || slices.Contains(v.StaffTenants(), tenantID)
}

// CanSeeStorePrivate: a store's metadata and domains are for the platform, the tenant's
// admins and the store's managers.
func CanSeeStorePrivate(v *viewer.Viewer, tenantID, storeID int) bool {
	return v.IsSuperAdmin() || v.IsTenantAdmin(tenantID) || v.ManagesStore(storeID)
}

// CanSeeCatalogPrivate: a catalog row's staff data (every price, the sales channels) is
// for the platform and the staff of the row's tenant; shoppers see calculated prices only.
func CanSeeCatalogPrivate(v *viewer.Viewer, tenantID int) bool {
	return CanSeeTenantPrivate(v, tenantID)
}

// CanSeeOrderAddress: an order's addresses are for its customer and for the staff of its
// tenant or store; a guest who just placed it gets the order without them.
func CanSeeOrderAddress(v *viewer.Viewer, customerID *int, tenantID, storeID int) bool {
	if v.Kind == viewer.User && customerID != nil && *customerID == v.UserID {
		return true
	}
	return CanSeeStorePrivate(v, tenantID, storeID)
}

// CanSeeCatalogPrices: every price of a variant is for the staff of its tenant and, outside
// a storefront, for a vendor's members, who see only their vendor's variants (the product
// policy decides which).
func CanSeeCatalogPrices(v *viewer.Viewer, tenantID int) bool {
	if CanSeeCatalogPrivate(v, tenantID) {
		return true
	}
	if shopping(v) {
		return false
	}
	for _, g := range v.Grants {
		if g.VendorID != 0 && g.TenantID == tenantID {
			return true
		}
	}
	return false
}
