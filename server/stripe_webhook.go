package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/server/middleware"
)

// stripeWebhookTolerance is how old a signed Stripe event may be (replay protection).
const stripeWebhookTolerance = 5 * time.Minute

// stripeWebhook receives Stripe's events at POST /webhooks/stripe. The signature is
// checked against secret first (400 when it does not match). A payment the shopper
// confirmed completes its cart, if the shopper has not (checkout.CompletePaid: once,
// whoever comes first); payment events then update the order with that payment
// reference, idempotently, so Stripe's retries are harmless. Without a secret configured
// the endpoint does not exist. Every request is recorded (see inbound's provider events).
// Stripe Billing's invoice and subscription events go to package billing: tenants
// paying the platform for their plans.
func stripeWebhook(svc *orders.Service, carts *checkout.Service, bills *billing.Service, log *inbound.Service, secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if secret == "" || svc == nil || carts == nil {
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
			if log != nil {
				log.ProviderRejected(r.Context(), inboundwebhook.SourceStripe, "invalid signature or payload: "+err.Error())
			}
			http.Error(w, "invalid signature or payload", http.StatusBadRequest)
			return
		}
		record := func(error) error { return nil }
		if log != nil {
			id, err := log.ProviderReceived(r.Context(), inboundwebhook.SourceStripe, ev.ID, string(ev.Type), stripeSummary(ev))
			if err != nil {
				middleware.Logger(r.Context()).Error("stripe webhook: not recorded", "event", ev.ID, "err", err)
				http.Error(w, "could not record the event", http.StatusInternalServerError) // Stripe retries
				return
			}
			record = func(applyErr error) error { return log.ProviderDone(r.Context(), id, applyErr) }
		}
		var applyErr error
		if bills != nil && billing.IsStripeBillingEvent(ev.Type) {
			applyErr = bills.ApplyStripeEvent(r.Context(), ev) // tenants paying the platform
		} else {
			applyErr = applyStripeEvent(r.Context(), svc, carts, ev)
		}
		if err := record(applyErr); err != nil {
			middleware.Logger(r.Context()).Warn("stripe webhook: outcome not recorded", "event", ev.ID, "err", err)
		}
		if applyErr != nil {
			middleware.Logger(r.Context()).Error("stripe webhook", "event", ev.ID, "type", ev.Type, "err", applyErr)
			http.Error(w, "could not apply the event", http.StatusInternalServerError) // Stripe retries
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// stripeSummary is what is kept of a Stripe event: its ids and type, not its objects
// (they carry shoppers' personal data, and Stripe keeps them).
func stripeSummary(ev stripe.Event) map[string]any {
	out := map[string]any{"id": ev.ID, "type": string(ev.Type), "created": ev.Created, "livemode": ev.Livemode}
	if ev.Data != nil {
		var obj struct {
			ID     string `json:"id"`
			Object string `json:"object"`
		}
		if json.Unmarshal(ev.Data.Raw, &obj) == nil {
			out["object"] = map[string]any{"id": obj.ID, "object": obj.Object}
		}
	}
	return out
}

func applyStripeEvent(ctx context.Context, svc *orders.Service, carts *checkout.Service, ev stripe.Event) error {
	const provider = "stripe"
	if ev.Data == nil {
		return nil
	}
	switch ev.Type {
	case stripe.EventTypePaymentIntentAmountCapturableUpdated, stripe.EventTypePaymentIntentSucceeded,
		stripe.EventTypePaymentIntentCanceled:
		var pi stripe.PaymentIntent
		if err := json.Unmarshal(ev.Data.Raw, &pi); err != nil {
			return err
		}
		if ev.Type == stripe.EventTypePaymentIntentCanceled {
			return svc.PaymentCanceled(ctx, provider, pi.ID)
		}
		// Authorised (manual capture) or paid: the cart's order, placed now if the
		// shopper closed the tab before completing the cart.
		if _, err := carts.CompletePaid(ctx, provider, pi.ID); err != nil {
			if apperr.CodeOf(err) == apperr.Internal {
				return err
			}
			// The cart cannot be completed as it is (changed since it was paid, out of
			// stock): retries would not change that. The shopper, still able to act on
			// the cart, is told when completing it; the payment waits for staff.
			middleware.Logger(ctx).Warn("stripe webhook: the paid cart was not completed", "event", ev.ID, "payment", pi.ID, "err", err)
		}
		if ev.Type == stripe.EventTypePaymentIntentSucceeded {
			return svc.PaymentCaptured(ctx, provider, pi.ID)
		}
		return nil
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
