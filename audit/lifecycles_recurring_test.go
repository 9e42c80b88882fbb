package audit_test

import (
	"context"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// recurringLifecycles are the subscriptions (recurring orders) and their renewals of
// lifecycles.
func recurringLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a := f.TenantA.ID
	newSubscription := func(ctx context.Context, c *ent.Client) (*ent.Subscription, error) {
		return c.Subscription.Create().SetTenantID(a).SetStoreID(f.StoreA1.ID).SetCustomerID(f.Users[testenv.CustomerA].ID).
			SetVariantID(f.Variants["thobe"].ID).SetQuantity(1).SetInterval("month").SetNextRenewalAt(time.Now()).
			SetRegionID(f.SAR.ID).SetCurrencyCode("SAR").SetEmail("a@example.test").
			SetShippingAddress(&address.Address{FirstName: "A", LastName: "B", Address1: "1 St", City: "Riyadh", CountryCode: "SA"}).
			SetShippingOptionID(f.ShipSAR.ID).SetPaymentProvider("manual").Save(ctx)
	}
	return map[string]lifecycle{
		"Subscription": {
			tenantOwned: true,
			create:      func(ctx context.Context, c *ent.Client) (int, error) { return idOf(newSubscription(ctx, c)) },
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Subscription.UpdateOneID(id).SetStatus("paused").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Subscription.DeleteOneID(id).Exec(ctx)
			},
		},
		"SubscriptionRenewal": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				s, err := newSubscription(ctx, c)
				if err != nil {
					return 0, err
				}
				return idOf(c.SubscriptionRenewal.Create().SetTenantID(a).SetSubscriptionID(s.ID).SetPeriodStart(time.Now()).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.SubscriptionRenewal.UpdateOneID(id).SetStatus("skipped").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.SubscriptionRenewal.DeleteOneID(id).Exec(ctx)
			},
		},
	}
}
