package checkout_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// A company's discount is taken off its employees' prices in the tenant's b2b stores, and
// nowhere else: not for a guest there, not for the employee in a retail store. A
// discount changed while a cart is open reaches the cart at checkout (CART_CHANGED).
func TestCompanyDiscountOnB2BStores(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		ctx := checkouttest.Sys()
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetDiscountBps(1000).Exec(ctx))
		const createQ = `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`
		const addQ = `mutation($c: ID!, $v: ID!) { addLineItem(cartId: $c, variantId: $v, quantity: 1) { items { unitPrice } } }`
		unitPrice := func(h testenv.Headers, handle string) (string, int64) {
			t.Helper()
			var c struct{ CreateCart struct{ ID string } }
			b.API.MustDo(t, h, createQ, map[string]any{"r": checkouttest.ID(b.SAR.ID)}).Decode(t, &c)
			var out struct {
				AddLineItem struct{ Items []struct{ UnitPrice int64 } }
			}
			b.API.MustDo(t, h, addQ, map[string]any{"c": c.CreateCart.ID, "v": checkouttest.ID(b.Variants[handle].ID)}).Decode(t, &out)
			return c.CreateCart.ID, out.AddLineItem.Items[0].UnitPrice
		}
		cart, price := unitPrice(b.Buyer2.In(b.StoreA1), "thobe")
		assert.Equal(t, int64(22500), price, "10% off 250.00 for the company's buyer")
		_, price = unitPrice(checkouttest.Guest(b.Commerce, b.StoreA1), "thobe")
		assert.Equal(t, int64(25000), price, "a guest pays the list price")
		_, price = unitPrice(b.Outsider.In(b.StoreA1), "thobe")
		assert.Equal(t, int64(25000), price, "a customer of no company pays the list price")
		_, price = unitPrice(b.Buyer2.In(b.StoreA2), "abaya")
		assert.Equal(t, int64(40000), price, "a retail store knows no company prices")

		// The discount grows to 20%: checkout brings the line to 200.00 first.
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetDiscountBps(2000).Exec(ctx))
		const shipQ = `mutation($c: ID!, $o: ID!) { setShippingAddress(cartId: $c, input: {firstName: "A", lastName: "B", address1: "C 1", city: "Riyadh", countryCode: "SA"}) { id }
			setShippingMethod(cartId: $c, shippingOptionId: $o) { id } }`
		b.API.MustDo(t, b.Buyer2.In(b.StoreA1), shipQ, map[string]any{"c": cart, "o": checkouttest.ID(b.ShipSAR.ID)})
		r := b.API.Do(t, b.Buyer2.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": cart, "k": "d"})
		testenv.RequireError(t, r, "CART_CHANGED")
		o, r := func() (*b2bOrder, *testenv.Response) {
			var out struct{ CompleteCart b2bOrder }
			r := b.API.Do(t, b.Buyer2.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": cart, "k": "d"})
			if len(r.Errors) > 0 {
				return nil, r
			}
			r.Decode(t, &out)
			return &out.CompleteCart, r
		}()
		require.Nil(t, r.Errors)
		assert.Equal(t, int64(20000+2500), o.Total)
	})
}
