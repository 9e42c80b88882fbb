package storefront

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/resolution"
)

// Status says whether a resolved store serves its catalog, and if not, why.
type Status string

const (
	Active          Status = "ACTIVE"
	Inactive        Status = "INACTIVE"
	Maintenance     Status = "MAINTENANCE"
	TenantSuspended Status = "TENANT_SUSPENDED"
	TenantInactive  Status = "TENANT_INACTIVE"
	NotFound        Status = "NOT_FOUND"
)

// Resolution is the answer for one storefront request. Store and Tenant are loaded
// whatever the status so a storefront can show the store's name and theme on its
// "closed" page; only ACTIVE may serve a catalog.
type Resolution struct {
	Strategy *resolution.Strategy
	Status   Status
	Store    *ent.Store
	Tenant   *ent.Tenant
}

// Resolver resolves storefront requests to stores.
type Resolver struct {
	Client *ent.Client
	Rules  *resolution.Resolver
	stores storeCache
}

// Resolve finds the store of a host, path and hint, and its status. Both the address
// and the store are cached briefly and dropped on every change (see package resolution).
func (r *Resolver) Resolve(ctx context.Context, host, path, hint string) (Resolution, error) {
	m, ok, err := r.Rules.Resolve(ctx, host, path, hint)
	if err != nil {
		return Resolution{}, err
	}
	if !ok {
		return Resolution{Status: NotFound}, nil
	}
	s, err := r.store(ctx, m.StoreID)
	if ent.IsNotFound(err) {
		return Resolution{Status: NotFound}, nil // deleted since it was cached
	}
	if err != nil {
		return Resolution{}, err
	}
	strategy := m.Strategy
	t := s.Edges.Tenant
	return Resolution{Strategy: &strategy, Status: StatusOf(s, t), Store: s, Tenant: t}, nil
}

// StatusOf combines a store's and its tenant's status; the tenant's comes first.
func StatusOf(s *ent.Store, t *ent.Tenant) Status {
	switch {
	case t.Status == tenant.StatusSuspended:
		return TenantSuspended
	case t.Status == tenant.StatusInactive:
		return TenantInactive
	case s.Status == store.StatusInactive:
		return Inactive
	case s.Status == store.StatusMaintenance:
		return Maintenance
	}
	return Active
}

// Open is StatusOf's Active as a predicate of stores: the store is active and its
// tenant operating.
func Open() predicate.Store {
	return store.And(store.StatusEQ(store.StatusActive),
		store.HasTenantWith(tenant.StatusNotIn(tenant.StatusSuspended, tenant.StatusInactive)))
}

// Store loads a store with its tenant, through the cache; NotFound when it is gone.
func (r *Resolver) Store(ctx context.Context, id int) (*ent.Store, error) { return r.store(ctx, id) }

// store loads a store with its tenant, through the cache.
func (r *Resolver) store(ctx context.Context, id int) (*ent.Store, error) {
	gen, now := r.Rules.Generation(), time.Now()
	if s, ok := r.stores.get(id, gen, now); ok {
		return s, nil
	}
	s, err := r.Client.Store.Query().Where(store.ID(id)).WithTenant().Only(sys(ctx))
	if err != nil {
		return nil, err
	}
	r.stores.put(id, s, gen, now.Add(r.Rules.TTL()))
	return s, nil
}
