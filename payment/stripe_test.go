package payment_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// stripeMock is the stripe-mock the Stripe tests run against (see testenv.StripeMock).
func stripeMock(t *testing.T) string { return testenv.StripeMock(t) }

// Against stripe-mock, which checks every request against Stripe's API and answers its
// fixtures: a session is opened (stripe-mock reflects the amount and currency sent),
// refreshed for a new total (stripe-mock's fixture of the current intent is unconfirmed,
// for another amount, so the amount is updated), read back, captured, refunded, voided.
func TestStripeSessionAgainstStripeMock(t *testing.T) {
	p := payment.NewStripe("sk_test_123", stripeMock(t))
	assert.Equal(t, "stripe", p.Name())
	ctx := context.Background()
	s, err := p.OpenSession(ctx, payment.SessionRequest{
		Amount: 52500, CurrencyCode: "SAR", IdempotencyKey: "cart:1:7", Email: "shopper@example.test",
		Metadata: map[string]string{"cart_id": "7"},
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(s.ID, "pi_"), s.ID)
	assert.NotEmpty(t, s.ClientSecret)
	assert.Equal(t, "stripe", s.Provider)
	assert.EqualValues(t, 52500, s.Amount)
	assert.Equal(t, "SAR", s.CurrencyCode)
	assert.Equal(t, payment.StatusRequiresPaymentMethod, s.Status)

	refreshed, err := p.OpenSession(ctx, payment.SessionRequest{Amount: 60000, CurrencyCode: "SAR", IdempotencyKey: "cart:1:7", Current: s.ID})
	require.NoError(t, err)
	assert.Equal(t, s.ID, refreshed.ID, "the same intent, changed")
	assert.EqualValues(t, 60000, refreshed.Amount)

	read, err := p.Session(ctx, s.ID)
	require.NoError(t, err)
	assert.Equal(t, s.ID, read.ID)
	require.NoError(t, p.Capture(ctx, s.ID, 60000))
	require.NoError(t, p.Refund(ctx, s.ID, 1000))
	require.NoError(t, p.Void(ctx, s.ID))
}

// intentServer is Stripe as far as one cart's intents go: current is what it answers
// for pi_old; every request is recorded.
type intentServer struct {
	mu       sync.Mutex
	current  string
	requests []recorded
}

type recorded struct {
	method, path, key string
	form              map[string][]string
}

func (s *intentServer) take() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.requests
	s.requests = nil
	return r
}

func (s *intentServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.Header.Get("Idempotency-Key"), r.PostForm})
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(r.URL.Path, "/capture"):
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `{"error": {"type": "invalid_request_error", "message": "This PaymentIntent could not be captured because it has a status of canceled."}}`)
	case strings.HasSuffix(r.URL.Path, "/cancel"):
		_, _ = io.WriteString(w, `{"id": "pi_old", "object": "payment_intent", "status": "canceled"}`)
	case r.Method == http.MethodGet:
		_, _ = io.WriteString(w, s.current)
	case r.URL.Path == "/v1/payment_intents":
		_, _ = fmt.Fprintf(w, `{"id": "pi_new", "object": "payment_intent", "status": "requires_payment_method", "amount": %s, "currency": %q, "client_secret": "pi_new_secret"}`,
			r.PostForm.Get("amount"), r.PostForm.Get("currency"))
	default: // an update of pi_old
		_, _ = fmt.Fprintf(w, `{"id": "pi_old", "object": "payment_intent", "status": "requires_payment_method", "amount": %s, "currency": %q, "client_secret": "pi_old_secret"}`,
			r.PostForm.Get("amount"), r.PostForm.Get("currency"))
	}
}

// What the provider asks of Stripe as a cart's total changes, recorded by a server that
// answers as Stripe would: create with an idempotency key and manual capture, keep an
// intent for the same total, update an unconfirmed one, replace a held one.
func TestStripeSessionRequests(t *testing.T) {
	stripeAPI := &intentServer{}
	srv := httptest.NewServer(stripeAPI)
	defer srv.Close()
	p := payment.NewStripe("sk_test_123", srv.URL)
	ctx := context.Background()
	open := func(current string) (payment.Session, error) {
		return p.OpenSession(ctx, payment.SessionRequest{Amount: 52500, CurrencyCode: "SAR", IdempotencyKey: "cart:1:7",
			Current: current, Metadata: map[string]string{"cart_id": "7", "tenant_id": "1"}})
	}
	intent := func(status string, amount int) string {
		return fmt.Sprintf(`{"id": "pi_old", "object": "payment_intent", "status": %q, "amount": %d, "currency": "sar", "client_secret": "pi_old_secret"}`, status, amount)
	}

	s, err := open("")
	require.NoError(t, err)
	assert.Equal(t, "pi_new", s.ID)
	assert.Equal(t, "pi_new_secret", s.ClientSecret)
	reqs := stripeAPI.take()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/v1/payment_intents", reqs[0].path)
	assert.Equal(t, "cart:1:7:52500sar", reqs[0].key, "one intent per cart and total, however often asked")
	f := reqs[0].form
	assert.Equal(t, []string{"manual"}, f["capture_method"])
	assert.Equal(t, []string{"52500"}, f["amount"])
	assert.Equal(t, []string{"sar"}, f["currency"])
	assert.Equal(t, []string{"7"}, f["metadata[cart_id]"])
	assert.Equal(t, []string{"1"}, f["metadata[tenant_id]"])
	assert.Equal(t, []string{"true"}, f["automatic_payment_methods[enabled]"])
	assert.Empty(t, f["confirm"], "the browser confirms, not the server")
	assert.Empty(t, f["payment_method"], "no test card")

	// The same total: the intent as it is, nothing written.
	for _, status := range []string{"requires_payment_method", "requires_capture", "succeeded"} {
		stripeAPI.current = intent(status, 52500)
		s, err = open("pi_old")
		require.NoError(t, err)
		assert.Equal(t, "pi_old", s.ID, status)
		reqs = stripeAPI.take()
		require.Len(t, reqs, 1, status)
		assert.Equal(t, http.MethodGet, reqs[0].method)
	}

	// Unconfirmed, for another total: its amount changes.
	stripeAPI.current = intent("requires_action", 40000)
	s, err = open("pi_old")
	require.NoError(t, err)
	assert.Equal(t, "pi_old", s.ID)
	assert.EqualValues(t, 52500, s.Amount)
	reqs = stripeAPI.take()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/v1/payment_intents/pi_old", reqs[1].path)
	assert.Equal(t, []string{"52500"}, reqs[1].form["amount"])

	// Held for another total: cancelled, and a new intent under a key of its own.
	stripeAPI.current = intent("requires_capture", 40000)
	s, err = open("pi_old")
	require.NoError(t, err)
	assert.Equal(t, "pi_new", s.ID)
	reqs = stripeAPI.take()
	require.Len(t, reqs, 3)
	assert.Equal(t, "/v1/payment_intents/pi_old/cancel", reqs[1].path)
	assert.Equal(t, "/v1/payment_intents", reqs[2].path)
	assert.Equal(t, "cart:1:7:52500sar:after:pi_old", reqs[2].key)

	// Cancelled already: a new one. Paid for another total: refused, nothing written.
	stripeAPI.current = intent("canceled", 52500)
	s, err = open("pi_old")
	require.NoError(t, err)
	assert.Equal(t, "pi_new", s.ID)
	assert.Len(t, stripeAPI.take(), 2)
	stripeAPI.current = intent("succeeded", 40000)
	_, err = open("pi_old")
	assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
	assert.Len(t, stripeAPI.take(), 1)

	// Stripe's refusals reach the client as conflicts, not internal errors.
	err = p.Capture(ctx, "pi_test", 1500)
	assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
	reqs = stripeAPI.take()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/v1/payment_intents/pi_test/capture", reqs[0].path)
	assert.Equal(t, []string{"1500"}, reqs[0].form["amount_to_capture"])
}
