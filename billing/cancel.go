package billing

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
)

// Cancel ends tenantID's subscription (the platform's admins): the provider stops
// billing, the open invoices are void and nothing more is invoiced. The tenant keeps its
// status (the platform's admins decide what becomes of it); Subscribe starts billing it
// again. Canceling a canceled subscription changes nothing.
func (s *Service) Cancel(ctx context.Context, tenantID int) (*ent.TenantSubscription, error) {
	if err := platformOnly(ctx, "cancel a tenant's subscription"); err != nil {
		return nil, err
	}
	sub, err := s.Subscription(ctx, tenantID)
	if err != nil || sub.Status == tenantsubscription.StatusCanceled {
		return sub, err
	}
	if sub.ProviderSubscriptionID != nil {
		if err := s.provider.Cancel(ctx, *sub.ProviderSubscriptionID); err != nil {
			return nil, err
		}
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.TenantSubscription, error) {
		if _, err := tx.TenantInvoice.Update().Where(tenantinvoice.SubscriptionID(sub.ID),
			tenantinvoice.StatusEQ(tenantinvoice.StatusOpen)).SetStatus(tenantinvoice.StatusVoid).Save(ctx); err != nil {
			return nil, err
		}
		return tx.TenantSubscription.UpdateOne(sub).SetStatus(tenantsubscription.StatusCanceled).
			SetCanceledAt(s.Now().UTC()).ClearPastDueSince().Save(ctx)
	})
}
