// Package payment puts payment providers behind one interface: manual (authorised at
// checkout, captured by staff) and Stripe (PaymentIntents).
package payment

import (
	"context"
	"fmt"
)

// Provider authorises, captures, refunds and voids payments with one processor.
type Provider interface {
	// Name is how orders record the provider.
	Name() string
	// Authorize reserves amount (minor units) for an order; idempotencyKey makes a retry
	// return the first authorisation. It returns the processor's reference.
	Authorize(ctx context.Context, req AuthorizeRequest) (reference string, err error)
	Capture(ctx context.Context, reference string, amount int64) error
	Refund(ctx context.Context, reference string, amount int64) error
	Void(ctx context.Context, reference string) error
}

// AuthorizeRequest is what a provider needs to authorise a payment.
type AuthorizeRequest struct {
	Amount         int64
	CurrencyCode   string
	IdempotencyKey string
	Email          string
	Metadata       map[string]string
	// PaymentMethod is the processor's payment method to charge; providers that need
	// one use a test method when it is empty (Stripe: pm_card_visa).
	PaymentMethod string
}

// Registry holds the configured providers; Default is used when a cart names none.
type Registry struct {
	providers map[string]Provider
	Default   string
}

// NewRegistry returns a registry of providers; the first is the default.
func NewRegistry(ps ...Provider) *Registry {
	r := &Registry{providers: map[string]Provider{}}
	for i, p := range ps {
		if i == 0 {
			r.Default = p.Name()
		}
		r.providers[p.Name()] = p
	}
	return r
}

// Get returns the named provider.
func (r *Registry) Get(name string) (Provider, bool) {
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
