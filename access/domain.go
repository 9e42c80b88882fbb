package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// DomainPolicy: custom domains are staff data — tenant admins see and manage their
// tenants' domains, store managers their stores'. Nobody else sees them.
func DomainPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.DomainQueryRuleFunc(func(ctx context.Context, q *ent.DomainQuery) error {
				p, ok := staffScoped(viewer.FromContext(ctx), domain.TenantIDIn, domain.StoreIDIn, domain.Or)
				if !ok {
					return denyNothingVisible("domains")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.DomainMutationRuleFunc(func(ctx context.Context, m *ent.DomainMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				var s rowScope
				if m.Op().Is(ent.OpCreate) {
					s.TenantID, _ = m.TenantID()
					s.StoreID, _ = m.StoreID()
					if err := checkStoreInTenant(ctx, m.Client(), s.StoreID, s.TenantID); err != nil {
						return err
					}
				} else {
					id, _ := m.ID()
					d, err := m.Client().Domain.Get(Bypass(ctx), id)
					if err != nil {
						return privacy.Denyf("domain %d does not exist", id)
					}
					s = rowScope{TenantID: d.TenantID, StoreID: d.StoreID}
				}
				return decideStaffWrite(viewer.FromContext(ctx), s, true)
			}),
		},
	}
}

// staffScoped builds "tenant in admin tenants OR store in managed stores" for a type.
func staffScoped[P ~func(S), S any](v *viewer.Viewer, tenantIn func(...int) P, storeIn func(...int) P, or func(...P) P) (P, bool) {
	var any []P
	if ids := v.AdminTenants(); len(ids) > 0 {
		any = append(any, tenantIn(ids...))
	}
	if ids := v.ManagedStores(); len(ids) > 0 {
		any = append(any, storeIn(ids...))
	}
	if len(any) == 0 {
		var none P
		return none, false
	}
	return or(any...), true
}
