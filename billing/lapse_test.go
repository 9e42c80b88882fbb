package billing_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/testenv"
)

// A tenant's trial ends, its first invoice goes unpaid, and past the grace period the
// tenant is suspended (its storefronts show TENANT_SUSPENDED, its staff read only); its
// payment reactivates it. Time is the test's clock; the billing run is the worker's.
func TestTenantLapsesIsSuspendedPaysAndIsReactivated(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		clock := newClock(f)
		plans(t, f)
		sa, ta, api := f.As(testenv.SuperAdmin), f.As(testenv.TenantAdminA), f.API
		run := func() billing.Report {
			rep, err := api.App.Billing.Run(context.Background())
			require.NoError(t, err)
			return rep
		}
		api.MustDo(t, sa, subscribeQ, vars{"t": testenv.ID(f.TenantA.ID), "p": "pro", "d": 14})
		assert.Equal(t, "trialing", subscription(t, f, ta, f.TenantA.ID).Status)
		assert.Equal(t, billing.Report{}, run(), "nothing is due during the trial")

		// The trial ends: the first month is invoiced, due at once, and unpaid.
		clock.Add(14 * day)
		assert.Equal(t, billing.Report{Renewed: 1, PastDue: 1}, run())
		sub := subscription(t, f, ta, f.TenantA.ID)
		assert.Equal(t, "past_due", sub.Status)
		require.Len(t, sub.Invoices, 1)
		inv := sub.Invoices[0]
		assert.Equal(t, invoiceOut{ID: inv.ID, Kind: "period", Status: "open", Amount: 9900, CurrencyCode: "USD",
			Description: "Pro, 2026-12-15 to 2027-01-15"}, inv)

		// Within the grace period (a week) the tenant trades on.
		clock.Add(7*day - time.Second)
		assert.Equal(t, billing.Report{}, run())
		assert.Equal(t, "active", tenantStatus(t, f, f.TenantA.ID))
		assert.Equal(t, "ACTIVE", storeStatus(t, f, "a1.dakkah.test"))

		// Past it, the tenant is suspended, once however often the run comes.
		clock.Add(time.Second)
		assert.Equal(t, billing.Report{Suspended: 1}, run())
		assert.Equal(t, billing.Report{}, run())
		assert.Equal(t, "suspended by billing", tenantStatus(t, f, f.TenantA.ID))
		assert.Equal(t, "TENANT_SUSPENDED", storeStatus(t, f, "a1.dakkah.test"))
		assert.Equal(t, "ACTIVE", storeStatus(t, f, "b1.dakkah.test"), "another tenant trades on")
		testenv.RequireError(t, api.Do(t, ta, `mutation($id: ID!) { updateStore(id: $id, input: {name: "A1 again"}) { id } }`,
			vars{"id": testenv.ID(f.StoreA1.ID)}), "FORBIDDEN")
		assert.Equal(t, "past_due", subscription(t, f, ta, f.TenantA.ID).Status, "its admins still read why")

		// Only the platform records a payment; the tenant's own admins, another tenant's
		// and a key of another tenant are refused.
		for _, p := range []string{testenv.TenantAdminA, testenv.TenantAdminB, testenv.SecretB, testenv.CustomerA} {
			testenv.RequireError(t, api.Do(t, f.As(p), paidQ, vars{"id": inv.ID, "r": "TRF-1"}), "FORBIDDEN")
		}
		testenv.RequireError(t, api.Do(t, nil, paidQ, vars{"id": inv.ID, "r": "TRF-1"}), "UNAUTHENTICATED")

		// The payment reactivates the tenant.
		var paid struct {
			MarkTenantInvoicePaid struct{ Status, Reference string }
		}
		api.MustDo(t, sa, paidQ, vars{"id": inv.ID, "r": "TRF-1"}).Decode(t, &paid)
		assert.Equal(t, "paid", paid.MarkTenantInvoicePaid.Status)
		assert.Equal(t, "TRF-1", paid.MarkTenantInvoicePaid.Reference)
		assert.Equal(t, "active", subscription(t, f, ta, f.TenantA.ID).Status)
		assert.Equal(t, "active", tenantStatus(t, f, f.TenantA.ID))
		assert.Equal(t, "ACTIVE", storeStatus(t, f, "a1.dakkah.test"))
		api.MustDo(t, ta, `mutation($id: ID!) { updateStore(id: $id, input: {name: "A1 again"}) { id } }`, vars{"id": testenv.ID(f.StoreA1.ID)})
		assert.Equal(t, billing.Report{}, run())

		// Paying again changes nothing.
		api.MustDo(t, sa, paidQ, vars{"id": inv.ID, "r": "TRF-2"}).Decode(t, &paid)
		assert.Equal(t, "TRF-1", paid.MarkTenantInvoicePaid.Reference)
	})
}

// A tenant the platform's admins suspended by hand stays suspended when it pays: only a
// billing suspension is lifted by a payment.
func TestPaymentDoesNotLiftASuspensionByHand(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		clock := newClock(f)
		plans(t, f)
		sa, api := f.As(testenv.SuperAdmin), f.API
		api.MustDo(t, sa, subscribeQ, vars{"t": testenv.ID(f.TenantA.ID), "p": "pro", "d": 0})
		inv := subscription(t, f, sa, f.TenantA.ID).Invoices[0]
		clock.Add(8 * day)
		rep, err := api.App.Billing.Run(context.Background())
		require.NoError(t, err)
		assert.Equal(t, billing.Report{PastDue: 1, Suspended: 1}, rep)

		// The platform's admins suspend it themselves (for another reason) meanwhile.
		api.MustDo(t, sa, `mutation($id: ID!) { setTenantStatus(id: $id, status: suspended) { status } }`, vars{"id": testenv.ID(f.TenantA.ID)})
		api.MustDo(t, sa, paidQ, vars{"id": inv.ID, "r": "TRF-9"})
		assert.Equal(t, "active", subscription(t, f, sa, f.TenantA.ID).Status)
		assert.Equal(t, "suspended by platform", tenantStatus(t, f, f.TenantA.ID))

		// Nor does a later run, the subscription being paid up.
		rep, err = api.App.Billing.Run(context.Background())
		require.NoError(t, err)
		assert.Equal(t, billing.Report{}, rep)
		assert.Equal(t, "suspended by platform", tenantStatus(t, f, f.TenantA.ID))
	})
}

// Two workers running billing at once renew a period once: one invoice, one suspension.
func TestBillingRunsAtOnceDoEachThingOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		clock := newClock(f)
		plans(t, f)
		f.API.MustDo(t, f.As(testenv.SuperAdmin), subscribeQ, vars{"t": testenv.ID(f.TenantA.ID), "p": "pro", "d": 14})
		clock.Add(14*day + 7*day + time.Second) // the trial and the grace are over
		both := func() (total billing.Report) {
			reps := make(chan billing.Report, 2)
			for range 2 {
				go func() {
					rep, err := f.API.App.Billing.Run(context.Background())
					assert.NoError(t, err)
					reps <- rep
				}()
			}
			for range 2 {
				r := <-reps
				total.Renewed += r.Renewed
				total.Suspended += r.Suspended
			}
			return total
		}
		rep := both()
		rep2 := both()
		assert.Equal(t, 1, rep.Renewed+rep2.Renewed)
		assert.Equal(t, 1, rep.Suspended+rep2.Suspended)
		sub := subscription(t, f, f.As(testenv.SuperAdmin), f.TenantA.ID)
		assert.Len(t, sub.Invoices, 1)
		assert.Equal(t, "suspended by billing", tenantStatus(t, f, f.TenantA.ID))
	})
}

// A canceled subscription voids what was open, bills nothing more and never suspends
// the tenant; subscribing starts it again.
func TestCancelAndSubscribeAgain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		clock := newClock(f)
		plans(t, f)
		sa, api, a := f.As(testenv.SuperAdmin), f.API, testenv.ID(f.TenantA.ID)
		const cancelQ = `mutation($t: ID!) { cancelTenantSubscription(tenantId: $t) { status } }`
		api.MustDo(t, sa, subscribeQ, vars{"t": a, "p": "pro", "d": 0})
		testenv.RequireError(t, api.Do(t, f.As(testenv.TenantAdminA), cancelQ, vars{"t": a}), "FORBIDDEN")
		api.MustDo(t, sa, cancelQ, vars{"t": a})
		api.MustDo(t, sa, cancelQ, vars{"t": a}) // again: nothing changes
		sub := subscription(t, f, sa, f.TenantA.ID)
		assert.Equal(t, "canceled", sub.Status)
		require.Len(t, sub.Invoices, 1)
		assert.Equal(t, "void", sub.Invoices[0].Status)
		testenv.RequireError(t, api.Do(t, sa, changeQ, vars{"t": a, "p": "basic"}), "CONFLICT")

		clock.Add(40 * day)
		rep, err := api.App.Billing.Run(context.Background())
		require.NoError(t, err)
		assert.Equal(t, billing.Report{}, rep)
		assert.Equal(t, "active", tenantStatus(t, f, f.TenantA.ID))

		api.MustDo(t, sa, subscribeQ, vars{"t": a, "p": "basic", "d": 7})
		sub = subscription(t, f, sa, f.TenantA.ID)
		assert.Equal(t, "trialing", sub.Status)
		assert.Equal(t, "basic", sub.Plan.Key)
	})
}
