package audit_test

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/testenv"
)

// billingLifecycles are the plans, subscriptions and invoices of lifecycles.
func billingLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a := f.TenantA.ID
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	newPlan := func(ctx context.Context, c *ent.Client, key plan.Key) (*ent.Plan, error) {
		return c.Plan.Create().SetKey(key).SetName(string(key)).Save(ctx)
	}
	newSubscription := func(ctx context.Context, c *ent.Client) (*ent.TenantSubscription, error) {
		p, err := c.Plan.Query().Where(plan.KeyEQ(plan.KeyPro)).Only(ctx)
		if ent.IsNotFound(err) {
			p, err = newPlan(ctx, c, plan.KeyPro)
		}
		if err != nil {
			return nil, err
		}
		return c.TenantSubscription.Create().SetTenantID(a).SetPlanID(p.ID).
			SetCurrentPeriodStart(start).SetCurrentPeriodEnd(start.AddDate(0, 1, 0)).Save(ctx)
	}
	return map[string]lifecycle{
		"Plan": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(newPlan(ctx, c, plan.KeyEnterprise))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Plan.UpdateOneID(id).SetMaxStores(3).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Plan.DeleteOneID(id).Exec(ctx) },
		},
		"TenantSubscription": {
			tenantOwned: true,
			create:      func(ctx context.Context, c *ent.Client) (int, error) { return idOf(newSubscription(ctx, c)) },
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.TenantSubscription.UpdateOneID(id).SetStatus("past_due").SetPastDueSince(start).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.TenantSubscription.DeleteOneID(id).Exec(ctx)
			},
		},
		"TenantInvoice": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				s, err := newSubscription(ctx, c)
				if err != nil {
					return 0, err
				}
				return idOf(c.TenantInvoice.Create().SetTenantID(a).SetSubscriptionID(s.ID).SetKind("period").
					SetAmount(9900).SetCurrencyCode("USD").SetPeriodStart(start).SetPeriodEnd(start.AddDate(0, 1, 0)).
					SetDueAt(start).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.TenantInvoice.UpdateOneID(id).SetStatus("paid").SetPaidAt(start).Exec(ctx)
			},
			// The invoice's subscription goes with it: a tenant has one subscription.
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				if err := c.TenantInvoice.DeleteOneID(id).Exec(ctx); err != nil {
					return err
				}
				_, err := c.TenantSubscription.Delete().Where(tenantsubscription.TenantID(a)).Exec(ctx)
				return err
			},
		},
	}
}
