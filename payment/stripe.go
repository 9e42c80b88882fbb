package payment

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"github.com/dakkah/cityos/apperr"
)

// Stripe takes payments with PaymentIntents: opened for a cart's total as a payment
// session (stripe_session.go), confirmed by the shopper's browser with Stripe.js,
// verified by checkout, then captured, refunded or cancelled by staff. Intents are made
// with manual capture, so a confirmed payment is held (requires_capture) until staff
// capture it. The reference of an order's payment is the intent's id.
type Stripe struct {
	client *stripe.Client
}

// NewStripe returns the Stripe provider for secretKey. apiBase replaces Stripe's API
// endpoint when set (stripe-mock in tests).
func NewStripe(secretKey, apiBase string) *Stripe {
	return &Stripe{client: NewStripeClient(secretKey, apiBase)}
}

// NewStripeClient is a Stripe API client for secretKey, quiet and with a timeout; apiBase
// replaces Stripe's endpoint when set. Vendor payouts (Stripe Connect) use it too.
func NewStripeClient(secretKey, apiBase string) *stripe.Client {
	cfg := &stripe.BackendConfig{
		HTTPClient:    &http.Client{Timeout: 30 * time.Second},
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
	}
	if apiBase != "" {
		cfg.URL = stripe.String(strings.TrimRight(apiBase, "/"))
	}
	return stripe.NewClient(secretKey, stripe.WithBackends(stripe.NewBackendsWithConfig(cfg)))
}

func (*Stripe) Name() string { return "stripe" }

// Capture takes amount of the authorised intent.
func (s *Stripe) Capture(ctx context.Context, reference string, amount int64) error {
	_, err := s.client.V1PaymentIntents.Capture(ctx, reference, &stripe.PaymentIntentCaptureParams{AmountToCapture: stripe.Int64(amount)})
	return stripeError("capture", err)
}

// Refund gives back amount of what was captured.
func (s *Stripe) Refund(ctx context.Context, reference string, amount int64) error {
	_, err := s.client.V1Refunds.Create(ctx, &stripe.RefundCreateParams{PaymentIntent: stripe.String(reference), Amount: stripe.Int64(amount)})
	return stripeError("refund", err)
}

// Void cancels an authorised, uncaptured intent.
func (s *Stripe) Void(ctx context.Context, reference string) error {
	_, err := s.client.V1PaymentIntents.Cancel(ctx, reference, &stripe.PaymentIntentCancelParams{})
	return stripeError("void", err)
}

// stripeError turns Stripe's refusals into errors a client may see: a card problem is
// the shopper's to fix, a refused request a conflict with the payment's state; anything
// else (network, authentication, Stripe's own failures) stays internal.
func stripeError(op string, err error) error {
	if err == nil {
		return nil
	}
	var se *stripe.Error
	if errors.As(err, &se) {
		switch se.Type {
		case stripe.ErrorTypeCard:
			return apperr.Invalid("payment", "the card was declined: %s", se.Msg)
		case stripe.ErrorTypeInvalidRequest:
			return apperr.New(apperr.Conflict, "the payment processor refused to %s: %s", op, se.Msg)
		}
	}
	return fmt.Errorf("stripe %s: %w", op, err)
}
