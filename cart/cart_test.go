package cart_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func TestCartFlowWithExactTotals(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		thobe, abaya := e.Variants["thobe"], e.Variants["abaya"]

		// SAR: 15% VAT included in the prices and the shipping.
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		require.Equal(t, "SAR", c.CurrencyCode)
		require.Equal(t, id(e.StoreA1.ID), c.Store.ID)
		require.Equal(t, id(e.SAR.ID), c.Region.ID)
		require.Empty(t, c.Email)
		require.Empty(t, c.Items)
		require.Equal(t, [4]int64{0, 0, 0, 0}, c.totals())
		token, err := strconv.Atoi(c.ID)
		require.NoError(t, err)
		require.Positive(t, token)
		require.NotEqual(t, e.row(c.ID).ID, token, "clients see the token, never the row id")

		e.add(shop, c.ID, thobe, 1)
		c = e.add(shop, c.ID, thobe, 1) // the same variant again: one line of 2
		c = e.add(shop, c.ID, abaya, 1)
		require.Len(t, c.Items, 2)
		require.Equal(t, item{ID: c.Items[0].ID, Title: "The thobe", Sku: "SKU-thobe", Quantity: 2, UnitPrice: 25000, Total: 50000,
			Variant: struct{ ID, Sku string }{id(thobe.ID), "SKU-thobe"}}, c.Items[0])
		require.Equal(t, int64(40000), c.Items[1].UnitPrice)
		require.Equal(t, [4]int64{90000, 0, 11739, 90000}, c.totals(), "90,000 gross holds 11,739 VAT")

		r := e.API.MustDo(t, shop, qShipOptions, map[string]any{"c": c.ID})
		require.JSONEq(t, `{"shippingOptions":[{"id":"`+id(e.ShipSAR.ID)+`","name":"Standard","amount":2500}]}`, string(r.Data))
		c = e.must(shop, qShipMethod, "setShippingMethod", map[string]any{"c": c.ID, "o": id(e.ShipSAR.ID)})
		require.Equal(t, id(e.ShipSAR.ID), c.ShippingMethod.ID)
		require.Equal(t, [4]int64{90000, 2500, 12065, 92500}, c.totals(), "VAT is taken out of goods and shipping: 92,500 × 15/115")

		c = e.must(shop, qShipAddr, "setShippingAddress", map[string]any{"c": c.ID, "a": riyadh})
		require.Equal(t, "Sara", c.ShippingAddress.FirstName, "trimmed")
		require.Equal(t, "SA", c.ShippingAddress.CountryCode, "upper-cased")
		c = e.must(shop, qBillAddr, "setBillingAddress", map[string]any{"c": c.ID, "a": riyadh})
		require.Equal(t, "Sara", c.BillingAddress.FirstName)
		c = e.must(shop, qEmail, "setCartEmail", map[string]any{"c": c.ID, "e": " Sara@Example.COM "})
		require.Equal(t, "sara@example.com", c.Email)

		// Reading it again gives the same cart.
		again := e.get(shop, c.ID)
		require.Equal(t, c, again)

		// Changing and removing lines.
		c = e.must(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 3})
		require.Equal(t, 3, c.Items[0].Quantity)
		require.Equal(t, [4]int64{115000, 2500, 15326, 117500}, c.totals())
		c = e.must(shop, qRemove, "removeLineItem", map[string]any{"c": c.ID, "i": c.Items[1].ID})
		require.Len(t, c.Items, 1)
		c = e.must(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 0})
		require.Empty(t, c.Items, "quantity 0 removes the line")
		require.Equal(t, [4]int64{0, 2500, 326, 2500}, c.totals())

		// AED: 5% VAT added on top.
		u := e.create(shop, map[string]any{"regionId": id(e.AED.ID), "email": "buyer@example.com"})
		require.Equal(t, "AED", u.CurrencyCode)
		require.Equal(t, "buyer@example.com", u.Email)
		e.add(shop, u.ID, thobe, 2)
		e.add(shop, u.ID, abaya, 1)
		u = e.must(shop, qShipMethod, "setShippingMethod", map[string]any{"c": u.ID, "o": id(e.ShipAED.ID)})
		require.Equal(t, int64(24000), u.Items[0].UnitPrice)
		require.Equal(t, int64(48000), u.Items[0].Total)
		require.Equal(t, [4]int64{87000, 2000, 4450, 93450}, u.totals())
	})
}

func TestCartInputIsChecked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		create := func(h testenv.Headers, in map[string]any) *testenv.Response {
			r, _ := e.do(h, qCreate, "createCart", map[string]any{"in": in})
			return r
		}
		requireCode(t, create(e.As(testenv.Anonymous), map[string]any{"regionId": id(e.SAR.ID)}), "BAD_USER_INPUT", "storeId")
		requireCode(t, create(shop, map[string]any{"regionId": id(e.RegionB.ID)}), "BAD_USER_INPUT", "regionId")
		requireCode(t, create(shop, map[string]any{"regionId": id(e.SAR.ID), "email": "nope"}), "BAD_USER_INPUT", "email")
		requireCode(t, create(shop, map[string]any{"regionId": id(e.SAR.ID), "storeId": id(e.StoreA2.ID)}), "BAD_USER_INPUT", "storeId")

		// Staff name the store with storeId; it must be open.
		admin := e.As(testenv.TenantAdminA)
		c := e.create(admin, map[string]any{"regionId": id(e.AED.ID), "storeId": id(e.StoreA2.ID)})
		require.Equal(t, id(e.StoreA2.ID), c.Store.ID)
		require.NotNil(t, e.get(admin, c.ID), "the tenant's admin sees its stores' carts")
		require.NoError(t, db.Client.Store.UpdateOneID(e.StoreA2.ID).SetStatus(store.StatusMaintenance).Exec(sys()))
		requireCode(t, create(admin, map[string]any{"regionId": id(e.SAR.ID), "storeId": id(e.StoreA2.ID)}), "STORE_CLOSED")

		c = e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		for _, q := range []int{0, -1, 1001} {
			r, _ := e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["thobe"].ID), "q": q})
			requireCode(t, r, "BAD_USER_INPUT", "quantity")
		}
		c = e.add(shop, c.ID, e.Variants["thobe"], 1)
		r, _ := e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 1001})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		r, _ = e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": "999999", "q": 1})
		requireCode(t, r, "NOT_FOUND", "lineItemId")
		r, _ = e.do(shop, qShipMethod, "setShippingMethod", map[string]any{"c": c.ID, "o": id(e.ShipAED.ID)})
		requireCode(t, r, "BAD_USER_INPUT", "shippingOptionId")
		r, _ = e.do(shop, qEmail, "setCartEmail", map[string]any{"c": c.ID, "e": "not an e-mail"})
		requireCode(t, r, "BAD_USER_INPUT", "email")
		bad := map[string]any{"firstName": "A", "lastName": "B", "address1": "C", "city": "", "countryCode": "SA"}
		r, _ = e.do(shop, qShipAddr, "setShippingAddress", map[string]any{"c": c.ID, "a": bad})
		requireCode(t, r, "BAD_USER_INPUT", "input.city")

		// A variant with no price in the cart's currency is not for sale there.
		aed := e.create(shop, map[string]any{"regionId": id(e.AED.ID)})
		xl, err := db.Client.ProductVariant.Create().SetTenantID(e.TenantA.ID).SetProductID(e.Products["thobe"].ID).
			SetTitle("XL").SetSku("SKU-thobe-xl").SetManageInventory(false).Save(sys())
		require.NoError(t, err)
		require.NoError(t, db.Client.Price.Create().SetTenantID(e.TenantA.ID).SetVariantID(xl.ID).SetCurrencyCode("SAR").SetAmount(26000).Exec(sys()))
		r, _ = e.do(shop, qAdd, "addLineItem", map[string]any{"c": aed.ID, "v": id(xl.ID), "q": 1})
		requireCode(t, r, "BAD_USER_INPUT", "variantId")
		c = e.add(shop, c.ID, xl, 5)
		require.Equal(t, "The thobe / XL", c.Items[1].Title)
		require.Equal(t, int64(26000), c.Items[1].UnitPrice)
	})
}

// A line keeps its price until the cart changes: reading the cart re-prices nothing.
func TestReadingACartKeepsItsPrices(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		thobe := e.Variants["thobe"]
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		e.add(shop, c.ID, thobe, 2)

		_, err := db.Client.Price.Update().Where(price.VariantID(thobe.ID), price.CurrencyCode("SAR")).SetAmount(30000).Save(sys())
		require.NoError(t, err)
		c = e.get(shop, c.ID)
		require.Equal(t, int64(25000), c.Items[0].UnitPrice, "the line keeps its price while the cart does not change")
		require.Equal(t, int64(50000), c.Subtotal)

		fresh := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		fresh = e.add(shop, fresh.ID, thobe, 1)
		require.Equal(t, int64(30000), fresh.Items[0].UnitPrice, "a new line takes today's price")

		// A region's own price wins over the currency's.
		require.NoError(t, db.Client.Price.Create().SetTenantID(e.TenantA.ID).SetVariantID(thobe.ID).
			SetCurrencyCode("SAR").SetRegionID(e.SAR.ID).SetAmount(22000).Exec(sys()))
		regional := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		regional = e.add(shop, regional.ID, thobe, 1)
		require.Equal(t, int64(22000), regional.Items[0].UnitPrice)
	})
}

func TestGuestCartOnlyThroughItsStore(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		a1 := e.Shop(testenv.Anonymous, hostA1)
		c := e.create(a1, map[string]any{"regionId": id(e.SAR.ID)})
		e.add(a1, c.ID, e.Variants["abaya"], 1)

		require.NotNil(t, e.get(a1, c.ID))
		require.NotNil(t, e.get(e.Shop(testenv.Anonymous, "shop.acme-example.com"), c.ID), "A1's custom domain is A1")
		require.NotNil(t, e.get(e.As(testenv.PublishableA), c.ID), "A1's publishable key")
		require.NotNil(t, e.get(e.As(testenv.ManagerA1), c.ID), "A1's manager")
		require.NotNil(t, e.get(e.As(testenv.TenantAdminA), c.ID), "A's admin")

		a2 := e.Shop(testenv.Anonymous, hostA2)
		require.Nil(t, e.get(a2, c.ID), "A2's storefront does not reach A1's carts")
		// A guest's request that names no store is asked for one, whatever the operation.
		none := e.As(testenv.Anonymous)
		for name, q := range map[string]struct {
			query string
			vars  map[string]any
		}{
			"cart":            {qCart, map[string]any{"id": c.ID}},
			"addLineItem":     {qAdd, map[string]any{"c": c.ID, "v": id(e.Variants["abaya"].ID), "q": 1}},
			"setCartEmail":    {qEmail, map[string]any{"c": c.ID, "e": "x@example.com"}},
			"shippingOptions": {qShipOptions, map[string]any{"c": c.ID}},
			"completeCart":    {`mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "k") { id } }`, map[string]any{"c": c.ID}},
			"createCart":      {qCreate, map[string]any{"in": map[string]any{"regionId": id(e.SAR.ID)}}},
		} {
			t.Run(name, func(t *testing.T) {
				requireCode(t, e.API.Do(t, none, q.query, q.vars), "BAD_USER_INPUT", "storeId")
			})
		}
		require.Nil(t, e.get(a1, "12345"), "nor a guessed token")
		r, _ := e.do(a2, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["abaya"].ID), "q": 1})
		requireCode(t, r, "NOT_FOUND", "cartId")
		r, _ = e.do(a2, qEmail, "setCartEmail", map[string]any{"c": c.ID, "e": "x@example.com"})
		requireCode(t, r, "NOT_FOUND", "cartId")
		r = e.API.Do(t, a2, qShipOptions, map[string]any{"c": c.ID})
		requireCode(t, r, "NOT_FOUND", "cartId")
		require.Len(t, e.get(a1, c.ID).Items, 1, "unchanged")
	})
}

func TestCustomerCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		customer := e.As(testenv.CustomerA)
		c := e.create(e.Shop(testenv.CustomerA, hostA1), map[string]any{"regionId": id(e.SAR.ID)})
		require.Equal(t, "customer@acme.test", c.Email, "the customer's e-mail by default")
		row := e.row(c.ID)
		require.NotNil(t, row.CustomerID)
		require.Equal(t, e.Users[testenv.CustomerA].ID, *row.CustomerID)

		// The customer reaches their cart from anywhere; items still come from A1's catalog.
		c = e.add(customer, c.ID, e.Variants["thobe"], 1)
		require.Len(t, c.Items, 1)
		require.NotNil(t, e.get(e.Shop(testenv.CustomerA, hostA2), c.ID))
		r, _ := e.do(customer, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["hijab"].ID), "q": 1})
		requireCode(t, r, "NOT_FOUND", "variantId")

		// A signed-in shopper who is not the tenant's customer gets a guest cart.
		guest := e.create(e.Shop(testenv.ManagerA1, hostA1), map[string]any{"regionId": id(e.SAR.ID)})
		require.Nil(t, e.row(guest.ID).CustomerID)
		require.Empty(t, guest.Email)
	})
}

func TestCartsDoNotCrossTenants(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		a1 := e.Shop(testenv.Anonymous, hostA1)
		cartA := e.create(a1, map[string]any{"regionId": id(e.SAR.ID)})
		e.add(a1, cartA.ID, e.Variants["thobe"], 1)

		reg := e.API.MustDo(t, e.Shop(testenv.Anonymous, hostB1),
			`mutation { registerCustomer(input: {email: "shopper@bolt.test", password: "shopper-password"}) { accessToken } }`, nil)
		var s struct{ RegisterCustomer struct{ AccessToken string } }
		reg.Decode(t, &s)
		customerB := testenv.Headers{"Authorization": "Bearer " + s.RegisterCustomer.AccessToken}

		for name, h := range map[string]testenv.Headers{
			"customer of B":  customerB,
			"secret key B":   e.As(testenv.SecretB),
			"admin of B":     e.As(testenv.TenantAdminB),
			"admin of B @B1": e.Shop(testenv.TenantAdminB, hostB1),
		} {
			require.Nil(t, e.get(h, cartA.ID), name)
			r, _ := e.do(h, qAdd, "addLineItem", map[string]any{"c": cartA.ID, "v": id(e.Variants["thobe"].ID), "q": 1})
			requireCode(t, r, "NOT_FOUND", "cartId")
			r, _ = e.do(h, qShipMethod, "setShippingMethod", map[string]any{"c": cartA.ID, "o": id(e.ShipSAR.ID)})
			requireCode(t, r, "NOT_FOUND", "cartId")
			r = e.API.Do(t, h, qShipOptions, map[string]any{"c": cartA.ID})
			requireCode(t, r, "NOT_FOUND", "cartId")
		}
		require.Len(t, e.get(a1, cartA.ID).Items, 1, "A's cart is unchanged")

		// B's carts, made by each of B's principals, take B's products only.
		for name, h := range map[string]testenv.Headers{
			"customer of B": e.withHost(customerB, hostB1),
			// Staff shop like anyone else, in the store's storefront: their role alone never
			// changes a cart (see TestStaffNeverChangeShoppersCarts).
			"secret key B": e.withHost(e.As(testenv.SecretB), hostB1),
			"admin of B":   e.withHost(e.As(testenv.TenantAdminB), hostB1),
		} {
			cartB := e.create(h, map[string]any{"regionId": id(e.RegionB.ID), "storeId": id(e.StoreB1.ID)})
			for _, handle := range []string{"thobe", "abaya", "hijab"} {
				r, _ := e.do(h, qAdd, "addLineItem", map[string]any{"c": cartB.ID, "v": id(e.Variants[handle].ID), "q": 1})
				requireCode(t, r, "NOT_FOUND", "variantId")
			}
			r, _ := e.do(h, qShipMethod, "setShippingMethod", map[string]any{"c": cartB.ID, "o": id(e.ShipSAR.ID)})
			requireCode(t, r, "BAD_USER_INPUT", "shippingOptionId")
			cartB = e.add(h, cartB.ID, e.Variants["gadget"], 1)
			require.Len(t, cartB.Items, 1, name)
			require.Equal(t, int64(10000), cartB.Total, name)
		}
		r, _ := e.do(e.As(testenv.TenantAdminB), qCreate, "createCart",
			map[string]any{"in": map[string]any{"regionId": id(e.SAR.ID), "storeId": id(e.StoreB1.ID)}})
		requireCode(t, r, "BAD_USER_INPUT", "regionId")
	})
}

func (e *env) withHost(h testenv.Headers, host string) testenv.Headers {
	out := testenv.Headers{"X-Store-Host": host}
	for k, v := range h {
		out[k] = v
	}
	return out
}

func TestVariantMustBeSoldInTheCartsStore(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		a1, a2 := e.Shop(testenv.Anonymous, hostA1), e.Shop(testenv.Anonymous, hostA2)
		c1 := e.create(a1, map[string]any{"regionId": id(e.SAR.ID)})
		for _, handle := range []string{"hijab", "draft-oud", "gadget"} {
			r, _ := e.do(a1, qAdd, "addLineItem", map[string]any{"c": c1.ID, "v": id(e.Variants[handle].ID), "q": 1})
			requireCode(t, r, "NOT_FOUND", "variantId")
		}
		// Staff see the whole catalog, but shopping in A1 a cart still sells only its store's.
		r, _ := e.do(e.withHost(e.As(testenv.TenantAdminA), hostA1), qAdd, "addLineItem", map[string]any{"c": c1.ID, "v": id(e.Variants["hijab"].ID), "q": 1})
		requireCode(t, r, "NOT_FOUND", "variantId")

		c2 := e.create(a2, map[string]any{"regionId": id(e.SAR.ID)})
		c2 = e.add(a2, c2.ID, e.Variants["hijab"], 1)
		require.Equal(t, int64(5000), c2.Total)
	})
}

func TestStockLimitsTheCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		abaya := e.Variants["abaya"] // 3 in stock
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})

		r, _ := e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(abaya.ID), "q": 4})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		require.Equal(t, "only 3 left", r.Errors[0].Message)
		c = e.add(shop, c.ID, abaya, 2)
		r, _ = e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(abaya.ID), "q": 2})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		require.Equal(t, "only 3 left", r.Errors[0].Message)
		r, _ = e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 4})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		c = e.must(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 3})
		require.Equal(t, 3, c.Items[0].Quantity)

		// Units reserved by orders are not available.
		_, err := db.Client.InventoryLevel.Update().Where(inventorylevel.VariantID(abaya.ID)).SetReservedQuantity(2).Save(sys())
		require.NoError(t, err)
		other := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		r, _ = e.do(shop, qAdd, "addLineItem", map[string]any{"c": other.ID, "v": id(abaya.ID), "q": 2})
		require.Equal(t, "only 1 left", r.Errors[0].Message)

		// A variant that allows backorders, or tracks no stock, is not limited.
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(abaya.ID).SetAllowBackorder(true).Exec(sys()))
		other = e.add(shop, other.ID, abaya, 10)
		require.Equal(t, 10, other.Items[0].Quantity)
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(abaya.ID).SetAllowBackorder(false).SetManageInventory(false).Exec(sys()))
		other = e.add(shop, other.ID, abaya, 10)
		require.Equal(t, 20, other.Items[0].Quantity)
	})
}

func TestCompletedCartRefusesChanges(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		c = e.add(shop, c.ID, e.Variants["thobe"], 1)
		require.NoError(t, db.Client.Cart.UpdateOneID(e.row(c.ID).ID).SetCompletedAt(time.Now()).Exec(sys()))

		line := c.Items[0].ID
		for name, op := range map[string]struct {
			q    string
			vars map[string]any
		}{
			"addLineItem":        {qAdd, map[string]any{"c": c.ID, "v": id(e.Variants["thobe"].ID), "q": 1}},
			"updateLineItem":     {qUpdate, map[string]any{"c": c.ID, "i": line, "q": 2}},
			"removeLineItem":     {qRemove, map[string]any{"c": c.ID, "i": line}},
			"setCartEmail":       {qEmail, map[string]any{"c": c.ID, "e": "late@example.com"}},
			"setShippingAddress": {qShipAddr, map[string]any{"c": c.ID, "a": riyadh}},
			"setBillingAddress":  {qBillAddr, map[string]any{"c": c.ID, "a": riyadh}},
			"setShippingMethod":  {qShipMethod, map[string]any{"c": c.ID, "o": id(e.ShipSAR.ID)}},
		} {
			r, _ := e.do(shop, op.q, name, op.vars)
			requireCode(t, r, "CONFLICT")
		}
		after := e.get(shop, c.ID)
		require.NotNil(t, after.CompletedAt)
		require.Len(t, after.Items, 1)
		require.Equal(t, 1, after.Items[0].Quantity)
		require.Empty(t, after.Email)
	})
}

// A cart created by naming its store (no store header) comes back whole: its parts
// belong to whoever holds the cart.
func TestCreateCartByStoreIDReturnsTheWholeCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		for _, p := range []string{testenv.Anonymous, testenv.CustomerA, testenv.ManagerA1} {
			c := e.create(e.As(p), map[string]any{"storeId": id(e.StoreA1.ID), "regionId": id(e.SAR.ID)})
			require.Equal(t, id(e.StoreA1.ID), c.Store.ID, p)
			require.Equal(t, id(e.SAR.ID), c.Region.ID, p)
			require.Empty(t, c.Items, p)
			require.Zero(t, c.Total, p)
		}
	})
}

// The cart policy itself, below the service: an update by a caller who cannot reach the
// cart changes nothing, whoever calls ent directly.
func TestCartPolicyConfinesUpdates(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		c := e.create(e.Shop(testenv.Anonymous, "a1.dakkah.test"), map[string]any{"regionId": id(e.SAR.ID)})
		row := e.row(c.ID)
		other := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: e.StoreB1.ID, TenantID: e.TenantB.ID, ShopOpen: true})
		err := db.Client.Cart.UpdateOneID(row.ID).SetEmail("thief@example.com").Exec(other)
		require.True(t, ent.IsNotFound(err), "got %v", err)
		require.Empty(t, e.row(c.ID).Email, "unchanged")
		own := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: e.StoreA1.ID, TenantID: e.TenantA.ID, ShopOpen: true})
		require.NoError(t, db.Client.Cart.UpdateOneID(row.ID).SetEmail("owner@example.com").Exec(own))
		require.Equal(t, "owner@example.com", e.row(c.ID).Email)
	})
}

// Staff read the carts of their scope, to help shoppers, and never change them: their role
// gives them no right to a cart; shopping in its store, or as its customer, does.
func TestStaffNeverChangeShoppersCarts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shopper := e.Shop(testenv.Anonymous, hostA1)
		c := e.create(shopper, map[string]any{"regionId": id(e.SAR.ID)})
		c = e.add(shopper, c.ID, e.Variants["thobe"], 1)
		for _, who := range []string{testenv.TenantAdminA, testenv.ManagerA1, testenv.SuperAdmin} {
			staff := e.As(who)
			require.NotNil(t, e.get(staff, c.ID), "%s reads the cart", who)
			r, _ := e.do(staff, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["thobe"].ID), "q": 1})
			requireCode(t, r, "FORBIDDEN")
			r, _ = e.do(staff, qShipMethod, "setShippingMethod", map[string]any{"c": c.ID, "o": id(e.ShipSAR.ID)})
			requireCode(t, r, "FORBIDDEN")
		}
		got := e.get(shopper, c.ID)
		require.Len(t, got.Items, 1, "the shopper's cart is as the shopper left it")
		require.Equal(t, 1, got.Items[0].Quantity)
		require.Nil(t, got.ShippingMethod)
	})
}
