package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// InboundWebhookPolicy: the record of what other systems sent is read by those who see
// the endpoint (tenant admins; store managers for endpoints limited to their stores).
// Provider events (Stripe) have no tenant and are the platform's. Only the system, which
// receives and applies them, writes the records.
func InboundWebhookPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.InboundWebhookQueryRuleFunc(func(ctx context.Context, q *ent.InboundWebhookQuery) error {
				p, ok := staffScoped(viewer.FromContext(ctx), inboundTenantIn, inboundwebhook.StoreIDIn, inboundwebhook.Or)
				if !ok {
					return denyNothingVisible("inbound webhooks")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.ContextQueryMutationRule(func(ctx context.Context) error {
				if viewer.FromContext(ctx).Kind == viewer.System {
					return privacy.Allow
				}
				return privacy.Denyf("inbound webhooks are recorded by the platform")
			}),
		},
	}
}

// inboundTenantIn narrows to rows of tenants ids; a row without a tenant is nobody's.
func inboundTenantIn(ids ...int) predicate.InboundWebhook {
	return inboundwebhook.And(inboundwebhook.TenantIDNotNil(), inboundwebhook.TenantIDIn(ids...))
}
