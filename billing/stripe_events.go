package billing

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v82"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
)

// IsStripeBillingEvent reports whether ApplyStripeEvent handles events of type t.
func IsStripeBillingEvent(t stripe.EventType) bool {
	switch t {
	case stripe.EventTypeInvoicePaid, stripe.EventTypeInvoicePaymentFailed,
		stripe.EventTypeCustomerSubscriptionUpdated, stripe.EventTypeCustomerSubscriptionDeleted:
		return true
	}
	return false
}

// ApplyStripeEvent applies a verified Stripe Billing event to the subscription it names
// (events of subscriptions that are not a tenant's are ignored). Each is applied once:
// an invoice is paid or failed once (by its Stripe id), and a subscription event older
// than the last one applied changes nothing, so Stripe's retries and out-of-order
// deliveries are harmless.
func (s *Service) ApplyStripeEvent(ctx context.Context, ev stripe.Event) error {
	if ev.Data == nil {
		return nil
	}
	ctx = system(ctx)
	switch ev.Type {
	case stripe.EventTypeInvoicePaid, stripe.EventTypeInvoicePaymentFailed:
		var inv stripe.Invoice
		if err := json.Unmarshal(ev.Data.Raw, &inv); err != nil {
			return err
		}
		if inv.Parent == nil || inv.Parent.SubscriptionDetails == nil || inv.Parent.SubscriptionDetails.Subscription == nil {
			return nil // not a subscription's invoice
		}
		return s.stripeInvoice(ctx, inv.Parent.SubscriptionDetails.Subscription.ID, &inv, ev.Type == stripe.EventTypeInvoicePaid)
	case stripe.EventTypeCustomerSubscriptionUpdated, stripe.EventTypeCustomerSubscriptionDeleted:
		var sub stripe.Subscription
		if err := json.Unmarshal(ev.Data.Raw, &sub); err != nil {
			return err
		}
		if ev.Type == stripe.EventTypeCustomerSubscriptionDeleted {
			sub.Status = stripe.SubscriptionStatusCanceled
		}
		return s.stripeSubscription(ctx, &sub, ev.Created)
	}
	return nil
}

// bySubscription returns the tenant subscription Stripe's subscription id names (nil
// when none).
func bySubscription(ctx context.Context, tx *ent.Tx, id string) (*ent.TenantSubscription, error) {
	sub, err := tx.TenantSubscription.Query().Where(tenantsubscription.ProviderSubscriptionID(id)).WithPlan().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return sub, err
}

func unix(t int64) time.Time { return time.Unix(t, 0).UTC() }

// stripeInvoice records Stripe's invoice on the subscription: paid (which may reactivate
// the tenant), or failed (the subscription is past due from now on).
func (s *Service) stripeInvoice(ctx context.Context, subscriptionID string, in *stripe.Invoice, paid bool) error {
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		sub, err := bySubscription(ctx, tx, subscriptionID)
		if err != nil || sub == nil {
			return err
		}
		now := s.Now().UTC()
		inv, err := tx.TenantInvoice.Query().Where(tenantinvoice.ProviderInvoiceID(in.ID)).Only(ctx)
		switch {
		case ent.IsNotFound(err):
			amount := in.AmountDue
			if paid {
				amount = in.AmountPaid
			}
			c := tx.TenantInvoice.Create().SetTenantID(sub.TenantID).SetSubscriptionID(sub.ID).
				SetKind(tenantinvoice.KindPeriod).SetAmount(amount).SetCurrencyCode(currencyOf(in.Currency, sub.Edges.Plan.CurrencyCode)).
				SetPeriodStart(unix(in.PeriodStart)).SetPeriodEnd(unix(in.PeriodEnd)).SetDueAt(now).
				SetProviderInvoiceID(in.ID).SetDescription(in.Description)
			if paid {
				c.SetStatus(tenantinvoice.StatusPaid).SetPaidAt(now)
			}
			if inv, err = c.Save(ctx); err != nil {
				return err
			}
		case err != nil:
			return err
		case inv.Status == tenantinvoice.StatusPaid:
			return nil // applied already
		case paid:
			if err := tx.TenantInvoice.UpdateOne(inv).SetStatus(tenantinvoice.StatusPaid).SetPaidAt(now).Exec(ctx); err != nil {
				return err
			}
		default:
			return nil // failed again: past due already
		}
		if paid {
			return s.settle(ctx, tx, sub.ID)
		}
		return markPastDue(ctx, tx, sub, now)
	})
	if err == nil && paid {
		s.tenantChanged(ctx)
	}
	return err
}

// stripeSubscription follows Stripe's subscription: status, period, trial and price.
func (s *Service) stripeSubscription(ctx context.Context, in *stripe.Subscription, created int64) error {
	var reactivated bool
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		sub, err := bySubscription(ctx, tx, in.ID)
		if err != nil || sub == nil || created < sub.ProviderEventAt {
			return err
		}
		u := tx.TenantSubscription.UpdateOne(sub).SetProviderEventAt(created)
		status := stripeStatus(in.Status)
		changed := status != sub.Status
		u.SetStatus(status)
		switch status {
		case tenantsubscription.StatusPastDue:
			if sub.PastDueSince == nil {
				u.SetPastDueSince(s.Now().UTC())
			}
		case tenantsubscription.StatusCanceled:
			if sub.CanceledAt == nil {
				u.SetCanceledAt(s.Now().UTC())
			}
		default:
			u.ClearPastDueSince()
		}
		if in.TrialEnd > 0 && (sub.TrialEndsAt == nil || !sub.TrialEndsAt.Equal(unix(in.TrialEnd))) {
			u.SetTrialEndsAt(unix(in.TrialEnd))
			changed = true
		}
		if in.Items != nil && len(in.Items.Data) > 0 {
			it := in.Items.Data[0]
			if it.CurrentPeriodStart > 0 && !sub.CurrentPeriodStart.Equal(unix(it.CurrentPeriodStart)) {
				u.SetCurrentPeriodStart(unix(it.CurrentPeriodStart)).SetCurrentPeriodEnd(unix(it.CurrentPeriodEnd))
				changed = true
			}
			if it.Price != nil && it.Price.ID != "" && it.Price.ID != sub.Edges.Plan.StripePriceID {
				p, err := tx.Plan.Query().Where(plan.StripePriceID(it.Price.ID)).First(ctx)
				if err == nil && p.ID != sub.PlanID {
					u.SetPlanID(p.ID)
					if err := setTier(ctx, tx, sub.TenantID, p.Key); err != nil {
						return err
					}
					changed = true
				}
			}
		}
		if !changed {
			return nil // nothing new: no change, no event
		}
		if err := u.Exec(ctx); err != nil {
			return err
		}
		if status == tenantsubscription.StatusActive || status == tenantsubscription.StatusTrialing {
			reactivated = true
			return reactivate(ctx, tx, sub.TenantID)
		}
		return nil
	})
	if err == nil && reactivated {
		s.tenantChanged(ctx)
	}
	return err
}

func stripeStatus(s stripe.SubscriptionStatus) tenantsubscription.Status {
	switch s {
	case stripe.SubscriptionStatusTrialing:
		return tenantsubscription.StatusTrialing
	case stripe.SubscriptionStatusActive:
		return tenantsubscription.StatusActive
	case stripe.SubscriptionStatusCanceled, stripe.SubscriptionStatusIncompleteExpired:
		return tenantsubscription.StatusCanceled
	}
	return tenantsubscription.StatusPastDue // past_due, unpaid, incomplete, paused
}

// currencyOf is Stripe's lower-case currency as ISO 4217, or fallback without one.
func currencyOf(code stripe.Currency, fallback string) string {
	if len(code) != 3 {
		return fallback
	}
	return strings.ToUpper(string(code))
}
