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

// StripeTestPaymentMethod is charged when a request names no payment method.
const StripeTestPaymentMethod = "pm_card_visa"

// Stripe authorises with PaymentIntents: created and confirmed at checkout with manual
// capture, captured, refunded or cancelled by staff. The reference is the intent's id.
type Stripe struct {
	client *stripe.Client
}

// NewStripe returns the Stripe provider for secretKey. apiBase replaces Stripe's API
// endpoint when set (stripe-mock in tests).
func NewStripe(secretKey, apiBase string) *Stripe {
	cfg := &stripe.BackendConfig{
		HTTPClient:    &http.Client{Timeout: 30 * time.Second},
		LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelNull},
	}
	if apiBase != "" {
		cfg.URL = stripe.String(strings.TrimRight(apiBase, "/"))
	}
	return &Stripe{client: stripe.NewClient(secretKey, stripe.WithBackends(stripe.NewBackendsWithConfig(cfg)))}
}

func (*Stripe) Name() string { return "stripe" }

// Authorize creates and confirms a PaymentIntent that holds the amount until Capture.
// The idempotency key makes a retried checkout find the intent it created.
func (s *Stripe) Authorize(ctx context.Context, req AuthorizeRequest) (string, error) {
	pm := req.PaymentMethod
	if pm == "" {
		pm = StripeTestPaymentMethod
	}
	params := &stripe.PaymentIntentCreateParams{
		Amount:        stripe.Int64(req.Amount),
		Currency:      stripe.String(strings.ToLower(req.CurrencyCode)),
		CaptureMethod: stripe.String(string(stripe.PaymentIntentCaptureMethodManual)),
		Confirm:       stripe.Bool(true),
		PaymentMethod: stripe.String(pm),
		// Confirmed on the server: no redirect-based method can complete here.
		AutomaticPaymentMethods: &stripe.PaymentIntentCreateAutomaticPaymentMethodsParams{
			Enabled: stripe.Bool(true), AllowRedirects: stripe.String("never"),
		},
	}
	if req.Email != "" {
		params.ReceiptEmail = stripe.String(req.Email)
	}
	for k, v := range req.Metadata {
		params.AddMetadata(k, v)
	}
	if req.IdempotencyKey != "" {
		params.SetIdempotencyKey(req.IdempotencyKey)
	}
	pi, err := s.client.V1PaymentIntents.Create(ctx, params)
	if err != nil {
		return "", stripeError("authorise", err)
	}
	if declined(pi) {
		// Best effort: an intent that will never be captured need not stay open.
		_, _ = s.client.V1PaymentIntents.Cancel(ctx, pi.ID, nil)
		return "", apperr.Invalid("payment", "the payment was not authorised (%s)", pi.Status)
	}
	return pi.ID, nil
}

// declined reports an intent that did not reach an authorised state. (A card refused
// on confirmation comes back from Stripe as a card_error instead.)
func declined(pi *stripe.PaymentIntent) bool {
	switch pi.Status {
	case stripe.PaymentIntentStatusCanceled, stripe.PaymentIntentStatusRequiresAction:
		return true
	case stripe.PaymentIntentStatusRequiresPaymentMethod:
		return pi.LastPaymentError != nil && pi.LastPaymentError.Type == stripe.ErrorTypeCard
	}
	return false
}

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
