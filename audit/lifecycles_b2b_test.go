package audit_test

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/snapshot"
	"github.com/dakkah/cityos/testenv"
)

// b2bLifecycles are the companies, employees, approval requests and quotes of lifecycles.
func b2bLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a := f.TenantA.ID
	newCompany := func(ctx context.Context, c *ent.Client, handle string) (*ent.Company, error) {
		return c.Company.Create().SetTenantID(a).SetHandle(handle).SetName(handle).SetCurrencyCode("SAR").Save(ctx)
	}
	newCart := func(ctx context.Context, c *ent.Client) (*ent.Cart, error) {
		return c.Cart.Create().SetTenantID(a).SetStoreID(f.StoreA1.ID).SetToken(int(time.Now().UnixNano() % (1 << 50))).
			SetRegionID(f.SAR.ID).SetCurrencyCode("SAR").Save(ctx)
	}
	newQuote := func(ctx context.Context, c *ent.Client) (*ent.Quote, error) {
		cart, err := newCart(ctx, c)
		if err != nil {
			return nil, err
		}
		return c.Quote.Create().SetTenantID(a).SetStoreID(f.StoreA1.ID).SetCustomerID(f.Users[testenv.CustomerA].ID).
			SetCartID(cart.ID).SetCurrencyCode("SAR").SetLines([]snapshot.Line{{ID: 1, VariantID: f.Variants["thobe"].ID, Quantity: 1, UnitPrice: 25000}}).
			SetExpiresAt(time.Now().Add(time.Hour)).Save(ctx)
	}
	return map[string]lifecycle{
		"ApprovalRequest": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				co, err := newCompany(ctx, c, "covered-approver")
				if err != nil {
					return 0, err
				}
				cart, err := newCart(ctx, c)
				if err != nil {
					return 0, err
				}
				return idOf(c.ApprovalRequest.Create().SetTenantID(a).SetStoreID(f.StoreA1.ID).SetCompanyID(co.ID).
					SetCustomerID(f.Users[testenv.CustomerA].ID).SetCartID(cart.ID).SetIdempotencyKey("k").
					SetReasons([]string{"over_limit"}).SetCurrencyCode("SAR").SetSubtotal(25000).SetShippingTotal(0).
					SetTaxTotal(3261).SetTotal(25000).SetLines([]snapshot.Line{}).SetTerms(snapshot.Terms{}).
					SetPaymentProvider("manual").SetExpiresAt(time.Now().Add(time.Hour)).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ApprovalRequest.UpdateOneID(id).SetStatus("rejected").SetNote("no").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ApprovalRequest.DeleteOneID(id).Exec(ctx)
			},
		},
		"Quote": {
			tenantOwned: true,
			create:      func(ctx context.Context, c *ent.Client) (int, error) { return idOf(newQuote(ctx, c)) },
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Quote.UpdateOneID(id).SetStatus("responded").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Quote.DeleteOneID(id).Exec(ctx) },
		},
		"QuoteMessage": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				q, err := newQuote(ctx, c)
				if err != nil {
					return 0, err
				}
				return idOf(c.QuoteMessage.Create().SetTenantID(a).SetQuoteID(q.ID).SetAuthorID(f.Users[testenv.CustomerA].ID).
					SetSide("buyer").SetBody("hello").Save(ctx))
			},
			// A message never changes once written.
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.QuoteMessage.DeleteOneID(id).Exec(ctx)
			},
		},
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
