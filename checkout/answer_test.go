package checkout_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// Asked for no edges, checkout answers the order as it wrote it, without reading it
// back: that answer must be the order as saved, column for column.
func TestPlacedOrderIsAnsweredAsSaved(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := c.API.App.Checkout
		for i, edges := range []checkout.Edges{{}, checkout.AllEdges} {
			placed, err := svc.Complete(ct.Shopper(c.StoreA1), ct.Ready(t, c, ct.Of("thobe", 2)).Token, ct.ID(i), edges)
			require.NoError(t, err)
			saved, err := db.Client.Order.Get(ct.Sys(), placed.ID)
			require.NoError(t, err)
			assert.Equal(t, i+1, placed.DisplayID)
			assert.Equal(t, "authorized", placed.PaymentStatus.String())
			assert.NotEmpty(t, placed.PaymentReference)
			for _, at := range []struct{ answered, saved time.Time }{
				{placed.CreatedAt, saved.CreatedAt}, {placed.UpdatedAt, saved.UpdatedAt},
			} {
				assert.WithinDuration(t, at.saved, at.answered, time.Millisecond)
			}
			assert.Equal(t, columns(saved), columns(placed))
		}
	})
}

// A retry that runs between the order's commit and its checkout's answer answers the
// same order, with the number it committed with, as that checkout does.
func TestPlacedOrderIsAnsweredWithTheNumberItHas(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}), checkout.OnPostgres(db.Dialect == "postgres"))
		shopper, cart1 := ct.Shopper(c.StoreA1), ct.Ready(t, c)
		var retried *ent.Order
		checkout.SetAfterPlace(svc, func() {
			checkout.SetAfterPlace(svc, nil)
			var err error
			retried, err = svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
			require.NoError(t, err)
		})
		placed, err := svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		require.NoError(t, err)
		require.NotNil(t, retried, "the retry ran")
		saved, err := db.Client.Order.Get(ct.Sys(), placed.ID)
		require.NoError(t, err)
		assert.Equal(t, saved.DisplayID, retried.DisplayID)
		assert.Equal(t, saved.DisplayID, placed.DisplayID)
		assert.Equal(t, columns(saved), columns(placed))
	})
}

// columns is an order's columns without its timestamps (the database keeps microseconds).
func columns(o *ent.Order) string {
	row := *o
	row.CreatedAt, row.UpdatedAt = time.Time{}, time.Time{}
	return row.String()
}
