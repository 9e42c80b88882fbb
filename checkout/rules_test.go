package checkout_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// completeErr runs completeCart and returns its first error's extensions.
func completeErr(t *testing.T, c *testenv.Commerce, h testenv.Headers, cartToken int, key string) map[string]any {
	t.Helper()
	r := c.API.Do(t, h, completeQ, map[string]any{"c": ct.ID(cartToken), "k": key})
	require.NotEmpty(t, r.Errors, "expected an error, got %s", r.Data)
	return r.Errors[0].Extensions
}

func orders(t *testing.T, db *testenv.DB) int {
	t.Helper()
	n, err := db.Client.Order.Query().Count(ct.Sys())
	require.NoError(t, err)
	return n
}

func setSARPrice(t *testing.T, db *testenv.DB, v *ent.ProductVariant, amount int64) {
	t.Helper()
	_, err := db.Client.Price.Update().Where(price.VariantID(v.ID), price.CurrencyCode("SAR"), price.RegionIDIsNil()).
		SetAmount(amount).Save(ct.Sys())
	require.NoError(t, err)
}

// The case: one unit added at 100; the price becomes 99,900; the shopper asks for
// 50; the product goes to draft; completeCart used to place the order at 5,000.
func TestPricesAndAvailabilityAreCheckedAtCompletion(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		thobe := c.Variants["thobe"]
		ct.SetStock(t, c, "thobe", 100)
		setSARPrice(t, db, thobe, 100)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 1))
		line, err := db.Client.LineItem.Query().Where().All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, line, 1)

		setSARPrice(t, db, thobe, 99_900)
		r := c.API.Do(t, guest, `mutation($c: ID!, $i: ID!) { updateLineItem(cartId: $c, lineItemId: $i, quantity: 50) { id } }`,
			map[string]any{"c": ct.ID(cart1.Token), "i": ct.ID(line[0].ID)})
		require.Equal(t, "CART_CHANGED", r.Code(), "%+v", r.Errors)
		lines := r.Errors[0].Extensions["lines"].([]any)
		require.Len(t, lines, 1)
		assert.Equal(t, map[string]any{"lineItemId": ct.ID(line[0].ID), "variantId": ct.ID(thobe.ID), "title": "Default",
			"sku": "SKU-thobe", "change": "PRICE", "oldUnitPrice": float64(100), "newUnitPrice": float64(99_900)}, lines[0])
		now, err := db.Client.LineItem.Get(ct.Sys(), line[0].ID)
		require.NoError(t, err)
		assert.Equal(t, []int64{1, 99_900}, []int64{int64(now.Quantity), now.UnitPrice}, "re-priced, quantity as it was")

		require.NoError(t, db.Client.Product.UpdateOne(c.Products["thobe"]).SetStatus(product.StatusDraft).Exec(ct.Sys()))
		ext := completeErr(t, c, guest, cart1.Token, "k")
		assert.Equal(t, "CART_CHANGED", ext["code"])
		gone := ext["lines"].([]any)[0].(map[string]any)
		assert.Equal(t, "UNAVAILABLE", gone["change"])
		assert.Equal(t, ct.ID(line[0].ID), gone["lineItemId"])
		assert.Zero(t, orders(t, db), "no order at 5,000, nor at any price")
		ext = completeErr(t, c, guest, cart1.Token, "k")
		assert.Equal(t, []any{"BAD_USER_INPUT", "items"}, []any{ext["code"], ext["field"]}, "the line left the cart")
		assert.Zero(t, ct.Stock(t, c, "thobe").ReservedQuantity)
	})
}

// A price that moved after the cart's last change is caught at completion: CART_CHANGED,
// the cart re-priced, and the next completeCart places the order at the new prices.
func TestCompletionRepricesAndTheSecondAttemptSucceeds(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 2), ct.Of("abaya", 1))
		setSARPrice(t, db, c.Variants["thobe"], 26000)

		ext := completeErr(t, c, guest, cart1.Token, "k")
		require.Equal(t, "CART_CHANGED", ext["code"])
		lines := ext["lines"].([]any)
		require.Len(t, lines, 1, "only the thobe moved")
		assert.Equal(t, []any{"SKU-thobe", "PRICE", float64(25000), float64(26000)}, []any{lines[0].(map[string]any)["sku"],
			lines[0].(map[string]any)["change"], lines[0].(map[string]any)["oldUnitPrice"], lines[0].(map[string]any)["newUnitPrice"]})
		assert.Zero(t, orders(t, db))

		o := complete(t, c, guest, cart1.Token, "k")
		// 2 × 260.00 + 400.00 + 25.00 shipping, 15% VAT included.
		assert.Equal(t, []int64{92000, 2500, 12326, 94500}, []int64{o.Subtotal, o.ShippingTotal, o.TaxTotal, o.Total})
		require.Len(t, o.Items, 2)
		assert.Equal(t, []int64{26000, 40000}, []int64{o.Items[0].UnitPrice, o.Items[1].UnitPrice})
	})
}

// Closed shops sell nothing: a store put in maintenance, or a tenant suspended, between
// filling the cart and completing it refuses the completion with STORE_CLOSED — also
// when the change was written past the service (no store resolution was told), since
// completion reads the store's status itself. Another tenant's store sells on.
func TestClosedStoresDoNotComplete(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		sys := viewer.SystemContext(context.Background(), "checkout-test")
		guest := ct.Guest(c, c.StoreA1)
		customer, customerH := ct.NewCustomer(t, c, c.TenantA.ID, "buyer@acme.test")
		carts := []*ent.Cart{ct.Ready(t, c), ct.Ready(t, c), ct.Build(t, c, ct.Cart{Customer: customer})}
		refused := func(why string) {
			t.Helper()
			for i, h := range []testenv.Headers{guest, guest, customerH} {
				assert.Equal(t, "STORE_CLOSED", completeErr(t, c, h, carts[i].Token, "k")["code"], why)
			}
			assert.Zero(t, orders(t, db), why)
		}

		maintenance, active := store.StatusMaintenance, store.StatusActive
		_, err := c.API.App.Tenancy.UpdateStore(sys, c.StoreA1.ID, tenancy.UpdateStoreInput{Status: &maintenance})
		require.NoError(t, err)
		refused("store in maintenance")
		_, err = c.API.App.Tenancy.UpdateStore(sys, c.StoreA1.ID, tenancy.UpdateStoreInput{Status: &active})
		require.NoError(t, err)
		c.SetTenantStatus(t, c.TenantA.ID, tenant.StatusSuspended)
		refused("tenant suspended")
		c.SetTenantStatus(t, c.TenantA.ID, tenant.StatusActive)
		// Written past the service: the request still finds the store open, completion does not.
		require.NoError(t, db.Client.Store.UpdateOneID(c.StoreA1.ID).SetStatus(store.StatusInactive).Exec(ct.Sys()))
		assert.Equal(t, "STORE_CLOSED", completeErr(t, c, guest, carts[0].Token, "k")["code"])
		require.NoError(t, db.Client.Store.UpdateOneID(c.StoreA1.ID).SetStatus(store.StatusActive).Exec(ct.Sys()))

		b := ct.Build(t, c, ct.Cart{Store: c.StoreB1})
		c.SetTenantStatus(t, c.TenantA.ID, tenant.StatusSuspended)
		assert.Equal(t, 1, complete(t, c, ct.Guest(c, c.StoreB1), b.Token, "k").DisplayID, "tenant B sells on")
		c.SetTenantStatus(t, c.TenantA.ID, tenant.StatusActive)
		assert.Equal(t, 1, complete(t, c, guest, carts[0].Token, "k").DisplayID, "open again, A1 sells")
	})
}

// A total that would pass the bound is refused at completion, never wrapped: a line
// written with 2^62 before prices had bounds, at a price list that still says 2^62,
// leaves the cart; one at the largest price completes exactly.
func TestCompletionTotalsNeverWrap(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		thobe := c.Variants["thobe"]
		require.NoError(t, db.Client.ProductVariant.UpdateOne(thobe).SetManageInventory(false).Exec(ct.Sys()))
		setSARPrice(t, db, thobe, 1<<62)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 4))
		ext := completeErr(t, c, guest, cart1.Token, "k")
		assert.Equal(t, "CART_CHANGED", ext["code"])
		assert.Equal(t, "UNAVAILABLE", ext["lines"].([]any)[0].(map[string]any)["change"])
		assert.Zero(t, orders(t, db))

		// The largest price, 1,000 units, plus shipping passes the bound: refused.
		setSARPrice(t, db, thobe, pricing.MaxAmount)
		over := ct.Ready(t, c, ct.Of("thobe", 1000))
		ext = completeErr(t, c, guest, over.Token, "k")
		assert.Equal(t, []any{"BAD_USER_INPUT", "items"}, []any{ext["code"], ext["field"]})
		assert.Zero(t, orders(t, db))
		// 999 units stay within it, to the unit.
		top := ct.Ready(t, c, ct.Of("thobe", 999))
		o := complete(t, c, guest, top.Token, "k")
		assert.Equal(t, pricing.MaxAmount*999, o.Subtotal)
		assert.Equal(t, pricing.MaxAmount*999+2500, o.Total)
		assert.Equal(t, (2*(pricing.MaxAmount*999+2500)*1500+11500)/(2*11500), o.TaxTotal, "15% included, rounded half up")
	})
}

// Idempotency keys are scoped to the cart: the same key, sent by shoppers of sibling
// stores, of the same store, or of another tenant, places each cart's own order; a
// retry answers its cart's order; another key on a completed cart is a conflict.
func TestIdempotencyKeysAreScopedToTheCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		a1, a2, b1 := ct.Guest(c, c.StoreA1), ct.Guest(c, c.StoreA2), ct.Guest(c, c.StoreB1)
		cartA1, otherA1 := ct.Ready(t, c), ct.Ready(t, c)
		cartA2 := ct.Build(t, c, ct.Cart{Store: c.StoreA2, Items: []ct.Item{ct.Of("hijab", 1)}})
		cartB1 := ct.Build(t, c, ct.Cart{Store: c.StoreB1})

		first := complete(t, c, a1, cartA1.Token, "checkout-1")
		sibling := complete(t, c, a2, cartA2.Token, "checkout-1")
		same := complete(t, c, a1, otherA1.Token, "checkout-1")
		other := complete(t, c, b1, cartB1.Token, "checkout-1")
		ids := map[string]bool{first.ID: true, sibling.ID: true, same.ID: true, other.ID: true}
		assert.Len(t, ids, 4, "four carts, four orders")
		assert.Equal(t, ct.ID(c.StoreA2.ID), sibling.Store.ID)

		assert.Equal(t, first.ID, complete(t, c, a1, cartA1.Token, "checkout-1").ID, "a retry answers its own order")
		assert.Equal(t, sibling.ID, complete(t, c, a2, cartA2.Token, "checkout-1").ID)
		code, _ := completeCode(t, c, a1, cartA1.Token, "checkout-2")
		assert.Equal(t, "CONFLICT", code)

		n, err := db.Client.Order.Query().Where(order.IdempotencyKey("checkout-1")).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 4, n)
		refs, err := db.Client.Order.Query().Select(order.FieldPaymentReference).Strings(ct.Sys())
		require.NoError(t, err)
		seen := map[string]bool{}
		for _, r := range refs {
			assert.False(t, seen[r], "the processor's key is the cart's too: %q given twice", r)
			seen[r] = true
		}
	})
}
