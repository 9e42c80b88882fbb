package server_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payment/paymenttest"
	"github.com/dakkah/cityos/testenv"
)

// A shopper confirms the payment and closes the tab: Stripe's signed notice places the
// order, once, and the shopper's completeCart, should it come, answers that order. The
// processor is paymenttest's, which keeps its sessions (stripe-mock does not).
func TestStripeWebhookCompletesAPaidCart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.StripeWebhookSecret = webhookSecret
		api := testenv.NewAPI(t, db, cfg)
		proc := paymenttest.New()
		app := api.App
		app.Payments = payment.NewRegistry(proc, payment.Manual{})
		app.Checkout = checkout.New(db.Client, app.Payments, checkout.WithCarts(app.Carts))
		app.Orders = orders.New(db.Client, app.Payments)
		api.Handler = app.Handler()
		send := func(payload []byte) int {
			return postWebhook(api.Handler, payload, sign(payload, webhookSecret, time.Now()))
		}

		cart := ct.Ready(t, c)
		s, err := app.Checkout.CreatePaymentSession(ct.Shopper(c.StoreA1), cart.Token, "")
		require.NoError(t, err)
		intent := func(status string) string {
			return fmt.Sprintf(`{"id": %q, "object": "payment_intent", "status": %q, "amount": %d, "currency": "sar"}`, s.ID, status, s.Amount)
		}
		placed := func() []string {
			os, err := db.Client.Order.Query().Where(order.CartID(cart.ID)).All(ct.Sys())
			require.NoError(t, err)
			var refs []string
			for _, o := range os {
				refs = append(refs, o.PaymentStatus.String()+" "+o.PaymentReference)
			}
			return refs
		}

		// A notice claiming a payment the browser never confirmed places nothing: the
		// intent is read back from the processor. It is acknowledged (retries would not
		// change it).
		authorised := stripeEvent("evt_a", "payment_intent.amount_capturable_updated", intent("requires_capture"))
		require.Equal(t, http.StatusOK, send(authorised))
		assert.Empty(t, placed())

		proc.Confirm(s.ID)
		for range 2 { // Stripe may deliver twice
			require.Equal(t, http.StatusOK, send(authorised))
			assert.Equal(t, []string{"authorized " + s.ID}, placed())
		}

		var out struct {
			CompleteCart struct{ PaymentStatus string }
		}
		api.MustDo(t, ct.Guest(c, c.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "late") { paymentStatus } }`,
			map[string]any{"c": ct.ID(cart.Token)}).Decode(t, &out)
		assert.Equal(t, "authorized", out.CompleteCart.PaymentStatus)
		assert.Len(t, placed(), 1)

		// Captured from Stripe's dashboard: the order follows.
		require.Equal(t, http.StatusOK, send(stripeEvent("evt_s", "payment_intent.succeeded", intent("succeeded"))))
		assert.Equal(t, []string{"captured " + s.ID}, placed())
	})
}
