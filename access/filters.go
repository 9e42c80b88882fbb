package access

import (
	"slices"

	"github.com/dakkah/cityos/viewer"
)

// Who may filter on what. A `where` predicate runs in SQL beneath the privacy policies:
// an edge predicate is an EXISTS over rows the policies never see, so a predicate on a
// field or edge the viewer may not read would leak it one guess at a time. These rules
// are data; server/filters.go applies them to every `where` argument of a request.
//
// Predicates are named by input type and the field or edge they test, without the
// operator: "UserWhereInput.phone" covers phone, phoneHasPrefix, phoneIn…, and
// "UserWhereInput.hasAddresses" covers hasAddresses and hasAddressesWith.

// publicFilterEdges are the only edge predicates the public storefront surface
// (anonymous callers, publishable keys, customers) may use: a product by its category,
// collection, options and variants, all of them public in an active store.
var publicFilterEdges = map[string]bool{
	"ProductWhereInput.hasCategory":   true,
	"ProductWhereInput.hasCollection": true,
	"ProductWhereInput.hasOptions":    true,
	"ProductWhereInput.hasVariants":   true,
}

// restrictedFilters are predicates on data that only some of the callers who see the row
// may read.
var restrictedFilters = map[string]func(*viewer.Viewer) bool{
	// Customers' address books are for the tenant's admins (see the CustomerAddress policy).
	"UserWhereInput.hasAddresses": readsTenantAdminData,
	// Other people's memberships are for the tenant's admins (see the Membership policy).
	"UserWhereInput.hasMemberships": readsTenantAdminData,
	// A company's people and their limits are for the tenant's admins (see the Employee
	// policy): its store managers read companies, not who works for them.
	"CompanyWhereInput.hasEmployees": readsTenantAdminData,
	// A tenant's tier, country and status are staff data.
	"TenantWhereInput.status":           readsStaffData,
	"TenantWhereInput.subscriptionTier": readsStaffData,
	"TenantWhereInput.country":          readsStaffData,
}

// readsTenantAdminData: the filter does not say whose rows it reads, so a caller who is
// admin of one tenant and only a manager in another may not use it anywhere.
func readsTenantAdminData(v *viewer.Viewer) bool {
	if v.IsSuperAdmin() {
		return true
	}
	admin := v.AdminTenants()
	if len(admin) == 0 || PublicSurface(v) {
		return false
	}
	for _, t := range v.StaffTenants() {
		if !slices.Contains(admin, t) {
			return false
		}
	}
	return true
}

// readsStaffData: a tenant's private fields are for its own staff. The filter does not
// say whose rows it reads, so a caller who also sees a tenant it is not staff of (one it
// is a customer of) may not use it anywhere.
func readsStaffData(v *viewer.Viewer) bool {
	if v.IsSuperAdmin() {
		return true
	}
	if PublicSurface(v) {
		return false
	}
	staff := v.StaffTenants()
	for _, g := range v.Grants {
		if g.TenantID != 0 && !slices.Contains(staff, g.TenantID) {
			return false
		}
	}
	return true
}

// PublicSurface reports whether v uses the public storefront surface: anyone but staff,
// and staff too in the storefront of a tenant they are not staff of.
func PublicSurface(v *viewer.Viewer) bool {
	if v.IsSuperAdmin() {
		return false
	}
	if v.TenantID != 0 && !slices.Contains(v.StaffTenants(), v.TenantID) {
		return true
	}
	return !v.IsStaff()
}

// MayFilter reports whether v may use the where predicate on field (or edge, named
// hasX) of the input type.
func MayFilter(v *viewer.Viewer, inputType, field string, edge bool) bool {
	key := inputType + "." + field
	if edge && PublicSurface(v) && !publicFilterEdges[key] {
		return false
	}
	if may, ok := restrictedFilters[key]; ok {
		return may(v)
	}
	return true
}
