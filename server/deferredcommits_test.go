package server_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/asynccommit"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// A document of several mutations commits each without waiting for the disk and is
// flushed once, as its last statement, before it answers (PostgreSQL). A document of one
// mutation commits as always, with no flush; SQLite has none to defer.
func TestADocumentOfMutationsIsFlushedOnceBeforeItsAnswer(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		shop := ct.Guest(c, c.StoreA1)
		flushes := func(ran []testenv.Statement) (n int, last bool) {
			for i, st := range ran {
				if st.SQL == asynccommit.FlushSQL {
					n++
					last = i == len(ran)-1
				}
			}
			return n, last
		}

		log.Take()
		var cart struct{ CreateCart struct{ ID string } }
		api.MustDo(t, shop, `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`,
			map[string]any{"r": ct.ID(c.SAR.ID)}).Decode(t, &cart)
		n, _ := flushes(log.Take())
		assert.Zero(t, n, "one mutation commits durably itself")

		api.MustDo(t, shop, `mutation($c: ID!, $v: ID!, $o: ID!) {
  addLineItem(cartId: $c, variantId: $v, quantity: 2) { id }
  setShippingAddress(cartId: $c, input: {firstName: "A", lastName: "B", address1: "1 King Fahd Rd", city: "Riyadh", postalCode: "12211", countryCode: "SA"}) { id }
  setShippingMethod(cartId: $c, shippingOptionId: $o) { id }
}`, map[string]any{"c": cart.CreateCart.ID, "v": ct.ID(c.Variants["thobe"].ID), "o": ct.ID(c.ShipSAR.ID)}).Decode(t, &struct{}{})
		n, last := flushes(log.Take())
		if db.Dialect == "postgres" {
			assert.Equal(t, 1, n, "three commits, one flush")
			assert.True(t, last, "the flush comes after every mutation")
		} else {
			assert.Zero(t, n)
		}

		var got struct {
			Cart struct {
				Items           []struct{ Quantity int }
				ShippingAddress struct{ City string }
				ShippingMethod  *struct{ ID string }
			}
		}
		api.MustDo(t, shop, `query($c: ID!) { cart(id: $c) { items { quantity } shippingAddress { city } shippingMethod { id } } }`,
			map[string]any{"c": cart.CreateCart.ID}).Decode(t, &got)
		require.Len(t, got.Cart.Items, 1)
		assert.Equal(t, 2, got.Cart.Items[0].Quantity)
		assert.Equal(t, "Riyadh", got.Cart.ShippingAddress.City)
		assert.NotNil(t, got.Cart.ShippingMethod)
	})
}
