package webhooks

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

// FanOut queues the first attempt of delivering ev to every endpoint that hears it (see
// integration.Hears). It is idempotent by event: the tasks' ids are the event's and the
// endpoint's, and an attempt already made is not made again.
func (s *Service) FanOut(ctx context.Context, ev outbox.Event) error {
	if ev.TenantID == nil || ev.Topic == PingType {
		return nil
	}
	ctx = viewer.SystemContext(ctx, "webhook-fan-out")
	endpoints, err := integration.Subscribers(ctx, s.Client, ev)
	if err != nil {
		return fmt.Errorf("webhook fan-out of event %d: %w", ev.ID, err)
	}
	for _, ep := range endpoints {
		if err := s.enqueue(ctx, Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1}, time.Time{}); err != nil {
			return fmt.Errorf("webhook fan-out of event %d to endpoint %d: %w", ev.ID, ep.ID, err)
		}
	}
	return nil
}
