package audit_test

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// b2bLifecycles are the companies and employees of lifecycles.
func b2bLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a := f.TenantA.ID
	newCompany := func(ctx context.Context, c *ent.Client, handle string) (*ent.Company, error) {
		return c.Company.Create().SetTenantID(a).SetHandle(handle).SetName(handle).SetCurrencyCode("SAR").Save(ctx)
	}
	return map[string]lifecycle{
		"Company": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(newCompany(ctx, c, "covered-company"))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Company.UpdateOneID(id).SetDiscountBps(500).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Company.DeleteOneID(id).Exec(ctx) },
		},
		"Employee": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				co, err := newCompany(ctx, c, "covered-employer")
				if err != nil {
					return 0, err
				}
				return idOf(c.Employee.Create().SetTenantID(a).SetCompanyID(co.ID).SetUserID(f.Users[testenv.CustomerA].ID).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Employee.UpdateOneID(id).SetSpendingLimit(100000).SetSpendingPeriod("month").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Employee.DeleteOneID(id).Exec(ctx) },
		},
	}
}
