package webhooks

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/predicate"
)

// eventsSince is a page of the endpoint's tenant's events written since since, after
// the event id after, in id order; for an endpoint limited to a store, that store's.
func (s *Service) eventsSince(ctx context.Context, ep *ent.IntegrationEndpoint, since time.Time, after int) ([]*ent.OutboxEvent, error) {
	where := []predicate.OutboxEvent{
		outboxevent.TenantID(ep.TenantID), outboxevent.CreatedAtGTE(since), outboxevent.IDGT(after),
	}
	if ep.StoreID != nil {
		where = append(where, outboxevent.Or(outboxevent.StoreID(*ep.StoreID), outboxevent.TargetEndpointID(ep.ID)))
	}
	return s.Client.OutboxEvent.Query().Where(where...).
		Order(outboxevent.ByID(sql.OrderAsc())).Limit(replayPage).All(ctx)
}
