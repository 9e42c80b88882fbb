package webhooks

import (
	"context"

	"github.com/dakkah/cityos/ent"
)

// Record writes an attempt's row through the service's recorder, as an attempt does.
func (s *Service) Record(ctx context.Context, create *ent.WebhookDeliveryCreate) (*ent.WebhookDelivery, error) {
	return s.recorder().write(ctx, s.Client, create)
}
