package webhooks

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

// FanOut queues the first attempt of delivering ev to every enabled endpoint of its
// tenant that hears it (see hears). It is idempotent by event: the tasks' ids are the
// event's and the endpoint's, and an attempt already made is not made again.
func (s *Service) FanOut(ctx context.Context, ev outbox.Event) error {
	if ev.TenantID == nil || ev.Topic == PingType {
		return nil
	}
	ctx = viewer.SystemContext(ctx, "webhook-fan-out")
	q := s.Client.IntegrationEndpoint.Query().
		Where(integrationendpoint.TenantID(*ev.TenantID), integrationendpoint.Enabled(true))
	if ev.TargetEndpointID != nil {
		q.Where(integrationendpoint.ID(*ev.TargetEndpointID))
	}
	endpoints, err := q.Select(integrationendpoint.FieldTenantID, integrationendpoint.FieldStoreID,
		integrationendpoint.FieldEventTypes).All(ctx)
	if err != nil {
		return fmt.Errorf("webhook fan-out of event %d: %w", ev.ID, err)
	}
	t := target{topic: ev.Topic, tenantID: ev.TenantID, storeID: ev.StoreID,
		originEndpointID: ev.OriginEndpointID, targetEndpointID: ev.TargetEndpointID}
	for _, ep := range endpoints {
		if !hears(ep, t) {
			continue
		}
		if err := s.enqueue(ctx, Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1}, time.Time{}); err != nil {
			return fmt.Errorf("webhook fan-out of event %d to endpoint %d: %w", ev.ID, ep.ID, err)
		}
	}
	return nil
}
