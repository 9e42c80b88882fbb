package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// AuditLogPolicy: tenant admins read their tenants' log, store managers their stores'.
// Rows are written only by the audit hook (with a bypass) and never changed.
func AuditLogPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.AuditLogQueryRuleFunc(func(ctx context.Context, q *ent.AuditLogQuery) error {
				p, ok := staffScoped(viewer.FromContext(ctx), auditlog.TenantIDIn, auditlog.StoreIDIn, auditlog.Or)
				if !ok {
					return denyNothingVisible("audit logs")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.AlwaysDenyRule(),
		},
	}
}

// SystemOnlyPolicy keeps a table to internal work (the system context): refresh tokens.
func SystemOnlyPolicy() ent.Policy {
	rule := privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).Kind == viewer.System {
			return privacy.Allow
		}
		return privacy.Denyf("internal data")
	})
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule},
		Mutation: privacy.MutationPolicy{rule},
	}
}

// TaxonomyPolicy: the platform taxonomy is readable by all and written by super admins.
func TaxonomyPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.AlwaysDenyRule(),
		},
	}
}
