package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// IntegrationEndpointPolicy: an endpoint hears a tenant's events and may push changes
// into it, so only the tenant's admins make and change endpoints. Store managers read
// the endpoints limited to their stores (an endpoint of the whole tenant hears other
// stores' events, so they do not see it). A vendor's admins see and manage the endpoints
// limited to their vendor, which hear only that vendor's events (integration.Hears).
func IntegrationEndpointPolicy() ent.Policy {
	p := storeRows[predicate.IntegrationEndpoint]{
		kind: "integration endpoints",
		visible: func(v *viewer.Viewer) (predicate.IntegrationEndpoint, bool) {
			var any []predicate.IntegrationEndpoint
			if p, ok := staffScoped(v, integrationendpoint.TenantIDIn, integrationendpoint.StoreIDIn, integrationendpoint.Or); ok {
				any = append(any, p)
			}
			if ids := v.VendorsWithRole(viewer.RoleVendorAdmin); len(ids) > 0 {
				any = append(any, integrationendpoint.VendorIDIn(ids...))
			}
			if len(any) == 0 {
				return nil, false
			}
			return integrationendpoint.Or(any...), true
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
		// A vendor's endpoint must name a vendor of the endpoint's tenant.
		check: func(ctx context.Context, mut ent.Mutation, s rowScope) error {
			if id, ok := mut.(*ent.IntegrationEndpointMutation).VendorID(); ok {
				return checkVendorInTenant(ctx, mut.(*ent.IntegrationEndpointMutation).Client(), id, s.TenantID)
			}
			return nil
		},
	}.policy().(privacy.Policy)
	p.Mutation = append(privacy.MutationPolicy{vendorEndpointWrites()}, p.Mutation...)
	return p
}

// vendorEndpointWrites lets a vendor's admins make, change and delete the endpoints of
// their vendor, one at a time, while the vendor is active. A write to any other endpoint
// is left to the staff rules, which deny it to a vendor.
func vendorEndpointWrites() privacy.MutationRule {
	return privacy.IntegrationEndpointMutationRuleFunc(func(ctx context.Context, m *ent.IntegrationEndpointMutation) error {
		v := viewer.FromContext(ctx)
		mine := v.VendorsWithRole(viewer.RoleVendorAdmin)
		if len(mine) == 0 {
			return privacy.Skip
		}
		tenantID, _ := m.TenantID()
		vendorID, ok := m.VendorID()
		if !m.Op().Is(ent.OpCreate) {
			if err := oneRowOnly(m.Op()); err != nil {
				return err
			}
			id, _ := m.ID()
			row, err := m.Client().IntegrationEndpoint.Query().Where(integrationendpoint.ID(id)).
				Select(integrationendpoint.FieldTenantID, integrationendpoint.FieldVendorID).Only(Bypass(ctx))
			if err != nil || row.VendorID == nil {
				return privacy.Skip
			}
			tenantID, vendorID, ok = row.TenantID, *row.VendorID, true
		}
		if !ok || !contains(mine, vendorID) {
			return privacy.Skip
		}
		if _, withStore := m.StoreID(); withStore {
			return privacy.Denyf("a vendor's endpoint hears its vendor's events in every store")
		}
		return decideVendorWrite(ctx, m.Client(), v, tenantID, vendorID, viewer.RoleVendorAdmin)
	})
}

// MayManageEndpoint reports whether v may act on an endpoint (ping, replay, rotate): the
// rule of MayManageIntegrations, or an admin of the vendor the endpoint is limited to.
func MayManageEndpoint(v *viewer.Viewer, tenantID int, vendorID *int) bool {
	if MayManageIntegrations(v, tenantID) {
		return true
	}
	if vendorID == nil {
		return false
	}
	for _, g := range v.Grants {
		if g.Role == viewer.RoleVendorAdmin && g.VendorID == *vendorID && g.TenantID == tenantID && !g.ReadOnly {
			return true
		}
	}
	return false
}
