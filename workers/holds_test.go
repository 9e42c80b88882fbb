package workers_test

import (
	"context"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/approvalrequest"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// The periodic hold task expires the approval requests and quotes whose time is up:
// their stock goes back and their carts are free again.
func TestExpireHoldsTask(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		cfg := testenv.Config()
		cfg.Now = clock.Now
		b := checkouttest.NewB2B(t, testenv.NewCommerceWith(t, db, cfg))
		ctx := checkouttest.Sys()
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetApproval(company.ApprovalAll).Exec(ctx))
		cart := b.Cart(t, b.Buyer2, checkouttest.Of("abaya", 1))
		r := b.API.Do(t, b.Buyer2.In(b.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "k") { id } }`,
			map[string]any{"c": checkouttest.ID(cart.Token)})
		testenv.RequireError(t, r, "AWAITING_APPROVAL")
		q := b.API.Do(t, b.Buyer1.In(b.StoreA1), `mutation($c: ID!) { requestQuote(cartId: $c, message: "price?") { id } }`,
			map[string]any{"c": checkouttest.ID(b.Cart(t, b.Buyer1).Token)})
		require.Empty(t, q.Errors)

		run := func() {
			d := workers.Deps{Client: db.Client, Holds: b.API.App.Checkout}
			require.NoError(t, workers.Mux(d).ProcessTask(context.Background(), asynq.NewTask(workers.TaskExpireHolds, nil)))
		}
		run()
		assert.Equal(t, 1, checkouttest.Stock(t, b.Commerce, "abaya").ReservedQuantity, "nothing is due yet")
		clock.Add(31 * 24 * time.Hour)
		run()
		assert.Equal(t, 0, checkouttest.Stock(t, b.Commerce, "abaya").ReservedQuantity)
		req, err := db.Client.ApprovalRequest.Query().Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, approvalrequest.StatusExpired, req.Status)
		quote, err := db.Client.Quote.Query().Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, "expired", quote.Status.String())
		c, err := db.Client.Cart.Get(ctx, cart.ID)
		require.NoError(t, err)
		assert.Nil(t, c.HeldAt, "the cart is the buyer's again")
	})
}
