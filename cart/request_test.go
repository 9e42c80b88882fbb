package cart_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/testenv"
)

// Mutations sent in one request: each answers the cart as it left it, and the next one
// goes on from there.
func TestMutationsOfOneRequestAnswerEachTheirOwnCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		shop := e.Shop(testenv.Anonymous, hostA1)
		c := e.create(shop, map[string]any{"regionId": id(e.SAR.ID)})
		r := e.API.Do(t, shop, `mutation($c: ID!, $v: ID!, $a: AddressInput!, $o: ID!) {
  add: addLineItem(cartId: $c, variantId: $v, quantity: 2) { `+cartFields+` }
  email: setCartEmail(cartId: $c, email: "one@example.com") { `+cartFields+` }
  address: setShippingAddress(cartId: $c, input: $a) { `+cartFields+` }
  method: setShippingMethod(cartId: $c, shippingOptionId: $o) { `+cartFields+` }
  again: addLineItem(cartId: $c, variantId: $v, quantity: 1) { `+cartFields+` }
}`, map[string]any{"c": c.ID, "v": id(e.Variants["thobe"].ID), "a": riyadh, "o": id(e.ShipSAR.ID)})
		require.Empty(t, r.Errors)
		add, email, addr, method, again := field(t, r, "add"), field(t, r, "email"), field(t, r, "address"),
			field(t, r, "method"), field(t, r, "again")

		require.Len(t, add.Items, 1)
		require.Empty(t, add.Email, "the first answer is not changed by the mutations after it")
		require.Equal(t, "one@example.com", email.Email)
		require.Nil(t, email.ShippingAddress)
		require.Len(t, email.Items, 1, "a change of a detail keeps the lines the request added")
		require.Equal(t, add.Subtotal, email.Subtotal)
		require.NotNil(t, addr.ShippingAddress)
		require.Equal(t, "one@example.com", addr.Email)
		require.Nil(t, addr.ShippingMethod)
		require.NotNil(t, method.ShippingMethod)
		require.Equal(t, "Riyadh", method.ShippingAddress.City)
		require.Equal(t, add.Subtotal+method.ShippingTotal, method.Total, "tax is inclusive in SAR")
		require.Positive(t, method.ShippingTotal)
		require.Equal(t, 3, again.Items[0].Quantity, "a line change reads the lines again")
		require.Equal(t, method.ShippingTotal, again.ShippingTotal)

		// What the answers said is what was saved.
		saved := e.get(shop, c.ID)
		require.Equal(t, again.totals(), saved.totals())
		require.Equal(t, "one@example.com", saved.Email)
		require.Equal(t, "Riyadh", saved.ShippingAddress.City)
	})
}

// A cart completed between two mutations of one request refuses the second, though the
// request does not read the cart again before changing it.
func TestCartCompletedWithinARequestRefusesItsNextChange(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		c := ct.Build(t, e.Commerce, ct.Cart{Without: "email"})
		ctx := reqcache.New(ct.Shopper(e.StoreA1))
		carts := e.API.App.Carts
		_, err := carts.SetEmail(ctx, c.Token, "first@example.com")
		require.NoError(t, err)
		require.NoError(t, db.Client.Cart.UpdateOneID(c.ID).SetCompletedAt(time.Now()).Exec(sys()))

		_, err = carts.SetShippingAddress(ctx, c.Token, address.Address{FirstName: "Late", LastName: "Buyer", Address1: "1 Rd",
			City: "Jeddah", PostalCode: "21577", CountryCode: "SA"})
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		_, err = carts.SetEmail(ctx, c.Token, "second@example.com")
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		saved, err := db.Client.Cart.Get(sys(), c.ID)
		require.NoError(t, err)
		require.Equal(t, "first@example.com", saved.Email)
		require.NotEqual(t, "Jeddah", saved.ShippingAddress.City)
	})
}
