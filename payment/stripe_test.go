package payment_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// stripeMockVersion is the stripe-mock the tests run against.
const stripeMockVersion = "github.com/stripe/stripe-mock@v0.203.0"

// stripeMock returns the base URL of a stripe-mock: STRIPE_MOCK_URL (CI starts one), or
// one started here — from PATH, or installed with `go install` into the user cache the
// first time, so `go test ./...` needs nothing but Go. The Stripe provider is never
// tested against nothing.
func stripeMock(t *testing.T) string {
	t.Helper()
	if u := os.Getenv("STRIPE_MOCK_URL"); u != "" {
		return u
	}
	bin, err := exec.LookPath("stripe-mock")
	if err != nil {
		bin = installStripeMock(t)
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:", "-https-addr", "127.0.0.1:")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = cmd.Stdout
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(out)
	const ready = "Listening for HTTP at address: "
	for lines.Scan() {
		if addr, ok := strings.CutPrefix(lines.Text(), ready); ok {
			go func() { _, _ = io.Copy(io.Discard, out) }()
			return "http://" + strings.TrimSpace(addr)
		}
	}
	t.Fatalf("stripe-mock exited before listening: %v", lines.Err())
	return ""
}

// installStripeMock installs stripe-mock into a cache directory shared by test runs.
func installStripeMock(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	require.NoError(t, err)
	dir := filepath.Join(cache, "cityos", "stripe-mock-v0.203.0")
	bin := filepath.Join(dir, "stripe-mock")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	cmd := exec.Command("go", "install", stripeMockVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("installing %s for the Stripe tests: %v\n%s", stripeMockVersion, err, out)
	}
	return bin
}

func TestStripeProviderAgainstStripeMock(t *testing.T) {
	p := payment.NewStripe("sk_test_123", stripeMock(t))
	assert.Equal(t, "stripe", p.Name())
	ctx := context.Background()
	ref, err := p.Authorize(ctx, payment.AuthorizeRequest{
		Amount: 52500, CurrencyCode: "SAR", IdempotencyKey: "1:key", Email: "shopper@example.test",
		Metadata: map[string]string{"cart_id": "7"},
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(ref, "pi_"), ref)
	require.NoError(t, p.Capture(ctx, ref, 52500))
	require.NoError(t, p.Refund(ctx, ref, 1000))
	require.NoError(t, p.Void(ctx, ref))
}

func TestStripeRequestsAndRefusals(t *testing.T) {
	var (
		mu     sync.Mutex
		header http.Header
		path   string
		form   map[string][]string
	)
	last := func() (http.Header, string, map[string][]string) {
		mu.Lock()
		defer mu.Unlock()
		return header, path, form
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.NoError(t, r.ParseForm())
		mu.Lock()
		header, path, form = r.Header.Clone(), r.URL.Path, r.PostForm
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/capture"):
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"error": {"type": "invalid_request_error", "message": "This PaymentIntent could not be captured because it has a status of canceled."}}`)
		case r.Form.Get("payment_method") == "pm_card_chargeDeclined":
			w.WriteHeader(http.StatusPaymentRequired)
			_, _ = io.WriteString(w, `{"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}}`)
		default:
			_, _ = io.WriteString(w, `{"id": "pi_test", "object": "payment_intent", "status": "requires_capture"}`)
		}
	}))
	defer srv.Close()
	p := payment.NewStripe("sk_test_123", srv.URL)
	ctx := context.Background()

	ref, err := p.Authorize(ctx, payment.AuthorizeRequest{Amount: 1500, CurrencyCode: "SAR", IdempotencyKey: "3:abc"})
	require.NoError(t, err)
	assert.Equal(t, "pi_test", ref)
	h, path, form := last()
	assert.Equal(t, "/v1/payment_intents", path)
	assert.Equal(t, "3:abc", h.Get("Idempotency-Key"))
	assert.Equal(t, []string{"manual"}, form["capture_method"])
	assert.Equal(t, []string{"true"}, form["confirm"])
	assert.Equal(t, []string{"pm_card_visa"}, form["payment_method"], "a test card when none is given")
	assert.Equal(t, []string{"sar"}, form["currency"])
	assert.Equal(t, []string{"1500"}, form["amount"])

	_, err = p.Authorize(ctx, payment.AuthorizeRequest{Amount: 1500, CurrencyCode: "SAR", IdempotencyKey: "3:def", PaymentMethod: "pm_card_chargeDeclined"})
	require.Error(t, err)
	e, ok := apperr.As(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, apperr.BadUserInput, e.Code)
	assert.Equal(t, "payment", e.Field)

	err = p.Capture(ctx, "pi_test", 1500)
	assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
	_, path, form = last()
	assert.Equal(t, "/v1/payment_intents/pi_test/capture", path)
	assert.Equal(t, []string{"1500"}, form["amount_to_capture"])
}

// TestCheckoutWithStripe places an order through the API configured with Stripe as it
// is in production (STRIPE_SECRET_KEY, STRIPE_API_BASE), against stripe-mock.
func TestCheckoutWithStripe(t *testing.T) {
	base := stripeMock(t)
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.StripeSecretKey, cfg.StripeAPIBase = "sk_test_123", base
		api := testenv.NewAPI(t, db, cfg)
		cart := ct.Ready(t, c)
		var out struct {
			CompleteCart struct{ ID, PaymentProvider, PaymentStatus string }
		}
		api.MustDo(t, ct.Guest(c, c.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "k") { id paymentProvider paymentStatus } }`,
			map[string]any{"c": ct.ID(cart.Token)}).Decode(t, &out)
		assert.Equal(t, "stripe", out.CompleteCart.PaymentProvider)
		assert.Equal(t, "authorized", out.CompleteCart.PaymentStatus)
		o, err := db.Client.Order.Query().Where(order.IdempotencyKey("k")).Only(ct.Sys())
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(o.PaymentReference, "pi_"), o.PaymentReference)

		var captured struct {
			CapturePayment struct{ PaymentStatus string }
		}
		api.MustDo(t, c.As(testenv.TenantAdminA), `mutation($id: ID!) { capturePayment(orderId: $id) { paymentStatus } }`,
			map[string]any{"id": out.CompleteCart.ID}).Decode(t, &captured)
		assert.Equal(t, "captured", captured.CapturePayment.PaymentStatus)
	})
}
