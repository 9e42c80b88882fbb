package audit_test

import (
	"context"
	"reflect"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/testenv"
)

// lifecycle creates, updates and deletes one row of a type, straight through ent.
// update is nil for a type whose rows never change (every field immutable).
type lifecycle struct {
	tenantOwned bool
	create      func(ctx context.Context, c *ent.Client) (int, error)
	update      func(ctx context.Context, c *ent.Client, id int) error
	delete      func(ctx context.Context, c *ent.Client, id int) error
}

// idOf is a created entity's id.
func idOf(e any, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return int(reflect.ValueOf(e).Elem().FieldByName("ID").Int()), nil
}

// lifecycles has a case for every audited type, on tenant A's side of the commerce fixture.
func lifecycles(f *testenv.Commerce) map[string]lifecycle {
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
		"Tenant": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Tenant.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Tenant.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Tenant.DeleteOneID(id).Exec(ctx) },
		},
		"Store": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Store.Create().SetTenantID(a).SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Store.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Store.DeleteOneID(id).Exec(ctx) },
		},
		"Domain": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Domain.Create().SetTenantID(a).SetStoreID(a1).SetHostname("covered.example.com").
					SetVerificationToken("covered-verification-token").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Domain.UpdateOneID(id).SetIsPrimary(true).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Domain.DeleteOneID(id).Exec(ctx) },
		},
		"APIKey": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.APIKey.Create().SetTenantID(a).SetKind("secret").SetName("covered").
					SetTokenHash("covered-token-hash").SetTokenPrefix("sk_cov").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.APIKey.UpdateOneID(id).SetName("covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.APIKey.DeleteOneID(id).Exec(ctx) },
		},
		"User": {
			tenantOwned: true, // a customer account of tenant A
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.User.Create().SetEmail("covered@a.test").SetRealm(a).SetPasswordHash("$2a$covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.User.UpdateOneID(id).SetName("Covered").SetPasswordHash("$2a$changed").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.User.DeleteOneID(id).Exec(ctx) },
		},
		"Membership": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				u, err := c.User.Create().SetEmail("member@a.test").SetPasswordHash("$2a$member").Save(ctx)
				if err != nil {
					return 0, err
				}
				return idOf(c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleTenantAdmin).SetTenantID(a).Save(ctx))
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Membership.DeleteOneID(id).Exec(ctx) },
		},
		"Country": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Country.Create().SetCode("QA").SetName("Qatar").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Country.UpdateOneID(id).SetName("State of Qatar").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Country.DeleteOneID(id).Exec(ctx) },
		},
		"Scope": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Scope.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Scope.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Scope.DeleteOneID(id).Exec(ctx) },
		},
		"Category": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Category.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Category.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Category.DeleteOneID(id).Exec(ctx) },
		},
		"Subcategory": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				cat, err := c.Category.Create().SetHandle("covered-parent").SetName("Parent").Save(ctx)
				if err != nil {
					return 0, err
				}
				return idOf(c.Subcategory.Create().SetCategoryID(cat.ID).SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Subcategory.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Subcategory.DeleteOneID(id).Exec(ctx) },
		},
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
