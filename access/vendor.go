package access

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/viewer"
)

// VendorProfileFields are what a vendor's own admins may change of their vendor; its
// handle, status and rejection are the tenant's.
var VendorProfileFields = []string{
	vendor.FieldName, vendor.FieldContactEmail, vendor.FieldContactPhone, vendor.FieldDescription,
	vendor.FieldLogo, vendor.FieldPayoutAccount, vendor.FieldMetadata,
	vendor.FieldUpdatedAt, vendor.FieldVersion,
}

// VendorPolicy: tenant admins see and manage their tenants' vendors; a vendor's admins and
// staff see their own vendor, and its admins change its profile while it is not
// suspended; an applicant sees the vendor it applied for. Nobody else sees vendors yet.
func VendorPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.VendorQueryRuleFunc(func(ctx context.Context, q *ent.VendorQuery) error {
				p, ok := visibleVendors(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("vendors")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.VendorMutationRuleFunc(func(ctx context.Context, m *ent.VendorMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				v := viewer.FromContext(ctx)
				if m.Op().Is(ent.OpCreate) {
					t, _ := m.TenantID()
					return decideStaffWrite(v, rowScope{TenantID: t}, false)
				}
				id, _ := m.ID()
				row, err := m.Client().Vendor.Query().Where(vendor.ID(id)).
					Select(vendor.FieldTenantID, vendor.FieldStatus).Only(Bypass(ctx))
				if err != nil {
					return privacy.Denyf("vendor %d does not exist", id)
				}
				if m.Op().Is(ent.OpUpdateOne) && slices.Contains(v.VendorsWithRole(viewer.RoleVendorAdmin), id) {
					return decideVendorProfileWrite(v, row, append(m.Fields(), m.ClearedFields()...))
				}
				return decideStaffWrite(v, rowScope{TenantID: row.TenantID}, false)
			}),
		},
	}
}

// decideVendorProfileWrite lets a vendor's admin change its profile fields, not while the
// vendor is suspended (its staff then read only) or its tenant read-only.
func decideVendorProfileWrite(v *viewer.Viewer, row *ent.Vendor, fields []string) error {
	for _, g := range v.Grants {
		if g.Role == viewer.RoleVendorAdmin && g.VendorID == row.ID && g.TenantID == row.TenantID && g.ReadOnly {
			return errReadOnlyTenant
		}
	}
	if row.Status == vendor.StatusSuspended {
		return privacy.Denyf("the vendor is suspended: its staff may read, not write")
	}
	for _, f := range fields {
		if !slices.Contains(VendorProfileFields, f) {
			return privacy.Denyf("a vendor's admins change its profile, not its %s", f)
		}
	}
	return privacy.Allow
}

func visibleVendors(v *viewer.Viewer) (predicate.Vendor, bool) {
	var any []predicate.Vendor
	if ids := v.AdminTenants(); len(ids) > 0 {
		any = append(any, vendor.TenantIDIn(ids...))
	}
	if ids := v.Vendors(); len(ids) > 0 {
		any = append(any, vendor.IDIn(ids...))
	}
	if v.Kind == viewer.User {
		any = append(any, vendor.ApplicantID(v.UserID))
	}
	// A storefront shows who sells a product: the active vendors of its store's tenant.
	if shopping(v) && v.ShopOpen {
		any = append(any, vendor.And(vendor.TenantID(v.TenantID), vendor.StatusEQ(vendor.StatusActive)))
	}
	if len(any) == 0 {
		return nil, false
	}
	return vendor.Or(any...), true
}

// CanSeeVendorPrivate: a vendor's contact details and metadata are for the platform, the
// tenant's admins, the vendor's own members and its applicant; a shopper sees its public
// face (handle, name, logo, description).
func CanSeeVendorPrivate(v *viewer.Viewer, row *ent.Vendor) bool {
	return v.IsSuperAdmin() || v.IsTenantAdmin(row.TenantID) || slices.Contains(v.Vendors(), row.ID) ||
		(v.Kind == viewer.User && row.ApplicantID != nil && *row.ApplicantID == v.UserID)
}

// SeesPayoutAccount reports whether the viewer may read a vendor's payout account: the
// platform, the tenant's admins and the vendor's own admins.
func SeesPayoutAccount(v *viewer.Viewer, row *ent.Vendor) bool {
	return v.IsSuperAdmin() || v.IsTenantAdmin(row.TenantID) ||
		slices.Contains(v.VendorsWithRole(viewer.RoleVendorAdmin), row.ID)
}

// checkVendorInTenant refuses an edge to a vendor of another tenant (see checkStoreInTenant).
func checkVendorInTenant(ctx context.Context, c *ent.Client, vendorID, tenantID int) error {
	row, err := c.Vendor.Query().Where(vendor.ID(vendorID)).Select(vendor.FieldTenantID).Only(Bypass(ctx))
	if err != nil {
		return privacy.Denyf("vendor %d does not exist", vendorID)
	}
	if row.TenantID != tenantID {
		return privacy.Denyf("vendor %d does not belong to tenant %d", vendorID, tenantID)
	}
	return nil
}
