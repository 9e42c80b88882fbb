package webhooks

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/outbox"
)

// DisabledType is the event raised when the platform disables an endpoint.
const DisabledType = outbox.EndpointDisabled

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
// row and raises integration_endpoint.disabled (outbox.EndpointDisabled, from the one
// event hook), which tells the tenant's other listeners.
func disable(ctx context.Context, tx *ent.Tx, ep *ent.IntegrationEndpoint, reason string) error {
	return tx.IntegrationEndpoint.UpdateOneID(ep.ID).SetEnabled(false).SetDisabledReason(reason).Exec(ctx)
}
