package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/viewer"
)

// UserPolicy: users see themselves; tenant admins see the users who hold a role in their
// tenants; a tenant's staff see its customer accounts. Only the platform creates accounts
// directly (staff accept invitations, customers register); a user edits only their own
// profile; only the platform deletes users.
func UserPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.User
				if v.Kind == viewer.User {
					any = append(any, user.ID(v.UserID))
				}
				if admin := v.AdminTenants(); len(admin) > 0 {
					any = append(any, user.HasMembershipsWith(membership.TenantIDIn(admin...)))
				}
				if staff := v.StaffTenants(); len(staff) > 0 {
					// The tenant's own customer accounts: staff list their customers.
					any = append(any, user.RealmIn(staff...))
				}
				if len(any) == 0 {
					return denyNothingVisible("users")
				}
				q.Where(user.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
				v := viewer.FromContext(ctx)
				switch {
				case m.Op().Is(ent.OpCreate):
					// A tenant cannot create platform accounts: an account it made for someone
					// else's e-mail would be squatted. Staff join through invitations, customers
					// register with their tenant (both in the system context).
					return privacy.Denyf("only the platform creates user accounts")
				case m.Op().Is(ent.OpUpdateOne):
					if id, _ := m.ID(); v.Kind == viewer.User && id == v.UserID {
						return privacy.Allow
					}
					return privacy.Denyf("users edit only their own profile")
				}
				return privacy.Denyf("only the platform deletes users")
			}),
		},
	}
}
