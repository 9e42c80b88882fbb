package webhooks

import (
	"context"
	"strconv"

	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/viewer"
)

// Prune deletes the attempts older than Config.Retention and returns how many.
func (s *Service) Prune(ctx context.Context) (int, error) {
	ctx = viewer.SystemContext(ctx, "webhook-prune")
	return s.Client.WebhookDelivery.Delete().
		Where(webhookdelivery.CreatedAtLT(s.now().Add(-s.Config.Retention))).Exec(ctx)
}

func itoa(n int) string { return strconv.Itoa(n) }
