package access

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// whereTenantIn confines a filter to rows of the given tenants.
func whereTenantIn(f privacy.Filter, ids []int) {
	vs := make([]any, len(ids))
	for i, id := range ids {
		vs[i] = id
	}
	f.Where(entql.FieldIn("tenant_id", vs...))
}

// tenantFilter scopes a tenant-owned type to the tenants tenants(viewer) names; with
// none, the viewer sees no row of it.
func tenantFilter(kind string, tenants func(*viewer.Viewer) []int) privacy.QueryRule {
	return tenantFilterOr(tenants, func() error { return denyNothingVisible(kind) })
}

// tenantFilterOr is tenantFilter with the denial for a viewer of no tenant.
func tenantFilterOr(tenants func(*viewer.Viewer) []int, deny func() error) privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		ids := tenants(viewer.FromContext(ctx))
		if len(ids) == 0 {
			return deny()
		}
		whereTenantIn(f, ids)
		return privacy.Allow
	})
}

// adminTenants splits the tenants the viewer administers into writable and read-only
// (suspended or inactive) ones.
func adminTenants(v *viewer.Viewer) (writable, readOnly []int) {
	for _, g := range v.Grants {
		if g.Role != viewer.RoleTenantAdmin {
			continue
		}
		if g.ReadOnly {
			readOnly = append(readOnly, g.TenantID)
		} else {
			writable = append(writable, g.TenantID)
		}
	}
	return writable, readOnly
}

var errReadOnlyTenant = privacy.Denyf("the tenant is suspended or inactive: its data is read-only")

// tenantAdminMutations lets a tenant's admins (and the platform) write a tenant-owned
// type: a create is checked against its tenant; updates and deletes are confined to the
// admin's writable tenants, so another tenant's row is simply not found.
func tenantAdminMutations() privacy.MutationPolicy {
	return privacy.MutationPolicy{allowPlatform(), tenantAdminRule()}
}

// tenantAdminRule is tenantAdminMutations' rule, for policies that put their own rules
// before it.
func tenantAdminRule() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		writable, readOnly := adminTenants(viewer.FromContext(ctx))
		if m.Op().Is(ent.OpCreate) {
			tm, ok := m.(interface{ TenantID() (int, bool) })
			if !ok {
				return privacy.Denyf("%s has no tenant", m.Type())
			}
			t, _ := tm.TenantID()
			switch {
			case contains(writable, t):
				return privacy.Allow
			case contains(readOnly, t):
				return errReadOnlyTenant
			}
			return privacy.Denyf("only the tenant's admins change this")
		}
		if len(writable) == 0 {
			if len(readOnly) > 0 {
				return errReadOnlyTenant
			}
			return privacy.Denyf("only the tenant's admins change this")
		}
		return privacy.FilterFunc(func(_ context.Context, f privacy.Filter) error {
			whereTenantIn(f, writable)
			return privacy.Allow
		}).EvalMutation(ctx, m)
	})
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
