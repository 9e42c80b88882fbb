package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/viewer"
)

// IntegrationEndpointPolicy: an endpoint hears a tenant's events and may push changes
// into it, so only the tenant's admins make and change endpoints. Store managers read
// the endpoints limited to their stores (an endpoint of the whole tenant hears other
// stores' events, so they do not see it).
func IntegrationEndpointPolicy() ent.Policy {
	return storeRows[predicate.IntegrationEndpoint]{
		kind: "integration endpoints",
		visible: func(v *viewer.Viewer) (predicate.IntegrationEndpoint, bool) {
			return staffScoped(v, integrationendpoint.TenantIDIn, integrationendpoint.StoreIDIn, integrationendpoint.Or)
		},
		where: func(q ent.Query, p predicate.IntegrationEndpoint) { q.(*ent.IntegrationEndpointQuery).Where(p) },
		load: func(ctx context.Context, c *ent.Client, id int) (rowScope, error) {
			e, err := c.IntegrationEndpoint.Get(ctx, id)
			if err != nil {
				return rowScope{}, err
			}
			s := rowScope{TenantID: e.TenantID}
			if e.StoreID != nil {
				s.StoreID = *e.StoreID
			}
			return s, nil
		},
		managersMay: func(ent.Op) bool { return false },
	}.policy()
}
