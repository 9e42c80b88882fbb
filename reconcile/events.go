package reconcile

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
)

// markerKey is a key the reconciler keeps in the queue's Redis, with no expiry. Finding
// it gone means Redis lost its data (FLUSHALL, a restart without persistence, the
// in-process Redis of a restarted `cityos serve`): the tasks of published events may be
// gone with it.
func (r *Reconciler) markerKey() string { return r.KeyPrefix + "reconcile:marker" }

// outbox makes sure every event reaches the queue.
//
// Unpublished events are the relay's: the run relays them too, and reports those older
// than StuckAfter (a relay that is not running, or failing). Published events are the
// queue's, and asynq keeps each task (its id "outbox-<id>") until Retention after it ran;
// the one way they get lost is Redis losing its data. The rule: when the marker is gone,
// every event published within Window is enqueued again under its own task id — a task
// still there conflicts and stays as it is, a lost one is queued anew — and the marker is
// set once that succeeded. (A task that ran is
// kept for the queue retention (outbox.DefaultRetention unless configured), so within that window a missing task means a lost one.) Consumers de-duplicate by event id, so an event that had been
// handled before the loss is at worst handled again, never lost. A partial loss (keys
// evicted under memory pressure) is not detected: Redis for the queue must not evict.
func (r *Reconciler) outbox(ctx context.Context, add func(int, string, int), res *Result) error {
	stuck, err := r.Client.OutboxEvent.Query().Where(outboxevent.PublishedAtIsNil(),
		outboxevent.CreatedAtLT(time.Now().Add(-r.stuckAfter()))).All(ctx)
	if err != nil {
		return err
	}
	for _, ev := range stuck {
		add(tenantOf(ev.TenantID), "events_relayed", ev.ID)
	}
	res.StuckEvents = len(stuck)
	opts := []asynq.Option{asynq.Queue(r.eventQueue())}
	if _, err := outbox.Relay(ctx, r.Client, r.Queue, opts...); err != nil {
		return err
	}
	if r.Redis == nil {
		return nil
	}
	err = r.Redis.Get(ctx, r.markerKey()).Err()
	if err == nil {
		return nil
	}
	if !errors.Is(err, redis.Nil) {
		return fmt.Errorf("read marker: %w", err)
	}
	res.RedisWasEmptied = true
	after := 0
	for {
		evs, err := r.Client.OutboxEvent.Query().Where(outboxevent.PublishedAtGTE(time.Now().Add(-r.window())),
			outboxevent.IDGT(after)).Order(outboxevent.ByID()).Limit(outbox.BatchSize).All(ctx)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			queued, err := outbox.Requeue(ctx, r.Queue, ev, opts...)
			if err != nil {
				return err
			}
			if !queued {
				continue // still queued, or kept after it ran: not lost
			}
			add(tenantOf(ev.TenantID), "events_requeued", ev.ID)
			res.RequeuedEvents++
		}
		if len(evs) < outbox.BatchSize {
			break
		}
		after = evs[len(evs)-1].ID
	}
	return r.Redis.Set(ctx, r.markerKey(), time.Now().UTC().Format(time.RFC3339), 0).Err()
}

// tenantOf is the tenant a finding is reported to; 0 (the platform's events) is logged only.
func tenantOf(id *int) int {
	if id == nil {
		return 0
	}
	return *id
}
