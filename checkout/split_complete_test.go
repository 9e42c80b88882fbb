package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/testenv"
)

// A cart of three vendors' products and one of the tenant's completes into one order and
// three vendor orders whose lines and totals are theirs; a retry writes no second set.
func TestCompleteSplitsByVendor(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		c := ct.Build(t, m.Commerce, ct.Cart{Region: m.AED, Items: []ct.Item{
			ct.Of("thobe", 1), ct.Of("lamp", 1), ct.Of("rug", 1), ct.Of("spice", 3)}})
		guest := ct.Guest(m.Commerce, m.StoreA1)
		o := complete(t, m.Commerce, guest, c.Token, "split-1")
		// AED: 5% on top. Goods 24000 + 9900 + 33300 + 5700 = 72900, shipping 2000,
		// tax 3745 (exactly 5% of 74900), total 78645.
		require.Equal(t, int64(78645), o.Total)

		ctx := ct.Sys()
		subs := db.Client.Suborder.Query().Where(suborder.OrderID(atoi(t, o.ID))).Order(suborder.ByVendorID()).AllX(ctx)
		require.Len(t, subs, 3)
		type amounts struct {
			vendor                                int
			subtotal, shipping, tax, total, lines int64
		}
		var got []amounts
		var sum int64
		for _, s := range subs {
			n := db.Client.OrderLineItem.Query().Where(orderlineitem.SuborderID(s.ID), orderlineitem.VendorID(s.VendorID)).CountX(ctx)
			got = append(got, amounts{s.VendorID, s.Subtotal, s.ShippingTotal, s.TaxTotal, s.Total, int64(n)})
			sum += s.Total
			assert.Equal(t, "AED", s.CurrencyCode)
			assert.Equal(t, m.StoreA1.ID, s.StoreID)
			assert.Empty(t, s.ShippingMethod, "the store does not price shipping per vendor")
		}
		assert.Equal(t, []amounts{
			{m.V1.ID, 9900, 0, 495, 10395, 1}, {m.V2.ID, 33300, 0, 1665, 34965, 1}, {m.V3.ID, 5700, 0, 285, 5985, 1},
		}, got)
		// The tenant's thobe stays on the order, with its shipping: 24000 + 2000 + 5%.
		own := db.Client.OrderLineItem.Query().Where(orderlineitem.OrderID(atoi(t, o.ID)), orderlineitem.SuborderIDIsNil()).AllX(ctx)
		require.Len(t, own, 1)
		assert.Equal(t, "SKU-thobe", own[0].Sku)
		assert.Nil(t, own[0].VendorID)
		assert.Equal(t, o.Total, sum+24000+2000+1300, "vendor orders and the tenant's part make the order")

		again := complete(t, m.Commerce, guest, c.Token, "split-1")
		assert.Equal(t, o.ID, again.ID)
		assert.Equal(t, 3, db.Client.Suborder.Query().CountX(ctx), "a retry writes no second set")
	})
}

// A store that prices shipping per vendor shares the shipping among the vendor orders and
// names the method on each; SAR prices include 15% tax, whose remainder goes to the largest.
func TestCompleteSplitsShippingPerVendor(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		ctx := ct.Sys()
		require.NoError(t, db.Client.Store.UpdateOneID(m.StoreA1.ID).
			SetMetadata(map[string]any{"shippingPerVendor": true}).Exec(ctx))
		c := ct.Build(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1), ct.Of("rug", 1), ct.Of("spice", 2)}})
		o := complete(t, m.Commerce, ct.Guest(m.Commerce, m.StoreA1), c.Token, "split-2")
		require.Equal(t, int64(49831), o.Total)
		require.Equal(t, int64(6500), o.TaxTotal)
		subs := db.Client.Suborder.Query().Where(suborder.OrderID(atoi(t, o.ID))).Order(suborder.ByVendorID()).AllX(ctx)
		require.Len(t, subs, 3)
		var total, tax, shipping int64
		for _, s := range subs {
			total, tax, shipping = total+s.Total, tax+s.TaxTotal, shipping+s.ShippingTotal
			assert.Equal(t, "Standard", s.ShippingMethod)
		}
		assert.Equal(t, []int64{833, 834, 833}, []int64{subs[0].ShippingTotal, subs[1].ShippingTotal, subs[2].ShippingTotal})
		assert.Equal(t, []int64{1413, 4457, 630}, []int64{subs[0].TaxTotal, subs[1].TaxTotal, subs[2].TaxTotal})
		assert.Equal(t, [3]int64{o.Total, o.TaxTotal, o.ShippingTotal}, [3]int64{total, tax, shipping})
	})
}

// An order of the tenant's own products has no vendor orders.
func TestCompleteWithoutVendorsWritesNoSuborders(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		c := ct.Build(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("thobe", 2)}})
		complete(t, m.Commerce, ct.Guest(m.Commerce, m.StoreA1), c.Token, "own-1")
		assert.Zero(t, db.Client.Suborder.Query().CountX(ct.Sys()))
	})
}
