package webhooks

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

var errNoEndpoint = apperr.New(apperr.NotFound, "no such integration endpoint")

// Deliveries is the query of an endpoint's attempts, in the caller's context (its
// policy shows them to the endpoint's readers).
func (s *Service) Deliveries(ctx context.Context, endpointID int) (*ent.WebhookDeliveryQuery, error) {
	ok, err := s.Client.IntegrationEndpoint.Query().Where(integrationendpoint.ID(endpointID)).Exist(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNoEndpoint
	}
	return s.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(endpointID)), nil
}

// managed reads the endpoint id as the caller and checks that the caller may act on it.
func (s *Service) managed(ctx context.Context, id int) (*ent.IntegrationEndpoint, error) {
	ep, err := s.Client.IntegrationEndpoint.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, errNoEndpoint
	}
	if err != nil {
		return nil, err
	}
	if !access.MayManageEndpoint(viewer.FromContext(ctx), ep.TenantID, ep.VendorID) {
		return nil, apperr.New(apperr.Forbidden, "only the tenant's admins (and a vendor's admins, on its endpoints) act on integration endpoints")
	}
	return ep, nil
}

var errDisabled = apperr.New(apperr.Conflict, "the endpoint is disabled: enable it first")

// Ping sends a ping message to the endpoint now, once, and returns the attempt. The ping
// is an event addressed to the endpoint alone, written as already relayed: it is sent
// here, and no other consumer hears it.
func (s *Service) Ping(ctx context.Context, endpointID int) (*ent.WebhookDelivery, error) {
	ep, err := s.managed(ctx, endpointID)
	if err != nil {
		return nil, err
	}
	sys := viewer.SystemContext(ctx, "webhook-ping")
	ev, err := s.Client.OutboxEvent.Create().SetTenantID(ep.TenantID).SetNillableStoreID(ep.StoreID).
		SetTopic(PingType).SetAggregateType("integration_endpoint").SetAggregateID(ep.ID).
		SetTargetEndpointID(ep.ID).SetPublishedAt(s.now()).
		SetPayload(map[string]any{"endpointId": ep.ID}).Save(sys)
	if err != nil {
		return nil, err
	}
	return s.sendNow(ctx, Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1, Once: true})
}

// ReplayDelivery sends a delivery's event to its endpoint again, now, as a new delivery
// with the same webhook-id (retried on the schedule if it fails), and returns its first
// attempt.
func (s *Service) ReplayDelivery(ctx context.Context, deliveryID int) (*ent.WebhookDelivery, error) {
	d, err := s.Client.WebhookDelivery.Get(ctx, deliveryID)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no such webhook delivery")
	}
	if err != nil {
		return nil, err
	}
	ep, err := s.managed(ctx, d.EndpointID)
	if err != nil {
		return nil, err
	}
	if !ep.Enabled {
		return nil, errDisabled
	}
	return s.sendNow(ctx, Attempt{EventID: d.EventID, EndpointID: ep.ID, Number: 1, Run: newRun()})
}

func (s *Service) sendNow(ctx context.Context, a Attempt) (*ent.WebhookDelivery, error) {
	row, err := s.Deliver(ctx, a)
	if err == nil && row == nil {
		return nil, apperr.New(apperr.NotFound, "nothing to deliver: the endpoint or the event is gone")
	}
	if err != nil {
		return nil, err
	}
	// Read back as the caller: what it may see of the row.
	return s.Client.WebhookDelivery.Get(ctx, row.ID)
}

// newRun names a replay: its attempts are rows and tasks of their own.
func newRun() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "r" + hex.EncodeToString(b)
}

// MaxReplay bounds one replayEvents.
const MaxReplay = 10_000

// replayPage is how many events replayEvents reads at a time.
const replayPage = 500

// Replayed is what ReplayEvents did.
type Replayed struct {
	Enqueued  int
	Truncated bool
}

// ReplayEvents queues again, oldest first, the events of the endpoint's tenant since
// since that the endpoint hears, at most MaxReplay; each is a new delivery with its
// event's webhook-id.
func (s *Service) ReplayEvents(ctx context.Context, endpointID int, since time.Time) (Replayed, error) {
	ep, err := s.managed(ctx, endpointID)
	if err != nil {
		return Replayed{}, err
	}
	if !ep.Enabled {
		return Replayed{}, errDisabled
	}
	var out Replayed
	run, after := newRun(), 0
	sys := viewer.SystemContext(ctx, "webhook-replay")
	for {
		page, err := s.eventsSince(sys, ep, since, after)
		if err != nil {
			return out, err
		}
		for _, ev := range page {
			if ev.Topic == PingType || !integration.Hears(ep, outbox.Event{Topic: ev.Topic, TenantID: ev.TenantID,
				StoreID: ev.StoreID, OriginEndpointID: ev.OriginEndpointID, TargetEndpointID: ev.TargetEndpointID}) {
				continue
			}
			if out.Enqueued == MaxReplay {
				out.Truncated = true
				return out, nil
			}
			if err := s.enqueue(sys, Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1, Run: run}, time.Time{}); err != nil {
				return out, err
			}
			out.Enqueued++
		}
		if len(page) < replayPage {
			return out, nil
		}
		after = page[len(page)-1].ID
	}
}
