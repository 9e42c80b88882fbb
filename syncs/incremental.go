package syncs

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/integration"
)

// cursorEvents is the cursor entity of an incremental sync: the last outbox id copied.
const cursorEvents = "event"

// runIncremental re-sends the tenant's events since the job's since (or the endpoint's
// last successful sync's start, or the endpoint's creation) that the endpoint subscribes
// to, as copies targeted at it: the same topic, aggregate, sequence and payload, under
// new event ids (a receiver tells a re-sent change from a newer one by its sequence).
// Events targeted at an endpoint (snapshots, copies) and events the endpoint itself
// caused (inbound webhooks) are never re-sent.
func (s *Service) runIncremental(ctx context.Context, job *ent.SyncJob, ep *ent.IntegrationEndpoint, sc scope) error {
	since, err := s.since(ctx, job, ep)
	if err != nil {
		return err
	}
	after := job.CursorID
	for {
		if err := stopped(ctx); err != nil {
			return err
		}
		q := s.Client.OutboxEvent.Query().Where(outboxevent.TenantID(sc.tenantID), outboxevent.IDGT(after),
			outboxevent.CreatedAtGTE(since), outboxevent.TargetEndpointIDIsNil(),
			outboxevent.Or(outboxevent.OriginEndpointIDIsNil(), outboxevent.OriginEndpointIDNEQ(ep.ID)))
		if sc.storeID != nil {
			q.Where(outboxevent.Or(outboxevent.StoreIDIsNil(), outboxevent.StoreID(*sc.storeID)))
		}
		evs, err := q.Order(outboxevent.ByID()).Limit(s.pageSize()).All(ctx)
		if err != nil {
			return fmt.Errorf("sync job %d: read events: %w", job.ID, err)
		}
		if len(evs) == 0 {
			return nil
		}
		p := page{entity: cursorEvents, lastID: evs[len(evs)-1].ID}
		for _, e := range evs {
			if !integration.SubscribesTo(ep.EventTypes, e.Topic) {
				continue
			}
			p.events = append(p.events, event{storeID: e.StoreID, topic: e.Topic, aggregate: e.AggregateType,
				id: e.AggregateID, sequence: e.Sequence, payload: e.Payload})
			p.sent++
		}
		p.total = p.sent
		if err := s.commit(ctx, job, ep.ID, p); err != nil {
			return err
		}
		after = p.lastID
		if len(evs) < s.pageSize() {
			return nil
		}
	}
}

// since is where an incremental job starts: its own since, else the start of the
// endpoint's last successful sync (events of that sync's run may not be in its
// snapshots), else the endpoint's creation.
func (s *Service) since(ctx context.Context, job *ent.SyncJob, ep *ent.IntegrationEndpoint) (time.Time, error) {
	if job.Since != nil {
		return *job.Since, nil
	}
	last, err := s.Client.SyncJob.Query().Where(syncjob.EndpointID(ep.ID), syncjob.IDNEQ(job.ID),
		syncjob.StatusEQ(syncjob.StatusSucceeded), syncjob.StartedAtNotNil()).
		Order(ent.Desc(syncjob.FieldStartedAt)).First(ctx)
	if ent.IsNotFound(err) {
		return ep.CreatedAt, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	return *last.StartedAt, nil
}
