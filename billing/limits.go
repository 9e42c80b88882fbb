package billing

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/txn"
)

// Limit names what a plan limits; the names are the client-facing extensions.limit.
type Limit string

const (
	Stores               Limit = "stores"
	Products             Limit = "products"
	StaffSeats           Limit = "staffSeats"
	IntegrationEndpoints Limit = "integrationEndpoints"
)

// Limits are every limit, in the order a refused downgrade lists them.
var Limits = []Limit{Stores, Products, StaffSeats, IntegrationEndpoints}

// nouns are how messages name one and many of what a limit counts.
var nouns = map[Limit][2]string{
	Stores: {"store", "stores"}, Products: {"product", "products"},
	StaffSeats: {"staff seat", "staff seats"}, IntegrationEndpoints: {"integration endpoint", "integration endpoints"},
}

func (l Limit) noun(n int) string {
	if n == 1 {
		return nouns[l][0]
	}
	return nouns[l][1]
}

// Max is the plan's limit of l; nil is unlimited.
func (l Limit) Max(p *ent.Plan) *int {
	switch l {
	case Stores:
		return p.MaxStores
	case Products:
		return p.MaxProducts
	case StaffSeats:
		return p.MaxStaffSeats
	case IntegrationEndpoints:
		return p.MaxIntegrationEndpoints
	}
	return nil
}

// staffRoles are the roles that take a staff seat: the tenant's own people. Vendors'
// and companies' people and customers are the tenant's business partners, not seats.
var staffRoles = []membership.Role{membership.RoleTenantAdmin, membership.RoleStoreManager}

// Used counts what tenantID has of l, across the platform (not what the caller sees).
func Used(ctx context.Context, c *ent.Client, tenantID int, l Limit) (int, error) {
	ctx = access.Bypass(ctx)
	switch l {
	case Stores:
		return c.Store.Query().Where(store.TenantID(tenantID)).Count(ctx)
	case Products:
		return c.Product.Query().Where(product.TenantID(tenantID)).Count(ctx)
	case StaffSeats:
		return c.Membership.Query().Where(membership.TenantID(tenantID), membership.RoleIn(staffRoles...)).Count(ctx)
	case IntegrationEndpoints:
		return c.IntegrationEndpoint.Query().Where(integrationendpoint.TenantID(tenantID)).Count(ctx)
	}
	return 0, fmt.Errorf("billing: unknown limit %q", l)
}

// PlanOf returns the plan of tenantID (its subscription tier), nil when the platform
// has no such plan: a tenant of a plan nobody defined is not limited.
func PlanOf(ctx context.Context, c *ent.Client, tenantID int) (*ent.Plan, error) {
	ctx = access.Bypass(ctx)
	t, err := c.Tenant.Query().Where(tenant.ID(tenantID)).Select(tenant.FieldSubscriptionTier).Only(ctx)
	if err != nil {
		return nil, err
	}
	p, err := c.Plan.Query().Where(plan.KeyEQ(plan.Key(t.SubscriptionTier))).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return p, err
}

// limitError is PLAN_LIMIT for l on plan p.
func limitError(l Limit, p *ent.Plan, max int) *apperr.Error {
	e := apperr.New(apperr.PlanLimit, "the %s plan allows %d %s: remove one or change the plan", p.Key, max, l.noun(max))
	e.Details = map[string]any{"limit": string(l), "plan": string(p.Key), "max": max}
	return e
}

// Check refuses one more of l for tenantID when its plan is full. c is the client of the
// transaction that writes the new row: the tenant's row is locked until it ends
// (PostgreSQL; SQLite writes one transaction at a time), so creates racing for the
// plan's last place count each other and one gets it.
func Check(ctx context.Context, c *ent.Client, tenantID int, l Limit) error {
	p, err := PlanOf(ctx, c, tenantID)
	if err != nil || p == nil {
		return err
	}
	max := l.Max(p)
	if max == nil {
		return nil
	}
	if _, err := c.Tenant.Query().Where(tenant.ID(tenantID), txn.LockedOnPostgres).OnlyID(access.Bypass(ctx)); err != nil {
		return err
	}
	n, err := Used(ctx, c, tenantID, l)
	if err != nil {
		return err
	}
	if n >= *max {
		return limitError(l, p, *max)
	}
	return nil
}

// LimitHook enforces the plan's limit of l on every create of the schema it is on,
// whoever creates (the API, an integration's sync, the platform): the limit is the
// tenant's, not the caller's. The services create these rows in transactions, which
// the lock of Check needs. A staff membership counts as a seat; other roles do not.
func LimitHook(l Limit) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpCreate) {
				return next.Mutate(ctx, m)
			}
			if r, ok := m.Field(membership.FieldRole); ok && l == StaffSeats && !isStaffRole(r) {
				return next.Mutate(ctx, m)
			}
			t, ok := m.Field("tenant_id")
			id, _ := t.(int)
			cm, hasClient := m.(interface{ Client() *ent.Client })
			if !ok || id == 0 || !hasClient {
				return next.Mutate(ctx, m)
			}
			if err := Check(ctx, cm.Client(), id, l); err != nil {
				return nil, err
			}
			return next.Mutate(ctx, m)
		})
	}
}

func isStaffRole(r ent.Value) bool {
	for _, s := range staffRoles {
		if r == s {
			return true
		}
	}
	return false
}

// Usage is what a tenant has of one limit, against its plan's maximum (nil: unlimited).
type Usage struct {
	Limit Limit
	Used  int
	Max   *int
}

// UsageOf lists what sub's tenant uses of every limit of its plan. The caller has read
// sub: the counts are of the tenant's whole platform, whatever else the caller sees.
func (s *Service) UsageOf(ctx context.Context, sub *ent.TenantSubscription) ([]Usage, error) {
	p, err := s.client.Plan.Get(ctx, sub.PlanID)
	if err != nil {
		return nil, err
	}
	out := make([]Usage, len(Limits))
	for i, l := range Limits {
		n, err := Used(ctx, s.client, sub.TenantID, l)
		if err != nil {
			return nil, err
		}
		out[i] = Usage{Limit: l, Used: n, Max: l.Max(p)}
	}
	return out, nil
}

// RateLimitOf is the API rate limit (requests per minute per key) of tenantID's plan; 0
// when its plan sets none.
func (s *Service) RateLimitOf(ctx context.Context, tenantID int) (int, error) {
	p, err := PlanOf(ctx, s.client, tenantID)
	if err != nil || p == nil || p.APIRateLimit == nil {
		return 0, err
	}
	return *p.APIRateLimit, nil
}
