package server_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

const webhookSecret = "whsec_test_secret"

// stubStripe authorises as "stripe" with predictable intent ids, so events can name them.
type stubStripe struct {
	payment.Authorizer // payment.Manual: a processor's stand-in, so not payment.Local
	n                  *atomic.Int32
}

func (stubStripe) Name() string { return "stripe" }
func (s stubStripe) Authorize(context.Context, payment.AuthorizeRequest) (string, error) {
	return fmt.Sprintf("pi_hook_%d", s.n.Add(1)), nil
}

// sign makes a Stripe-Signature header for payload, as Stripe does.
func sign(payload []byte, secret string, at time.Time) string {
	ts := fmt.Sprint(at.Unix())
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + "." + string(payload)))
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

func stripeEvent(id, typ, object string) []byte {
	return []byte(fmt.Sprintf(`{"id": %q, "object": "event", "type": %q, "api_version": "2020-08-27", "created": 1, "data": {"object": %s}}`, id, typ, object))
}

func postWebhook(h http.Handler, payload []byte, signature string) int {
	req := httptest.NewRequest(http.MethodPost, "/webhooks/stripe", strings.NewReader(string(payload)))
	if signature != "" {
		req.Header.Set("Stripe-Signature", signature)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

func TestStripeWebhook(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.StripeWebhookSecret = webhookSecret
		api := testenv.NewAPI(t, db, cfg)
		svc := checkout.New(db.Client, payment.NewRegistry(stubStripe{Authorizer: payment.Manual{}, n: &atomic.Int32{}}))
		placeOrder := func(key string) *ent.Order {
			o, err := svc.Complete(ct.Shopper(c.StoreA1), ct.Ready(t, c).Token, key, checkout.Edges{})
			require.NoError(t, err)
			require.Equal(t, "stripe", o.PaymentProvider)
			return o
		}
		reload := func(o *ent.Order) *ent.Order {
			got, err := db.Client.Order.Get(ct.Sys(), o.ID)
			require.NoError(t, err)
			return got
		}
		send := func(payload []byte) int {
			return postWebhook(api.Handler, payload, sign(payload, webhookSecret, time.Now()))
		}

		o := placeOrder("a")
		succeeded := stripeEvent("evt_1", "payment_intent.succeeded", fmt.Sprintf(`{"id": %q, "object": "payment_intent", "status": "succeeded"}`, o.PaymentReference))

		// Refused signatures change nothing.
		assert.Equal(t, http.StatusBadRequest, postWebhook(api.Handler, succeeded, ""), "no signature")
		assert.Equal(t, http.StatusBadRequest, postWebhook(api.Handler, succeeded, sign(succeeded, "whsec_other", time.Now())), "another secret")
		assert.Equal(t, http.StatusBadRequest, postWebhook(api.Handler, succeeded, sign(succeeded, webhookSecret, time.Now().Add(-time.Hour))), "too old")
		tampered := []byte(strings.Replace(string(succeeded), "evt_1", "evt_2", 1))
		assert.Equal(t, http.StatusBadRequest, postWebhook(api.Handler, tampered, sign(succeeded, webhookSecret, time.Now())), "body changed after signing")
		assert.Equal(t, "authorized", reload(o).PaymentStatus.String())

		// A valid event applies, and applies once however often it comes.
		for range 2 {
			require.Equal(t, http.StatusOK, send(succeeded))
			assert.Equal(t, "captured", reload(o).PaymentStatus.String())
		}

		refunded := func(amount int64) []byte {
			return stripeEvent("evt_r", "charge.refunded", fmt.Sprintf(`{"id": "ch_1", "object": "charge", "payment_intent": %q, "amount_refunded": %d}`, o.PaymentReference, amount))
		}
		require.Equal(t, http.StatusOK, send(refunded(1000)))
		got := reload(o)
		assert.Equal(t, "partially_refunded", got.PaymentStatus.String())
		assert.EqualValues(t, 1000, got.RefundedTotal)
		require.Equal(t, http.StatusOK, send(refunded(500)), "an older, smaller total")
		assert.EqualValues(t, 1000, reload(o).RefundedTotal, "never lowers the refunded total")
		require.Equal(t, http.StatusOK, send(refunded(o.Total)))
		got = reload(o)
		assert.Equal(t, "refunded", got.PaymentStatus.String())
		assert.Equal(t, o.Total, got.RefundedTotal)
		require.Equal(t, http.StatusOK, send(succeeded), "a late success does not undo the refund")
		assert.Equal(t, "refunded", reload(o).PaymentStatus.String())

		other := placeOrder("b")
		canceled := stripeEvent("evt_3", "payment_intent.canceled", fmt.Sprintf(`{"id": %q, "object": "payment_intent", "status": "canceled"}`, other.PaymentReference))
		require.Equal(t, http.StatusOK, send(canceled))
		assert.Equal(t, "canceled", reload(other).PaymentStatus.String())

		// Events for intents that are not ours, or of types we do not use, are acknowledged.
		require.Equal(t, http.StatusOK, send(stripeEvent("evt_4", "payment_intent.succeeded", `{"id": "pi_elsewhere", "object": "payment_intent"}`)))
		require.Equal(t, http.StatusOK, send(stripeEvent("evt_5", "customer.created", `{"id": "cus_1", "object": "customer"}`)))

		// Every request was recorded: the four refused as rejected, each event received
		// as applied, with a summary and no shopper data.
		rows, err := db.Client.InboundWebhook.Query().Where(inboundwebhook.SourceEQ(inboundwebhook.SourceStripe)).
			Order(ent.Asc(inboundwebhook.FieldID)).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, rows, 4+9)
		for i, r := range rows {
			assert.Nil(t, r.EndpointID)
			assert.Nil(t, r.TenantID)
			if i < 4 {
				assert.Equal(t, inboundwebhook.StatusRejected, r.Status)
				assert.Contains(t, *r.Reason, "invalid signature")
				assert.Nil(t, r.Payload)
				continue
			}
			assert.Equal(t, inboundwebhook.StatusApplied, r.Status, "%s %v", r.WebhookID, r.Reason)
		}
		assert.Equal(t, "evt_1", rows[4].WebhookID)
		assert.Equal(t, "payment_intent.succeeded", rows[4].Type)
		assert.Equal(t, map[string]any{"id": o.PaymentReference, "object": "payment_intent"}, rows[4].Payload["object"])

		// Without a secret configured there is no endpoint.
		assert.Equal(t, http.StatusNotFound, postWebhook(c.API.Handler, succeeded, sign(succeeded, webhookSecret, time.Now())))
	})
}
