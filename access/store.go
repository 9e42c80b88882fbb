package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/viewer"
)

// StorePolicy: tenant admins see their tenants' stores and managers their stores; a
// customer sees the active stores of its tenant; a publishable key its own store;
// anyone else the active stores of operating tenants (the public store directory).
// Admins create and delete stores; admins and the store's managers change them.
func StorePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.StoreQueryRuleFunc(func(ctx context.Context, q *ent.StoreQuery) error {
				q.Where(visibleStores(viewer.FromContext(ctx)))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.StoreMutationRuleFunc(func(ctx context.Context, m *ent.StoreMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				v := viewer.FromContext(ctx)
				if m.Op().Is(ent.OpCreate) {
					t, _ := m.TenantID()
					if err := checkStoreVendor(ctx, m, t); err != nil {
						return err
					}
					return decideStaffWrite(v, rowScope{TenantID: t}, false)
				}
				id, _ := m.ID()
				t, err := storeTenant(ctx, m.Client(), id)
				if err != nil {
					return err
				}
				if err := checkStoreVendor(ctx, m, t); err != nil {
					return err
				}
				// Managers change their store's settings; creating and deleting stores is the admin's.
				return decideStaffWrite(v, rowScope{TenantID: t, StoreID: id}, m.Op().Is(ent.OpUpdateOne))
			}),
		},
	}
}

func visibleStores(v *viewer.Viewer) predicate.Store {
	public := store.And(store.StatusEQ(store.StatusActive), store.HasTenantWith(tenant.StatusIn(operating()...)))
	switch {
	case len(v.Grants) > 0:
		var any []predicate.Store
		if ids := v.AdminTenants(); len(ids) > 0 {
			any = append(any, store.TenantIDIn(ids...))
		}
		if ids := v.ManagedStores(); len(ids) > 0 {
			any = append(any, store.IDIn(ids...))
		}
		if ids := v.TenantsWithRole(viewer.RoleCustomer); len(ids) > 0 {
			any = append(any, store.And(public, store.TenantIDIn(ids...)))
		}
		if shopping(v) { // browsing a storefront: its public face, like any shopper
			any = append(any, store.And(public, store.ID(v.StoreID)))
		}
		if len(any) == 0 {
			return store.IDIn()
		}
		return store.Or(any...)
	case v.Kind == viewer.PublishableKey:
		return store.ID(v.StoreID)
	case v.Kind == viewer.SecretKey:
		return store.IDIn() // a key with no roles sees nothing
	default:
		return public
	}
}

// checkStoreVendor refuses a store of tenant t run by another tenant's vendor.
func checkStoreVendor(ctx context.Context, m *ent.StoreMutation, t int) error {
	if vid, ok := m.VendorID(); ok {
		return checkVendorInTenant(ctx, m.Client(), vid, t)
	}
	return nil
}
