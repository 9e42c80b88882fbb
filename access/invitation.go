package access

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/viewer"
)

// InvitationPolicy: staff invitations are tenant-admin business — a tenant's admins see,
// send and withdraw its invitations — except that a vendor's admins also invite people to
// their vendor (vendor_admin or vendor_staff of it) while it is not suspended. Accepting
// one is the invited user's act, which the tenancy service carries out in its system
// context once it has checked the token and the e-mail.
func InvitationPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.InvitationQueryRuleFunc(func(ctx context.Context, q *ent.InvitationQuery) error {
				admin := viewer.FromContext(ctx).AdminTenants()
				if len(admin) == 0 {
					return denyNothingVisible("invitations")
				}
				q.Where(invitation.TenantIDIn(admin...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.InvitationMutationRuleFunc(func(ctx context.Context, m *ent.InvitationMutation) error {
				var s rowScope
				switch {
				case m.Op().Is(ent.OpCreate):
					s.TenantID, _ = m.TenantID()
					if sid, ok := m.StoreID(); ok {
						if err := checkStoreInTenant(ctx, m.Client(), sid, s.TenantID); err != nil {
							return err
						}
					}
					if vid, ok := m.VendorID(); ok {
						if err := checkVendorInTenant(ctx, m.Client(), vid, s.TenantID); err != nil {
							return err
						}
						// A tenant admin who is also the vendor's admin invites as the tenant's.
						v := viewer.FromContext(ctx)
						if role, _ := m.Role(); vendorAdminInvites(v, vid, role) && !v.IsTenantAdmin(s.TenantID) {
							return decideVendorInvitation(ctx, m.Client(), v, vid)
						}
					}
				case m.Op().Is(ent.OpDeleteOne):
					id, _ := m.ID()
					inv, err := m.Client().Invitation.Get(Bypass(ctx), id)
					if err != nil {
						return privacy.Denyf("invitation %d does not exist", id)
					}
					s.TenantID = inv.TenantID
				default:
					return privacy.Denyf("invitations are sent, withdrawn or accepted, never edited")
				}
				return decideStaffWrite(viewer.FromContext(ctx), s, false)
			}),
		},
	}
}

// vendorAdminInvites reports an invitation that v sends as an admin of vendor vid: to
// one of the vendor's own roles (vendor_staff spelt from viewer: the invitation's role
// enum does not carry it yet, see ent/schema/invitation.go).
func vendorAdminInvites(v *viewer.Viewer, vid int, role invitation.Role) bool {
	return (role == invitation.RoleVendorAdmin || role == invitation.Role(viewer.RoleVendorStaff)) &&
		slices.Contains(v.VendorsWithRole(viewer.RoleVendorAdmin), vid)
}

// decideVendorInvitation lets a vendor's admin invite under the rule of its other writes
// (decideVendorProfileWrite, no field of the vendor changed): not while the vendor is
// suspended or its tenant read-only.
func decideVendorInvitation(ctx context.Context, c *ent.Client, v *viewer.Viewer, vid int) error {
	row, err := c.Vendor.Query().Where(vendor.ID(vid)).Select(vendor.FieldTenantID, vendor.FieldStatus).Only(Bypass(ctx))
	if err != nil {
		return privacy.Denyf("vendor %d does not exist", vid)
	}
	return decideVendorProfileWrite(v, row, nil)
}
