package billing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/testenv"
)

const (
	createStoreQ    = `mutation($t: ID!, $h: String!) { createStore(input: {tenantId: $t, handle: $h, name: $h}) { id } }`
	createProductQ  = `mutation($t: ID!, $h: String!) { createProduct(input: {tenantId: $t, handle: $h, title: $h}) { id } }`
	createEndpointQ = `mutation($t: ID!) { createIntegrationEndpoint(input: {tenantId: $t, url: "https://hooks.example.com/erp", eventTypes: ["*"]}) { secret } }`
	grantQ          = `mutation($u: ID!, $t: ID!) { grantRole(userId: $u, role: tenant_admin, tenantId: $t) { id } }`
)

// requirePlanLimit expects PLAN_LIMIT naming the limit and the plan.
func requirePlanLimit(t *testing.T, r *testenv.Response, limit, plan string) {
	t.Helper()
	testenv.RequireError(t, r, "PLAN_LIMIT")
	assert.Equal(t, limit, r.Errors[0].Extensions["limit"], "%+v", r.Errors)
	assert.Equal(t, plan, r.Errors[0].Extensions["plan"], "%+v", r.Errors)
}

// Every create that would take a tenant past its plan is refused with the limit and
// the plan, whoever asks (the platform too); another tenant's rows do not count.
func TestPlanLimitsAreEnforcedOnCreate(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		plans(t, f) // basic: 2 stores, 1 product, 2 staff seats, no integration endpoint
		sa, ta, api := f.As(testenv.SuperAdmin), f.As(testenv.TenantAdminA), f.API
		a, b := testenv.ID(f.TenantA.ID), testenv.ID(f.TenantB.ID)

		// A has two stores already: a third is refused, to its admin and to the platform.
		r := api.Do(t, ta, createStoreQ, vars{"t": a, "h": "a3"})
		requirePlanLimit(t, r, "stores", "basic")
		assert.Contains(t, r.Errors[0].Message, "the basic plan allows 2 stores")
		requirePlanLimit(t, api.Do(t, sa, createStoreQ, vars{"t": a, "h": "a3"}), "stores", "basic")
		api.MustDo(t, sa, createStoreQ, vars{"t": b, "h": "b2"}) // B has one

		api.MustDo(t, ta, createProductQ, vars{"t": a, "h": "first"})
		requirePlanLimit(t, api.Do(t, ta, createProductQ, vars{"t": a, "h": "second"}), "products", "basic")
		api.MustDo(t, sa, createProductQ, vars{"t": b, "h": "first"})

		// Its admin and its store manager take both seats.
		requirePlanLimit(t, api.Do(t, sa, grantQ, vars{"u": testenv.ID(f.Users[testenv.TenantAdminB].ID), "t": a}), "staffSeats", "basic")
		requirePlanLimit(t, api.Do(t, ta, createEndpointQ, vars{"t": a}), "integrationEndpoints", "basic")

		// What A sees of its plan.
		sub := usageOf(t, f, ta, f.TenantA.ID)
		assert.Equal(t, map[string][2]int{"stores": {2, 2}, "products": {1, 1}, "staffSeats": {2, 2}, "integrationEndpoints": {0, 0}}, sub)

		// On pro (no limits) A grows.
		api.MustDo(t, ta, changeQ, vars{"t": a, "p": "pro"})
		api.MustDo(t, ta, createStoreQ, vars{"t": a, "h": "a3"})
		api.MustDo(t, ta, createProductQ, vars{"t": a, "h": "second"})
	})
}

func usageOf(t *testing.T, f *testenv.Fixture, h testenv.Headers, tenantID int) map[string][2]int {
	t.Helper()
	out := map[string][2]int{}
	for _, u := range subscriptionOrBasic(t, f, h, tenantID) {
		m := -1
		if u.Max != nil {
			m = *u.Max
		}
		out[u.Limit] = [2]int{u.Used, m}
	}
	return out
}

// subscriptionOrBasic subscribes the tenant to basic on a trial when it has no
// subscription yet, and returns its usage.
func subscriptionOrBasic(t *testing.T, f *testenv.Fixture, h testenv.Headers, tenantID int) []struct {
	Limit string
	Used  int
	Max   *int
} {
	t.Helper()
	if r := f.API.Do(t, h, subQ, vars{"t": testenv.ID(tenantID)}); r.Code() == "NOT_FOUND" {
		f.API.MustDo(t, f.As(testenv.SuperAdmin), subscribeQ, vars{"t": testenv.ID(tenantID), "p": "basic", "d": 30})
	}
	return subscription(t, f, h, tenantID).Usage
}

// A downgrade the tenant has too much for is refused with what must go first; once it
// has gone, the plan changes and the rest of the period is prorated (a credit).
func TestDowngradeNamesWhatMustGoAndProrates(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		clock := newClock(f)
		plans(t, f)
		sa, ta, api := f.As(testenv.SuperAdmin), f.As(testenv.TenantAdminA), f.API
		a := testenv.ID(f.TenantA.ID)
		api.MustDo(t, sa, subscribeQ, vars{"t": a, "p": "pro", "d": 0})
		var created struct{ CreateStore struct{ ID string } }
		api.MustDo(t, ta, createStoreQ, vars{"t": a, "h": "a3"}).Decode(t, &created)
		api.MustDo(t, ta, createProductQ, vars{"t": a, "h": "p1"})
		api.MustDo(t, ta, createProductQ, vars{"t": a, "h": "p2"})

		clock.Add(10 * day)
		r := api.Do(t, ta, changeQ, vars{"t": a, "p": "basic"})
		requirePlanLimit(t, r, "stores", "basic")
		assert.Contains(t, r.Errors[0].Message, "remove 1 store, 1 product first")
		assert.Equal(t, []any{
			map[string]any{"limit": "stores", "used": float64(3), "max": float64(2), "remove": float64(1)},
			map[string]any{"limit": "products", "used": float64(2), "max": float64(1), "remove": float64(1)},
		}, r.Errors[0].Extensions["over"])

		// Another tenant's admin and key cannot change A's plan; A's store manager neither.
		testenv.RequireError(t, api.Do(t, f.As(testenv.TenantAdminB), changeQ, vars{"t": a, "p": "pro"}), "NOT_FOUND")
		testenv.RequireError(t, api.Do(t, f.As(testenv.SecretB), changeQ, vars{"t": a, "p": "pro"}), "NOT_FOUND")
		testenv.RequireError(t, api.Do(t, f.As(testenv.ManagerA1), changeQ, vars{"t": a, "p": "basic"}), "FORBIDDEN")

		api.MustDo(t, ta, `mutation($id: ID!) { deleteStore(id: $id) }`, vars{"id": created.CreateStore.ID})
		var p struct {
			Products struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		api.MustDo(t, ta, `{ products(first: 1, where: {handle: "p2"}) { edges { node { id } } } }`, nil).Decode(t, &p)
		require.Len(t, p.Products.Edges, 1)
		api.MustDo(t, ta, `mutation($id: ID!) { deleteProduct(id: $id) }`, vars{"id": p.Products.Edges[0].Node.ID})

		var changed struct {
			ChangePlan struct{ Plan struct{ Key string } }
		}
		api.MustDo(t, ta, changeQ, vars{"t": a, "p": "basic"}).Decode(t, &changed)
		assert.Equal(t, "basic", changed.ChangePlan.Plan.Key)
		sub := subscription(t, f, ta, f.TenantA.ID)
		require.Len(t, sub.Invoices, 2)
		credit := sub.Invoices[1]
		if sub.Invoices[0].Kind == "proration" {
			credit = sub.Invoices[0]
		}
		// 21 of December's 31 days left of 9900 → 2900: (2900-9900)·21/31.
		assert.Equal(t, "proration", credit.Kind)
		assert.Equal(t, int64(-4742), credit.Amount)
		assert.Equal(t, "paid", credit.Status, "a credit has nothing to collect")
		var tier struct {
			Tenant struct{ SubscriptionTier string }
		}
		api.MustDo(t, ta, `query($id: ID!) { tenant(id: $id) { subscriptionTier } }`, vars{"id": a}).Decode(t, &tier)
		assert.Equal(t, "basic", tier.Tenant.SubscriptionTier, "the tier follows the plan")
	})
}

func TestProrate(t *testing.T) {
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, 0)
	assert.Equal(t, int64(3500), billing.Prorate(2900, 9900, start, end, start.Add(end.Sub(start)/2)))
	assert.Equal(t, int64(-7000), billing.Prorate(9900, 2900, start, end, start))
	assert.Equal(t, int64(0), billing.Prorate(2900, 9900, start, end, end), "nothing is left of the period")
	assert.Equal(t, int64(7000), billing.Prorate(2900, 9900, start, end, start.Add(-time.Hour)), "never more than a period")
}

// A billed tenant's tier is its plan's: updateTenant cannot set it apart.
func TestTierOfABilledTenantFollowsItsPlan(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		plans(t, f)
		sa := f.As(testenv.SuperAdmin)
		const q = `mutation($id: ID!) { updateTenant(id: $id, input: {subscriptionTier: enterprise}) { subscriptionTier } }`
		f.API.MustDo(t, sa, q, vars{"id": testenv.ID(f.TenantB.ID)}) // not billed: the platform sets it
		f.API.MustDo(t, sa, subscribeQ, vars{"t": testenv.ID(f.TenantA.ID), "p": "pro", "d": 0})
		testenv.RequireError(t, f.API.Do(t, sa, q, vars{"id": testenv.ID(f.TenantA.ID)}), "CONFLICT")
	})
}
