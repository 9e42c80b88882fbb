package access

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/viewer"
)

// UserPolicy: users see themselves; tenant admins see the users who hold a role in their
// tenants and all its customer accounts; store managers the customer accounts that have a
// cart or an order in one of their stores; a company's admins the people who work for it. Only the platform creates accounts
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
				if admin := v.AdminTenants(); len(admin) > 0 {
					// The tenant's own customer accounts: admins list all their customers.
					any = append(any, user.RealmIn(admin...))
				}
				if ids := v.CompaniesWithRole(viewer.RoleCompanyAdmin); len(ids) > 0 {
					// A company's admins, the people who work for it.
					any = append(any, user.HasEmploymentWith(employee.CompanyIDIn(ids...)))
				}
				if stores := v.ManagedStores(); len(stores) > 0 {
					// Managers, only the customers who shop in their stores.
					any = append(any, user.And(user.RealmIn(v.TenantsWithRole(viewer.RoleStoreManager)...), shopsIn(stores)))
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

// shopsIn: users with a cart or an order in one of the stores. Users have no edge to
// carts and orders (those name their customer by id), so it is a pair of subqueries.
func shopsIn(stores []int) predicate.User {
	ids := make([]any, len(stores))
	for i, id := range stores {
		ids[i] = id
	}
	return predicate.User(func(s *sql.Selector) {
		carts := sql.Select(cart.FieldCustomerID).From(sql.Table(cart.Table)).
			Where(sql.And(sql.In(cart.FieldStoreID, ids...), sql.NotNull(cart.FieldCustomerID)))
		orders := sql.Select(order.FieldCustomerID).From(sql.Table(order.Table)).
			Where(sql.And(sql.In(order.FieldStoreID, ids...), sql.NotNull(order.FieldCustomerID)))
		s.Where(sql.Or(sql.In(s.C(user.FieldID), carts), sql.In(s.C(user.FieldID), orders)))
	})
}
