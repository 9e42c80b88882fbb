package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/viewer"
)

// DomainPolicy: custom domains are staff data — tenant admins see and manage their
// tenants' domains, store managers their stores'. Nobody else sees them.
func DomainPolicy() ent.Policy {
	return storeRows[predicate.Domain]{
		kind: "domains",
		visible: func(v *viewer.Viewer) (predicate.Domain, bool) {
			return staffScoped(v, domain.TenantIDIn, domain.StoreIDIn, domain.Or)
		},
		where: func(q ent.Query, p predicate.Domain) { q.(*ent.DomainQuery).Where(p) },
		load: func(ctx context.Context, c *ent.Client, id int) (rowScope, error) {
			d, err := c.Domain.Get(ctx, id)
			if err != nil {
				return rowScope{}, err
			}
			return rowScope{TenantID: d.TenantID, StoreID: d.StoreID}, nil
		},
		managersMay: func(ent.Op) bool { return true },
	}.policy()
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
