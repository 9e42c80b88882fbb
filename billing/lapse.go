package billing

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
)

// settle brings subscription id up to date after a payment: with no overdue invoice
// left, a past-due subscription is active again and a tenant billing suspended is
// reactivated. A tenant the platform's admins suspended by hand stays suspended.
func (s *Service) settle(ctx context.Context, tx *ent.Tx, id int) error {
	ctx = system(ctx)
	sub, err := tx.TenantSubscription.Get(ctx, id)
	if err != nil {
		return err
	}
	overdue, err := tx.TenantInvoice.Query().Where(tenantinvoice.SubscriptionID(id),
		tenantinvoice.StatusEQ(tenantinvoice.StatusOpen), tenantinvoice.DueAtLTE(s.Now())).Exist(ctx)
	if err != nil || overdue {
		return err
	}
	if sub.Status == tenantsubscription.StatusPastDue {
		if _, err := tx.TenantSubscription.Update().Where(tenantsubscription.ID(id),
			tenantsubscription.StatusEQ(tenantsubscription.StatusPastDue)).
			SetStatus(tenantsubscription.StatusActive).ClearPastDueSince().Save(ctx); err != nil {
			return err
		}
	}
	return reactivate(ctx, tx, sub.TenantID)
}

// reactivate lifts a billing suspension of tenantID.
func reactivate(ctx context.Context, tx *ent.Tx, tenantID int) error {
	_, err := tx.Tenant.Update().Where(tenant.ID(tenantID), tenant.StatusEQ(tenant.StatusSuspended),
		tenant.SuspendedByEQ(tenant.SuspendedByBilling)).
		SetStatus(tenant.StatusActive).ClearSuspendedBy().Save(system(ctx))
	return err
}

// markPastDue makes sub past due since since, once (only from active or trialing, as
// the row is now, not as it was read): a subscription past due already keeps the time
// its grace began.
func markPastDue(ctx context.Context, tx *ent.Tx, sub *ent.TenantSubscription, since time.Time) error {
	_, err := tx.TenantSubscription.Update().Where(tenantsubscription.ID(sub.ID),
		tenantsubscription.StatusIn(tenantsubscription.StatusActive, tenantsubscription.StatusTrialing)).
		SetStatus(tenantsubscription.StatusPastDue).SetPastDueSince(since).Save(system(ctx))
	return err
}

// Report is what a billing run did.
type Report struct {
	Renewed, PastDue, Suspended int
}

// Run is the periodic billing run: it starts the next period of every manually billed
// subscription whose period ended (invoicing it; a trial becomes active), makes past due
// the subscriptions with an invoice overdue, and suspends the tenants past due longer
// than the grace period. Each step changes a row only from the state it read, so runs
// repeated or run at once on two workers do each thing once.
func (s *Service) Run(ctx context.Context) (Report, error) {
	ctx = system(ctx)
	var rep Report
	errs := []error{s.renew(ctx, &rep), s.overdue(ctx, &rep)}
	errs = append(errs, s.suspendLapsed(ctx, &rep))
	if rep.Suspended > 0 {
		s.tenantChanged(ctx)
	}
	return rep, errors.Join(errs...)
}

// renew starts the next period of the manual subscriptions whose period is over.
func (s *Service) renew(ctx context.Context, rep *Report) error {
	now := s.Now()
	subs, err := s.client.TenantSubscription.Query().Where(tenantsubscription.Provider(Manual{}.Name()),
		tenantsubscription.StatusNEQ(tenantsubscription.StatusCanceled), tenantsubscription.CurrentPeriodEndLTE(now)).
		WithPlan().All(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, sub := range subs {
		err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
			start := sub.CurrentPeriodEnd
			end := nextPeriod(start)
			// Only from the period read: a second run finds none to move.
			n, err := tx.TenantSubscription.Update().Where(tenantsubscription.ID(sub.ID),
				tenantsubscription.CurrentPeriodEnd(sub.CurrentPeriodEnd)).
				SetCurrentPeriodStart(start).SetCurrentPeriodEnd(end).Save(ctx)
			if err != nil || n == 0 {
				return err
			}
			if sub.Status == tenantsubscription.StatusTrialing {
				if err := tx.TenantSubscription.UpdateOneID(sub.ID).SetStatus(tenantsubscription.StatusActive).Exec(ctx); err != nil {
					return err
				}
			}
			p := sub.Edges.Plan
			_, err = issue(ctx, tx, sub, p, tenantinvoice.KindPeriod, p.Price, start, end, start,
				fmt.Sprintf("%s, %s to %s", p.Name, day(start), day(end)))
			rep.Renewed++
			return err
		})
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// overdue makes past due every subscription with an open invoice past its due time.
func (s *Service) overdue(ctx context.Context, rep *Report) error {
	now := s.Now()
	subs, err := s.client.TenantSubscription.Query().Where(
		tenantsubscription.StatusIn(tenantsubscription.StatusActive, tenantsubscription.StatusTrialing),
		tenantsubscription.HasInvoicesWith(tenantinvoice.StatusEQ(tenantinvoice.StatusOpen), tenantinvoice.DueAtLTE(now))).
		All(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, sub := range subs {
		first, err := s.client.TenantInvoice.Query().Where(tenantinvoice.SubscriptionID(sub.ID),
			tenantinvoice.StatusEQ(tenantinvoice.StatusOpen), tenantinvoice.DueAtLTE(now)).
			Order(ent.Asc(tenantinvoice.FieldDueAt)).First(ctx)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, txn.Run(ctx, s.client, func(tx *ent.Tx) error { return markPastDue(ctx, tx, sub, first.DueAt) }))
		rep.PastDue++
	}
	return errors.Join(errs...)
}

// suspendLapsed suspends the operating tenants past due longer than the grace period,
// recording that billing suspended them (a payment lifts only that).
func (s *Service) suspendLapsed(ctx context.Context, rep *Report) error {
	lapsed, err := s.client.TenantSubscription.Query().Where(tenantsubscription.StatusEQ(tenantsubscription.StatusPastDue),
		tenantsubscription.PastDueSinceLTE(s.Now().Add(-s.grace))).
		Select(tenantsubscription.FieldTenantID).Ints(ctx)
	if err != nil || len(lapsed) == 0 {
		return err
	}
	n, err := s.client.Tenant.Update().Where(tenant.IDIn(lapsed...),
		tenant.StatusIn(tenant.StatusActive, tenant.StatusTrial)).
		SetStatus(tenant.StatusSuspended).SetSuspendedBy(tenant.SuspendedByBilling).Save(ctx)
	rep.Suspended += n
	return err
}
