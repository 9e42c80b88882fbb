package livefeed

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/viewer"
)

// Scope is what one subscriber may watch, fixed when it subscribes (a connection whose
// grants change is closed, see server/websocket.go): every tenant (super admin), whole
// tenants (tenant admins, secret keys with that role), or single stores of a tenant
// (store managers). The rules are those of the queries: the staff of a tenant see its
// orders; customers, storefront keys and visitors see no one's feed.
type Scope struct {
	All     bool
	Tenants map[int]bool
	// Stores maps each watched store to its tenant, so an event is matched by its tenant
	// before its store.
	Stores map[int]int
}

// ScopeOf is the scope of the viewer of ctx. A caller who has not signed in is told to
// (UNAUTHENTICATED); a signed-in caller without a staff role is FORBIDDEN.
func ScopeOf(ctx context.Context, client *ent.Client) (Scope, error) {
	v := viewer.FromContext(ctx)
	if v.Kind != viewer.User && v.Kind != viewer.SecretKey {
		return Scope{}, apperr.New(apperr.Unauthenticated, "sign in: live events are for the staff of a tenant")
	}
	s := Scope{All: v.IsSuperAdmin(), Tenants: map[int]bool{}, Stores: map[int]int{}}
	for _, t := range v.AdminTenants() {
		s.Tenants[t] = true
	}
	managed := v.ManagedStores()
	if len(managed) > 0 {
		// Store managers' grants name the store, not always its tenant: read it once here
		// (as the system, since the grant itself is the right being checked).
		stores, err := client.Store.Query().Where(store.IDIn(managed...)).
			Select(store.FieldID, store.FieldTenantID).All(viewer.SystemContext(ctx, "livefeed"))
		if err != nil {
			return Scope{}, err
		}
		for _, st := range stores {
			s.Stores[st.ID] = st.TenantID
		}
	}
	if !s.All && len(s.Tenants) == 0 && len(s.Stores) == 0 {
		return Scope{}, apperr.New(apperr.Forbidden, "forbidden: live events are for the staff of a tenant")
	}
	return s, nil
}

// narrow limits the scope to one store, refusing a store outside it as a query would:
// NOT_FOUND for a store the caller cannot see at all, FORBIDDEN for one it can see
// (a store manager's sister store) but not watch.
func (s Scope) narrow(ctx context.Context, client *ent.Client, storeID int) (Scope, error) {
	st, err := client.Store.Query().Where(store.ID(storeID)).Select(store.FieldID, store.FieldTenantID).Only(ctx)
	if ent.IsNotFound(err) {
		return Scope{}, &apperr.Error{Code: apperr.NotFound, Field: "storeId", Message: "store not found"}
	}
	if err != nil {
		return Scope{}, err
	}
	if !s.All && !s.Tenants[st.TenantID] {
		if t, ok := s.Stores[st.ID]; !ok || t != st.TenantID {
			return Scope{}, apperr.New(apperr.Forbidden, "forbidden: you may not watch the events of store %d", storeID)
		}
	}
	return Scope{Stores: map[int]int{st.ID: st.TenantID}}, nil
}

// sees reports whether the event of tenant and store (nil: none) is in the scope: the
// tenant first, then the store.
func (s Scope) sees(tenant, storeID *int) bool {
	if s.All {
		return true
	}
	if tenant == nil {
		return false // platform events are for the platform's admins
	}
	if s.Tenants[*tenant] {
		return true
	}
	if storeID == nil {
		return false
	}
	t, ok := s.Stores[*storeID]
	return ok && t == *tenant
}
