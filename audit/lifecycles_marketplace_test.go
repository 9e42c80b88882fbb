package audit_test

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// marketplaceLifecycles are the vendor orders, commission rules and lines, and payouts of
// lifecycles.
func marketplaceLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a, a1 := f.TenantA.ID, f.StoreA1.ID
	number := -2000
	newVendor := func(ctx context.Context, c *ent.Client, handle string) (*ent.Vendor, error) {
		return c.Vendor.Create().SetTenantID(a).SetHandle(handle).SetName(handle).SetStatus("active").Save(ctx)
	}
	newSuborder := func(ctx context.Context, c *ent.Client, key string) (*ent.Suborder, error) {
		number--
		v, err := newVendor(ctx, c, key)
		if err != nil {
			return nil, err
		}
		o, err := c.Order.Create().SetTenantID(a).SetStoreID(a1).SetDisplayID(number).SetIdempotencyKey(key).
			SetCurrencyCode("SAR").SetSubtotal(100).SetShippingTotal(0).SetTaxTotal(0).SetTotal(100).
			SetPaymentProvider("manual").Save(ctx)
		if err != nil {
			return nil, err
		}
		return c.Suborder.Create().SetTenantID(a).SetOrderID(o.ID).SetVendorID(v.ID).SetStoreID(a1).
			SetCurrencyCode("SAR").SetSubtotal(100).SetShippingTotal(0).SetTaxTotal(0).SetTotal(100).Save(ctx)
	}
	return map[string]lifecycle{
		"Suborder": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(newSuborder(ctx, c, "covered-suborder"))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Suborder.UpdateOneID(id).SetFulfillmentStatus("fulfilled").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Suborder.DeleteOneID(id).Exec(ctx) },
		},
		"CommissionRule": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.CommissionRule.Create().SetTenantID(a).SetScope("tenant").SetBps(1000).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.CommissionRule.UpdateOneID(id).SetBps(700).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.CommissionRule.DeleteOneID(id).Exec(ctx)
			},
		},
		"CommissionLine": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				so, err := newSuborder(ctx, c, "covered-commission")
				if err != nil {
					return 0, err
				}
				return idOf(c.CommissionLine.Create().SetTenantID(a).SetKind("sale").SetVendorID(so.VendorID).
					SetSuborderID(so.ID).SetOrderID(so.OrderID).SetOrderLineItemID(1).SetCurrencyCode("SAR").
					SetAmount(100).SetCommission(10).SetBps(1000).SetFlat(0).SetEventID("evt_covered").Save(ctx))
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.CommissionLine.DeleteOneID(id).Exec(ctx)
			},
		},
		"Payout": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				v, err := newVendor(ctx, c, "covered-payout")
				if err != nil {
					return 0, err
				}
				return idOf(c.Payout.Create().SetTenantID(a).SetVendorID(v.ID).SetCurrencyCode("SAR").SetAmount(90).
					SetGross(100).SetCommission(10).SetRefunds(0).SetCommissionReversed(0).SetProvider("manual").
					SetRunKey("covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Payout.UpdateOneID(id).SetStatus("paid").SetReference("bank-ref").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Payout.DeleteOneID(id).Exec(ctx) },
		},
	}
}
