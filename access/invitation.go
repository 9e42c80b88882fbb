package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// InvitationPolicy: staff invitations are tenant-admin business — a tenant's admins see,
// send and withdraw its invitations. Accepting one is the invited user's act, which the
// tenancy service carries out in its system context once it has checked the token and
// the e-mail.
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
