// Package billing is how tenants pay the platform: plans and their limits (enforced when
// a store, product, staff seat or integration endpoint is created), one subscription per
// tenant billed through a Provider (manual invoices, or Stripe Billing), plan changes
// with proration, and the lapse of a tenant that does not pay: past due beyond the grace
// period suspends it, a payment reactivates it. Who may do what is decided by the
// privacy policies (access.TenantSubscriptionPolicy, access.TenantInvoicePolicy, plans
// as platform data); this package holds the rules.
package billing

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/viewer"
)

// DefaultGrace is how long a tenant may stay past due before it is suspended.
const DefaultGrace = 7 * 24 * time.Hour

// Service keeps plans and tenants' subscriptions.
type Service struct {
	client   *ent.Client
	provider Provider
	grace    time.Duration
	// Now is billing's clock (tests drive it).
	Now func() time.Time
	// OnTenantChange is told after billing suspended or reactivated a tenant (its stores
	// resolve differently: the resolution caches are cleared).
	OnTenantChange func(ctx context.Context)
}

// New returns a Service billing through provider (Manual when nil), suspending tenants
// past due longer than grace (DefaultGrace when 0).
func New(client *ent.Client, provider Provider, grace time.Duration) *Service {
	if provider == nil {
		provider = Manual{}
	}
	if grace <= 0 {
		grace = DefaultGrace
	}
	return &Service{client: client, provider: provider, grace: grace, Now: time.Now}
}

// Provider is the billing provider new subscriptions are billed through.
func (s *Service) Provider() Provider { return s.provider }

func (s *Service) tenantChanged(ctx context.Context) {
	if s.OnTenantChange != nil {
		s.OnTenantChange(ctx)
	}
}

// platformOnly refuses, before any lookup, what only the platform's admins do: the
// answer tells nobody else whether the tenant or invoice exists. The policies deny the
// writes too; this only makes the refusal the same for everyone.
func platformOnly(ctx context.Context, what string) error {
	if viewer.FromContext(ctx).IsSuperAdmin() {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the platform's admins %s", what)
}

// system is the named context of billing's own work (the periodic run, provider events,
// the writes a permitted change implies on rows the caller does not write itself).
func system(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "billing") }
