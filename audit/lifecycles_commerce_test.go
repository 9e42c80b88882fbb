package audit_test

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// commerceLifecycles are the catalog, pricing, stock, customer and order cases of lifecycles.
func commerceLifecycles(f *testenv.Commerce) map[string]lifecycle {
	a, a1 := f.TenantA.ID, f.StoreA1.ID
	thobe, thobeV := f.Products["thobe"].ID, f.Variants["thobe"].ID
	number := -1000
	newOrder := func(ctx context.Context, c *ent.Client, key string) (*ent.Order, error) {
		number--
		return c.Order.Create().SetTenantID(a).SetStoreID(a1).SetDisplayID(number).SetIdempotencyKey(key).
			SetCurrencyCode("SAR").SetSubtotal(100).SetShippingTotal(0).SetTaxTotal(0).SetTotal(100).
			SetPaymentProvider("manual").Save(ctx)
	}
	return map[string]lifecycle{
		"SalesChannel": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.SalesChannel.Create().SetTenantID(a).SetStoreID(a1).SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error { // a product assignment
				return c.SalesChannel.UpdateOneID(id).AddProductIDs(thobe).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.SalesChannel.DeleteOneID(id).Exec(ctx)
			},
		},
		"Product": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Product.Create().SetTenantID(a).SetTitle("Covered").SetHandle("covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Product.UpdateOneID(id).SetTitle("Covered!").AddSalesChannelIDs(f.ChannelA1.ID).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				if err := c.Product.UpdateOneID(id).ClearSalesChannels().Exec(ctx); err != nil {
					return err
				}
				return c.Product.DeleteOneID(id).Exec(ctx)
			},
		},
		"ProductCategory": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.ProductCategory.Create().SetTenantID(a).SetName("Covered").SetHandle("covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductCategory.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductCategory.DeleteOneID(id).Exec(ctx)
			},
		},
		"ProductCollection": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.ProductCollection.Create().SetTenantID(a).SetTitle("Covered").SetHandle("covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductCollection.UpdateOneID(id).SetTitle("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductCollection.DeleteOneID(id).Exec(ctx)
			},
		},
		"ProductOption": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.ProductOption.Create().SetTenantID(a).SetProductID(thobe).SetTitle("Size").SetValues([]string{"S", "M"}).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductOption.UpdateOneID(id).SetValues([]string{"S", "M", "L"}).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductOption.DeleteOneID(id).Exec(ctx)
			},
		},
		"ProductVariant": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.ProductVariant.Create().SetTenantID(a).SetProductID(thobe).SetTitle("Large").SetSku("COVERED-L").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductVariant.UpdateOneID(id).SetAllowBackorder(true).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ProductVariant.DeleteOneID(id).Exec(ctx)
			},
		},
		"Price": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Price.Create().SetTenantID(a).SetVariantID(thobeV).SetCurrencyCode("KWD").SetAmount(700).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Price.UpdateOneID(id).SetAmount(750).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Price.DeleteOneID(id).Exec(ctx) },
		},
		"Region": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Region.Create().SetTenantID(a).SetName("Kuwait").SetCurrencyCode("KWD").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Region.UpdateOneID(id).SetTaxRateBps(500).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Region.DeleteOneID(id).Exec(ctx) },
		},
		"ShippingOption": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.ShippingOption.Create().SetTenantID(a).SetRegionID(f.SAR.ID).SetName("Express").SetAmount(5000).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ShippingOption.UpdateOneID(id).SetAmount(4500).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.ShippingOption.DeleteOneID(id).Exec(ctx)
			},
		},
		"StockLocation": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.StockLocation.Create().SetTenantID(a).SetName("Dammam").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.StockLocation.UpdateOneID(id).SetName("Dammam port").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.StockLocation.DeleteOneID(id).Exec(ctx)
			},
		},
		"InventoryLevel": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				loc, err := c.StockLocation.Create().SetTenantID(a).SetName("Khobar").Save(ctx)
				if err != nil {
					return 0, err
				}
				return idOf(c.InventoryLevel.Create().SetTenantID(a).SetVariantID(thobeV).SetLocationID(loc.ID).SetStockedQuantity(4).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.InventoryLevel.UpdateOneID(id).AddStockedQuantity(3).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.InventoryLevel.DeleteOneID(id).Exec(ctx)
			},
		},
		"CustomerAddress": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.CustomerAddress.Create().SetTenantID(a).SetUserID(f.Users[testenv.CustomerA].ID).
					SetFirstName("Sara").SetLastName("Al-Harbi").SetAddress1("King Fahd Rd 1").SetCity("Riyadh").
					SetCountryCode("SA").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.CustomerAddress.UpdateOneID(id).SetCity("Jeddah").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.CustomerAddress.DeleteOneID(id).Exec(ctx)
			},
		},
		"Order": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(newOrder(ctx, c, "covered-order"))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Order.UpdateOneID(id).SetPaymentStatus("authorized").SetPaymentReference("pi_covered").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Order.DeleteOneID(id).Exec(ctx) },
		},
		"OrderLineItem": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				o, err := newOrder(ctx, c, "covered-line")
				if err != nil {
					return 0, err
				}
				return idOf(c.OrderLineItem.Create().SetTenantID(a).SetOrderID(o.ID).SetVariantID(thobeV).
					SetTitle("The thobe").SetSku("SKU-thobe").SetQuantity(1).SetUnitPrice(100).SetTotal(100).Save(ctx))
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.OrderLineItem.DeleteOneID(id).Exec(ctx)
			},
		},
		"Fulfillment": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				o, err := newOrder(ctx, c, "covered-fulfillment")
				if err != nil {
					return 0, err
				}
				return idOf(c.Fulfillment.Create().SetTenantID(a).SetOrderID(o.ID).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Fulfillment.UpdateOneID(id).SetShippedAt(time.Now()).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Fulfillment.DeleteOneID(id).Exec(ctx)
			},
		},
	}
}
