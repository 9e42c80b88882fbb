package webhooks

import (
	"context"

	"github.com/dakkah/cityos/ent"
)

// DisabledType is the event raised when the platform disables an endpoint.
const DisabledType = "integration_endpoint.disabled"

// countDead adds a dead delivery to the endpoint's streak, and disables the endpoint
// when the streak reaches Config.DeadStreak. The add is atomic in SQL: two deliveries
// dying at once both count.
func (s *Service) countDead(ctx context.Context, tx *ent.Tx, ep *ent.IntegrationEndpoint) error {
	after, err := tx.IntegrationEndpoint.UpdateOneID(ep.ID).AddDeadStreak(1).Save(ctx)
	if err != nil {
		return err
	}
	if after.Enabled && s.Config.DeadStreak > 0 && after.DeadStreak >= s.Config.DeadStreak {
		return disable(ctx, tx, after, "deliveries kept failing: the last "+itoa(after.DeadStreak)+" died after every attempt")
	}
	return nil
}

// disable turns the endpoint off with the reason, in tx: the update writes its audit
// row, and the integration_endpoint.disabled event tells the tenant's other listeners.
func disable(ctx context.Context, tx *ent.Tx, ep *ent.IntegrationEndpoint, reason string) error {
	if err := tx.IntegrationEndpoint.UpdateOneID(ep.ID).SetEnabled(false).SetDisabledReason(reason).Exec(ctx); err != nil {
		return err
	}
	c := tx.OutboxEvent.Create().SetTenantID(ep.TenantID).SetNillableStoreID(ep.StoreID).SetTopic(DisabledType).
		SetAggregateType("integration_endpoint").SetAggregateID(ep.ID).
		SetPayload(map[string]any{"id": ep.ID, "url": ep.URL, "reason": reason})
	return c.Exec(ctx)
}
