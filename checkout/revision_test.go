package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// A line added after checkout read the cart, but before it completed it, is in the order:
// the cart is completed only at the revision read, else read again.
func TestALineAddedDuringCheckoutIsInTheOrder(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}))
		shopper := ct.Shopper(c.StoreA1)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 1))
		added := false
		checkout.SetBeforePlace(svc, func() {
			if !added {
				added = true
				_, err := c.API.App.Carts.AddItem(shopper, cart1.Token, c.Variants["abaya"].ID, 2)
				require.NoError(t, err)
			}
		})
		o, err := svc.Complete(shopper, cart1.Token, "k", checkout.AllEdges)
		require.NoError(t, err)
		quantities := map[string]int{}
		for _, it := range o.Edges.Items {
			quantities[it.Sku] = it.Quantity
		}
		assert.Equal(t, map[string]int{c.Variants["thobe"].Sku: 1, c.Variants["abaya"].Sku: 2}, quantities)
		assert.Equal(t, 2, ct.Stock(t, c, "abaya").ReservedQuantity)
	})
}

// A cart that changes at every attempt is not completed: the shopper is asked to retry.
func TestACartThatKeepsChangingIsNotCompleted(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}))
		shopper := ct.Shopper(c.StoreA1)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 1))
		changes := 0
		checkout.SetBeforePlace(svc, func() {
			changes++
			_, err := c.API.App.Carts.SetEmail(shopper, cart1.Token, "again@example.com")
			require.NoError(t, err)
		})
		_, err := svc.Complete(shopper, cart1.Token, "k", checkout.AllEdges)
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err), "%v", err)
		assert.Equal(t, 3, changes, "three attempts")
		got, err := db.Client.Cart.Get(ct.Sys(), cart1.ID)
		require.NoError(t, err)
		assert.Nil(t, got.CompletedAt)
		n, err := db.Client.Order.Query().Count(ct.Sys())
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}
