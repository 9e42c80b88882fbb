package reconcile_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/reconcile"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/testenv"
)

// pendingEvents is the event ids whose tasks wait in queue.
func pendingEvents(t *testing.T, in *asynq.Inspector, queue string) []int {
	t.Helper()
	tasks, err := in.ListPendingTasks(queue, asynq.PageSize(1000))
	if err != nil {
		return nil // the queue is gone with the flush
	}
	var ids []int
	for _, ti := range tasks {
		ev, err := outbox.DecodeEvent(ti.Type, ti.Payload)
		require.NoError(t, err)
		require.Equal(t, outbox.TaskID(ev.ID), ti.ID)
		ids = append(ids, ev.ID)
	}
	return ids
}

// Redis flushed (FLUSHALL) with events published but not yet handled, one event not yet
// relayed and a queued sync job: the next reconciliation queues every one of them again,
// under the same task ids, so they are delivered; a second run changes nothing. A Redis of
// the test's own, since FLUSHALL would empty a shared one under other tests.
func TestReconcileAfterRedisFlush(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		mr := miniredis.RunT(t)
		rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
		t.Cleanup(func() { _ = rdb.Close() })
		queue := asynq.NewClientFromRedisClient(rdb)
		in := asynq.NewInspectorFromRedisClient(rdb)
		svc := syncs.New(db.Client, queue, asynq.Queue("syncs"))
		r := &reconcile.Reconciler{Client: db.Client, Queue: queue, Redis: rdb, EventQueue: "events", Syncs: svc}

		add := func(tenantID int) int {
			ev, err := db.Client.OutboxEvent.Create().SetTenantID(tenantID).SetTopic(outbox.OrderPlaced).
				SetAggregateType("order").SetAggregateID(tenantID).SetSequence(1).
				SetPayload(map[string]any{"id": tenantID}).Save(sys())
			require.NoError(t, err)
			return ev.ID
		}
		a, b := add(f.TenantA.ID), add(f.TenantB.ID)
		published, err := outbox.Relay(context.Background(), db.Client, queue, asynq.Queue("events"))
		require.NoError(t, err)
		require.GreaterOrEqual(t, published, 2)
		before := pendingEvents(t, in, "events")
		require.Contains(t, before, a)
		require.Contains(t, before, b)

		res, err := r.Run(context.Background())
		require.NoError(t, err)
		require.True(t, res.RedisWasEmptied, "a Redis never seen before counts as emptied")
		require.Zero(t, res.RequeuedEvents, "every task was still there")
		require.ElementsMatch(t, before, pendingEvents(t, in, "events"))

		ep := db.Client.IntegrationEndpoint.Create().SetTenantID(f.TenantA.ID).SetURL("https://hooks.example.com").
			SetEventTypes([]string{"*"}).SetSecret("whsec_dGVzdA==").SaveX(sys())
		job, err := svc.Start(sys(), ep.ID, syncjob.KindFull, nil)
		require.NoError(t, err)

		mr.FlushAll()
		require.Empty(t, pendingEvents(t, in, "events"), "the flush took the tasks")
		late := add(f.TenantA.ID) // written after the flush, not relayed yet

		res, err = r.Run(context.Background())
		require.NoError(t, err)
		require.True(t, res.RedisWasEmptied)
		require.Equal(t, len(before), res.RequeuedEvents, "the lost tasks, not the late event's (the relay queued it)")
		require.Equal(t, 1, res.RequeuedSyncs)

		// A worker on the flushed Redis gets every event, and the sync job, once.
		var mu sync.Mutex
		seen, jobs, again := map[int]int{}, map[int]int{}, map[int]bool{}
		mux := asynq.NewServeMux()
		mux.HandleFunc(outbox.TaskPrefix, func(_ context.Context, task *asynq.Task) error {
			ev, err := outbox.DecodeEvent(task.Type(), task.Payload())
			if err != nil {
				t.Error(err)
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			seen[ev.ID]++
			again[ev.ID] = ev.Again
			return nil
		})
		mux.HandleFunc(syncs.TaskType, func(_ context.Context, task *asynq.Task) error {
			id, err := syncs.JobOf(task)
			if err != nil {
				t.Error(err)
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			jobs[id]++
			return nil
		})
		srv := asynq.NewServerFromRedisClient(rdb, asynq.Config{Queues: map[string]int{"events": 1, "syncs": 1}, Concurrency: 2,
			Logger: quiet{}})
		require.NoError(t, srv.Start(mux))
		t.Cleanup(srv.Shutdown)
		// The endpoint's creation raised its own event, relayed with the late one.
		created, err := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("integration_endpoint"),
			outboxevent.AggregateID(ep.ID)).OnlyID(sys())
		require.NoError(t, err)
		want := map[int]int{late: 1, created: 1}
		for _, id := range before {
			want[id] = 1
		}
		require.Eventually(t, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(seen) == len(want) && jobs[job.ID] == 1
		}, 10*time.Second, 10*time.Millisecond)
		mu.Lock()
		require.Equal(t, want, seen)
		for _, id := range before {
			require.True(t, again[id], "event %d was queued again: its consumers look for what they did before", id)
		}
		require.False(t, again[late], "the relay's own enqueue is the event's first")
		mu.Unlock()

		// Tenant A's reconcile job lists its events queued again; B's its own.
		reported := map[int][]int{}
		for _, j := range res.Jobs {
			entry := j.Report["events_requeued"].(map[string]any)
			reported[j.TenantID] = entry["ids"].([]int)
		}
		require.Contains(t, reported[f.TenantA.ID], a)
		require.NotContains(t, reported[f.TenantA.ID], b)
		require.Contains(t, reported[f.TenantB.ID], b)
		require.NotContains(t, reported[f.TenantB.ID], a)

		res, err = r.Run(context.Background())
		require.NoError(t, err)
		require.False(t, res.RedisWasEmptied)
		require.Zero(t, res.RequeuedEvents, "nothing is queued twice")
	})
}

type quiet struct{}

func (quiet) Debug(...any) {}
func (quiet) Info(...any)  {}
func (quiet) Warn(...any)  {}
func (quiet) Error(...any) {}
func (quiet) Fatal(...any) {}
