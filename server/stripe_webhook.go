package server

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/server/middleware"
)

// stripeWebhookTolerance is how old a signed Stripe event may be (replay protection).
const stripeWebhookTolerance = 5 * time.Minute

// stripeWebhook receives Stripe's events at POST /webhooks/stripe. The signature is
// checked against secret first (400 when it does not match); payment events then update
// the order with that payment reference, idempotently, so Stripe's retries are harmless.
// Without a secret configured the endpoint does not exist.
func stripeWebhook(svc *orders.Service, secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if secret == "" || svc == nil {
			http.NotFound(w, r)
			return
		}
		payload, err := io.ReadAll(r.Body) // the body limit middleware bounds it
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		ev, err := webhook.ConstructEventWithOptions(payload, r.Header.Get("Stripe-Signature"), secret,
			webhook.ConstructEventOptions{Tolerance: stripeWebhookTolerance, IgnoreAPIVersionMismatch: true})
		if err != nil {
			http.Error(w, "invalid signature or payload", http.StatusBadRequest)
			return
		}
		if err := applyStripeEvent(r, svc, ev); err != nil {
			middleware.Logger(r.Context()).Error("stripe webhook", "event", ev.ID, "type", ev.Type, "err", err)
			http.Error(w, "could not apply the event", http.StatusInternalServerError) // Stripe retries
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

func applyStripeEvent(r *http.Request, svc *orders.Service, ev stripe.Event) error {
	const provider = "stripe"
	ctx := r.Context()
	if ev.Data == nil {
		return nil
	}
	switch ev.Type {
	case stripe.EventTypePaymentIntentSucceeded, stripe.EventTypePaymentIntentCanceled:
		var pi stripe.PaymentIntent
		if err := json.Unmarshal(ev.Data.Raw, &pi); err != nil {
			return err
		}
		if ev.Type == stripe.EventTypePaymentIntentSucceeded {
			return svc.PaymentCaptured(ctx, provider, pi.ID)
		}
		return svc.PaymentCanceled(ctx, provider, pi.ID)
	case stripe.EventTypeChargeRefunded:
		var ch stripe.Charge
		if err := json.Unmarshal(ev.Data.Raw, &ch); err != nil {
			return err
		}
		if ch.PaymentIntent == nil {
			return nil
		}
		return svc.PaymentRefunded(ctx, provider, ch.PaymentIntent.ID, ch.AmountRefunded)
	}
	return nil // other events are acknowledged and ignored
}
