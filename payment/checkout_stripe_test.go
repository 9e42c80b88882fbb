package payment_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/testenv"
)

// stripeWithMemory fronts stripe-mock with what stripe-mock does not keep. Every request
// goes to stripe-mock, which checks it against Stripe's API and answers its fixture; an
// answer about a PaymentIntent then carries the amount, currency and metadata last sent
// for it and the status it would have now: the one the test gave it by playing the
// browser's confirmation (Confirm), canceled after a cancel. The requests and the wire
// format are stripe-mock's; the memory is this test's.
type stripeWithMemory struct {
	base    string
	mu      sync.Mutex
	intents map[string]map[string]any
}

func newStripeWithMemory(t *testing.T, base string) (*stripeWithMemory, string) {
	s := &stripeWithMemory{base: base, intents: map[string]map[string]any{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv.URL
}

// Confirm is Stripe.js confirming intent id in the shopper's browser (manual capture:
// the amount is held).
func (s *stripeWithMemory) Confirm(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.intents[id]["status"] = "requires_capture"
}

func (s *stripeWithMemory) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req, err := http.NewRequestWithContext(r.Context(), r.Method, s.base+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	if res.StatusCode == http.StatusOK && strings.HasPrefix(r.URL.Path, "/v1/payment_intents") {
		answer = s.remember(r, body, answer)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(res.StatusCode)
	_, _ = w.Write(answer)
}

func (s *stripeWithMemory) remember(r *http.Request, body, answer []byte) []byte {
	var pi map[string]any
	if json.Unmarshal(answer, &pi) != nil {
		return answer
	}
	id, _ := pi["id"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	mem, ok := s.intents[id]
	if !ok {
		if r.URL.Path != "/v1/payment_intents" {
			return answer // an intent stripe-mock made up
		}
		mem = map[string]any{"status": "requires_payment_method", "metadata": map[string]any{}}
		s.intents[id] = mem
	}
	form, _ := url.ParseQuery(string(body))
	if v := form.Get("amount"); v != "" {
		n, _ := strconv.ParseInt(v, 10, 64)
		mem["amount"] = n
	}
	if v := form.Get("currency"); v != "" {
		mem["currency"] = v
	}
	for k, v := range form {
		if name, ok := strings.CutPrefix(k, "metadata["); ok {
			mem["metadata"].(map[string]any)[strings.TrimSuffix(name, "]")] = v[0]
		}
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/cancel"):
		mem["status"] = "canceled"
	case strings.HasSuffix(r.URL.Path, "/capture"):
		mem["status"] = "succeeded"
	}
	for k, v := range mem {
		pi[k] = v
	}
	out, _ := json.Marshal(pi)
	return out
}

// TestCheckoutWithStripe takes a card payment through the API configured with Stripe as
// in production (STRIPE_SECRET_KEY, STRIPE_API_BASE), against stripe-mock with the
// memory above: the session opened for the cart's total, refreshed when it changes,
// completion refused until the browser confirmed it and for a total it does not pay,
// then the order, and its capture.
func TestCheckoutWithStripe(t *testing.T) {
	stripe, base := newStripeWithMemory(t, stripeMock(t))
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.StripeSecretKey, cfg.StripeAPIBase = "sk_test_123", base
		api := testenv.NewAPI(t, db, cfg)
		guest := ct.Guest(c, c.StoreA1)
		cart := ct.Ready(t, c)
		vars := map[string]any{"c": ct.ID(cart.Token)}

		type session struct {
			Provider, CurrencyCode, Status string
			ID, ClientSecret               *string
			Amount                         int64
		}
		open := func() session {
			var out struct{ CreatePaymentSession session }
			api.MustDo(t, guest, `mutation($c: ID!) { createPaymentSession(cartId: $c) { provider id clientSecret amount currencyCode status } }`,
				vars).Decode(t, &out)
			return out.CreatePaymentSession
		}
		total := func() int64 {
			var out struct{ Cart struct{ Total int64 } }
			api.MustDo(t, guest, `query($c: ID!) { cart(id: $c) { total } }`, vars).Decode(t, &out)
			return out.Cart.Total
		}
		const completeOp = `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "k") { id paymentProvider paymentStatus total } }`
		setQuantity := func(q int) {
			require.NoError(t, db.Client.LineItem.Update().Where(lineitem.CartID(cart.ID)).SetQuantity(q).Exec(ct.Sys()))
		}

		s := open()
		assert.Equal(t, "stripe", s.Provider)
		require.NotNil(t, s.ID)
		assert.True(t, strings.HasPrefix(*s.ID, "pi_"), *s.ID)
		require.NotNil(t, s.ClientSecret)
		assert.Equal(t, total(), s.Amount)
		assert.Equal(t, "SAR", s.CurrencyCode)
		assert.Equal(t, "requires_payment_method", s.Status)

		// Not confirmed: the client is told to confirm, with the secret.
		r := api.Do(t, guest, completeOp, vars)
		require.Equal(t, "PAYMENT_REQUIRES_ACTION", r.Code(), "%s", r.Data)
		assert.Equal(t, *s.ClientSecret, r.Errors[0].Extensions["clientSecret"])
		assert.Equal(t, "requires_payment_method", r.Errors[0].Extensions["paymentStatus"])

		// Two units now: the same intent, updated to the new total.
		setQuantity(2)
		s2 := open()
		assert.Equal(t, *s.ID, *s2.ID)
		assert.Equal(t, total(), s2.Amount)
		assert.Greater(t, s2.Amount, s.Amount)

		// Confirmed for two units, then back to one: a mismatched amount is refused.
		stripe.Confirm(*s2.ID)
		setQuantity(1)
		r = api.Do(t, guest, completeOp, vars)
		require.Equal(t, "CONFLICT", r.Code(), "%s", r.Data)
		n, err := db.Client.Order.Query().Count(ct.Sys())
		require.NoError(t, err)
		assert.Zero(t, n)

		// A new session for one unit (the held one cancelled), confirmed, completes.
		s3 := open()
		assert.NotEqual(t, *s2.ID, *s3.ID)
		assert.Equal(t, total(), s3.Amount)
		stripe.Confirm(*s3.ID)
		var placed struct {
			CompleteCart struct {
				ID, PaymentProvider, PaymentStatus string
				Total                              int64
			}
		}
		api.MustDo(t, guest, completeOp, vars).Decode(t, &placed)
		assert.Equal(t, "stripe", placed.CompleteCart.PaymentProvider)
		assert.Equal(t, "authorized", placed.CompleteCart.PaymentStatus)
		assert.Equal(t, s3.Amount, placed.CompleteCart.Total)
		o, err := db.Client.Order.Query().Where(order.IdempotencyKey("k")).Only(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, *s3.ID, o.PaymentReference)

		var captured struct {
			CapturePayment struct{ PaymentStatus string }
		}
		api.MustDo(t, c.As(testenv.TenantAdminA), `mutation($id: ID!) { capturePayment(orderId: $id) { paymentStatus } }`,
			map[string]any{"id": placed.CompleteCart.ID}).Decode(t, &captured)
		assert.Equal(t, "captured", captured.CapturePayment.PaymentStatus)
	})
}
