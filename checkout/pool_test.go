package checkout_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// A shopper's way from a cart to an order, and staff changing a cart of another store,
// run on a pool of one database connection: no step inside a transaction waits for a
// second connection. (With enough such requests at once they would hold every
// connection and wait for ever.) A request stuck that way fails at its deadline.
func TestCartsAndCheckoutNeedOneConnection(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		db.SQL.SetMaxOpenConns(1)
		api := c.API
		api.Deadline = 20 * time.Second
		shop := ct.Guest(c, c.StoreA1)
		var cart struct{ CreateCart struct{ ID string } }
		api.MustDo(t, shop, `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`,
			map[string]any{"r": ct.ID(c.SAR.ID)}).Decode(t, &cart)
		id := cart.CreateCart.ID
		var filled struct {
			Add struct {
				Items []struct{ ID string }
			}
		}
		api.MustDo(t, shop, `mutation($c: ID!, $v: ID!, $a: AddressInput!, $o: ID!) {
  add: addLineItem(cartId: $c, variantId: $v, quantity: 1) { items { id } }
  more: addLineItem(cartId: $c, variantId: $v, quantity: 1) { total }
  setCartEmail(cartId: $c, email: "one@example.com") { total }
  setShippingAddress(cartId: $c, input: $a) { total }
  setShippingMethod(cartId: $c, shippingOptionId: $o) { total }
}`, map[string]any{"c": id, "v": ct.ID(c.Variants["thobe"].ID), "o": ct.ID(c.ShipSAR.ID),
			"a": map[string]any{"firstName": "Sara", "lastName": "Al-Harbi", "address1": "King Fahd Rd 1",
				"city": "Riyadh", "postalCode": "12211", "countryCode": "SA"}}).Decode(t, &filled)
		api.MustDo(t, shop, `mutation($c: ID!, $i: ID!) { updateLineItem(cartId: $c, lineItemId: $i, quantity: 3) { total } }`,
			map[string]any{"c": id, "i": filled.Add.Items[0].ID})
		var done struct {
			CompleteCart struct {
				DisplayID int
				Items     []struct{ Quantity int }
			}
		}
		api.MustDo(t, shop, `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "k") { displayID items { quantity } } }`,
			map[string]any{"c": id}).Decode(t, &done)
		require.Equal(t, 1, done.CompleteCart.DisplayID)
		require.Equal(t, 3, done.CompleteCart.Items[0].Quantity)

		// Staff naming a cart of a store their request is not for: its store is looked up,
		// on the one connection, and the answer is that staff never change a shopper's cart.
		other := ct.Build(t, c, ct.Cart{Store: c.StoreA2, Items: []ct.Item{ct.Of("hijab", 1)}})
		r := api.Do(t, c.As(testenv.TenantAdminA), `mutation($c: ID!, $v: ID!) { addLineItem(cartId: $c, variantId: $v, quantity: 1) { total } }`,
			map[string]any{"c": ct.ID(other.Token), "v": ct.ID(c.Variants["abaya"].ID)})
		require.Equal(t, "FORBIDDEN", r.Code(), "%s", r.Data)
	})
}
