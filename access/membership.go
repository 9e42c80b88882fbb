package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// MembershipPolicy: users see their own memberships, tenant admins every membership in
// their tenants. Tenant admins grant and revoke tenant roles in their tenants; only the
// platform grants super_admin. A vendor role names a vendor of the membership's tenant.
func MembershipPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.MembershipQueryRuleFunc(func(ctx context.Context, q *ent.MembershipQuery) error {
				v := viewer.FromContext(ctx)
				switch {
				case v.Kind == viewer.User && len(v.AdminTenants()) > 0:
					q.Where(membership.Or(membership.UserID(v.UserID), membership.TenantIDIn(v.AdminTenants()...)))
				case v.Kind == viewer.User:
					q.Where(membership.UserID(v.UserID))
				case len(v.AdminTenants()) > 0:
					q.Where(membership.TenantIDIn(v.AdminTenants()...))
				default:
					return denyNothingVisible("memberships")
				}
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.MembershipMutationRuleFunc(func(ctx context.Context, m *ent.MembershipMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				var role membership.Role
				var s rowScope
				switch {
				case m.Op().Is(ent.OpCreate):
					role, _ = m.Role()
					s.TenantID, _ = m.TenantID()
					s.StoreID, _ = m.StoreID()
					if s.StoreID != 0 {
						if err := checkStoreInTenant(ctx, m.Client(), s.StoreID, s.TenantID); err != nil {
							return err
						}
					}
					vid, hasVendor := m.VendorID()
					if vendorRole := role == membership.RoleVendorAdmin || role == membership.RoleVendorStaff; vendorRole != hasVendor {
						return privacy.Denyf("vendor roles, and they only, are held in a vendor")
					}
					if hasVendor {
						if err := checkVendorInTenant(ctx, m.Client(), vid, s.TenantID); err != nil {
							return err
						}
					}
				case m.Op().Is(ent.OpDeleteOne):
					id, _ := m.ID()
					ms, err := m.Client().Membership.Get(Bypass(ctx), id)
					if err != nil {
						return privacy.Denyf("membership %d does not exist", id)
					}
					role = ms.Role
					if ms.TenantID != nil {
						s.TenantID = *ms.TenantID
					}
				default:
					return privacy.Denyf("memberships are granted and revoked, never edited")
				}
				if role == membership.RoleSuperAdmin || s.TenantID == 0 {
					return privacy.Denyf("only the platform grants or revokes platform roles")
				}
				return decideStaffWrite(viewer.FromContext(ctx), s, false)
			}),
		},
	}
}
