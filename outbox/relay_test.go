package outbox_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sync/atomic"
	"testing"

	entgo "entgo.io/ent"
	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "outbox-test") }

// queue is an asynq client and inspector on a queue of the test's own, so tests sharing a
// Redis never see each other's tasks.
type queue struct {
	name      string
	client    *asynq.Client
	inspector *asynq.Inspector
}

func newQueue(t *testing.T) *queue {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	q := &queue{name: "test-" + hex.EncodeToString(b), client: asynq.NewClientFromRedisClient(rdb), inspector: asynq.NewInspectorFromRedisClient(rdb)}
	t.Cleanup(func() { _ = q.inspector.DeleteQueue(q.name, true) })
	return q
}

func (q *queue) relay(t *testing.T, client *ent.Client) (int, error) {
	t.Helper()
	return outbox.Relay(context.Background(), client, q.client, asynq.Queue(q.name))
}

func (q *queue) pending(t *testing.T) []*asynq.TaskInfo {
	t.Helper()
	tasks, err := q.inspector.ListPendingTasks(q.name, asynq.PageSize(1000))
	require.NoError(t, err)
	return tasks
}

func addEvent(t *testing.T, client *ent.Client, tenantID int, topic string, payload map[string]any) int {
	t.Helper()
	var id int
	require.NoError(t, txn.Run(sys(), client, func(tx *ent.Tx) error {
		if err := outbox.Add(sys(), tx, tenantID, topic, payload); err != nil {
			return err
		}
		var err error
		id, err = tx.OutboxEvent.Query().Aggregate(ent.Max(outboxevent.FieldID)).Int(sys())
		return err
	}))
	return id
}

func unpublished(t *testing.T, client *ent.Client) int {
	t.Helper()
	n, err := client.OutboxEvent.Query().Where(outboxevent.PublishedAtIsNil()).Count(sys())
	require.NoError(t, err)
	return n
}

func TestRelayPublishesEachEventOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		q := newQueue(t)
		placed := addEvent(t, db.Client, f.TenantA.ID, outbox.OrderPlaced, outbox.OrderPayload(41))
		shipped := addEvent(t, db.Client, f.TenantB.ID, outbox.OrderShipped, outbox.OrderPayload(42))
		platform := addEvent(t, db.Client, 0, "platform.ping", map[string]any{"hello": "world"})

		n, err := q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, 3, n)
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Zero(t, n, "a second run finds nothing to publish")
		require.Zero(t, unpublished(t, db.Client))

		tasks := q.pending(t)
		require.Len(t, tasks, 3, "each event is enqueued exactly once")
		byID := map[string]*asynq.TaskInfo{}
		for _, ti := range tasks {
			byID[ti.ID] = ti
		}
		for id, want := range map[int]struct {
			topic  string
			tenant *int
		}{placed: {outbox.OrderPlaced, &f.TenantA.ID}, shipped: {outbox.OrderShipped, &f.TenantB.ID}, platform: {"platform.ping", nil}} {
			ti := byID[outbox.TaskID(id)]
			require.NotNil(t, ti, "task outbox-%d", id)
			require.Equal(t, "event:"+want.topic, ti.Type)
			require.Equal(t, outbox.MaxRetry, ti.MaxRetry)
			ev, err := outbox.DecodeEvent(ti.Type, ti.Payload)
			require.NoError(t, err)
			require.Equal(t, id, ev.ID)
			require.Equal(t, want.topic, ev.Topic)
			require.Equal(t, want.tenant, ev.TenantID)
		}
		ev, err := outbox.DecodeEvent(byID[outbox.TaskID(placed)].Type, byID[outbox.TaskID(placed)].Payload)
		require.NoError(t, err)
		orderID, err := ev.OrderID()
		require.NoError(t, err)
		require.Equal(t, 41, orderID)
		require.JSONEq(t, `{"hello":"world"}`, string(mustDecode(t, byID[outbox.TaskID(platform)]).Payload))
	})
}

func mustDecode(t *testing.T, ti *asynq.TaskInfo) outbox.Event {
	t.Helper()
	ev, err := outbox.DecodeEvent(ti.Type, ti.Payload)
	require.NoError(t, err)
	return ev
}

// A relay that enqueues and then fails to mark the events (the database went away, or
// the process crashed) leaves them unpublished; the next run finds their tasks already
// queued and only marks them.
func TestRelayNeverEnqueuesTwiceWhenMarkingFails(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		q := newQueue(t)
		var failMarks atomic.Bool
		db.Client.OutboxEvent.Use(func(next ent.Mutator) ent.Mutator {
			return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
				if m.Op().Is(entgo.OpUpdate|entgo.OpUpdateOne) && failMarks.Load() {
					return nil, errors.New("connection reset")
				}
				return next.Mutate(ctx, m)
			})
		})
		for i := 0; i < 3; i++ {
			addEvent(t, db.Client, 0, outbox.OrderPlaced, outbox.OrderPayload(100+i))
		}

		failMarks.Store(true)
		n, err := q.relay(t, db.Client)
		require.ErrorContains(t, err, "connection reset")
		require.Zero(t, n)
		require.Equal(t, 3, unpublished(t, db.Client), "the events stay unpublished")
		require.Len(t, q.pending(t), 3, "but their tasks are queued")

		failMarks.Store(false)
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, 3, n, "the retry marks them")
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Zero(t, n)
		require.Zero(t, unpublished(t, db.Client))
		require.Len(t, q.pending(t), 3, "and nothing was enqueued twice")
	})
}

// More events than a batch are all published, in id order.
func TestRelayWorksInBatches(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		q := newQueue(t)
		const count = outbox.BatchSize + 7
		ids := make([]int, count)
		require.NoError(t, txn.Run(sys(), db.Client, func(tx *ent.Tx) error {
			for i := range count {
				if err := outbox.Add(sys(), tx, 0, outbox.OrderPlaced, outbox.OrderPayload(i+1)); err != nil {
					return err
				}
			}
			return nil
		}))
		all, err := db.Client.OutboxEvent.Query().Order(outboxevent.ByID()).IDs(sys())
		require.NoError(t, err)
		copy(ids, all)

		n, err := q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, count, n)
		tasks := q.pending(t)
		require.Len(t, tasks, count)
		got := make([]int, len(tasks))
		for i, ti := range tasks {
			var ev outbox.Event
			require.NoError(t, json.Unmarshal(ti.Payload, &ev))
			got[i] = ev.ID
		}
		require.Equal(t, ids, got, "tasks are queued in event id order")
	})
}
