package billing

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/stripe/stripe-go/v82"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/payment"
)

// StripeBilling bills tenants with Stripe Billing: a Customer per tenant and a
// Subscription to the plan's recurring price (Plan.stripe_price_id). Stripe issues and
// collects the invoices; its webhooks (ApplyStripeEvent) tell billing what happened.
type StripeBilling struct {
	client *stripe.Client
}

// NewStripeBilling returns the provider for secretKey; apiBase replaces Stripe's endpoint
// when set (stripe-mock in tests).
func NewStripeBilling(secretKey, apiBase string) *StripeBilling {
	return &StripeBilling{client: payment.NewStripeClient(secretKey, apiBase)}
}

func (*StripeBilling) Name() string { return "stripe" }

// noPrice refuses a plan Stripe cannot bill: the platform's admins give it a price first.
func noPrice(p *ent.Plan) error {
	return apperr.Invalid("plan", "the %s plan has no Stripe price: setPlan gives it a stripePriceId", p.Key)
}

// Subscribe creates the customer and its subscription, each under an idempotency key of
// the tenant's, so a retried start makes no second customer.
func (s *StripeBilling) Subscribe(ctx context.Context, c Customer, p *ent.Plan, trialEnd *time.Time) (Started, error) {
	if p.StripePriceID == "" {
		return Started{}, noPrice(p)
	}
	meta := map[string]string{"tenant_id": strconv.Itoa(c.TenantID), "tenant": c.Handle}
	cp := &stripe.CustomerCreateParams{Name: stripe.String(c.Name), Metadata: meta}
	if c.Email != "" {
		cp.Email = stripe.String(c.Email)
	}
	cp.SetIdempotencyKey(fmt.Sprintf("tenant_%d_customer", c.TenantID))
	cust, err := s.client.V1Customers.Create(ctx, cp)
	if err != nil {
		return Started{}, fmt.Errorf("stripe customer: %w", err)
	}
	sp := &stripe.SubscriptionCreateParams{
		Customer: stripe.String(cust.ID),
		Items:    []*stripe.SubscriptionCreateItemParams{{Price: stripe.String(p.StripePriceID)}},
		Metadata: meta,
	}
	if trialEnd != nil {
		sp.TrialEnd = stripe.Int64(trialEnd.Unix())
	}
	sp.SetIdempotencyKey(fmt.Sprintf("tenant_%d_subscription_%s", c.TenantID, cust.ID))
	sub, err := s.client.V1Subscriptions.Create(ctx, sp)
	if err != nil {
		return Started{}, fmt.Errorf("stripe subscription: %w", err)
	}
	return Started{CustomerID: cust.ID, SubscriptionID: sub.ID, InvoicesItself: true}, nil
}

// ChangePlan swaps the subscription's price; Stripe prorates the rest of the period on
// the next invoice.
func (s *StripeBilling) ChangePlan(ctx context.Context, subscriptionID string, p *ent.Plan) error {
	if p.StripePriceID == "" {
		return noPrice(p)
	}
	sub, err := s.client.V1Subscriptions.Retrieve(ctx, subscriptionID, nil)
	if err != nil {
		return fmt.Errorf("stripe subscription: %w", err)
	}
	if sub.Items == nil || len(sub.Items.Data) == 0 {
		return fmt.Errorf("stripe subscription %s has no item", subscriptionID)
	}
	_, err = s.client.V1Subscriptions.Update(ctx, subscriptionID, &stripe.SubscriptionUpdateParams{
		Items: []*stripe.SubscriptionUpdateItemParams{{
			ID: stripe.String(sub.Items.Data[0].ID), Price: stripe.String(p.StripePriceID),
		}},
		ProrationBehavior: stripe.String("create_prorations"),
	})
	if err != nil {
		return fmt.Errorf("stripe subscription update: %w", err)
	}
	return nil
}

// Cancel cancels the subscription at once.
func (s *StripeBilling) Cancel(ctx context.Context, subscriptionID string) error {
	if _, err := s.client.V1Subscriptions.Cancel(ctx, subscriptionID, nil); err != nil {
		return fmt.Errorf("stripe subscription cancel: %w", err)
	}
	return nil
}
