package billing_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

type vars = map[string]any

// clock is the time billing reads in a test: it moves only when the test moves it.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(f *testenv.Fixture) *clock {
	c := &clock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	f.API.App.Billing.Now = c.Now
	return c
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

const day = 24 * time.Hour

const (
	setPlanQ   = `mutation($k: PlanKey!, $in: PlanInput!) { setPlan(key: $k, input: $in) { key name price maxStores } }`
	subscribeQ = `mutation($t: ID!, $p: PlanKey!, $d: Int) { subscribeTenant(tenantId: $t, plan: $p, trialDays: $d) { status } }`
	changeQ    = `mutation($t: ID!, $p: PlanKey!) { changePlan(tenantId: $t, plan: $p) { status plan { key } } }`
	subQ       = `query($t: ID!) { tenantSubscription(tenantId: $t) { status pastDueSince currentPeriodStart currentPeriodEnd
		plan { key } invoices { id kind status amount currencyCode description } usage { limit used max } } }`
	paidQ = `mutation($id: ID!, $r: String) { markTenantInvoicePaid(id: $id, reference: $r) { status reference } }`
)

type invoiceOut struct {
	ID, Kind, Status, CurrencyCode, Description string
	Amount                                      int64
}

type subOut struct {
	Status                               string
	PastDueSince                         *string
	CurrentPeriodStart, CurrentPeriodEnd string
	Plan                                 struct{ Key string }
	Invoices                             []invoiceOut
	Usage                                []struct {
		Limit string
		Used  int
		Max   *int
	}
}

func subscription(t *testing.T, f *testenv.Fixture, h testenv.Headers, tenantID int) subOut {
	t.Helper()
	var out struct{ TenantSubscription subOut }
	f.API.MustDo(t, h, subQ, vars{"t": testenv.ID(tenantID)}).Decode(t, &out)
	return out.TenantSubscription
}

// plans defines basic (two stores, one product, two staff seats, no integration
// endpoint) and pro (unlimited), both in USD.
func plans(t *testing.T, f *testenv.Fixture) {
	t.Helper()
	sa := f.As(testenv.SuperAdmin)
	f.API.MustDo(t, sa, setPlanQ, vars{"k": "basic", "in": vars{"name": "Basic", "price": 2900, "currencyCode": "USD",
		"maxStores": 2, "maxProducts": 1, "maxStaffSeats": 2, "maxIntegrationEndpoints": 0, "apiRateLimit": 600}})
	f.API.MustDo(t, sa, setPlanQ, vars{"k": "pro", "in": vars{"name": "Pro", "price": 9900, "currencyCode": "USD"}})
}

// tenantStatus reads a tenant's status, and who suspended it, as the platform sees them.
func tenantStatus(t *testing.T, f *testenv.Fixture, id int) string {
	t.Helper()
	var out struct {
		Tenant struct {
			Status      string
			SuspendedBy *string
		}
	}
	f.API.MustDo(t, f.As(testenv.SuperAdmin), `query($id: ID!) { tenant(id: $id) { status suspendedBy } }`, vars{"id": testenv.ID(id)}).Decode(t, &out)
	if out.Tenant.SuspendedBy != nil {
		return out.Tenant.Status + " by " + *out.Tenant.SuspendedBy
	}
	return out.Tenant.Status
}

// storeStatus is how a storefront finds store A1: by its host.
func storeStatus(t *testing.T, f *testenv.Fixture, host string) string {
	t.Helper()
	var out struct{ ResolveStore struct{ Status string } }
	f.API.MustDo(t, nil, `query($h: String!) { resolveStore(host: $h) { status } }`, vars{"h": host}).Decode(t, &out)
	return out.ResolveStore.Status
}

func requireNoErr(t *testing.T, err error) { t.Helper(); require.NoError(t, err) }
