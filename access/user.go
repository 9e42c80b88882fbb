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
// tenants; a tenant's staff see its customer accounts. Tenant admins may create users (to grant them roles next); a user edits only
// their own profile; only the platform deletes users.
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
					for _, g := range v.Grants {
						if g.Role == viewer.RoleTenantAdmin && !g.ReadOnly {
							return privacy.Allow
						}
					}
					return privacy.Denyf("only tenant admins and the platform create users")
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
