// Package payment puts payment providers behind one interface: manual (authorised at
// checkout, captured by staff) and Stripe (PaymentIntents).
package payment

import "context"

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
