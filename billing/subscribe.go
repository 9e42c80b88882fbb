package billing

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
)

// MaxTrialDays bounds a trial.
const MaxTrialDays = 365

// nextPeriod is when a period starting at start ends: a calendar month later.
func nextPeriod(start time.Time) time.Time { return start.AddDate(0, 1, 0) }

// Subscription returns tenantID's subscription, as the caller may see it (NOT_FOUND
// when it has none or the caller may not see it).
func (s *Service) Subscription(ctx context.Context, tenantID int) (*ent.TenantSubscription, error) {
	return s.client.TenantSubscription.Query().Where(tenantsubscription.TenantID(tenantID)).Only(ctx)
}

// Subscribe starts billing tenantID on plan key (the platform's admins, by policy), free
// for trialDays when above 0; a canceled subscription starts again. Without a trial the
// first period is invoiced at once (the manual provider's invoice is due on issue).
func (s *Service) Subscribe(ctx context.Context, tenantID int, key plan.Key, trialDays int) (*ent.TenantSubscription, error) {
	if err := platformOnly(ctx, "start a tenant's subscription"); err != nil {
		return nil, err
	}
	if trialDays < 0 || trialDays > MaxTrialDays {
		return nil, apperr.Invalid("trialDays", "trialDays must be 0-%d", MaxTrialDays)
	}
	t, err := s.client.Tenant.Get(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	p, err := s.PlanByKey(ctx, key)
	if err != nil {
		return nil, err
	}
	cur, err := s.client.TenantSubscription.Query().Where(tenantsubscription.TenantID(tenantID)).Only(system(ctx))
	switch {
	case err == nil && cur.Status != tenantsubscription.StatusCanceled:
		return nil, apperr.New(apperr.Conflict, "the tenant is subscribed already: changePlan changes its plan")
	case err != nil && !ent.IsNotFound(err):
		return nil, err
	}
	now := s.Now().UTC()
	var trialEnd *time.Time
	start, end, status := now, nextPeriod(now), tenantsubscription.StatusActive
	if trialDays > 0 {
		e := now.AddDate(0, 0, trialDays)
		trialEnd, end, status = &e, e, tenantsubscription.StatusTrialing
	}
	started, err := s.provider.Subscribe(ctx, Customer{TenantID: t.ID, Handle: t.Handle, Name: t.Name, Email: t.BillingEmail}, p, trialEnd)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.TenantSubscription, error) {
		var m *ent.TenantSubscriptionMutation
		var save func(context.Context) (*ent.TenantSubscription, error)
		if cur != nil {
			u := tx.TenantSubscription.UpdateOne(cur).ClearPastDueSince().ClearCanceledAt()
			if trialEnd == nil {
				u.ClearTrialEndsAt()
			}
			m, save = u.Mutation(), u.Save
		} else {
			c := tx.TenantSubscription.Create().SetTenantID(tenantID)
			m, save = c.Mutation(), c.Save
		}
		m.SetPlanID(p.ID)
		m.SetStatus(status)
		m.SetProvider(s.provider.Name())
		m.SetProviderCustomerID(started.CustomerID)
		if started.SubscriptionID != "" {
			m.SetProviderSubscriptionID(started.SubscriptionID)
		}
		m.SetCurrentPeriodStart(start)
		m.SetCurrentPeriodEnd(end)
		if trialEnd != nil {
			m.SetTrialEndsAt(*trialEnd)
		}
		sub, err := save(ctx)
		if err != nil {
			return nil, txn.Conflict(err, "the tenant is subscribed already")
		}
		if err := setTier(ctx, tx, tenantID, key); err != nil {
			return nil, err
		}
		if status == tenantsubscription.StatusActive && !started.InvoicesItself {
			if _, err := issue(ctx, tx, sub, p, tenantinvoice.KindPeriod, p.Price, start, end, start,
				fmt.Sprintf("%s, %s to %s", p.Name, day(start), day(end))); err != nil {
				return nil, err
			}
		}
		return sub, nil
	})
}

// setTier keeps the tenant's subscription tier, which plan limits read, its plan's key.
func setTier(ctx context.Context, tx *ent.Tx, tenantID int, key plan.Key) error {
	return tx.Tenant.UpdateOneID(tenantID).SetSubscriptionTier(tenant.SubscriptionTier(key)).Exec(system(ctx))
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }
