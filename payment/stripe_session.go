package payment

import (
	"context"
	"strconv"
	"strings"

	"github.com/stripe/stripe-go/v82"

	"github.com/dakkah/cityos/apperr"
)

// OpenSession returns a PaymentIntent for the request's amount and currency. The cart's
// current intent is kept when it already asks for them, changed when Stripe still lets
// its amount change (before it is confirmed), and replaced (cancelled, then a new one)
// when it holds a confirmed authorisation for another total. A new intent is created
// with an idempotency key derived from the cart, the amount and the intent it replaces,
// so two concurrent calls for one total open one intent.
func (s *Stripe) OpenSession(ctx context.Context, req SessionRequest) (Session, error) {
	currency := strings.ToLower(req.CurrencyCode)
	key := req.IdempotencyKey + ":" + strconv.FormatInt(req.Amount, 10) + currency
	if req.Current != "" {
		pi, err := s.client.V1PaymentIntents.Retrieve(ctx, req.Current, nil)
		if err != nil {
			return Session{}, stripeError("read the payment", err)
		}
		same := pi.Amount == req.Amount && string(pi.Currency) == currency
		switch pi.Status {
		case stripe.PaymentIntentStatusCanceled: // a new one below
		case stripe.PaymentIntentStatusRequiresPaymentMethod, stripe.PaymentIntentStatusRequiresConfirmation,
			stripe.PaymentIntentStatusRequiresAction:
			if same {
				return stripeSession(pi), nil
			}
			// No idempotency key: setting an amount is idempotent itself, and a key would
			// replay an old answer when the total goes back to an amount it had before.
			pi, err = s.client.V1PaymentIntents.Update(ctx, pi.ID,
				&stripe.PaymentIntentUpdateParams{Amount: stripe.Int64(req.Amount), Currency: stripe.String(currency)})
			if err != nil {
				return Session{}, stripeError("change the payment", err)
			}
			return stripeSession(pi), nil
		case stripe.PaymentIntentStatusRequiresCapture:
			if same {
				return stripeSession(pi), nil
			}
			// Authorised for another total: let that hold go and ask for a new one.
			if _, err := s.client.V1PaymentIntents.Cancel(ctx, pi.ID, nil); err != nil {
				return Session{}, stripeError("cancel the previous payment", err)
			}
		default: // processing or succeeded: the money moves or moved, nothing to change
			if same {
				return stripeSession(pi), nil
			}
			return Session{}, apperr.New(apperr.Conflict, "the cart's payment is already %s for another total", pi.Status)
		}
		key += ":after:" + pi.ID
	}
	params := &stripe.PaymentIntentCreateParams{
		Amount:        stripe.Int64(req.Amount),
		Currency:      stripe.String(currency),
		CaptureMethod: stripe.String(string(stripe.PaymentIntentCaptureMethodManual)),
		AutomaticPaymentMethods: &stripe.PaymentIntentCreateAutomaticPaymentMethodsParams{
			Enabled: stripe.Bool(true),
		},
	}
	if req.Email != "" {
		params.ReceiptEmail = stripe.String(req.Email)
	}
	for k, v := range req.Metadata {
		params.AddMetadata(k, v)
	}
	params.SetIdempotencyKey(key)
	pi, err := s.client.V1PaymentIntents.Create(ctx, params)
	if err != nil {
		return Session{}, stripeError("open the payment", err)
	}
	return stripeSession(pi), nil
}

// Session reads the PaymentIntent id as Stripe has it now.
func (s *Stripe) Session(ctx context.Context, id string) (Session, error) {
	pi, err := s.client.V1PaymentIntents.Retrieve(ctx, id, nil)
	if err != nil {
		return Session{}, stripeError("read the payment", err)
	}
	return stripeSession(pi), nil
}

func stripeSession(pi *stripe.PaymentIntent) Session {
	return Session{
		Provider: "stripe", ID: pi.ID, ClientSecret: pi.ClientSecret, Amount: pi.Amount,
		CurrencyCode: strings.ToUpper(string(pi.Currency)), Status: string(pi.Status), Metadata: pi.Metadata,
	}
}
