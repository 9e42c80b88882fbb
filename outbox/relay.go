package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/viewer"
)

const (
	// BatchSize is how many events the relay reads at a time.
	BatchSize = 100
	// MaxRetry is how often a consumer's failure is retried (with asynq's backoff) before
	// the task is archived.
	MaxRetry = 10
	// DefaultRetention keeps a processed task (and so its task id) in Redis this long, so
	// a re-relay after a crash finds the id taken even once the task has run. A relay
	// passes asynq.Retention among its opts to change it (CITYOS_QUEUE_RETENTION).
	//
	// An hour is plenty: an event is re-relayed only while its row stays unpublished
	// after its enqueue, that is while marking it published keeps failing (the database
	// is down, every tick logging a warning). Only if that lasts longer than the
	// retention is the event queued again, and then consumers still see one event: each
	// one de-duplicates by event id (notifications by their Redis claim, webhook
	// receivers by webhook-id). Keeping a day of finished tasks cost Redis memory for
	// that one unlikely case.
	DefaultRetention = time.Hour
)

// TaskID is the asynq task id of the event with outbox id id. Enqueueing an event twice
// fails with asynq.ErrTaskIDConflict while the first task is still in Redis.
func TaskID(id int) string { return "outbox-" + strconv.Itoa(id) }

// Relay hands every unpublished event to asynq, batch by batch in id order (the events
// of a batch concurrently), and marks it published. It returns how many events it
// published.
//
// An event is enqueued with its task id before it is marked: a crash (or a failed mark)
// in between leaves it unpublished, and the next run's enqueue conflicts with the task
// already there, which counts as enqueued, so the event reaches the queue once. Two
// relays running at once are safe for the same reason. opts are added to every task
// (tests pass their own asynq.Queue).
func Relay(ctx context.Context, client *ent.Client, q *asynq.Client, opts ...asynq.Option) (int, error) {
	ctx = viewer.SystemContext(ctx, "outbox-relay")
	published, after := 0, 0
	for {
		events, err := client.OutboxEvent.Query().
			Where(outboxevent.PublishedAtIsNil(), outboxevent.IDGT(after)).
			Order(outboxevent.ByID()).Limit(BatchSize).All(ctx)
		if err != nil {
			return published, fmt.Errorf("outbox relay: read: %w", err)
		}
		if len(events) == 0 {
			return published, nil
		}
		ids, enqErr := enqueueAll(ctx, q, events, opts)
		n, err := markPublished(ctx, client, ids)
		published += n
		if err := errors.Join(enqErr, err); err != nil {
			return published, err
		}
		if len(events) < BatchSize {
			return published, nil
		}
		after = events[len(events)-1].ID
	}
}

// enqueuers is how many events of a batch are enqueued at once: each enqueue is a round
// trip to Redis, and one at a time the relay spent most of its time waiting on them.
const enqueuers = 16

// enqueueAll enqueues events concurrently and returns the ids of those that reached the
// queue (only those are then marked published), with the errors of the others.
func enqueueAll(ctx context.Context, q *asynq.Client, events []*ent.OutboxEvent, opts []asynq.Option) ([]int, error) {
	errs := make([]error, len(events))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(enqueuers, len(events)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(events); i = int(next.Add(1) - 1) {
				errs[i] = enqueue(ctx, q, events[i], opts)
			}
		}()
	}
	wg.Wait()
	ids := make([]int, 0, len(events))
	for i, ev := range events {
		if errs[i] == nil {
			ids = append(ids, ev.ID)
		}
	}
	return ids, errors.Join(errs...)
}

// enqueue queues ev's task; a task of the event already there counts as queued.
func enqueue(ctx context.Context, q *asynq.Client, ev *ent.OutboxEvent, extra []asynq.Option) error {
	if err := enqueueOnce(ctx, q, ev, false, extra); err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return err
	}
	return nil
}

// enqueueOnce queues ev's task, failing with asynq.ErrTaskIDConflict when it is there;
// again marks an event enqueued again (see Event.Again).
func enqueueOnce(ctx context.Context, q *asynq.Client, ev *ent.OutboxEvent, again bool, extra []asynq.Option) error {
	payload, err := json.Marshal(ev.Payload)
	if err != nil {
		return fmt.Errorf("outbox relay: event %d: %w", ev.ID, err)
	}
	env := Envelope(ev, payload)
	env.Again = again
	body, err := json.Marshal(env)
	if err != nil {
		return fmt.Errorf("outbox relay: event %d: %w", ev.ID, err)
	}
	opts := append([]asynq.Option{asynq.TaskID(TaskID(ev.ID)), asynq.MaxRetry(MaxRetry), asynq.Retention(DefaultRetention)}, extra...)
	if _, err = q.EnqueueContext(ctx, asynq.NewTask(TaskType(ev.Topic), body), opts...); err != nil {
		return fmt.Errorf("outbox relay: enqueue event %d: %w", ev.ID, err)
	}
	return nil
}

// Envelope is the relayed form of outbox row ev, whose payload is already JSON.
func Envelope(ev *ent.OutboxEvent, payload json.RawMessage) Event {
	return Event{
		ID: ev.ID, Topic: ev.Topic, TenantID: ev.TenantID, StoreID: ev.StoreID,
		AggregateType: ev.AggregateType, AggregateID: ev.AggregateID, Sequence: ev.Sequence,
		OccurredAt: ev.CreatedAt, Payload: payload,
		OriginEndpointID: ev.OriginEndpointID, TargetEndpointID: ev.TargetEndpointID,
	}
}

func markPublished(ctx context.Context, client *ent.Client, ids []int) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	n, err := client.OutboxEvent.Update().
		Where(outboxevent.IDIn(ids...), outboxevent.PublishedAtIsNil()).
		SetPublishedAt(time.Now()).Save(ctx)
	if err != nil {
		return 0, fmt.Errorf("outbox relay: mark published: %w", err)
	}
	return n, nil
}
