package access

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/viewer"
)

// PlanChangeFields are what a tenant's admins may change on their own subscription: its
// plan (billing.ChangePlan, which prorates). Status, periods and provider ids follow the
// provider and the platform.
var PlanChangeFields = []string{
	tenantsubscription.FieldPlanID, tenantsubscription.FieldUpdatedAt, tenantsubscription.FieldVersion,
}

// TenantSubscriptionPolicy: the platform sees and changes every subscription; a tenant's
// admins read theirs (also while the tenant is suspended: it tells them why) and change
// its plan while the tenant is writable. Nobody else sees it.
func TenantSubscriptionPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowPlatform(), tenantFilter("tenant subscriptions", (*viewer.Viewer).AdminTenants)},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.TenantSubscriptionMutationRuleFunc(func(ctx context.Context, m *ent.TenantSubscriptionMutation) error {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("only the platform starts or ends a tenant's subscription")
				}
				for _, f := range m.Fields() {
					if !slices.Contains(PlanChangeFields, f) {
						return privacy.Denyf("only the platform changes a subscription's %s", f)
					}
				}
				if len(m.ClearedFields()) > 0 {
					return privacy.Denyf("only the platform clears a subscription's fields")
				}
				return privacy.Skip
			}),
			tenantAdminRule(),
		},
	}
}

// TenantInvoicePolicy: the platform sees and writes every tenant's invoices; a tenant's
// admins read their own.
func TenantInvoicePolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowPlatform(), tenantFilter("tenant invoices", (*viewer.Viewer).AdminTenants)},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}
