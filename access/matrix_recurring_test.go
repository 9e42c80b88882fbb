package access_test

import (
	"context"
	"testing"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/ent/user"
)

// addSubscriptions gives ca-one's buyer (buyer_C1), a customer of tenant A, two monthly
// subscriptions to a thobe in store A1: one active, one paused.
func addSubscriptions(ctx context.Context, f *fx) {
	c := f.DB.Client
	buyer := c.User.Query().Where(user.Email("buyer@ca-one.test")).OnlyX(ctx)
	a := address.Address{FirstName: "Buyer", LastName: "One", Address1: "Olaya 1", City: "Riyadh", CountryCode: "SA"}
	for _, st := range []subscription.Status{subscription.StatusActive, subscription.StatusPaused} {
		mustDo(c.Subscription.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetCustomerID(buyer.ID).
			SetVariantID(f.Variants["thobe"].ID).SetQuantity(1).SetInterval(subscription.IntervalMonth).SetStatus(st).
			SetNextRenewalAt(time.Now().Add(24 * time.Hour)).SetRegionID(f.SAR.ID).SetCurrencyCode("SAR").
			SetEmail("buyer@ca-one.test").SetShippingAddress(&a).SetShippingOptionID(f.ShipSAR.ID).
			SetPaymentProvider("manual").Exec(ctx))
	}
}

func subscriptionVars(st subscription.Status) func(testing.TB, *fx) map[string]any {
	return func(_ testing.TB, f *fx) map[string]any {
		return map[string]any{"id": gid(f.DB.Client.Subscription.Query().Where(subscription.StatusEQ(st)).OnlyIDX(sysCtx()))}
	}
}

// recurringCases: a customer's subscriptions are its own and its tenant's staff's (a
// store's manager, its store's); another customer of the tenant (its company's admin
// too: they are the buyer's own, not the company's), another tenant's key, the store's
// publishable key and vendors see none and are told a subscription is not there. Only
// customers subscribe.
func recurringCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	reads = []Case{
		{
			Name: "subscriptions",
			Op:   `{ subscriptions(first: 50) { totalCount edges { node { status interval } } } }`,
			Expect: Cells{
				SA: Allow(Eq("subscriptions.totalCount", 2)), TA: Allow(Eq("subscriptions.totalCount", 2)),
				SM: Allow(Eq("subscriptions.totalCount", 2)), CU: Allow(Eq("subscriptions.totalCount", 0)),
				PK: unauthenticated, AN: unauthenticated, SK: Allow(Eq("subscriptions.totalCount", 0)),
				B1: Allow(Eq("subscriptions.totalCount", 2)),
			},
		},
		{
			Name: "subscription/ca-one buyer's",
			Op:   `query($id: ID!) { subscription(id: $id) { status shippingAddress { city } } }`,
			Vars: subscriptionVars(subscription.StatusActive),
			Expect: Cells{SA: Allow(Eq("subscription.status", "active")), TA: Allow(Eq("subscription.status", "active")),
				SM: Allow(Eq("subscription.status", "active")), CU: Allow(Null("subscription")), PK: unauthenticated,
				AN: unauthenticated, SK: Allow(Null("subscription")), B1: Allow(Eq("subscription.status", "active"))},
		},
	}
	change := func(op, from, to string) Case {
		st := subscription.StatusActive
		if from == "paused" {
			st = subscription.StatusPaused
		}
		return Case{
			Name: op + "/ca-one buyer's " + from,
			Op:   `mutation($id: ID!) { ` + op + `(id: $id) { status skipNext } }`,
			Vars: subscriptionVars(st),
			Expect: Cells{SA: Allow(Eq(op+".status", to)), TA: Allow(Eq(op+".status", to)), SM: Allow(Eq(op+".status", to)),
				CU: notFound, PK: notFound, SK: notFound, AN: notFound, B1: Allow(Eq(op+".status", to))},
		}
	}
	writes = []Case{
		change("skipNextRenewal", "active", "active"),
		change("pauseSubscription", "active", "paused"),
		change("resumeSubscription", "paused", "active"),
		change("cancelSubscription", "active", "canceled"),
		{
			Name: "subscribe/thobe in A1",
			Op: `mutation($s: ID!, $v: ID!, $r: ID!, $o: ID!) { subscribe(input: {storeId: $s, variantId: $v, quantity: 1,
				interval: month, regionId: $r, shippingOptionId: $o, shippingAddress: {firstName: "C", lastName: "U",
				address1: "1 St", city: "Riyadh", countryCode: "SA"}}) { status paymentProvider } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"s": gid(f.StoreA1.ID), "v": gid(f.Variants["thobe"].ID), "r": gid(f.SAR.ID), "o": gid(f.ShipSAR.ID)}
			},
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: Allow(Eq("subscribe.paymentProvider", "manual")),
				PK: unauthenticated, SK: forbidden, AN: unauthenticated, V: forbidden},
		},
	}
	return reads, writes
}

func recurringReadCases() []Case {
	r, _ := recurringCases()
	return r
}

func recurringWriteCases() []Case {
	_, w := recurringCases()
	return w
}
