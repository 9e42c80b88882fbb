package payment

import (
	"context"
	"strings"

	"github.com/stripe/stripe-go/v82"
)

// SavedMethodCharger is a provider that authorises with a payment method the customer
// saved earlier, without the customer present (a subscription's renewals).
type SavedMethodCharger interface {
	Provider
	// AuthorizeSaved reserves the request's amount on saved method (Stripe: a pm_… id)
	// and returns the processor's reference; the idempotency key makes a retry return the
	// first authorisation.
	AuthorizeSaved(ctx context.Context, req AuthorizeRequest, method string) (reference string, err error)
}

// Saved is provider p authorising with method: the Authorizer a renewal is charged with.
func Saved(p SavedMethodCharger, method string) Authorizer { return saved{p, method} }

type saved struct {
	SavedMethodCharger
	method string
}

func (s saved) Authorize(ctx context.Context, req AuthorizeRequest) (string, error) {
	return s.AuthorizeSaved(ctx, req, s.method)
}

// AuthorizeSaved confirms an off-session PaymentIntent on the saved PaymentMethod, held
// for capture as every intent of ours is. A declined card is BAD_USER_INPUT (see
// stripeError): the renewal counts it as a failed attempt.
func (s *Stripe) AuthorizeSaved(ctx context.Context, req AuthorizeRequest, method string) (string, error) {
	params := &stripe.PaymentIntentCreateParams{
		Amount:        stripe.Int64(req.Amount),
		Currency:      stripe.String(strings.ToLower(req.CurrencyCode)),
		CaptureMethod: stripe.String(string(stripe.PaymentIntentCaptureMethodManual)),
		PaymentMethod: stripe.String(method),
		Confirm:       stripe.Bool(true),
		OffSession:    stripe.Bool(true),
	}
	if req.Email != "" {
		params.ReceiptEmail = stripe.String(req.Email)
	}
	for k, v := range req.Metadata {
		params.AddMetadata(k, v)
	}
	params.SetIdempotencyKey(req.IdempotencyKey)
	pi, err := s.client.V1PaymentIntents.Create(ctx, params)
	if err != nil {
		return "", stripeError("charge the saved payment method", err)
	}
	return pi.ID, nil
}
