package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// The order counter commits without waiting for the disk on PostgreSQL; the setting
// must end with that statement, or every later commit on its connection would be
// asynchronous too, orders included.
func TestOrderNumbersLeaveLaterCommitsDurable(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		db.SQL.SetMaxOpenConns(1) // so the check below runs on the connection that numbered
		svc := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}), checkout.OnPostgres(db.Dialect == "postgres"))
		for i, key := range []string{"first", "second"} {
			o, err := svc.Complete(ct.Shopper(c.StoreA1), ct.Ready(t, c).Token, key, checkout.Edges{})
			require.NoError(t, err)
			require.Equal(t, i+1, o.DisplayID)
		}
		if db.Dialect != "postgres" {
			return // SQLite has no asynchronous commit
		}
		var mode string
		require.NoError(t, db.SQL.QueryRow(`SHOW synchronous_commit`).Scan(&mode))
		require.Equal(t, "on", mode)
	})
}

// Concurrent checkouts of one store each take their own number from the store's counter
// and place their order with it: numbers 1 to n, none twice, each order's one event
// (order.placed) carrying it; the next checkout takes n+1.
func TestConcurrentCheckoutsTakeDistinctNumbers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ct.SetStock(t, c, "thobe", 100)
		svc := c.API.App.Checkout
		const buyers = 20
		carts := make([]*ent.Cart, buyers)
		for i := range carts {
			carts[i] = ct.Ready(t, c)
		}
		orders := make(chan *ent.Order, buyers)
		start := make(chan struct{})
		for i, cart := range carts {
			go func() {
				<-start
				o, err := svc.Complete(ct.Shopper(c.StoreA1), cart.Token, "k"+ct.ID(i), checkout.Edges{})
				assert.NoError(t, err)
				orders <- o
			}()
		}
		close(start)
		numbers := map[int]int{} // display id → order id
		for range buyers {
			o := <-orders
			require.NotNil(t, o)
			_, twice := numbers[o.DisplayID]
			assert.False(t, twice, "display id %d given twice", o.DisplayID)
			numbers[o.DisplayID] = o.ID
		}
		for n := 1; n <= buyers; n++ {
			assert.Contains(t, numbers, n, "no checkout failed, so no gap")
		}
		for n, id := range numbers {
			ev, err := db.Client.OutboxEvent.Query().
				Where(outboxevent.AggregateType("order"), outboxevent.AggregateID(id)).Only(ct.Sys())
			require.NoError(t, err, "order #%d has one event", n)
			assert.Equal(t, outbox.OrderPlaced, ev.Topic)
			assert.EqualValues(t, n, ev.Payload["display_id"])
		}
		o, err := svc.Complete(ct.Shopper(c.StoreA1), ct.Ready(t, c).Token, "after", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, buyers+1, o.DisplayID, "numbers increase in the order they are taken")
	})
}
