package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/viewer"
)

// TenantPolicy: the platform sees every tenant; a signed-in member or key sees the tenants
// it holds a role in; a publishable key its own tenant; anonymous callers the public face
// of operating tenants. Only the platform creates, deletes, or changes status, tier or handle.
func TenantPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.TenantQueryRuleFunc(func(ctx context.Context, q *ent.TenantQuery) error {
				v := viewer.FromContext(ctx)
				switch {
				case len(v.Grants) > 0 && shopping(v): // browsing a storefront: its tenant's public face too
					q.Where(tenant.Or(tenant.IDIn(grantTenants(v)...), tenant.And(tenant.ID(v.TenantID), tenant.StatusIn(operating()...))))
				case len(v.Grants) > 0:
					q.Where(tenant.IDIn(grantTenants(v)...))
				case v.Kind == viewer.PublishableKey:
					q.Where(tenant.ID(v.TenantID), tenant.StatusIn(operating()...))
				default:
					q.Where(tenant.StatusIn(operating()...))
				}
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.TenantMutationRuleFunc(func(ctx context.Context, m *ent.TenantMutation) error {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("only the platform creates or deletes tenants")
				}
				for _, f := range []string{tenant.FieldStatus, tenant.FieldSuspendedBy, tenant.FieldSubscriptionTier, tenant.FieldHandle} {
					if _, set := m.Field(f); set {
						return privacy.Denyf("only the platform changes a tenant's %s", f)
					}
				}
				id, _ := m.ID()
				return decideStaffWrite(viewer.FromContext(ctx), rowScope{TenantID: id}, false)
			}),
		},
	}
}

func grantTenants(v *viewer.Viewer) []int {
	var ids []int
	for _, g := range v.Grants {
		if g.TenantID != 0 {
			ids = append(ids, g.TenantID)
		}
	}
	return ids
}

func operating() []tenant.Status {
	out := make([]tenant.Status, len(OperatingTenantStatuses))
	for i, s := range OperatingTenantStatuses {
		out[i] = tenant.Status(s)
	}
	return out
}
