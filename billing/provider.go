package billing

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
)

// Customer is the tenant a provider bills.
type Customer struct {
	TenantID int
	Handle   string
	Name     string
	Email    string
}

// Started is what a provider made of a new subscription: its own ids (empty for a
// provider that keeps none) and whether it sends its own invoices (Stripe does; for the
// manual provider the periodic run issues them).
type Started struct {
	CustomerID, SubscriptionID string
	InvoicesItself             bool
}

// Provider bills tenants for their plans.
type Provider interface {
	Name() string
	// Subscribe starts billing c on plan p, free until trialEnd when it is set.
	Subscribe(ctx context.Context, c Customer, p *ent.Plan, trialEnd *time.Time) (Started, error)
	// ChangePlan moves the provider's subscription to plan p, prorating the rest of the
	// period. A provider that bills by itself records the proration; Manual leaves it to
	// the invoice billing issues.
	ChangePlan(ctx context.Context, subscriptionID string, p *ent.Plan) error
	// Cancel ends the provider's subscription.
	Cancel(ctx context.Context, subscriptionID string) error
}

// Manual is the default provider: billing issues invoices each period, the tenant pays
// them outside (a bank transfer) and the platform's admins mark them paid.
type Manual struct{}

func (Manual) Name() string { return "manual" }

func (Manual) Subscribe(context.Context, Customer, *ent.Plan, *time.Time) (Started, error) {
	return Started{}, nil
}

func (Manual) ChangePlan(context.Context, string, *ent.Plan) error { return nil }

func (Manual) Cancel(context.Context, string) error { return nil }
