package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/viewer"
)

// WebhookDeliveryPolicy: an endpoint's delivery attempts are read by the endpoint's
// readers (tenant admins; store managers for endpoints limited to their stores; a
// vendor's admins for their vendor's endpoints). Only
// the delivery worker writes them, in the system context.
func WebhookDeliveryPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.WebhookDeliveryQueryRuleFunc(func(ctx context.Context, q *ent.WebhookDeliveryQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.WebhookDelivery
				if p, ok := staffScoped(v, webhookdelivery.TenantIDIn, webhookdelivery.StoreIDIn, webhookdelivery.Or); ok {
					any = append(any, p)
				}
				if ids := v.VendorsWithRole(viewer.RoleVendorAdmin); len(ids) > 0 {
					any = append(any, webhookdelivery.HasEndpointWith(integrationendpoint.VendorIDIn(ids...)))
				}
				if len(any) == 0 {
					return denyNothingVisible("webhook deliveries")
				}
				q.Where(webhookdelivery.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: SystemOnlyPolicy().(privacy.Policy).Mutation,
	}
}

// MayManageIntegrations reports whether v may act on a tenant's integration endpoints
// (ping, replay): the platform, or an admin of the tenant while it is writable. The
// same rule as the endpoints' own writes.
func MayManageIntegrations(v *viewer.Viewer, tenantID int) bool {
	if v.IsSuperAdmin() {
		return true
	}
	writable, _ := adminTenants(v)
	return contains(writable, tenantID)
}
