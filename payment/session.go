package payment

import (
	"context"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/apperr"
)

// Statuses of a payment session. They are Stripe's PaymentIntent statuses, which name
// every state a browser-confirmed card payment goes through.
const (
	StatusRequiresPaymentMethod = "requires_payment_method"
	StatusRequiresConfirmation  = "requires_confirmation"
	StatusRequiresAction        = "requires_action"
	StatusProcessing            = "processing"
	StatusRequiresCapture       = "requires_capture"
	StatusSucceeded             = "succeeded"
	StatusCanceled              = "canceled"
	// StatusReady is a session of a provider the server authorises with (manual): the
	// browser has nothing to confirm, completing the cart authorises the payment.
	StatusReady = "ready"
)

// Codes of the errors a shopper's client acts on when a session cannot pay yet.
const (
	// RequiresAction: the browser has to confirm the payment (enter a card, pass 3-D
	// Secure) with the session's client secret, then complete the cart again.
	RequiresAction apperr.Code = "PAYMENT_REQUIRES_ACTION"
	// Pending: the processor is still working on the payment; its webhook completes the
	// cart when it succeeds.
	Pending apperr.Code = "PAYMENT_PENDING"
)

// Session is a payment the shopper's browser confirms with the processor: what the
// client needs (the client secret) and what checkout verifies before placing an order.
type Session struct {
	Provider string
	// ID is the processor's id of the payment (Stripe: the PaymentIntent's).
	ID string
	// ClientSecret lets the browser confirm the payment (Stripe.js); it is the shopper's.
	ClientSecret string
	Amount       int64
	CurrencyCode string
	Status       string
	Metadata     map[string]string
}

// SessionRequest asks a provider for a session paying Amount for a cart.
type SessionRequest struct {
	Amount       int64
	CurrencyCode string
	Email        string
	// Current is the id of the cart's session so far, if any: refreshed when it can be.
	Current string
	// IdempotencyKey names the cart; the provider derives a key per request from it.
	IdempotencyKey string
	Metadata       map[string]string
}

// SessionProvider is a provider the browser pays through: the server opens a session for
// the cart's total, the browser confirms it, checkout reads it back and verifies it.
type SessionProvider interface {
	Provider
	// OpenSession returns a session for the request's amount: the current one when it
	// is for that amount or can be changed to it, else a new one.
	OpenSession(ctx context.Context, req SessionRequest) (Session, error)
	// Session reads a session as the processor has it now.
	Session(ctx context.Context, id string) (Session, error)
}

// Expect is what a session must show to pay for a cart.
type Expect struct {
	Amount       int64
	CurrencyCode string
	CartID       int
}

// Verify answers nil when s pays for exactly what want names: authorised or captured,
// for the amount, in the currency, for the cart. Otherwise it says what the client can
// do: confirm the payment (RequiresAction, with the status and client secret), wait
// (Pending), or open a new session (CONFLICT).
func (s Session) Verify(want Expect) error {
	switch s.Status {
	case StatusRequiresCapture, StatusSucceeded:
	case StatusRequiresPaymentMethod, StatusRequiresConfirmation, StatusRequiresAction:
		return &apperr.Error{Code: RequiresAction, Field: "payment",
			Message: "the payment needs the shopper's confirmation (" + s.Status + ") before the cart can be completed",
			Details: map[string]any{"paymentStatus": s.Status, "clientSecret": s.ClientSecret}}
	case StatusProcessing:
		return &apperr.Error{Code: Pending, Field: "payment",
			Message: "the payment is being processed; the order is placed when it succeeds",
			Details: map[string]any{"paymentStatus": s.Status}}
	default: // canceled, or a status we do not know
		return apperr.New(apperr.Conflict, "the payment was %s; create a new payment session", s.Status)
	}
	if s.Metadata["cart_id"] != strconv.Itoa(want.CartID) {
		return apperr.New(apperr.Conflict, "the payment is not this cart's; create a new payment session")
	}
	if !strings.EqualFold(s.CurrencyCode, want.CurrencyCode) || s.Amount != want.Amount {
		return apperr.New(apperr.Conflict, "the payment is for %d %s but the cart's total is %d %s; create a new payment session",
			s.Amount, strings.ToUpper(s.CurrencyCode), want.Amount, want.CurrencyCode)
	}
	return nil
}

// Captured reports a session whose money was taken (not only held).
func (s Session) Captured() bool { return s.Status == StatusSucceeded }
