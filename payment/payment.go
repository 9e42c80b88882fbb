// Package payment puts payment providers behind one interface: manual (authorised at
// checkout, captured by staff) and Stripe (PaymentIntents the shopper's browser confirms
// through a payment session, see session.go).
package payment

import (
	"context"
	"fmt"
)

// Provider captures, refunds and voids the payments of orders with one processor. How a
// payment is authorised depends on the provider: by the server at checkout (Authorizer)
// or by the shopper's browser through a session (SessionProvider).
type Provider interface {
	// Name is how orders record the provider.
	Name() string
	Capture(ctx context.Context, reference string, amount int64) error
	Refund(ctx context.Context, reference string, amount int64) error
	Void(ctx context.Context, reference string) error
}

// Authorizer is a provider the server authorises with at checkout, with nothing from the
// shopper's browser (manual: cash on delivery, bank transfer).
type Authorizer interface {
	Provider
	// Authorize reserves amount (minor units) for an order; idempotencyKey makes a retry
	// return the first authorisation. It returns the processor's reference.
	Authorize(ctx context.Context, req AuthorizeRequest) (reference string, err error)
}

// Local is an Authorizer that decides in this process, calling no processor, with nothing
// to undo elsewhere when the order is not placed after all (manual, invoice). Checkout
// authorises with it before writing the order, and writes the order with its payment
// status: one write, where a processor's authorisation waits until the stock is held.
type Local interface {
	Authorizer
	// Local marks the provider; it does nothing.
	Local()
}

// AuthorizeRequest is what a provider needs to authorise a payment.
type AuthorizeRequest struct {
	Amount         int64
	CurrencyCode   string
	IdempotencyKey string
	Email          string
	Metadata       map[string]string
}

// Registry holds the configured providers; Default is used when a cart names none.
type Registry struct {
	providers map[string]Provider
	Default   string
}

// NewRegistry returns a registry of providers; the first is the default. Invoice is
// always there besides them, for the orders placed on payment terms.
func NewRegistry(ps ...Provider) *Registry {
	r := &Registry{providers: map[string]Provider{InvoiceName: Invoice{}}}
	for i, p := range ps {
		if i == 0 {
			r.Default = p.Name()
		}
		r.providers[p.Name()] = p
	}
	return r
}

// Get returns the named provider a cart may pay with: any but Invoice, which only
// checkout chooses (for a company buyer on payment terms).
func (r *Registry) Get(name string) (Provider, bool) {
	if name == InvoiceName {
		return nil, false
	}
	p, ok := r.providers[name]
	return p, ok
}

// Provider returns the named provider, or an error naming the one that is not
// configured (an order placed with a provider this instance no longer has).
func (r *Registry) Provider(name string) (Provider, error) {
	p, ok := r.providers[name]
	if !ok {
		return nil, fmt.Errorf("payment provider %q is not configured", name)
	}
	return p, nil
}
