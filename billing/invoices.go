package billing

import (
	"context"
	"strings"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/txn"
)

// issue records an invoice of sub, in the plan's currency. A credit (a negative
// proration) has nothing to collect: it is recorded paid.
func issue(ctx context.Context, tx *ent.Tx, sub *ent.TenantSubscription, p *ent.Plan, kind tenantinvoice.Kind,
	amount int64, start, end, due time.Time, description string) (*ent.TenantInvoice, error) {
	c := tx.TenantInvoice.Create().SetTenantID(sub.TenantID).SetSubscriptionID(sub.ID).SetKind(kind).
		SetAmount(amount).SetCurrencyCode(p.CurrencyCode).SetPeriodStart(start).SetPeriodEnd(end).SetDueAt(due).
		SetDescription(description)
	if amount <= 0 {
		c.SetStatus(tenantinvoice.StatusPaid).SetPaidAt(start)
	}
	return c.Save(system(ctx))
}

// Invoices lists a subscription's invoices as the caller may see them, newest first.
func (s *Service) Invoices(ctx context.Context, subscriptionID int) ([]*ent.TenantInvoice, error) {
	return s.client.TenantInvoice.Query().Where(tenantinvoice.SubscriptionID(subscriptionID)).
		Order(ent.Desc(tenantinvoice.FieldPeriodStart), ent.Desc(tenantinvoice.FieldID)).All(ctx)
}

// MarkInvoicePaid records that a tenant paid an invoice outside (the platform's admins,
// by policy), with the payment's reference. Paying the last overdue invoice makes the
// subscription active again and reactivates a tenant billing suspended. Marking a paid
// invoice again changes nothing.
func (s *Service) MarkInvoicePaid(ctx context.Context, id int, reference string) (*ent.TenantInvoice, error) {
	if err := platformOnly(ctx, "record a tenant's payment"); err != nil {
		return nil, err
	}
	reference = strings.TrimSpace(reference)
	if len(reference) > 255 {
		return nil, apperr.Invalid("reference", "reference must be at most 255 characters")
	}
	inv, err := txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.TenantInvoice, error) {
		inv, err := tx.TenantInvoice.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		switch inv.Status {
		case tenantinvoice.StatusPaid:
			return inv, nil
		case tenantinvoice.StatusVoid:
			return nil, apperr.New(apperr.Conflict, "the invoice is void: there is nothing to pay")
		}
		inv, err = tx.TenantInvoice.UpdateOne(inv).SetStatus(tenantinvoice.StatusPaid).
			SetPaidAt(s.Now().UTC()).SetReference(reference).Save(ctx)
		if err != nil {
			return nil, err
		}
		return inv, s.settle(ctx, tx, inv.SubscriptionID)
	})
	if err == nil {
		s.tenantChanged(ctx)
	}
	return inv, err
}
