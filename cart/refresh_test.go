package cart_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/testenv"
)

// changed is one line of a CART_CHANGED answer.
type changed struct {
	LineItemID, VariantID, Change, Sku string
	OldUnitPrice, NewUnitPrice         int64
}

// changedLines checks r failed with CART_CHANGED and returns the lines it lists.
func changedLines(t *testing.T, r *testenv.Response) []changed {
	t.Helper()
	requireCode(t, r, "CART_CHANGED")
	raw, ok := r.Errors[0].Extensions["lines"].([]any)
	require.True(t, ok, "lines: %+v", r.Errors[0].Extensions)
	out := make([]changed, len(raw))
	for i, l := range raw {
		m := l.(map[string]any)
		out[i] = changed{LineItemID: m["lineItemId"].(string), VariantID: m["variantId"].(string),
			Change: m["change"].(string), Sku: m["sku"].(string), OldUnitPrice: int64(m["oldUnitPrice"].(float64))}
		if n, ok := m["newUnitPrice"].(float64); ok {
			out[i].NewUnitPrice = int64(n)
		}
	}
	return out
}

func (e *env) setPrice(handle, currency string, amount int64) {
	e.t.Helper()
	_, err := e.API.DB.Client.Price.Update().Where(price.VariantID(e.Variants[handle].ID), price.CurrencyCode(currency),
		price.RegionIDIsNil()).SetAmount(amount).Save(sys())
	require.NoError(e.t, err)
}

// Every change of a line's quantity re-prices the whole cart first. When a price moved,
// the cart takes it, the change asked for is not made, and CART_CHANGED says what moved;
// sent again, the change is made at the new price.
func TestQuantityChangesRepriceTheCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		thobe, abaya := e.Variants["thobe"], e.Variants["abaya"]
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		e.add(shop, c.ID, thobe, 2)
		c = e.add(shop, c.ID, abaya, 1)
		thobeLine, abayaLine := c.Items[0].ID, c.Items[1].ID

		e.setPrice("thobe", "SAR", 30000)
		update := map[string]any{"c": c.ID, "i": abayaLine, "q": 2}
		r, _ := e.do(shop, qUpdate, "updateLineItem", update)
		require.Equal(t, []changed{{LineItemID: thobeLine, VariantID: id(thobe.ID), Change: "PRICE", Sku: "SKU-thobe",
			OldUnitPrice: 25000, NewUnitPrice: 30000}}, changedLines(t, r))
		c = e.get(shop, c.ID)
		require.Equal(t, int64(30000), c.Items[0].UnitPrice, "the cart holds the new price")
		require.Equal(t, 1, c.Items[1].Quantity, "the change asked for was not made")
		require.Equal(t, int64(100000), c.Subtotal)

		c = e.must(shop, qUpdate, "updateLineItem", update)
		require.Equal(t, 2, c.Items[1].Quantity, "sent again, it is")
		require.Equal(t, int64(140000), c.Subtotal)

		// Adding more of a line, and taking some away, are changes too.
		e.setPrice("thobe", "SAR", 31000)
		r, _ = e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(thobe.ID), "q": 1})
		require.Equal(t, "PRICE", changedLines(t, r)[0].Change)
		c = e.add(shop, c.ID, thobe, 1)
		require.Equal(t, 3, c.Items[0].Quantity)
		require.Equal(t, int64(31000), c.Items[0].UnitPrice)
		e.setPrice("abaya", "SAR", 39000)
		r, _ = e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": thobeLine, "q": 1})
		require.Equal(t, []changed{{LineItemID: abayaLine, VariantID: id(abaya.ID), Change: "PRICE", Sku: "SKU-abaya",
			OldUnitPrice: 40000, NewUnitPrice: 39000}}, changedLines(t, r))
		require.Equal(t, int64(3*31000+2*39000), e.get(shop, c.ID).Subtotal)

		// Removing a line needs no price: it is made as asked, the other lines left alone.
		e.setPrice("abaya", "SAR", 45000)
		c = e.must(shop, qRemove, "removeLineItem", map[string]any{"c": c.ID, "i": thobeLine})
		require.Len(t, c.Items, 1)
		require.Equal(t, int64(39000), c.Items[0].UnitPrice)
	})
}

// A line the store no longer sells leaves the cart at the next change, and CART_CHANGED
// names it UNAVAILABLE: a product set to draft or archived, taken out of the store's
// channels, a channel disabled, no price left in the cart's currency.
func TestUnsellableLinesLeaveTheCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		cl := db.Client
		shop := e.Shop(testenv.Anonymous, hostA1)
		thobe, abaya := e.Products["thobe"], e.Variants["abaya"]
		var extra *ent.SalesChannel
		for _, tc := range []struct {
			name        string
			take, bring func() error
		}{
			{"draft",
				func() error { return cl.Product.UpdateOne(thobe).SetStatus(product.StatusDraft).Exec(sys()) },
				func() error { return cl.Product.UpdateOne(thobe).SetStatus(product.StatusPublished).Exec(sys()) }},
			{"archived",
				func() error { return cl.Product.UpdateOne(thobe).SetStatus(product.StatusArchived).Exec(sys()) },
				func() error { return cl.Product.UpdateOne(thobe).SetStatus(product.StatusPublished).Exec(sys()) }},
			{"out of the store's channels",
				func() error { return cl.Product.UpdateOne(thobe).RemoveSalesChannelIDs(e.ChannelA1.ID).Exec(sys()) },
				func() error { return cl.Product.UpdateOne(thobe).AddSalesChannelIDs(e.ChannelA1.ID).Exec(sys()) }},
			{"channel disabled", // the abaya stays in a channel of its own
				func() error {
					ch, err := cl.SalesChannel.Create().SetTenantID(e.TenantA.ID).SetStoreID(e.StoreA1.ID).SetName("Abayas").
						AddProductIDs(e.Products["abaya"].ID).Save(sys())
					if err != nil {
						return err
					}
					extra = ch
					return cl.SalesChannel.UpdateOne(e.ChannelA1).SetIsDisabled(true).Exec(sys())
				},
				func() error {
					if err := cl.SalesChannel.DeleteOne(extra).Exec(sys()); err != nil {
						return err
					}
					return cl.SalesChannel.UpdateOne(e.ChannelA1).SetIsDisabled(false).Exec(sys())
				}},
			{"no price in SAR",
				func() error { e.setPrice("thobe", "SAR", pricing.MaxAmount+1); return nil }, // written before the bound
				func() error { e.setPrice("thobe", "SAR", 25000); return nil }},
		} {
			c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
			e.add(shop, c.ID, e.Variants["thobe"], 2)
			c = e.add(shop, c.ID, abaya, 1)
			require.NoError(t, tc.take(), tc.name)
			r, _ := e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[1].ID, "q": 2})
			lines := changedLines(t, r)
			require.Equal(t, []changed{{LineItemID: c.Items[0].ID, VariantID: id(e.Variants["thobe"].ID), Change: "UNAVAILABLE",
				Sku: "SKU-thobe", OldUnitPrice: 25000}}, lines, tc.name)
			after := e.get(shop, c.ID)
			require.Len(t, after.Items, 1, tc.name)
			require.Equal(t, "SKU-abaya", after.Items[0].Sku, tc.name)
			require.Equal(t, 1, after.Items[0].Quantity, "%s: the change asked for was not made", tc.name)
			require.NoError(t, tc.bring(), tc.name)
		}
	})
}

// Prices, quantities and totals have bounds: a cart whose total would pass
// cart.MaxTotal is refused, naming the quantity, and keeps what it held.
func TestCartTotalsHaveBounds(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		for _, h := range []string{"thobe", "abaya"} {
			e.setPrice(h, "SAR", pricing.MaxAmount)
			require.NoError(t, db.Client.ProductVariant.UpdateOne(e.Variants[h]).SetManageInventory(false).Exec(sys()))
		}
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		c = e.add(shop, c.ID, e.Variants["thobe"], cart.MaxQuantity)
		require.Equal(t, pricing.MaxAmount*cart.MaxQuantity, c.Subtotal, "the largest line is exact")
		require.Equal(t, c.Subtotal, c.Items[0].Total)
		r, _ := e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["abaya"].ID), "q": 1})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		r, _ = e.do(shop, qAdd, "addLineItem", map[string]any{"c": c.ID, "v": id(e.Variants["thobe"].ID), "q": 1})
		requireCode(t, r, "BAD_USER_INPUT", "quantity")
		require.Len(t, e.get(shop, c.ID).Items, 1, "unchanged")
	})
}

// Who cannot reach a cart learns nothing of its changes and changes nothing: another
// tenant's principals, and another store's storefront, get NOT_FOUND, and the cart keeps
// its price until its own shopper changes it.
func TestCartChangesStayWithTheCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		c := e.add(shop, e.create(shop, map[string]any{"regionId": id(e.SAR.ID)}).ID, e.Variants["thobe"], 1)
		e.setPrice("thobe", "SAR", 30000)
		for name, h := range map[string]testenv.Headers{
			"admin of B":       e.As(testenv.TenantAdminB),
			"secret key B":     e.As(testenv.SecretB),
			"guest of B1":      e.Shop(testenv.Anonymous, hostB1),
			"guest of A2":      e.Shop(testenv.Anonymous, hostA2),
			"admin of B at B1": e.Shop(testenv.TenantAdminB, hostB1),
		} {
			r, _ := e.do(h, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 2})
			requireCode(t, r, "NOT_FOUND", "cartId")
			require.Nil(t, r.Errors[0].Extensions["lines"], name)
		}
		require.Equal(t, int64(25000), e.get(shop, c.ID).Items[0].UnitPrice, "not re-priced by them")
		r, _ := e.do(shop, qUpdate, "updateLineItem", map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 2})
		require.Len(t, changedLines(t, r), 1, "its own shopper is told")
	})
}
